"""The command line at its edges: bad arguments, no terminal, output nobody can take.

Each case runs the real command in a bounded child process (see conftest): it must end
with a clear message and the documented exit code, never a traceback or a hang, and
write nothing outside its own folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.conftest import MEMORY, TIMEOUT, _limits, game, tree

DEMO = "slipped-promise"


def clean(done: subprocess.CompletedProcess, code: int, *said: str) -> None:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    for words in said:
        assert words in done.stderr, done.stderr


@pytest.fixture
def home(tmp_path) -> Path:
    """The folder each command runs in, its saves folder inside it."""
    (tmp_path / "saves").mkdir()
    return tmp_path


def run(home: Path, *argv: str) -> subprocess.CompletedProcess:
    before = tree(home.parent / "outside") if (home.parent / "outside").exists() else None
    done = game(*argv, cwd=home, WARM_INTRO_SAVES=str(home / "saves"))
    if before is not None:
        assert tree(home.parent / "outside") == before
    return done


@pytest.mark.parametrize("choice, said", [("step 5=Z", "'step 5' has options A, B, not 'Z'"),
                                          ("step 99=A", "'step 99' is not an audience choice"),
                                          ("nowhere", "--choose takes WHERE=KEY")])
def test_a_choice_the_demo_does_not_have_is_a_clear_error(home, choice, said):
    clean(run(home, "demo", DEMO, "--headless", "--choose", choice), 2, said)


def test_a_choice_the_demo_has_still_plays(home):
    done = run(home, "demo", DEMO, "--headless", "--choose", "step 5=B")
    clean(done, 0)
    assert "Every marker landed" in done.stdout


@pytest.mark.parametrize("where, said", [("a-file", "is not a folder"), (os.devnull, "is not a folder"),
                                         ("a-file/inside", "which is not a folder")])
def test_export_somewhere_it_cannot_go_is_a_clear_error(home, where, said):
    (home / "a-file").write_text("keep me\n")
    before = tree(home)
    clean(run(home, "demo", DEMO, "--headless", "--export", where), 2, "--export", said)
    assert tree(home) == before and (home / "a-file").read_text() == "keep me\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_export_into_a_read_only_folder_is_a_clear_error(home):
    locked = home / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        clean(run(home, "demo", DEMO, "--headless", "--export", "locked/debrief"), 2, "cannot write to locked")
    finally:
        locked.chmod(0o755)


def test_export_to_a_new_folder_still_works(home):
    clean(run(home, "demo", DEMO, "--headless", "--export", "debrief"), 0)
    (folder,) = (home / "debrief").iterdir()
    assert {".html", ".md"} <= {p.suffix for p in folder.iterdir()}


def without_terminal(home: Path, argv: list[str], stdin) -> subprocess.CompletedProcess:
    """The command with stdin as given and stdout a pipe, as in `warm-intro play </dev/null | cat`."""
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    return subprocess.run([sys.executable, "-m", "game", *argv], cwd=home, stdin=stdin, capture_output=True,
                          text=True, timeout=TIMEOUT, preexec_fn=_limits,
                          env={**env, "WARM_INTRO_SAVES": str(home / "saves")})


@pytest.mark.parametrize("argv, stdin", [([], "devnull"), (["play", "--campaign", "second-act"], "devnull"),
                                         (["play"], "closed"), (["demo", DEMO], "devnull"), (["demo"], "closed")])
def test_the_screen_refuses_to_start_without_a_terminal(home, argv, stdin):
    if stdin == "closed":
        done = subprocess.run([sys.executable, "-c", "import os, runpy, sys; os.close(0); sys.stdin = None; "
                               f"sys.argv = ['warm-intro', *{argv!r}]; runpy.run_module('game', run_name='__main__')"],
                              cwd=home, capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=_limits,
                              env={**os.environ, "WARM_INTRO_SAVES": str(home / "saves")})
    else:
        done = without_terminal(home, argv, subprocess.DEVNULL)
    clean(done, 2, "needs a terminal")
    assert not list((home / "saves").iterdir())


def test_headless_modes_keep_working_without_a_terminal(home):
    clean(without_terminal(home, ["demo", DEMO, "--headless"], subprocess.DEVNULL), 0)
    clean(without_terminal(home, ["saves", "list"], subprocess.DEVNULL), 0)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["saves", "list"], ["pack", "schema"]])
def test_output_to_a_full_disk_is_a_clear_error(home, argv):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "game", *argv], cwd=home, stdin=subprocess.DEVNULL,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT, preexec_fn=_limits,
                              env={**os.environ, "WARM_INTRO_SAVES": str(home / "saves")})
    assert done.returncode == 1
    assert "could not write the output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_reader_that_goes_away_is_not_an_error_message(home):
    reader = subprocess.Popen([sys.executable, "-m", "game", "pack", "schema"], cwd=home, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, preexec_fn=_limits)
    assert reader.stdout is not None
    reader.stdout.close()  # like `| head -0`: gone before the first line is written
    _, err = reader.communicate(timeout=TIMEOUT)
    assert reader.returncode == 1 and b"Traceback" not in err and b"Exception ignored" not in err


def test_an_empty_save_name_is_refused(home):
    clean(run(home, "play", "--load", ""), 2, "--load needs the name of a save")
    done = run(home, "sim", "--campaign", "second-act", "--strategy", "patient", "--runs", "1", "--save", "")
    clean(done, 2, "can't be a save name")
    assert not list((home / "saves").iterdir())


def test_the_saves_folder_may_follow_the_verb(home):
    folder = home / "elsewhere"
    folder.mkdir()
    for argv in (["saves", "list", "--saves-dir", "elsewhere"], ["saves", "--saves-dir", "elsewhere", "list"]):
        done = run(home, *argv)
        clean(done, 0)
        assert "No saves in elsewhere yet" in done.stdout


def test_the_limits_are_real():
    """The bound the cases above run under: a child that tries to take more memory is stopped."""
    done = subprocess.run([sys.executable, "-c", f"b = bytearray({MEMORY * 2})"], capture_output=True,
                          timeout=TIMEOUT, preexec_fn=_limits)
    assert done.returncode != 0 and b"MemoryError" in done.stderr
