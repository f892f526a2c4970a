"""`python -m build_tools.site.build` (`make site`): build site/ (served) and site-file/ (file://).

Runs `mkdocs build --strict` (the hooks in build_tools/site do the rest, Pagefind's search index
included), then copies the result to site-file/. The two are the same bytes: the site already works
from file:// (no directory URLs, the vendored iframe-worker shim, lunr search indexes as .js; over
http the pages search with Pagefind instead), so a link copied from one works in the other.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..errors import UserError


def run_mkdocs(config_file: Path, site_dir: Path) -> float:
    """Strict build into site_dir; returns seconds taken. A failed build is a UserError (MkDocs has
    already printed why)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file), "-d", str(site_dir)]
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=config_file.parent, check=False)
    if result.returncode != 0:
        raise UserError(f"{config_file}: mkdocs build --strict failed (exit {result.returncode}, see above)")
    return time.perf_counter() - started


def copy_for_file_urls(site_dir: Path, file_dir: Path) -> None:
    """Replace file_dir with a copy of site_dir (into a temporary folder first, then renamed)."""
    temporary = file_dir.with_name(file_dir.name + ".tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    shutil.copytree(site_dir, temporary)
    shutil.rmtree(file_dir, ignore_errors=True)
    temporary.rename(file_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.site.build", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="default: %(default)s")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="served copy (default: %(default)s)")
    parser.add_argument("--file-dir", type=Path, default=Path("site-file"), help="file:// copy (default: %(default)s)")
    args = parser.parse_args(argv)
    config_file = args.config_file.resolve()
    try:
        seconds = run_mkdocs(config_file, args.site_dir.resolve())
        copy_for_file_urls(args.site_dir.resolve(), args.file_dir.resolve())
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    pages = sum(1 for _ in args.site_dir.rglob("*.html"))
    print(f"built {pages} pages in {seconds:.1f} s: {args.site_dir}/ (serve it) and {args.file_dir}/ "
          f"(open {args.file_dir}/index.html from disk)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
