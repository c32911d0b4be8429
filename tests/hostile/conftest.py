"""Hostile inputs: files and codes made to crash, hang or exhaust the game.

A case that could hang or eat memory if its guard broke runs in a child process with a
memory and CPU limit and a timeout, so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

MEMORY = 1 << 30  # bytes of address space for a child
CPU_SECONDS = 5
TIMEOUT = 15  # seconds of wall time, for a child stuck waiting (a pipe) rather than working


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def bounded(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """Run `python ARGS` under the limits; stdin is closed, output captured as text."""
    return subprocess.run([sys.executable, *args], cwd=cwd, env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=_limits)


def game(*argv: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """The `warm-intro` command under the limits."""
    return bounded(["-m", "game", *argv], cwd, **env)


def tree(folder: Path) -> dict[str, tuple[int, int, int]]:
    """What is in a folder (not following links): each entry's kind and, for files, size and mtime."""
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        regular = path.is_file() and not path.is_symlink()
        out[str(path.relative_to(folder))] = (info.st_mode, info.st_size if regular else 0,
                                              info.st_mtime_ns if regular else 0)
    return out


@pytest.fixture
def saves(tmp_path) -> Path:
    folder = tmp_path / "saves"
    folder.mkdir()
    return folder


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder next to the saves that nothing may read from or write to."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "evil.toml").write_text('format = 1\ncampaign = "second-act"\nseed = 1\nactions = []\n')
    return folder
