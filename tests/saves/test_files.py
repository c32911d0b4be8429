"""Saves never lose a game: round trips, damage, old and new formats, undo and rewind."""

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.actions import Action
from game.engine.bots import STRATEGIES
from game.engine.rules import apply, new_game
from game.engine.sim import play
from game.engine.state import state_hash
from game.saves.files import (
    FORMAT,
    SaveError,
    check_name,
    find_save,
    list_saves,
    load_save,
    rewind_to_week,
    save_game,
    undo,
)

FIXTURES = Path(__file__).parent / "fixtures"
BOTS = ["patient", "pushy", "overclaimer", "passive"]


def finished(world, bot="pushy", seed=4):
    return play(world, "second-act", bot, seed, keep_state=True).final_state


@pytest.fixture(scope="module")
def core():
    from game.packs.loader import load_core

    return load_core()


@given(seed=st.integers(0, 10_000), bot=st.sampled_from(BOTS), steps=st.integers(0, 200))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_save_then_load_gives_the_identical_game(tmp_path, core, seed, bot, steps):
    state = new_game(core, "second-act", seed)
    for _ in range(steps):
        if state.over:
            break
        state, _ = apply(state, STRATEGIES[bot](state))
    path = save_game(tmp_path, state, f"game-{seed}")
    loaded = load_save(path, core)
    assert state_hash(loaded.state) == state_hash(state)
    assert loaded.notes == []
    assert [n.action for n in loaded.state.history_nodes()] == [n.action for n in state.history_nodes()]


@pytest.fixture(scope="module")
def good_save(tmp_path_factory, core):
    folder = tmp_path_factory.mktemp("good")
    return save_game(folder, finished(core, "patient", 2), "good").read_bytes()


