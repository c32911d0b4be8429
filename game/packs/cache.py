"""A cache of validated packs, so the game starts without re-validating a pack it has seen.

Every pack goes through it, the core pack and an author's own (`play --pack`, `sim --pack`...).
The World is written as plain JSON (plain data, never serialised objects: a cache file is
data, and a damaged or foreign one is simply ignored). The key covers the bytes of every
file the World is made from (the pack's own, the packs it can build on) and the code that
turns them into a World, so changing any of them validates the pack afresh: a cached World
is never trusted for a changed file.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import MISSING, fields, is_dataclass
from hashlib import blake2b
from pathlib import Path
from types import MappingProxyType
from typing import Any

from game.engine import world as world_module
from game.engine.world import World
from game.packs.guarded import Refused, read_text
from game.packs.layout import PACK_FILES, add_file, add_folder

CACHE_FORMAT = 3  # 2: records name their type beside their fields, and leave out the defaults;
# 3: the dialogue is kept as text, read when first asked for (see Later)
MAX_CACHE_BYTES = 20_000_000  # the core pack's World is well under a megabyte
STAMP_SLACK_NS = 3_000_000_000  # see Stamps
# what turns a pack into a World: the loader, its models, the world's types, and the action
# vocabulary the pack is checked against (a folder stands for every module in it)
_CODE = ("packs", "engine/world.py", "engine/dialogue.py", "engine/actions.py", "engine/kinds.py",
         "engine/lessons.py", "engine/rules/actions")
_TYPES = {name: obj for name, obj in vars(world_module).items() if isinstance(obj, type) and is_dataclass(obj)}


def cache_dir() -> Path:
    """$WARM_INTRO_CACHE, else $XDG_CACHE_HOME/warm-intro, else ~/.cache/warm-intro."""
    explicit = os.environ.get("WARM_INTRO_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "warm-intro"


class Key:
    """A pack's cache entry, worked out before the pack is read: its name, and the digest of
    each pack folder it covers (as the loader digests them, see game.packs.layout)."""

    def __init__(self, folder: Path, bases: Mapping[str, Path] | None = None) -> None:
        from game.packs.layout import core_pack_path

        stamps = Stamps.read()
        h = blake2b(f"cache-{CACHE_FORMAT}".encode(), digest_size=16)
        root = Path(__file__).resolve().parents[1]
        code = [path for rel in _CODE
                for path in (sorted((root / rel).rglob("*.py")) if (root / rel).is_dir() else [root / rel])]
        h.update(stamps.digest(root, code, lambda: _code_digest(root, code)).encode())
        folders = {"": Path(folder), "core": core_pack_path(), **{k: Path(v) for k, v in (bases or {}).items()}}
        self.digests: set[str] = set()
        for name in sorted(folders):
            self.digests.add(_add_pack(h, name, folders[name], stamps))
        stamps.write()
        self.name = f"pack-{h.hexdigest()}.json"

    def made_from(self, world: World) -> bool:
        """True if every pack the World was compiled from had the bytes this key covers (a
        file edited while the pack was being read gives a World that is not stored)."""
        return bool(world.packs) and all(digest in self.digests for _id, _version, digest in world.packs)


def key(folder: Path, bases: Mapping[str, Path] | None = None) -> str:
    """The cache entry's name for a pack folder (and the packs it may build on)."""
    return Key(folder, bases).name


def _code_digest(root: Path, code: list[Path]) -> str:
    h = blake2b(digest_size=16)
    for path in code:
        add_file(h, path.relative_to(root).as_posix(), path.read_bytes())
    return h.hexdigest()


def _add_pack(h: Any, name: str, folder: Path, stamps: Stamps) -> str:
    """Add one pack folder to the key; returns its digest alone."""
    # the names in the folder count too: the loader refuses an overfull folder
    try:
        names = sorted(p.name for p in folder.iterdir())
    except OSError:
        names = []
    h.update(f"\0pack {name}\0".encode() + "\0".join(names).encode() + b"\0")

    def digest() -> str:
        own = blake2b(digest_size=16)
        add_folder(own, folder)
        return own.hexdigest()

    own = stamps.digest(folder, [folder / n for n in PACK_FILES], digest)
    h.update(bytes.fromhex(own))
    return own


