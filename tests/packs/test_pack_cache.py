"""An author's pack is validated once, then comes from the same cache as core until a file changes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.packs import cache
from game.packs.loader import PackError, core_pack_path, load_pack

EXAMPLE = Path(__file__).resolve().parents[2] / "content" / "example-kitchens"


@pytest.fixture
def scratch_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("WARM_INTRO_CACHE", str(folder))
    return folder


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _validated(monkeypatch) -> list[Path]:
    """Records every pack folder that is validated from its files (rather than the cache)."""
    from game.packs import loader

    seen: list[Path] = []
    check = loader.check_pack

    def counting(folder, bases=None):
        seen.append(Path(folder))
        return check(folder, bases)

    monkeypatch.setattr(loader, "check_pack", counting)
    return seen


def test_an_unchanged_pack_is_validated_once(scratch_cache, pack, monkeypatch):
    validated = _validated(monkeypatch)
    first = load_pack(pack)
    again = load_pack(pack)
    assert again == first
    assert validated == [pack]
    assert len(list(scratch_cache.glob("pack-*.json"))) == 1


def test_a_changed_file_is_validated_afresh_and_its_errors_shown(scratch_cache, pack, monkeypatch):
    validated = _validated(monkeypatch)
    first = load_pack(pack)
    people = pack / "people.toml"
    text = people.read_text()
    people.write_text(text.replace('name = "', 'name = "Chef ', 1))
    changed = load_pack(pack)
    assert changed != first and validated == [pack, pack]
    people.write_text(text + '\n[[people]]\nid = "broken"\n')  # no name: an error, never a stale World
    with pytest.raises(PackError):
        load_pack(pack)
    assert len(validated) == 3
    people.write_text(text)  # back as it was: the first entry is good again
    assert load_pack(pack) == first and len(validated) == 3


def test_a_change_to_a_base_pack_or_the_folder_counts(scratch_cache, pack, tmp_path, monkeypatch):
    validated = _validated(monkeypatch)
    load_pack(pack)
    (pack / "notes.txt").write_text("an author's note")  # not a pack file, but the folder changed
    load_pack(pack)
    assert len(validated) == 2
    # the same pack building on a different core is a different World
    assert cache.key(pack) != cache.key(pack, {"core": tmp_path / "elsewhere"})


def test_a_world_read_while_its_files_changed_is_not_stored(scratch_cache, pack, monkeypatch):
    from game.packs import loader

    check = loader.check_pack

    def edited_while_reading(folder, bases=None):
        people = Path(folder) / "people.toml"
        people.write_text(people.read_text().replace('name = "', 'name = "Chef ', 1))
        return check(folder, bases)

    monkeypatch.setattr(loader, "check_pack", edited_while_reading)
    load_pack(pack)
    assert not list(scratch_cache.glob("pack-*.json"))


def test_a_damaged_or_foreign_cache_entry_is_ignored(scratch_cache, pack):
    world = load_pack(pack)
    [entry] = scratch_cache.glob("pack-*.json")
    entry.write_text(json.dumps({"$": "World", "f": {"pack_id": "not-this"}}))
    assert load_pack(pack) == world
    entry.write_text("[1, 2")
    assert load_pack(pack) == world


def test_play_pack_reads_a_cached_pack_without_pydantic(scratch_cache, pack):
    probe = ("import sys, game.packs.loader as l; w = l.load_pack(sys.argv[1]); "
             "print(w.pack_id, 'pydantic' in sys.modules)")
    env = {"WARM_INTRO_CACHE": str(scratch_cache), "PATH": "", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    run = [sys.executable, "-c", probe, str(pack)]
    first = subprocess.run(run, capture_output=True, text=True, check=True, env=env)
    second = subprocess.run(run, capture_output=True, text=True, check=True, env=env)
    assert first.stdout.split() == ["example-kitchens", "True"]
    assert second.stdout.split() == ["example-kitchens", "False"]
    assert core_pack_path().is_dir()


def test_a_cached_record_leaves_out_its_defaults_and_gets_them_back():
    from game.engine.world import Condition, EventDef

    event = EventDef(id="rain", text="It rains.", lesson="", chance=1, when=(Condition(trust_at_least=40),))
    data = cache.encode(event)
    # only what differs from the defaults is written; a default's value of another type (1 for 1.0) is kept
    assert data == {"$": "EventDef", "id": "rain", "text": "It rains.", "lesson": "", "chance": 1,
                    "when": {"t": [{"$": "Condition", "trust_at_least": 40}]}}
    back = cache.loads(json.dumps(data))
    assert back == event and type(back.chance) is int and back.until_week is None


def test_a_cached_pack_loads_without_the_reader_or_the_checks(scratch_cache):
    # start-up pays only for the cache: reading, compiling and the problem codes load when a pack is read
    probe = ("import sys, game.packs.loader as l; l.load_core(); "
             "print(*(m in sys.modules for m in ('game.packs.read', 'game.packs.compile', 'game.packs.problems', "
             "'tomllib')))")
    env = {"WARM_INTRO_CACHE": str(scratch_cache), "PATH": "", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert first.stdout.split() == ["True"] * 4
    assert second.stdout.split() == ["False"] * 4


def test_the_loader_still_names_what_it_reads_with():
    from game.packs import loader, problems, read

    assert loader.PackError is problems.PackError and loader.CODES is problems.CODES
    assert loader.MAX_DEPTH == read.MAX_DEPTH
    with pytest.raises(AttributeError):
        loader.no_such_name  # noqa: B018


def _aged(folder: Path, seconds: float = 60) -> None:
    """Every file of the folder last changed `seconds` ago (long enough to be vouched for)."""
    import os
    import time

    then = time.time_ns() - int(seconds * 1e9)
    for path in folder.iterdir():
        os.utime(path, ns=(then, then))


def _hashed(monkeypatch) -> list[Path]:
    """Records every pack folder whose files are read and hashed for the cache's key."""
    seen: list[Path] = []
    add_folder = cache.add_folder

    def counting(h, folder):
        seen.append(Path(folder))
        add_folder(h, folder)

    monkeypatch.setattr(cache, "add_folder", counting)
    return seen


