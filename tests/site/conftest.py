"""Builds the fixture site once per test session (tests/site/site_fixture_content.py).

The build is the real one (`python -m build_tools.site.build`, i.e. `mkdocs build --strict` plus the
file:// copy) on a copy of the repository's mkdocs.yml and overrides/, run inside `unshare -n` (no
network at all) when we are root and unshare exists.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_fixture_content import build_command, make_project


@dataclass(frozen=True)
class BuiltSite:
    project: Path
    site: Path
    site_file: Path
    offline: bool  # built inside `unshare -n`
    returncode: int
    output: str
    seconds: float

    def read(self, relative: str) -> str:
        return (self.site / relative).read_text(encoding="utf-8")


def can_cut_network() -> bool:
    return os.geteuid() == 0 and shutil.which("unshare") is not None


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = tmp_path_factory.mktemp("site-project")
    make_project(project)
    offline = can_cut_network()
    command, env = build_command(project)
    if offline:
        command = ["unshare", "-n", *command]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    return BuiltSite(project, project / "site", project / "site-file", offline, result.returncode,
                     result.stdout + result.stderr, seconds)
