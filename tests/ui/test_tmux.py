"""The installed `warm-intro` command in a real terminal, driven by keys through tmux."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.ui.ui_helpers import door_closing_seed

TMUX = shutil.which("tmux")
# a tmux server of the tests' own: a session never inherits another server's environment
SOCKET = ["-L", f"warm-intro-tests-{os.getpid()}"]
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it; see .ci/run)")


def command() -> str:
    beside = Path(sys.executable).with_name("warm-intro")
    found = str(beside) if beside.exists() else shutil.which("warm-intro")
    if found is None:
        pytest.skip("the warm-intro command is not installed in this environment")
    return found


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def screen(self) -> str:
        out = subprocess.run([TMUX, *SOCKET, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return out.stdout

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)

    def keys(self, *keys: str, pause: float = 0.25) -> None:
        for key in keys:
            subprocess.run([TMUX, *SOCKET, "send-keys", "-t", self.name, key], check=True)
            time.sleep(pause)


def meter_below(screen: str, name: str, meter: str) -> str:
    """The number on a person's card: the meter line just under their name."""
    lines = screen.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"│ {name}\s", line))
    for line in lines[start + 1:start + 3]:
        match = re.search(rf"{meter}\s+[█▏▎▍▌▋▊▉░]+\s+(\d+)", line)
        if match:
            return match.group(1)
    raise AssertionError(f"no {meter} under {name}:\n{screen}")


def launch(name: str, folder: Path, args: str, size: tuple[int, int] = (80, 24)) -> Terminal:
    """Start `warm-intro ARGS` in a tmux session of its own, saving into FOLDER/saves."""
    env = {**os.environ, "WARM_INTRO_SAVES": str(folder / "saves"), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    subprocess.run(
        [TMUX, *SOCKET, "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), f"{command()} {args}"],
        check=True, env=env, cwd=folder,
    )
    return Terminal(name)


@pytest.fixture
def terminal(tmp_path):
    name = f"warm-intro-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run([TMUX, *SOCKET, "kill-session", "-t", name], capture_output=True)


def test_play_a_few_weeks_and_watch_a_door_close(terminal, world, tmp_path):
    term = launch(terminal, tmp_path, f"play --seed {door_closing_seed(world)}")
    screen = term.wait_for("Week 1", timeout=20)
    assert "Runway 26 weeks" in screen and "8h of 8h left" in screen

    # Mark is fourth in the list: You, Beatriz, Lena, Mark
    term.keys("Down", "Down", "Down", "m")
    term.wait_for("How do you want to spend the hour?")
    term.keys("1")
    term.wait_for("set up a call")
    term.keys("1")  # accept the offer
    term.wait_for("Say goodbye")
    term.keys("Escape")
    screen = term.wait_for("Week 1")
    assert re.search(r"Mark Oduya\s+○ OPEN", screen)
    assert re.search(r"trust\s+[█▏▎▍▌▋▊▉░]+\s+\d+", screen)

    for week in (2, 3, 4):
        term.keys("n")
        term.wait_for("hours unused?")  # most of the week is left: the game asks
        term.keys("n")
        term.wait_for(f"The end of week {week - 1}")
        term.keys("Enter")
        term.wait_for(f"Week {week} ")

    # focus the people list, then Mark's actions: meet, check in, thank, follow up
    term.keys("Escape", "Enter", "Down", "Down", "Down", "Enter")
    screen = term.wait_for("✗ AVOIDING")
    assert int(meter_below(screen, "Mark Oduya", "embarrassment")) >= 60

    # the cursor stays on "follow up" for the same person: follow up again
    term.keys("Escape", "Enter", "Enter")
    screen = term.wait_for("■ CLOSED")
    assert re.search(r"^│ Mark Oduya\s+■ CLOSED", screen, re.M)
    term.keys("C-q")


def _intent(screen: str) -> tuple[str, list[str]]:
    """The intent line under the action list: its head (the highlighted action) and what follows."""
    lines = screen.splitlines()
    for i, line in enumerate(lines):
        if "╰" in line and line.rstrip().endswith("╯") and i + 1 < len(lines) and " · " in lines[i + 1] \
                and "What you can do" not in line:
            right = line.index("╰", line.index("╯") + 1) if line.count("╰") > 1 else line.index("╰")
            rest = [x[right:].strip() for x in lines[i + 1:i + 5]]
            return rest[0], rest[1:]
    return "", []


def test_a_whole_campaign_by_keys_never_hides_a_warning(terminal, tmp_path):
    """The Favour from its first week to its debrief at 80x24, by keys alone. Every time a
    risky action is highlighted, its warning is on the screen, under the list, unscrolled."""
    term = launch(terminal, tmp_path, "play --campaign the-favour --seed 2")
    term.wait_for("Week 1", timeout=20)
    warned = 0
    for week in range(1, 30):
        screen = term.screen()
        if "The campaign is over" in screen or "Debrief" in screen:
            break
        # meet the next person down the list and answer anything they ask, cautiously
        term.keys("Escape", "Home", *["Down"] * (1 + week % 3), "m", pause=0.15)
        if "How do you want to spend the hour?" in term.screen():
            term.keys("1")
            screen = term.screen()
            if "set up a call" in screen or "interested in the" in screen:
                term.keys("2")
            term.keys("Escape")
        # walk their actions: a highlighted risky one shows its warning below the list
        term.keys("Escape", "Enter", pause=0.15)
        for _ in range(6):
            screen = term.screen()
            head, rest = _intent(screen)
            label = head.split(" · ")[0].strip()
            if label and any(f"│ ⚠ {label}" in line for line in screen.splitlines()):
                assert any(line.startswith("⚠") for line in rest), f"the warning for {label!r} is not on screen:\n{screen}"
                warned += 1
            term.keys("Down", pause=0.1)
        term.keys("Escape", "n", pause=0.2)
        deadline = time.monotonic() + 10
        pressed = time.monotonic()
        while "The end of week" not in (screen := term.screen()):
            if "hours unused?" in screen:
                term.keys("n")  # yes, end it: most of the week is left, so the game asked
                pressed = time.monotonic()
            elif "waiting for your answer" in screen or "set up a call" in screen or "interested in the" in screen:
                # the question arrived after the screen was read above: answer it, cautiously
                term.keys("2", "Escape", "Escape", "n", pause=0.2)
                pressed = time.monotonic()
            elif time.monotonic() - pressed > 2:
                term.keys("n")  # a key sent while a screen was closing can be lost: ask again
                pressed = time.monotonic()
            assert time.monotonic() < deadline, f"the week never ended:\n{screen}"
            time.sleep(0.1)
        term.keys("Enter")
    screen = term.wait_for("Debrief", timeout=10) if "Debrief" not in term.screen() else term.screen()
    assert warned >= 1
    term.keys("C-q")
