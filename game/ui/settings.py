"""Settings remembered between games, in `saves/settings.toml`.

The saves folder is `saves/` in the working directory unless the environment variable
WARM_INTRO_SAVES names another one (tests always point it at a temporary folder).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.packs.guarded import Refused, read_toml
from game.saves.paths import saves_dir

SETTINGS_FILE = "settings.toml"
MAX_SETTINGS_BYTES = 64_000

@dataclass
class Settings:
    theme: str = "textual-dark"
    # once a lesson is learned, warn before an action that would break it
    hints: bool = True
    # show a summary screen after every week
    week_summary: bool = True

    @classmethod
    def load(cls, folder: Path | None = None) -> Settings:
        path = (folder or saves_dir()) / SETTINGS_FILE
        try:
            data, _, _ = read_toml(path, MAX_SETTINGS_BYTES)
        except Refused:  # missing, damaged or hostile: the defaults, and the file is rewritten on the next change
            return cls()
        known = {f.name: f.type for f in fields(cls)}
        clean = {}
        defaults = cls()
        for key, value in data.items():
            if key in known and isinstance(value, type(getattr(defaults, key))):
                clean[key] = value
        return cls(**clean)

    def save(self, folder: Path | None = None) -> None:
        """Write atomically: a half-written settings file must never replace a good one."""
        import tomli_w

        folder = folder or saves_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / SETTINGS_FILE
        tmp = path.with_suffix(".toml.tmp")
        with open(tmp, "wb") as fh:
            tomli_w.dump(asdict(self), fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)


def has_saved_games(folder: Path | None = None) -> bool:
    folder = folder or saves_dir()
    try:
        return any(p.suffix == ".toml" and p.name != SETTINGS_FILE for p in folder.iterdir())
    except OSError:
        return False