def test_an_unchanged_folder_is_not_read_again_for_the_key(scratch_cache, pack, monkeypatch):
    _aged(pack)
    first = cache.key(pack)
    hashed = _hashed(monkeypatch)
    assert cache.key(pack) == first and pack not in hashed  # its stamps vouch for it


def test_a_changed_file_is_hashed_again_even_at_the_same_size(scratch_cache, pack, monkeypatch):
    _aged(pack)
    first = cache.key(pack)
    people = pack / "people.toml"
    text = people.read_text()
    people.write_text(text.replace("a", "b", 1) if "a" in text else text + " ")
    _aged(pack, 30)  # a new time, as any edit leaves
    hashed = _hashed(monkeypatch)
    assert cache.key(pack) != first and pack in hashed


def test_a_file_changed_just_now_is_always_hashed(scratch_cache, pack, monkeypatch):
    # a coarse clock could give a second edit the same stamps: so fresh stamps are never kept
    _aged(pack, 0)
    cache.key(pack)
    hashed = _hashed(monkeypatch)
    cache.key(pack)
    assert pack in hashed


def test_damaged_stamps_only_mean_hashing(scratch_cache, pack, monkeypatch):
    _aged(pack)
    first = cache.key(pack)
    (scratch_cache / cache.Stamps.NAME).write_text("{not json")
    hashed = _hashed(monkeypatch)
    assert cache.key(pack) == first and pack in hashed


def test_a_cached_worlds_dialogue_is_read_when_first_asked_for(scratch_cache):
    from game.packs.loader import check_pack

    fresh, _problems = check_pack(core_pack_path())
    cached = cache.loads(json.dumps(cache.encode(fresh)))
    assert isinstance(cached.dialogue, cache.Later) and cached.dialogue._items is None
    assert cached.dialogue == fresh.dialogue and cached == fresh  # the same lines, once asked for
    assert sorted(cached.dialogue) == sorted(fresh.dialogue) and len(cached.dialogue) == len(fresh.dialogue)
