"""The scale benchmark at N=10: generator, every stage that exists, the table, and the checks the
benchmark makes (ingest recovers what was generated; a warm translation memory sends nothing)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
STAGES_BY_MODULE = {
    "ingest (cold)": ROOT / "build_tools" / "ingest" / "__init__.py",
    "ingest (warm rerun)": ROOT / "build_tools" / "ingest" / "__init__.py",
    "translate (cold memory)": ROOT / "build_tools" / "translate" / "__init__.py",
    "translate (rerun, no change)": ROOT / "build_tools" / "translate" / "__init__.py",
    "translate (warm memory, en removed)": ROOT / "build_tools" / "translate" / "__init__.py",
    "site build (ours)": ROOT / "build_tools" / "site" / "build.py",
    "baseline: mkdocs, flat nav": ROOT / "build_tools" / "ingest" / "__init__.py",
}


def generate(tmp_path: Path, name: str, count: int, seed: int = 1) -> Path:
    out = tmp_path / name / "pages"
    subprocess.run([sys.executable, str(BENCHMARKS / "generate_pages.py"), str(count), "--out", str(out),
                    "--seed", str(seed)], check=True, capture_output=True, text=True)
    return out


@pytest.fixture(scope="module")
def benchmark_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("bench")
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "10", "--doc", str(tmp / "benchmarks.md"),
         "--json", str(tmp / "results.json"), "--keep", str(tmp / "work")],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return {"stdout": completed.stdout, "doc": (tmp / "benchmarks.md").read_text(encoding="utf-8"),
            "result": json.loads((tmp / "results.json").read_text(encoding="utf-8"))[0], "work": tmp / "work" / "n10"}


def table_rows(stdout: str) -> dict[str, list[str]]:
    rows = {}
    for line in stdout.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 9 and cells[0] == "10":
            rows[cells[1]] = cells
    return rows


@pytest.mark.slow
def test_table_has_a_measured_row_for_every_stage_that_exists(benchmark_run: dict) -> None:
    rows = table_rows(benchmark_run["stdout"])
    assert "| N | stage | wall s | peak RSS MB |" in benchmark_run["stdout"]
    for stage, module in STAGES_BY_MODULE.items():
        assert stage in rows, f"no row for {stage}"
        if module.exists():
            wall, rss = rows[stage][2], rows[stage][3]
            assert float(wall) > 0 and float(rss) > 0, f"{stage}: {rows[stage][-1]}"
        else:
            assert rows[stage][-1] == "n/a (stage not built)"
    assert benchmark_run["doc"].startswith("# Benchmarks")
    assert "CPUs (nproc)" in benchmark_run["doc"] and "python benchmarks/run.py --sizes 10" in benchmark_run["doc"]


@pytest.mark.slow
def test_ingest_recovers_every_generated_article(benchmark_run: dict) -> None:
    recovery = benchmark_run["result"]["recovery"]
    assert recovery["articles"] == 10
    hits = recovery["field_hits"]
    assert (hits["title"], hits["authors"], hits["author_note"], hits["paragraphs"]) == (10, 10, 10, 10), \
        recovery["mismatches"]


@pytest.mark.slow
def test_warm_translation_memory_sends_no_request(benchmark_run: dict) -> None:
    if not STAGES_BY_MODULE["translate (cold memory)"].exists():
        pytest.skip("translate stage not built")
    stages = {stage["stage"]: stage for stage in benchmark_run["result"]["stages"]}
    assert stages["translate (cold memory)"]["requests"] > 0
    assert stages["translate (rerun, no change)"]["requests"] == 0
    assert stages["translate (warm memory, en removed)"]["requests"] == 0
    assert len(list((benchmark_run["work"] / "content" / "en").glob("*.md"))) == 10


def test_generator_is_deterministic_and_keeps_expectations_away_from_the_pages(tmp_path: Path) -> None:
    first, second = generate(tmp_path, "a", 7), generate(tmp_path, "b", 7)
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in names)
    assert [path.suffix for path in first.iterdir()] == [".txt"] * 3  # 7 articles: 3 + 3 + 1
    expected = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((first.parent / "expected").iterdir())]
    assert [len(page["articles"]) for page in expected] == [3, 3, 1]


def test_generated_pages_carry_every_artifact_of_the_seed(tmp_path: Path) -> None:
    """The generator must not get easier: across 30 articles each artifact of the seed occurs."""
    pages = generate(tmp_path, "artifacts", 30)
    texts = [path.read_text(encoding="utf-8") for path in sorted(pages.iterdir())]
    expected = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((pages.parent / "expected").iterdir())]
    everything = "\n".join(texts)
    titles = [article["title"] for page in expected for article in page["articles"]]
    assert any(title * 2 in everything for title in titles), "no doubled bold title"
    assert re.search(r"\n(\w)\1\n\n(\w)\2\n", everything), "no vertical byline (one doubled character a line)"
    assert re.search(r"\n(\w{2,3})\1 (\w{2,3})\2\n", everything), "no doubled names"
    assert re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff] ", everything), "no justification spaces"
    assert re.search(r"[\u4e00-\u9fff] \d+ [\u4e00-\u9fff]", everything), "no spaces around digits"
    assert re.search(r"（作者[^）]*\n\n[^）]*）", everything) and re.search(r"（作者[^）\n]*\n[^）\n]+）", everything), \
        "author notes never span lines both with and without blank lines"
    assert re.search(r"\n[^\n（]{10,}\n[^\n（]{10,}\n[^\n（]{10,}\n", everything), "no column without blank lines"
    assert re.search(r"\n[^\n（]{10,}\n\n[^\n（]{10,}\n\n[^\n（]{10,}\n", everything), "no column with blank lines"
    assert all(sorted(a["header_entry"] for a in page["articles"]) != [a["header_entry"] for a in page["articles"]]
               for page in expected), "header order equals body order on some page"
    widths = {max(len(line) for line in text.split("\n")) for text in texts}
    assert len(widths) > 3, "column widths do not vary"
