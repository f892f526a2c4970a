"""Measuring one stage and one built site. Edges only: processes and files.

`run_measured(argv, ...) -> Measurement`: the stage runs as its own child process; `os.wait4` gives
that child's resource usage (with the processes it waited for, e.g. the mkdocs that the site build
starts), so peak RSS is per stage; the harness and the translation server in it are not counted. `site_metrics(site_dir, slugs) -> SiteMetrics`: sizes a reader sees.

The first search: with Material's lunr search it is the one file fetched before any result,
`search/search_index.json`. A folder with a Pagefind bundle (`pagefind/`) is measured by running a
query in headless Chromium against a local http server: the bytes of every search file the page
fetches from loading to the rendered results (our worker, the stub index, Pagefind's runtime,
WebAssembly, metadata, the index chunks and result fragments of that query). Without Chromium that
figure is left out.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

LOG_TAIL_CHARS = 4000  # of a stage's output kept in the results; the whole log stays in its file
GZIP_LEVEL = 6  # what web servers typically use for on-the-fly compression
SEARCH_INDEX = Path("search") / "search_index.json"
PAGEFIND_ENTRY = Path("pagefind") / "pagefind-entry.json"
CHROMIUM = Path("/usr/bin/chromium")
# A common word per language: many results, so the most fragments a first query loads.
FIRST_QUERY = {"": "发展", "en": "economy"}


@dataclass
class Measurement:
    stage: str
    wall_seconds: float | None = None
    peak_rss_mb: float | None = None
    requests: int | None = None
    exit_code: int | None = None
    status: str = "ok"  # ok | failed: <last error line> | n/a (<why>)
    output: str = ""  # the end of the stage's standard output and error


@dataclass
class SiteMetrics:
    article_pages: int
    median_page_bytes: int
    total_bytes: int
    files: int
    search_indexes: dict[str, tuple[int, int]]  # folder ("" = root, "en") -> (bytes, gzip bytes)
    home_page_bytes: int | None  # index.html, every reader's first page (None: the site has none)

    @property
    def first_search(self) -> tuple[int, int] | None:
        """What a reader fetches before the first query: the index of the page's language (one of
        them, never all); the largest, so the figure holds for every reader."""
        return max(self.search_indexes.values(), default=None)


def run_measured(stage: str, argv: list[str], *, cwd: Path, env: dict[str, str], log_dir: Path,
                 timeout: float) -> Measurement:
    """Run one stage; a stage still running after `timeout` seconds is killed and reported failed."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{re.sub(r'[^a-z0-9]+', '-', stage.lower()).strip('-')}.log"
    started = time.perf_counter()
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        _, status, usage = os.wait4(process.pid, 0)
        watchdog.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    output = log_path.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL_CHARS:]
    result = Measurement(stage, wall, usage.ru_maxrss / 1024, exit_code=process.returncode, output=output)
    if process.returncode != 0:
        last = [line for line in output.splitlines() if line.strip()][-1:] or ["no output"]
        result.status = f"failed (exit {process.returncode}: {last[0][:160]})"
    return result


def not_available(stage: str, why: str) -> Measurement:
    return Measurement(stage, status=f"n/a ({why})")


def is_article_page(page: Path, slugs: set[str]) -> bool:
    """`<slug>.html` (use_directory_urls: false) or `<slug>/index.html` (true)."""
    return page.stem in slugs or (page.name == "index.html" and page.parent.name in slugs)


def _sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def lunr_indexes(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Material's search_index.json at the root and, with one index per language, under <lang>/."""
    found = {}
    for index in sorted([site_dir / SEARCH_INDEX, *site_dir.glob(f"*/{SEARCH_INDEX.as_posix()}")]):
        if index.is_file():
            folder = index.parent.parent.relative_to(site_dir).as_posix()
            found["" if folder == "." else folder] = _sizes(index.read_bytes())
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
        pass


def _fetched_for_query(page, url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """URLs of the search files fetched from opening the page to the rendered results of `query`:
    the page load already fetches the search worker and the stub search_index.json."""
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key-up
    # Done when a result is shown or Material says there is none (its own text for that, from __config).
    page.wait_for_function("""() => document.querySelector(".md-search-result__item") !== null ||
        document.querySelector(".md-search-result__meta").textContent ===
        JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"]""",
                           timeout=60_000)
    page.wait_for_load_state("networkidle")
    return [url for url in fetched if "pagefind" in url or "/search/" in url]


def pagefind_first_searches(site_dir: Path, folders: list[str]) -> dict[str, tuple[int, int]]:
    """(bytes, gzip bytes) of what one query fetches, per language folder, measured in Chromium."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    found = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
            for folder in folders:
                page = browser.new_page()
                prefix = f"{folder}/" if folder else ""
                urls = _fetched_for_query(page, f"{base}{prefix}index.html", FIRST_QUERY.get(folder, "economy"))
                files = [site_dir / url.removeprefix(base).split("?")[0] for url in urls if url.startswith(base)]
                data = [path.read_bytes() for path in files if path.is_file()]
                found[folder] = (sum(len(item) for item in data), sum(_sizes(item)[1] for item in data))
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    return found


def search_indexes(site_dir: Path) -> dict[str, tuple[int, int]]:
    """First-search download per language folder ("" = root): Pagefind where the folder has a
    bundle and Chromium is installed, else Material's search_index.json."""
    found = lunr_indexes(site_dir)
    pagefind = [folder for folder in sorted({"", *found}) if (site_dir / folder / PAGEFIND_ENTRY).is_file()]
    for folder in pagefind:
        found.pop(folder, None)
    if pagefind and CHROMIUM.exists():
        found.update(pagefind_first_searches(site_dir, pagefind))
    return dict(sorted(found.items()))


def site_metrics(site_dir: Path, slugs: set[str]) -> SiteMetrics:
    files = [path for path in site_dir.rglob("*") if path.is_file()]
    pages = [path.stat().st_size for path in files if path.suffix == ".html" and is_article_page(path, slugs)]
    return SiteMetrics(
        article_pages=len(pages), median_page_bytes=int(statistics.median(pages)) if pages else 0,
        total_bytes=sum(path.stat().st_size for path in files), files=len(files),
        search_indexes=search_indexes(site_dir),
        home_page_bytes=(site_dir / "index.html").stat().st_size if (site_dir / "index.html").exists() else None,
    )
