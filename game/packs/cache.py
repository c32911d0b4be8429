"""A cache of validated packs, so the game starts without re-validating the core pack.

The World is written as plain JSON (plain data, never serialised objects: a cache file is data, and a damaged or
foreign one is simply ignored). The key covers the pack's files and the code that turns
them into a World, so editing either validates the pack afresh.
"""

from __future__ import annotations

import json
import os
from dataclasses import fields, is_dataclass
from hashlib import blake2b
from pathlib import Path
from types import MappingProxyType
from typing import Any

from game.engine import world as world_module
from game.engine.world import World
from game.packs.guarded import Refused, read_text
from game.packs.layout import add_file, add_folder

CACHE_FORMAT = 1
MAX_CACHE_BYTES = 20_000_000  # the core pack's World is well under a megabyte
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


def key(folder: Path) -> str:
    """The cache entry's name: the pack's files and the code that validates and compiles them."""
    h = blake2b(f"cache-{CACHE_FORMAT}".encode(), digest_size=16)
    root = Path(__file__).resolve().parents[1]
    for rel in _CODE:
        for path in sorted((root / rel).rglob("*.py")) if (root / rel).is_dir() else [root / rel]:
            add_file(h, path.relative_to(root).as_posix(), path.read_bytes())
    add_folder(h, folder)
    return h.hexdigest()


def encode(obj: Any) -> Any:
    """A World (or any part of one) as JSON-ready data, with its types recorded."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {"$": type(obj).__name__, "f": {f.name: encode(getattr(obj, f.name)) for f in fields(obj) if f.init}}
    if isinstance(obj, tuple):
        return {"t": [encode(v) for v in obj]}
    if isinstance(obj, (dict, MappingProxyType)):
        return {"m": [[encode(k), encode(v)] for k, v in obj.items()]}
    if isinstance(obj, list):
        return [encode(v) for v in obj]
    return obj


def decode(data: Any) -> Any:
    if isinstance(data, dict):
        if "$" in data:
            return _TYPES[data["$"]](**{k: decode(v) for k, v in data["f"].items()})
        if "t" in data:
            return tuple(decode(v) for v in data["t"])
        return MappingProxyType({decode(k): decode(v) for k, v in data["m"]})
    if isinstance(data, list):
        return [decode(v) for v in data]
    return data


def read(folder: Path) -> World | None:
    """The cached World for this pack folder, or None (missing, stale or unreadable)."""
    try:
        path = cache_dir() / f"pack-{key(folder)}.json"
        world = decode(json.loads(read_text(path, MAX_CACHE_BYTES)))
    except (Refused, OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return world if isinstance(world, World) else None


def write(folder: Path, world: World) -> None:
    """Store a validated World; a cache that cannot be written is silently skipped."""
    import tempfile

    try:
        target = cache_dir()
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"pack-{key(folder)}.json"
        fd, tmp = tempfile.mkstemp(dir=target, prefix=".pack-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(encode(world), f, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        return
