"""Requests and wall time for translating the shipped articles against the local LibreTranslate-
compatible server: cold memory, warm memory with nothing changed, warm memory with content/en deleted.

    .venv/bin/python benchmarks/translate_seed.py

Runs the real CLI as a subprocess in a temporary copy of content/zh, settings.yml and glossary.yml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from support.fake_translation_server import FakeTranslationServer  # noqa: E402

RUNS = ("cold memory", "warm memory, nothing changed", "warm memory, content/en deleted")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="translate-seed-"))
    shutil.copytree(ROOT / "content" / "zh", work / "content" / "zh")
    for name in ("settings.yml", "glossary.yml"):
        shutil.copy(ROOT / name, work)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    print("| run | exit | requests | wall s |\n|---|---|---|---|")
    with FakeTranslationServer() as server:
        for label in RUNS:
            if label.endswith("deleted"):
                shutil.rmtree(work / "content" / "en")
            before, started = len(server.requests), time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "build_tools", "translate", "--engine", "libre",
                                     "--base-url", server.url], cwd=work, env=env, capture_output=True, text=True)
            print(f"| {label} | {result.returncode} | {len(server.requests) - before} | "
                  f"{time.perf_counter() - started:.2f} |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
