"""Loading content packs: TOML files in a folder, validated into an immutable World.

Every problem in a pack is collected and reported at once, compiler-style
(`FILE:LINE: error[CODE]: what is wrong; what was expected`), never as a traceback.
Packs are data only: nothing in them runs, no file may lead outside the pack's folder,
and files and entry counts have caps.

A pack may build on others (`builds_on = ["core"]`): the base packs load first, then the
pack's entries are added, replacing any base entry with the same id.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.world import World
from game.packs.layout import FILES, MAX_FILE_BYTES, OTHER_FILES, add_folder, core_pack_path

if TYPE_CHECKING:
    from game.packs.problems import CODES, PackError, Problem
    from game.packs.read import MAX_DEPTH, MAX_ENTRIES, MAX_FOLDER_FILES, PackLayer

__all__ = [
    "CODES", "FILES", "MAX_DEPTH", "MAX_ENTRIES", "MAX_FILE_BYTES", "MAX_FOLDER_FILES", "OTHER_FILES",
    "PackError", "Problem", "check_pack", "check_pack_layers", "core_pack_path", "load_core", "load_pack",
    "pack_digest",
]

# A pack the cache holds is loaded without reading or checking it, so what reads and checks
# packs (the reader, the compiler, the problems and their codes) is imported when first
# asked for: the game's start-up does not pay for it.
_LATER = {"CODES": "game.packs.problems", "PackError": "game.packs.problems", "Problem": "game.packs.problems",
          "MAX_DEPTH": "game.packs.read", "MAX_ENTRIES": "game.packs.read", "MAX_FOLDER_FILES": "game.packs.read",
          "PackLayer": "game.packs.read"}


def __getattr__(name: str) -> Any:
    if name in _LATER:
        from importlib import import_module

        return getattr(import_module(_LATER[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def pack_digest(folder: str | Path) -> str:
    """A stable content hash over a pack's files (pack.toml and the format's files).

    The same bytes give the same digest on any machine; saves use it to notice that a
    pack changed since the game was saved.
    """
    from hashlib import blake2b

    folder = Path(folder)
    h = blake2b(digest_size=16)
    add_folder(h, folder)
    return h.hexdigest()



# --------------------------------------------------------------------------------------
# loading with layers


def check_pack(folder: str | Path, bases: dict[str, Path] | None = None) -> tuple[World | None, list[Problem]]:
    """Read, validate and cross-check a pack (and the packs it builds on).

    Returns the World (None if there are errors) and every problem found, errors first.
    `bases` maps pack ids to folders for `builds_on`; `core` always means the shipped core.
    """
    world, problems, _own = check_pack_layers(folder, bases)
    return world, problems


def check_pack_layers(folder: str | Path, bases: dict[str, Path] | None = None
                      ) -> tuple[World | None, list[Problem], dict[str, set[str]]]:
    """Like check_pack, and also the ids each section of the top pack itself defines
    (so `pack check` runs a layered pack's own scenarios and campaigns, not its base's)."""
    world, problems, layers = _check(folder, bases)
    own: dict[str, set[str]] = {}
    if layers:
        for section, items in layers[-1].entries.items():
            own[section] = {entry.id for entry, _src in items}
    return world, problems, own


def _check(folder: str | Path, bases: dict[str, Path] | None) -> tuple[World | None, list[Problem], list[PackLayer]]:
    from game.packs.compile import compile_world
    from game.packs.problems import Problem

    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        return None, [Problem(str(folder), None, "", "no such pack folder; expected a folder holding pack.toml",
                              code="P106")], []
    layers: list[PackLayer] = []
    try:
        _collect(folder, dict(bases or {}), layers, problems, [], 0)
    except RecursionError:
        problems.append(Problem(folder.name, None, "", "data nested too deeply to check", code="P108"))
    if not layers or layers[-1].info is None:
        return None, _sorted(problems), layers
    try:
        world = compile_world(layers, problems)
    except RecursionError:
        problems.append(Problem(folder.name, None, "", "data nested too deeply to check", code="P108"))
        world = None
    if any(p.severity == "error" for p in problems):
        world = None
    return world, _sorted(problems), layers


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Problems with the files themselves first (a misnamed file explains the errors after it),
    then errors, then warnings."""
    return sorted(problems, key=lambda p: (not p.code.startswith("P1"), p.severity != "error"))


def _collect(folder: Path, bases: dict[str, Path], layers: list[PackLayer], problems: list[Problem],
             chain: list[str], depth: int) -> None:
    from game.packs.problems import Problem, line_of
    from game.packs.read import MAX_DEPTH, read_pack

    pack = read_pack(folder, problems)
    if pack.info is not None:
        for base in pack.info.builds_on:
            src = f"{pack.label}/pack.toml"
            if base in chain or base == pack.info.id:
                problems.append(Problem(src, None, "builds_on", f"{base!r} builds on itself through "
                                        f"{' -> '.join([*chain, pack.info.id, base])}; expected no cycles",
                                        code="P109"))
                continue
            if any(layer.info and layer.info.id == base for layer in layers):
                continue  # already loaded through another base
            if depth >= MAX_DEPTH:
                problems.append(Problem(src, None, "builds_on", f"packs build on each other more than {MAX_DEPTH} "
                                        "deep", code="P109"))
                continue
            where = bases.get(base) or (core_pack_path() if base == "core" else None)
            if where is None or not Path(where).is_dir():
                problems.append(Problem(src, line_of(_text_of(folder / "pack.toml"), ("builds_on",)), "builds_on",
                                        f"cannot find the pack {base!r}; expected 'core' or a pack folder given "
                                        "alongside this one on the command line", code="P109"))
                continue
            _collect(Path(where), bases, layers, problems, [*chain, pack.info.id], depth + 1)
    layers.append(pack)


def _text_of(path: Path) -> str:
    from game.packs.guarded import Refused, read_text

    try:
        return read_text(path, MAX_FILE_BYTES, path.parent)
    except Refused:
        return ""


def load_pack(folder: str | Path, bases: dict[str, Path] | None = None) -> World:
    """Load and validate a pack folder into a World, or raise PackError listing every problem.

    A pack that validated before with the same bytes (its own files, the packs it may build on,
    the loader's code) comes from the cache in game.packs.cache instead of being validated again.
    """
    from game.packs import cache

    def validate() -> World:
        from game.packs.problems import PackError, Problem

        world, problems = check_pack(folder, bases)
        if world is None:
            raise PackError(problems or [Problem(str(folder), None, "", "the pack could not be loaded", code="P108")])
        return world

    return cache.load(Path(folder), bases, validate)


_CACHE: dict[Path, World] = {}


def load_core() -> World:
    """The core pack, loaded once per process (and validated only when it changed: see load_pack)."""
    path = core_pack_path()
    if path not in _CACHE:
        _CACHE[path] = load_pack(path)
    return _CACHE[path]
