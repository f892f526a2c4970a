"""The scale benchmark: `python benchmarks/run.py --sizes 10,100,1000`.

For each size N, in a fresh work folder: generate N articles as raw pages (generate_pages.py), then
run every pipeline stage that exists as its own process, measuring wall time, peak RSS and the
translation requests it sent:
  ingest (cold), ingest (warm rerun: every page unchanged, skipped by hash),
  translate against a local LibreTranslate-compatible server (cold memory; a rerun with nothing
  changed; warm memory with content/en removed), our site build, and a plain `mkdocs build` of the
  same Markdown with Material and a flat navigation as the baseline.
Ingest's output is checked against the generator's expected structure (recovery rate). One
Markdown table goes to standard output and, with reproduction notes and the machine, to
docs/benchmarks.md (--doc). A stage that is not built yet is reported as n/a, never estimated.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from measure import Measurement, SiteMetrics, not_available, run_measured  # noqa: E402
from recovery import Recovery, compare  # noqa: E402
from report import render_doc, render_table, render_targets  # noqa: E402
from sites import baseline_stage, site_stage  # noqa: E402

from build_tools.markdown_io import read_article  # noqa: E402
from build_tools.segments import segments_of  # noqa: E402

PYTHON = sys.executable
FAKE_SERVER = ROOT / "tests" / "support" / "fake_translation_server.py"
STAGE_TIMEOUT = 1800.0


@dataclass
class SizeResult:
    size: int
    pages: int = 0
    articles_ingested: int = 0
    unique_characters: int = 0  # of the distinct Chinese segments (titles, blocks, notes): what must be translated
    segments: int = 0
    unique_segments: int = 0
    stages: list[Measurement] = field(default_factory=list)
    recovery: Recovery | None = None
    site: SiteMetrics | None = None
    baseline: SiteMetrics | None = None

    def stage(self, name: str) -> Measurement | None:
        return next((m for m in self.stages if m.stage == name), None)


@dataclass
class Context:
    work: Path
    env: dict[str, str]
    server: object | None  # FakeTranslationServer, when tests/support provides it
    seed: int
    timeout: float

    def settings(self) -> Path:
        return self.work / "settings.yml"

    def cli(self, *args: str) -> list[str]:
        return [PYTHON, "-m", "build_tools", "--settings", str(self.settings()), *args]


def load_fake_server() -> type | None:
    """FakeTranslationServer from tests/support, imported by path (tests/ is not a package here)."""
    if not FAKE_SERVER.exists():
        return None
    import importlib.util
    spec = importlib.util.spec_from_file_location("fake_translation_server", FAKE_SERVER)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.FakeTranslationServer


def module_exists(*parts: str) -> bool:
    path = ROOT.joinpath(*parts)
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def write_settings(context: Context) -> None:
    """The project's settings.yml with every folder inside the work folder."""
    raw = yaml.safe_load((ROOT / "settings.yml").read_text(encoding="utf-8")) or {}
    raw.update(seeds_dir="pages", content_dir="content", memory_dir="translation_memory",
               glossary_file=str(ROOT / "glossary.yml"))
    translate = raw.setdefault("translate", {})
    translate["engine"] = "libre"
    translate["base_url"] = context.server.url if context.server else None  # type: ignore[attr-defined]
    context.settings().write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def measured(context: Context, stage: str, argv: list[str], cwd: Path | None = None) -> Measurement:
    before = len(context.server.requests) if context.server else 0  # type: ignore[attr-defined]
    result = run_measured(stage, argv, cwd=cwd or context.work, env=context.env,
                          log_dir=context.work / "logs", timeout=context.timeout)
    if context.server and stage.startswith("translate"):
        result.requests = len(context.server.requests) - before  # type: ignore[attr-defined]
    return result


def content_stats(result: SizeResult, zh_dir: Path) -> None:
    texts = [segment.text for path in sorted(zh_dir.glob("*.md")) for segment in segments_of(read_article(path))]
    result.articles_ingested = len(list(zh_dir.glob("*.md")))
    result.segments, result.unique_segments = len(texts), len(set(texts))
    result.unique_characters = sum(len(text) for text in set(texts))


