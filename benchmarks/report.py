"""Results -> Markdown: one table, the targets (met / not met), and docs/benchmarks.md. Pure
except `machine()`, which reads what the machine is."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
from importlib import metadata

NOTES_MARKER = "<!-- Everything below this line is written by hand and kept by benchmarks/run.py. -->"
KB, MB = 1024, 1024 * 1024
COLUMNS = ("N", "stage", "wall s", "peak RSS MB", "requests", "HTML / article page (median)", "site total",
           "first search: index (gzip)", "result")


def _cell(value: object, fmt: str = "{}") -> str:
    return "" if value is None else fmt.format(value)


def _size(count: int | None) -> str:
    if count is None:
        return ""
    return f"{count / MB:,.1f} MB" if count >= MB else f"{count / KB:,.1f} KB"


def _ratio(part: float | None, whole: float | None) -> str:
    return f"{100 * part / whole:.1f}% of cold" if part is not None and whole else ""


def _result(result, stage) -> str:  # type: ignore[no-untyped-def]
    name = stage.stage
    if stage.status != "ok":
        return stage.status
    if name == "ingest (cold)" and result.recovery:
        r = result.recovery
        return f"recovered {r.recovered}/{r.articles} articles ({100 * r.rate:.0f}%)"
    if name == "ingest (warm rerun)":
        ratio = _ratio(stage.wall_seconds, result.stage("ingest (cold)").wall_seconds)
        skipped = re.search(r"(\d+) seeds \((\d+) unchanged\)", stage.output)  # ingest's summary line
        return f"{skipped[2]} of {skipped[1]} pages skipped by hash; {ratio}" if skipped else ratio
    if name == "translate (cold memory)":
        per = requests_per_3000(result)
        return (f"{per:.2f} requests per 3,000 characters of distinct text; "
                f"{result.unique_segments:,} of {result.segments:,} segments distinct")
    if name.startswith("translate (") and stage.requests is not None:
        return _ratio(stage.wall_seconds, result.stage("translate (cold memory)").wall_seconds)
    if name == "site build (ours)":
        baseline = result.stage("baseline: mkdocs, flat nav")
        if baseline and baseline.status == "ok" and baseline.wall_seconds:
            return f"{stage.wall_seconds / baseline.wall_seconds:.2f}x baseline time"
    return ""


def requests_per_3000(result) -> float:  # type: ignore[no-untyped-def]
    stage = result.stage("translate (cold memory)")
    if not stage or stage.requests is None or not result.unique_characters:
        return float("nan")
    return stage.requests / (result.unique_characters / 3000)


def _site_cells(result, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    metrics = result.site if name == "site build (ours)" else result.baseline if name.startswith("baseline") else None
    if metrics is None:
        return ["", "", ""]
    index = "; ".join(f"{folder or 'root'} {_size(raw)} ({_size(packed)})"
                      for folder, (raw, packed) in metrics.search_indexes.items())
    total = f"{_size(metrics.total_bytes)} in {metrics.files:,} files"
    total += f"; home page {_size(metrics.home_page_bytes)}" if metrics.home_page_bytes is not None else ""
    return [_size(metrics.median_page_bytes), total,
            index]


def render_table(results: list) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for result in results:
        for stage in result.stages:
            cells = [str(result.size), stage.stage, _cell(stage.wall_seconds, "{:.2f}"),
                     _cell(stage.peak_rss_mb, "{:.0f}"), _cell(stage.requests, "{:,}"),
                     *_site_cells(result, stage.stage), _result(result, stage)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _by_size(results: list, size: int):  # type: ignore[no-untyped-def]
    return next((r for r in results if r.size == size), None)


def _verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else "met" if ok else "**not met**"


def _wall(result, name: str) -> float | None:  # type: ignore[no-untyped-def]
    stage = result.stage(name) if result else None
    return stage.wall_seconds if stage and stage.status == "ok" else None


def target_rows(results: list) -> list[tuple[str, str, bool | None]]:
    """(target, measured value, met?) with None where the run lacks the data."""
    rows: list[tuple[str, str, bool | None]] = []
    largest = max(results, key=lambda r: r.size)
    per = requests_per_3000(largest)
    rows.append(("<= 2 translate requests per 3,000 characters (of distinct text), cold memory",
                 f"{per:.2f} at N={largest.size}", None if per != per else per <= 2))
    warm = [r.stage("translate (warm memory, en removed)") for r in results]
    counts = [s.requests for s in warm if s and s.status == "ok" and s.requests is not None]
    rows.append(("0 requests with a warm memory", ", ".join(map(str, counts)) or "n/a",
                 None if not counts else all(c == 0 for c in counts)))
    cold = [_wall(largest, "ingest (cold)"), _wall(largest, "translate (cold memory)")]
    rerun = [_wall(largest, "ingest (warm rerun)"), _wall(largest, "translate (rerun, no change)")]
    share = None if None in cold + rerun else sum(rerun) / sum(cold)  # type: ignore[arg-type]
    rows.append(("warm rerun of ingest + translate < 10% of cold",
                 "n/a" if share is None else f"{100 * share:.1f}% at N={largest.size}", None if share is None else share < 0.10))
    rows += _scale_rows(_by_size(results, 100), _by_size(results, 1000))
    return rows


def _scale_rows(hundred, thousand) -> list[tuple[str, str, bool | None]]:  # type: ignore[no-untyped-def]
    rows: list[tuple[str, str, bool | None]] = []
    pages = (hundred.site if hundred else None, thousand.site if thousand else None)
    if all(pages):
        small, large = pages[0].median_page_bytes, pages[1].median_page_bytes  # type: ignore[union-attr]
        rows.append(("HTML per article page at N=1000 <= 1.2x N=100 and <= 60 KB",
                     f"{large / KB:.1f} KB = {large / small:.2f}x", large <= 1.2 * small and large <= 60 * KB))
    else:
        rows.append(("HTML per article page at N=1000 <= 1.2x N=100 and <= 60 KB", "n/a (needs sizes 100 and 1000)", None))
    times = (_wall(hundred, "site build (ours)"), _wall(thousand, "site build (ours)"))
    rows.append(("site build time N=1000 <= 12x N=100",
                 f"{times[1] / times[0]:.1f}x" if all(times) else "n/a (needs sizes 100 and 1000)",  # type: ignore[operator]
                 times[1] <= 12 * times[0] if all(times) else None))  # type: ignore[operator]
    first = thousand.site.first_search if thousand and thousand.site else None
    rows.append(("first-search download at N=1000 <= 1 MB (judged as sent, uncompressed)",
                 f"{first[0] / MB:.2f} MB raw, {first[1] / MB:.2f} MB gzip" if first else "n/a",
                 None if not first else first[0] <= MB))
    peak = max((s.peak_rss_mb for s in thousand.stages if s.peak_rss_mb), default=None) if thousand else None
    rows.append(("peak RSS at N=1000 < 1 GB", f"{peak:.0f} MB" if peak else "n/a", None if not peak else peak < 1024))
    return rows


def render_targets(results: list) -> str:
    lines = ["| target | measured | verdict |", "|---|---|---|"]
    lines += [f"| {target} | {value} | {_verdict(ok)} |" for target, value, ok in target_rows(results)]
    return "\n".join(lines)


def machine() -> str:
    memory = "unknown"
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            kilobytes = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
        memory = f"{kilobytes / MB:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    versions = []
    for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            pass
    return (f"{os.cpu_count()} CPUs (nproc), {memory} RAM, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; {', '.join(versions)}")


def render_doc(table: str, targets: str, command: str, previous: str) -> str:
    notes = previous.split(NOTES_MARKER, 1)[1].lstrip("\n") if NOTES_MARKER in previous else ""
    return f"""# Benchmarks

