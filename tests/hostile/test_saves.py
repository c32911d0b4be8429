"""Hostile saves folders: one bad entry never takes down a listing, a load or a verify."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from game.engine.actions import Action
from game.engine.bots import STRATEGIES
from game.engine.rules import apply, new_game
from game.saves.files import SaveError, find_save, list_saves, load_save, read_toml, save_game
from tests.hostile.conftest import game, tree

ESCAPES = "\x1b[2J\x1b]0;pwned\x07"


def played(world, steps: int, seed: int = 7):
    state = new_game(world, "second-act", seed)
    for _ in range(steps):
        state, _ = apply(state, STRATEGIES["patient"](state))
    return state


HOSTILE_TEXT = {
    "nested": "format = 2\nx = " + "[" * 900 + "]" * 900 + "\n",
    "dotted": "format = 2\n" + ".".join(["a"] * 50_000) + " = 1\n",
    "binary": "\udcff",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXT))
def test_a_hostile_toml_file_is_a_clear_save_error(saves, kind):
    path = saves / f"{kind}.toml"
    path.write_bytes(HOSTILE_TEXT[kind].encode("utf-8", "surrogateescape"))
    with pytest.raises(SaveError) as caught:
        read_toml(path)
    assert str(caught.value).startswith(f"{kind}.toml: ")


def test_a_folder_named_like_a_save_is_listed_as_not_a_file(saves):
    (saves / "x.toml").mkdir()
    (saves / "link.toml").symlink_to(saves / "x.toml")
    items = {i.name: i.error for i in list_saves(saves)}
    assert "a folder" in items["x"] and "a folder" in items["link"]


def test_a_byte_order_mark_is_accepted(saves, world):
    path = save_game(saves, played(world, 3), "bom")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_save(path, world).state.steps == 3


def test_a_link_out_of_the_saves_folder_is_not_read(saves, outside):
    (saves / "evil.toml").symlink_to(outside / "evil.toml")
    with pytest.raises(SaveError, match="outside its folder"):
        read_toml(saves / "evil.toml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and devices (POSIX)")
def test_listing_and_verifying_a_folder_of_traps_carries_on(tmp_path, saves, outside, world):
    """Devices, a pipe, folders and parser bombs in one folder: listed, reported, no hang."""
    save_game(saves, played(world, 4), "good")
    os.mkfifo(saves / "pipe.toml")
    (saves / "zero.toml").symlink_to("/dev/zero")
    (saves / "random.toml").symlink_to("/dev/urandom")
    (saves / "dir.toml").mkdir()
    (saves / "linked-dir.toml").symlink_to(saves / "dir.toml")
    (saves / "evil.toml").symlink_to(outside / "evil.toml")
    for kind in ("nested", "dotted"):
        (saves / f"{kind}.toml").write_text(HOSTILE_TEXT[kind])
    before, before_outside = tree(saves), tree(outside)

    listed = game("saves", "--saves-dir", str(saves), "list", cwd=tmp_path)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    lines = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert "!!" not in lines["good"]
    bad = {"pipe", "zero", "random", "dir", "linked-dir", "evil", "nested", "dotted"}
    assert all("!!" in lines[name] for name in bad), listed.stdout

    verified = game("saves", "--saves-dir", str(saves), "verify", cwd=tmp_path)
    assert verified.returncode == 1 and "Traceback" not in verified.stderr
    assert verified.stdout.count("FAIL ") == len(bad) and "ok   good.toml" in verified.stdout
    assert tree(saves) == before and tree(outside) == before_outside


@pytest.mark.parametrize("name", ["x" * 300, "../outside/evil", "OUTSIDE", "a/b", "..", ".hidden", "", "a\0b"])
def test_a_load_name_never_leaves_the_saves_folder(saves, outside, name):
    name = name.replace("OUTSIDE", str(outside / "evil"))
    with pytest.raises(SaveError, match="is not the name of a save"):
        find_save(saves, name)


def test_play_load_with_a_path_is_refused_without_a_traceback(tmp_path, saves, outside):
    for name in ("../outside/evil", "y" * 300):
        run = game("play", "--saves-dir", str(saves), "--load", name, cwd=tmp_path)
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert "is not the name of a save" in run.stderr


def test_saves_list_never_prints_a_files_escape_sequences(saves, world, capsys):
    from game.cli import main

    path = save_game(saves, played(world, 2), "sneaky")
    toml_escapes = "\\u001b[2J\\u001b]0;pwned\\u0007"  # as TOML writes them inside a string
    text = path.read_text().replace('name = "', f'name = "{toml_escapes}').replace('summary = "', f'summary = "{toml_escapes}')
    path.write_text(text)
    (saves / f"{ESCAPES}.toml").write_text(text)
    assert main(["saves", "--saves-dir", str(saves), "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out


# --- a save belongs to its file --------------------------------------------------------------


def session_of(path, world):
    from game.ui.session import Session

    return Session.from_save(load_save(path, world))


def test_a_copied_save_saves_back_to_its_own_file(saves, world):
    original = save_game(saves, played(world, 5), "second-act-7")
    shutil.copy(original, saves / "mybranch.toml")
    before = original.read_bytes()
    session = session_of(saves / "mybranch.toml", world)
    session.act(Action("end_week"))
    assert session.save().path == saves / "mybranch.toml"
    assert original.read_bytes() == before and not (saves / "second-act-7.toml.bak").exists()
    again = load_save(saves / "mybranch.toml", world)
    assert again.state.steps == 6 and again.save.name == "mybranch"


def test_the_backup_is_the_previous_distinct_game(saves, world):
    state = played(world, 3)
    path = save_game(saves, state, "slot")
    first = path.read_bytes()
    later, _ = apply(state, Action("end_week"))
    save_game(saves, later, "slot")
    save_game(saves, later, "slot")  # quitting right after an autosave: nothing new
    assert (saves / "slot.toml.bak").read_bytes() == first


def test_rewinding_and_saving_keeps_the_longer_game_as_a_branch(saves, world):
    from game.saves.files import rewind_to_week, save_to

    long = played(world, 40)
    path = save_game(saves, long, "slot")
    saved = save_to(path, rewind_to_week(long, 1))
    assert saved.branch == saves / f"slot-week{long.week}.toml"
    assert load_save(saved.branch, world).state.steps == 40
    assert load_save(path, world).state.week == 1
    assert save_to(path, rewind_to_week(long, 1)).branch is None  # the same short game again: no new branch


def test_a_dead_writers_temporary_files_are_cleaned_on_the_next_save(saves, world):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    left = [saves / f".slot.toml.{pid}.1.0.tmp", saves / f".slot.toml.bak.{pid}.1.1.tmp"]
    for tmp in left:
        tmp.write_text("half a save")
    (saves / ".notes.tmp").write_text("not ours")
    save_game(saves, played(world, 1), "slot")
    assert not any(tmp.exists() for tmp in left) and (saves / ".notes.tmp").exists()


# --- verify checks everything it can ---------------------------------------------------------


def verify(saves, *extra: str) -> tuple[int, str]:
    import contextlib
    import io

    from game.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["saves", "--saves-dir", str(saves), "verify", *extra])
    return code, out.getvalue()


@pytest.mark.parametrize("edit", [("week = ", "week = 99\n#"), ('summary = "', 'summary = "Hired: CEO" #'),
                                  ('hash = "', 'hash = "0')])
def test_verify_compares_the_replay_with_every_fact_recorded(saves, world, edit):
    path = save_game(saves, played(world, 12), "forged")
    key, forged = edit
    path.write_text(path.read_text().replace(key, forged, 1))
    code, out = verify(saves)
    assert code == 1 and out.startswith("FAIL forged.toml") and "doesn't match its own record" in out


def test_a_truncated_log_from_another_version_fails_verify(saves, world):
    path = save_game(saves, played(world, 12), "cut")
    text = path.read_text().replace('game_version = "', 'game_version = "0.0.1-', 1)
    lines = text.splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.lstrip().startswith("{ action"))
    path.write_text("".join(lines[:last] + lines[last + 1:]))
    code, out = verify(saves)
    assert code == 1 and "log has been cut short" in out


def test_verify_says_plainly_when_it_cannot_check(saves, world):
    path = save_game(saves, played(world, 6), "old")
    path.write_text(path.read_text().replace('game_version = "', 'game_version = "0.0.1-', 1))
    code, out = verify(saves)
    assert code == 1 and out.startswith("CAN'T VERIFY old.toml") and "--accept-unverified" in out
    code, out = verify(saves, "--accept-unverified")
    assert code == 0 and out.startswith("ok   old.toml")