def file_stamp(path: Path) -> list[Any] | None:
    """What shows that a file changed: [name, size, modification time, file id] (None when it
    can't be read). A file replaced whole (written beside and renamed) has a new file id."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [path.name, info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev]


class Stamps:
    """What files were worked out to (their bytes' digest, a save's listing) when they last
    had these stamps (size, modification time, file id), kept beside the cache so that an
    unchanged pack is not read and hashed on every launch, nor every save read to list it (as
    `git status` and Python's own bytecode cache do). A group of files is worked out afresh
    when any stamp differs, or when a file was changed within STAMP_SLACK_NS of being read (a
    file system's clock may be too coarse to show a second change made so soon: such stamps
    are never kept). A damaged or missing stamps file only means reading the files."""

    NAME = f"stamps-{CACHE_FORMAT}.json"

    def __init__(self, known: dict[str, Any]) -> None:
        self.known = known
        self.changed = False

    @classmethod
    def read(cls) -> Stamps:
        try:
            known = json.loads(read_text(cache_dir() / cls.NAME, MAX_CACHE_BYTES))
        except (Refused, OSError, ValueError):
            known = {}
        return cls(known if isinstance(known, dict) else {})

    def digest(self, place: Path, files: list[Path], work_out: Callable[[], str]) -> str:
        """The digest of `files` (for `place`), from the stamps when none has changed."""
        return str(self.worked_out(str(place), files, work_out))

    def worked_out(self, place: str, files: list[Path], work_out: Callable[[], Any],
                   usable: Callable[[Any], bool] = lambda _kept: True) -> Any:
        """What `work_out` makes of `files` (JSON data, kept under `place`), from the stamps
        when none has changed and what was kept is `usable`."""
        now = time.time_ns()
        stamps: list[Any] = []
        fresh = False  # a file changed too lately to vouch for: worked out afresh, its stamps not kept
        for path in files:
            stamp = file_stamp(path)
            stamps.append(stamp)
            fresh = fresh or (stamp is not None and now - stamp[2] < STAMP_SLACK_NS)
        entry = self.known.get(place)
        if not fresh and isinstance(entry, list) and len(entry) == 2 and entry[0] == stamps and usable(entry[1]):
            return entry[1]
        made = work_out()
        if not fresh:
            self.known[place] = [stamps, made]
            self.changed = True
        return made

    def forget(self, places: list[str]) -> None:
        """Drop what is kept for these places (files that are gone)."""
        for place in places:
            if self.known.pop(place, None) is not None:
                self.changed = True

    def write(self) -> None:
        """Keep the stamps, if any are new (a cache that cannot be written is skipped)."""
        if self.changed:
            _store(self.NAME, lambda f: json.dump(self.known, f, separators=(",", ":")))


def load(folder: Path, bases: Mapping[str, Path] | None, validate: Callable[[], World]) -> World:
    """The World of a pack: from the cache when its files (and the code) are unchanged, else
    `validate()`d and stored for next time. Errors from `validate` pass through."""
    entry = Key(folder, bases)  # before anything is read: the entry names the bytes it was made from
    world = _read(entry.name)
    if world is not None:
        return world
    world = validate()
    if entry.made_from(world):
        _write(entry.name, world)
    return world


def encode(obj: Any) -> Any:
    """A World (or any part of one) as JSON-ready data, with its types recorded.

    A record is an object naming its type under "$" with its fields beside it; a field left
    at its default (the same value of the same type) is not written, since most of a pack's
    conditions and lines set only a few of theirs. A tuple is {"t": [...]}, a mapping
    {"m": [[key, value], ...]}, a list a list. A World's dialogue is {"later": text}, the
    JSON text of its mapping (see Later)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        record: dict[str, Any] = {"$": type(obj).__name__}
        for f in fields(obj):
            if not f.init:
                continue
            value = getattr(obj, f.name)
            if f.default is not MISSING and type(value) is type(f.default) and value == f.default:
                continue
            encoded = encode(value)
            if isinstance(obj, World) and f.name in LATER:
                encoded = {"later": json.dumps(encoded, separators=(",", ":"))}
            record[f.name] = encoded
        return record
    if isinstance(obj, tuple):
        return {"t": [encode(v) for v in obj]}
    if isinstance(obj, Mapping):
        return {"m": [[encode(k), encode(v)] for k, v in obj.items()]}
    if isinstance(obj, list):
        return [encode(v) for v in obj]
    return obj


def _revive(data: dict[str, Any]) -> Any:
    """One JSON object of the cache, its contents already revived, as what it stands for."""
    name = data.pop("$", None)
    if name is not None:
        return _TYPES[name](**data)
    if "t" in data:
        return tuple(data["t"])
    if "later" in data:
        return Later(data["later"])
    return MappingProxyType(dict(data["m"]))


# the parts of a World read only when first asked for: the dialogue is four fifths of a
# cached World's bytes and of the time reading it takes, and no screen needs it before the
# player's first conversation (nor a simulated game before its first meeting)
LATER = ("dialogue",)


class Later(Mapping[Any, Any]):
    """A mapping of a cached World kept as its JSON text until it is first asked for; then
    read, whole, once. To everything else it is the mapping it holds (read-only, equal to
    any mapping with the same items)."""

    __slots__ = ("_text", "_items")

    def __init__(self, text: str) -> None:
        self._text = text
        self._items: Mapping[Any, Any] | None = None

    def _read(self) -> Mapping[Any, Any]:
        items = self._items
        if items is None:  # two threads asking at once both read the same text: either result will do
            items = self._items = loads(self._text)
        return items

    def __getitem__(self, key: Any) -> Any:
        return self._read()[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        return repr(self._read())


def loads(text: str) -> Any:
    """What encode made, from its JSON text. The JSON parser hands each object to _revive as
    it closes (the innermost first), so no second walk over the data is needed."""
    return json.loads(text, object_hook=_revive)


def read(folder: Path, bases: Mapping[str, Path] | None = None) -> World | None:
    """The cached World for this pack folder, or None (missing, stale or unreadable)."""
    return _read(key(folder, bases))


def _read(name: str) -> World | None:
    try:
        world = loads(read_text(cache_dir() / name, MAX_CACHE_BYTES))
    except (Refused, OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return world if isinstance(world, World) else None


def _write(name: str, world: World) -> None:
    """Store a validated World; a cache that cannot be written is silently skipped."""
    _store(name, lambda f: json.dump(encode(world), f, separators=(",", ":")))


def _store(name: str, write: Callable[[Any], None]) -> None:
    """Write a file of the cache whole (through a temporary file), or skip it if it cannot be."""
    import tempfile

    try:
        target = cache_dir()
        target.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, prefix=".cache-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            write(f)
        os.replace(tmp, target / name)
    except OSError:
        return