How the toolchain scales from 10 to 1,000 articles. Generated by `benchmarks/run.py`; do not edit
above the marker line.

## Results

Run {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on
{machine()}.

{table}

Columns: *wall s* and *peak RSS MB* are per stage, each stage running as its own process (peak RSS
from `os.wait4`). *requests* were counted by the local LibreTranslate-compatible server
(`tests/support/fake_translation_server.py`), which answers at once: translate times here are the
toolchain's own cost, not a real engine's. *HTML / article page* is the median size of the
article pages of both languages; *first search* is what a reader's first query downloads: with
Pagefind (our site), every search file fetched in headless Chromium from page load to rendered
results (worker, stub index, runtime, WebAssembly, index chunks, result fragments) for a common word
(发展 / economy); with lunr (the baseline), `search/search_index.json`, the one file Material's
search fetches before it can answer (raw, then gzip level 6). Root = Chinese, en = English; a reader
fetches only the files of the page's language.
*recovered* counts generated articles whose title, authors, author note, number of paragraphs and
number of headings ingest got exactly right.

## Targets

{targets}

## Reproduce

```sh
{command}
```

`benchmarks/generate_pages.py N --out DIR --seed S [--without ARTIFACT,...]` writes the pages
alone (with the expected structure in `DIR/../expected/`); `benchmarks/ablate.py [N]` shows
ingest's recovery rate with each artifact turned off; `--keep DIR` keeps each size's work folder
(pages, content, logs of every stage, both sites).

{NOTES_MARKER}

{notes}""".rstrip() + "\n"