@given(data=st.data())
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_damaged_saves_load_correctly_or_explain_and_are_never_changed(tmp_path, core, good_save, data):
    raw = bytearray(good_save)
    how = data.draw(st.sampled_from(["flip", "truncate", "splice"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            i = data.draw(st.integers(0, len(raw) - 1))
            raw[i] = data.draw(st.integers(0, 255))
    elif how == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    else:
        i = data.draw(st.integers(0, len(raw)))
        raw[i:i] = data.draw(st.binary(min_size=1, max_size=40))
    path = tmp_path / "damaged.toml"
    path.write_bytes(bytes(raw))
    try:
        loaded = load_save(path, core)
    except SaveError as exc:
        assert exc.problem and str(exc)
    else:
        assert loaded.state.world is core  # a damaged byte in a comment-free spot can still be harmless
    assert path.read_bytes() == bytes(raw)


def test_a_save_from_a_newer_version_is_refused_politely(tmp_path, core):
    path = save_game(tmp_path, finished(core), "future")
    path.write_text(path.read_text().replace(f"format = {FORMAT}", f"format = {FORMAT + 5}"))
    before = path.read_bytes()
    with pytest.raises(SaveError) as caught:
        load_save(path, core)
    assert "newer version" in caught.value.problem and "Update the game" in caught.value.advice
    assert path.read_bytes() == before


def test_an_edited_save_is_detected(tmp_path, core):
    path = save_game(tmp_path, finished(core, "patient", 3), "edited")
    text = path.read_text()
    assert '{ action = "reflect" }' in text
    # a legal but different history: it replays, and the record exposes it
    path.write_text(text.replace('{ action = "reflect" }', '{ action = "research", field = "data" }', 1))
    with pytest.raises(SaveError) as caught:
        load_save(path, core)
    assert "edited" in caught.value.problem or "replayed" in caught.value.problem


def test_a_save_from_another_version_of_the_game_replays_with_a_note(tmp_path, core):
    path = save_game(tmp_path, finished(core), "older")
    path.write_text(path.read_text().replace('game_version = "', 'game_version = "0.0.9-', 1))
    loaded = load_save(path, core)
    assert any("Saved by Warm Intro 0.0.9" in n for n in loaded.notes)


def test_the_format_1_fixture_upgrades_on_loading(tmp_path, core):
    path = tmp_path / "old.toml"
    shutil.copy(FIXTURES / "v1-second-act.toml", path)
    before = path.read_bytes()
    loaded = load_save(path, core)
    assert "Upgraded from save format 1." in loaded.notes
    assert len(loaded.save.actions) == 40 and loaded.state.steps == 40
    assert path.read_bytes() == before  # upgrading happens in memory; the next save writes format 2
    again = load_save(save_game(tmp_path, loaded.state, "old"), core)
    assert state_hash(again.state) == state_hash(loaded.state)


def test_the_format_2_fixture_loads(core):
    loaded = load_save(FIXTURES / "v2-second-act.toml", core)
    assert loaded.save.campaign == "second-act" and loaded.state.steps == len(loaded.save.actions)


def test_a_changed_pack_replays_with_a_note(tmp_path, core):
    path = save_game(tmp_path, finished(core), "changed")
    path.write_text(path.read_text().replace('digest = "', 'digest = "0', 1))
    loaded = load_save(path, core)
    assert any("content changed" in n for n in loaded.notes)


def test_a_save_for_a_missing_pack_says_which(tmp_path, core):
    path = save_game(tmp_path, finished(core), "other")
    path.write_text(path.read_text().replace('id = "core"', 'id = "harbour-stories"'))
    with pytest.raises(SaveError) as caught:
        load_save(path, core)
    assert "harbour-stories" in caught.value.problem and "--pack" in caught.value.advice


def test_saving_again_keeps_the_previous_version_as_a_backup(tmp_path, core):
    state = new_game(core, "second-act", 1)
    path = save_game(tmp_path, state, "slot")
    first = path.read_text()
    state, _ = apply(state, Action("reflect"))
    save_game(tmp_path, state, "slot")
    backup = tmp_path / "slot.toml.bak"
    assert backup.read_text() == first
    assert load_save(path, core).state.steps == 1
    assert not list(tmp_path.glob(".*tmp"))


def test_the_listing_survives_broken_saves(tmp_path, core):
    save_game(tmp_path, finished(core), "good one")
    (tmp_path / "broken.toml").write_text("format = 2\nname = [")
    (tmp_path / "future.toml").write_text("format = 99\n")
    (tmp_path / "empty.toml").write_text("")
    shutil.copy(FIXTURES / "v1-second-act.toml", tmp_path / "old.toml")
    (tmp_path / "settings.toml").write_text("theme = 'x'\n")
    items = {i.name: i for i in list_saves(tmp_path)}
    assert set(items) == {"good one", "broken", "future", "empty", "old"}
    assert not items["good one"].error and items["good one"].summary
    assert "newer version" in items["future"].error
    assert items["broken"].error and items["empty"].error
    assert not items["old"].error


def test_finding_a_missing_save_lists_the_real_ones(tmp_path, core):
    save_game(tmp_path, finished(core), "monday")
    with pytest.raises(SaveError) as caught:
        find_save(tmp_path, "tuesday")
    assert "monday" in caught.value.advice


@pytest.mark.parametrize("bad", ["", "../escape", "a/b", "settings", ".hidden", "x" * 80])
def test_save_names_cannot_escape_the_folder(bad):
    with pytest.raises(ValueError):
        check_name(bad)


def test_undo_is_the_game_before_the_last_action(core):
    state = new_game(core, "second-act", 3)
    history = [state]
    for _ in range(30):
        state, _ = apply(state, STRATEGIES["patient"](state))
        history.append(state)
    assert state_hash(undo(state)) == state_hash(history[-2])
    assert state_hash(undo(undo(state))) == state_hash(history[-3])


def test_rewind_returns_to_the_start_of_a_week(core):
    state = finished(core, "patient", 8)
    start_of_week_3 = None
    replayed = new_game(core, "second-act", 8)
    for node in state.history_nodes():
        if replayed.week == 3 and start_of_week_3 is None:
            start_of_week_3 = replayed
        replayed, _ = apply(replayed, node.action)
    rewound = rewind_to_week(state, 3)
    assert rewound.week == 3 and rewound.hours_left == core.campaigns["second-act"].hours_per_week
    assert state_hash(rewound) == state_hash(start_of_week_3)
    with pytest.raises(ValueError):
        rewind_to_week(state, state.week + 1)


def test_a_save_whose_record_does_not_match_its_replay_is_refused(tmp_path, core):
    """The log replays cleanly, but the snapshot hash says another game: it was edited."""
    path = save_game(tmp_path, finished(core), "edited")
    text = path.read_text()
    start = text.index('hash = "') + len('hash = "')
    forged = text[:start] + ("0" if text[start] != "0" else "1") + text[start + 1:]
    path.write_text(forged)
    with pytest.raises(SaveError) as caught:
        load_save(path, core)
    assert "doesn't match its own record" in str(caught.value)
    assert path.read_text() == forged  # refused, and left as it was


def _aged(folder: Path, seconds: float = 60, only: str = "*") -> None:
    """The folder's files last changed `seconds` ago (old enough for their stamps to be kept)."""
    import os
    import time

    then = time.time_ns() - int(seconds * 1e9)
    for path in folder.glob(only):
        os.utime(path, ns=(then, then))


def _reads(monkeypatch) -> list[str]:
    """Records the name of every save read to list it."""
    import game.saves.files as files

    seen: list[str] = []
    read = files.read_toml

    def counting(path, *args, **kwargs):
        seen.append(Path(path).stem)
        return read(path, *args, **kwargs)

    monkeypatch.setattr(files, "read_toml", counting)
    return seen


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WARM_INTRO_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_save_unchanged_since_it_was_listed_is_not_read_again(tmp_path, core, own_cache, monkeypatch):
    folder = tmp_path / "saves"
    save_game(folder, finished(core), "monday")
    save_game(folder, finished(core, "patient", 2), "tuesday")
    (folder / "broken.toml").write_text("format = 2\nname = [")
    _aged(folder)
    first = list_saves(folder)
    reads = _reads(monkeypatch)
    assert list_saves(folder) == first and reads == []  # the same listing, from the stamps
    monday = folder / "monday.toml"
    monday.write_text(re.sub(r'(?m)^updated = ".*"$', 'updated = "2001-01-01T00:00:00Z"', monday.read_text()))
    _aged(folder, 30, only="monday.toml")  # an edit leaves a new time
    again = {i.name: i for i in list_saves(folder)}
    assert reads == ["monday"] and again["monday"].updated == "2001-01-01T00:00:00Z"


def test_a_save_written_just_now_is_always_read(tmp_path, core, own_cache, monkeypatch):
    folder = tmp_path / "saves"
    save_game(folder, finished(core), "monday")
    list_saves(folder)
    reads = _reads(monkeypatch)
    list_saves(folder)
    assert reads == ["monday"]


def test_a_kept_listing_is_trusted_only_as_a_listing_and_gone_saves_are_forgotten(tmp_path, core, own_cache):
    import json

    from game.packs.cache import Stamps

    folder = tmp_path / "saves"
    save_game(folder, finished(core), "monday")
    save_game(folder, finished(core, "patient", 2), "tuesday")
    _aged(folder)
    first = {i.name: i for i in list_saves(folder)}
    stamps_file = own_cache / Stamps.NAME
    kept = json.loads(stamps_file.read_text())
    [monday] = [place for place in kept if place.endswith("monday.toml")]
    kept[monday][1][3] = "\x1b]0;owned\x07"  # a summary no listing would hold: not safe to print
    stamps_file.write_text(json.dumps(kept))
    assert {i.name: i for i in list_saves(folder)} == first  # read from the file again instead
    (folder / "tuesday.toml").unlink()
    list_saves(folder)
    assert not any(place.endswith("tuesday.toml") for place in json.loads(stamps_file.read_text()))
