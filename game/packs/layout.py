"""The files a pack folder holds, and how their bytes are hashed.

Kept apart from the loader so that the validated-pack cache can name the files and hash
them without importing the loader (or pydantic).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

# The files of the format, in load order (game.packs.models.FILES describes each one; a
# test keeps the two in step).
FILES = ("fields.toml", "companies.toml", "people.toml", "opportunities.toml", "campaigns.toml", "events.toml",
         "dialogue.toml", "lessons.toml", "scenarios.toml", "tuning.toml")
# files of a pack read by other parts of the game (demo scripts): known, hashed, not checked by the loader
OTHER_FILES = ("demos.toml",)
PACK_FILES = ("pack.toml", *FILES, *OTHER_FILES)
MAX_FILE_BYTES = 1_000_000  # per file


class Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...


def add_file(h: Hash, name: str, raw: bytes) -> None:
    """One file's part of a pack's digest: its name and its bytes."""
    h.update(name.encode() + b"\0" + raw + b"\0")


def add_folder(h: Hash, folder: Path) -> None:
    """Every pack file in a folder that can be read (as the loader reads it: see game.packs.guarded),
    in a fixed order."""
    from game.packs.guarded import Refused, read_bytes

    for name in PACK_FILES:
        try:
            add_file(h, name, read_bytes(folder / name, MAX_FILE_BYTES, folder))
        except Refused:  # the loader refuses it too, and leaves it out of the pack's digest
            continue


def core_pack_path() -> Path:
    """The folder of the core pack, from an installed wheel or a source checkout."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / "content" / "core", here.parent / "content" / "core"):
        if candidate.is_dir():
            return candidate
    from importlib import resources  # an unusual install (e.g. zipped): ask the import system

    return Path(str(resources.files("game") / "content" / "core"))