def ingest_stages(context: Context, result: SizeResult) -> bool:
    if not module_exists("build_tools", "ingest"):
        result.stages += [not_available("ingest (cold)", "stage not built"),
                          not_available("ingest (warm rerun)", "stage not built")]
        return False
    argv = context.cli("ingest", "--out", str(context.work / "content"))
    result.stages.append(measured(context, "ingest (cold)", argv))
    result.stages.append(measured(context, "ingest (warm rerun)", argv))
    zh_dir = context.work / "content" / "zh"
    if result.stage("ingest (cold)").status != "ok":  # type: ignore[union-attr]
        return False
    content_stats(result, zh_dir)
    result.recovery = compare(context.work / "expected", zh_dir)
    return True


def translate_stages(context: Context, result: SizeResult) -> bool:
    names = ("translate (cold memory)", "translate (rerun, no change)", "translate (warm memory, en removed)")
    why = "stage not built" if not module_exists("build_tools", "translate") else \
        "no local server: tests/support/fake_translation_server.py missing" if context.server is None else None
    if why:
        result.stages += [not_available(name, why) for name in names]
        return False
    argv = context.cli("translate", "--engine", "libre", "--base-url", context.server.url)  # type: ignore[attr-defined]
    result.stages.append(measured(context, names[0], argv))
    result.stages.append(measured(context, names[1], argv))
    shutil.rmtree(context.work / "content" / "en", ignore_errors=True)
    result.stages.append(measured(context, names[2], argv))
    return all(result.stage(name).status == "ok" for name in names)  # type: ignore[union-attr]


def bench_size(size: int, context: Context) -> SizeResult:
    result = SizeResult(size)
    write_settings(context)
    generated = measured(context, "generate pages", [
        PYTHON, str(HERE / "generate_pages.py"), str(size), "--out", str(context.work / "pages"),
        "--expected", str(context.work / "expected"), "--seed", str(context.seed)])
    result.stages.append(generated)
    result.pages = len(list((context.work / "pages").glob("*.txt")))
    if ingest_stages(context, result):
        translate_stages(context, result)
    else:
        result.stages += [not_available(name, "no ingested content") for name in (
            "translate (cold memory)", "translate (rerun, no change)", "translate (warm memory, en removed)")]
    site_stage(context, result, measured)
    baseline_stage(context, result, measured)
    return result


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(NO_MKDOCS_2_WARNING="1", LIBRE_API_KEY=env.get("LIBRE_API_KEY", "benchmark"), PYTHONHASHSEED="0")
    return env


def run_sizes(sizes: list[int], seed: int, keep: Path | None, timeout: float) -> list[SizeResult]:
    server_class = load_fake_server()
    server = server_class() if server_class else None
    if server:
        server.start()
    results = []
    try:
        for size in sizes:
            work = (keep / f"n{size}") if keep else Path(tempfile.mkdtemp(prefix=f"bench-n{size}-"))
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            results.append(bench_size(size, Context(work, child_environment(), server, seed, timeout)))
            if not keep:
                shutil.rmtree(work, ignore_errors=True)
            print(f"benchmark: N={size} done", file=sys.stderr)
    finally:
        if server:
            server.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scale benchmark of ingest, translate and the site build.")
    parser.add_argument("--sizes", default="10,100,1000", help="article counts, comma-separated (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: %(default)s)")
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "benchmarks.md",
                        help="Markdown report to write (default: docs/benchmarks.md); '-' writes none")
    parser.add_argument("--json", type=Path, help="also write the raw results as JSON here")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep each size's work folder under DIR")
    parser.add_argument("--stage-timeout", type=float, default=STAGE_TIMEOUT, help="seconds (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--sizes: expected whole numbers separated by commas, got {args.sizes!r}")
    if not sizes or min(sizes) < 1:
        parser.error(f"--sizes: expected whole numbers of at least 1, got {args.sizes!r}")
    results = run_sizes(sizes, args.seed, args.keep, args.stage_timeout)
    table, targets = render_table(results), render_targets(results)
    print(table + "\n\n" + targets)
    command = f"python benchmarks/run.py --sizes {args.sizes} --seed {args.seed}"
    if str(args.doc) != "-":
        args.doc.parent.mkdir(parents=True, exist_ok=True)
        previous = args.doc.read_text(encoding="utf-8") if args.doc.exists() else ""
        args.doc.write_text(render_doc(table, targets, command, previous), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
