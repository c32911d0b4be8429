"""`warm-intro demo` in a real terminal: the command opens presenter mode, keys step through
the demo, and the debrief exports to the saves folder."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
# a tmux server of the tests' own: a session never inherits another server's environment
SOCKET = ["-L", f"warm-intro-tests-{os.getpid()}"]
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it; see .ci/run)")


def warm_intro() -> str:
    beside = Path(sys.executable).with_name("warm-intro")
    found = str(beside) if beside.exists() else shutil.which("warm-intro")
    if found is None:
        pytest.skip("the warm-intro command is not installed in this environment")
    return found


class Pane:
    def __init__(self, name: str) -> None:
        self.name = name

    def text(self) -> str:
        return subprocess.run([TMUX, *SOCKET, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True).stdout

    def wait_for(self, wanted: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if wanted in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{wanted!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run([TMUX, *SOCKET, "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)


@pytest.fixture
def pane():
    name = f"warm-intro-demo-{uuid.uuid4().hex[:8]}"
    yield Pane(name)
    subprocess.run([TMUX, *SOCKET, "kill-session", "-t", name], capture_output=True)


def test_warm_intro_demo_presents_steps_and_exports(pane, tmp_path):
    saves = tmp_path / "saves"
    env = {**os.environ, "WARM_INTRO_SAVES": str(saves), "TERM": "xterm-256color",
           "WARM_INTRO_RUNTIME_DIR": str(tmp_path / "run")}
    env.pop("NO_COLOR", None)
    script = f"{shlex.quote(warm_intro())} demo slipped-promise; echo EXIT=$?; sleep 10"
    subprocess.run([TMUX, *SOCKET, "new-session", "-d", "-s", pane.name, "-x", "100", "-y", "30", script],
                   check=True, env=env, cwd=tmp_path)
    pane.wait_for("beat 1 of 21", timeout=20)
    pane.keys("Space", "Space")
    pane.wait_for("beat 3 of 21")
    pane.keys("Left")
    pane.wait_for("beat 2 of 21")
    pane.keys("Space", "Space", "Space")
    pane.wait_for("The class chooses")
    pane.keys("B")  # the keys card says A / B
    pane.wait_for("Ask permission to use their name")
    pane.keys("d")
    pane.wait_for("2. What happened")
    pane.keys("e")
    pane.wait_for("Exported")
    (folder,) = (saves / "exports").iterdir()
    assert folder.name.startswith("slipped-promise-B-")
    assert (folder / "slipped-promise.md").exists() and (folder / "debrief.svg").exists()
    pane.keys("q")
    pane.wait_for("EXIT=0")


def test_the_notes_view_in_a_second_terminal_follows_the_stage(tmp_path):
    stage, notes = Pane(f"warm-intro-stage-{uuid.uuid4().hex[:8]}"), Pane(f"warm-intro-notes-{uuid.uuid4().hex[:8]}")
    env = {**os.environ, "WARM_INTRO_SAVES": str(tmp_path / "saves"), "TERM": "xterm-256color",
           "WARM_INTRO_RUNTIME_DIR": str(tmp_path / "run")}
    env.pop("NO_COLOR", None)
    command = shlex.quote(warm_intro())
    try:
        subprocess.run([TMUX, *SOCKET, "new-session", "-d", "-s", notes.name, "-x", "80", "-y", "24",
                        f"{command} demo slipped-promise --notes; sleep 10"], check=True, env=env, cwd=tmp_path)
        notes.wait_for("No stage is running", timeout=20)
        subprocess.run([TMUX, *SOCKET, "new-session", "-d", "-s", stage.name, "-x", "120", "-y", "40",
                        f"{command} demo slipped-promise; sleep 10"], check=True, env=env, cwd=tmp_path)
        stage.wait_for("beat 1 of 21", timeout=20)
        notes.wait_for("beat 1 of 21")
        stage.keys("Space", "Space", "Space", "Space")
        stage.wait_for("The class chooses")
        screen = notes.wait_for("beat 5 of 21")
        assert "What could go wrong if you say yes?" in screen  # the beat's own note, on the facilitator's screen
        assert "What could go wrong" not in stage.text()  # and never on the projector
        assert "TIME" in screen and "planned" in screen
        stage.keys("n")
        stage.wait_for("--notes")
        stage.keys("Escape")
        notes.wait_for("No stage is running")  # the stage closed and took its cue sheet with it
    finally:
        for pane in (stage, notes):
            subprocess.run([TMUX, *SOCKET, "kill-session", "-t", pane.name], capture_output=True)
