"""Where saves live. Kept apart from the save format so that settings can find the folder
without loading the save models."""

from __future__ import annotations

import os
from pathlib import Path


def saves_dir(override: str | Path | None = None) -> Path:
    """Where saves live: --saves-dir, else $WARM_INTRO_SAVES, else ./saves."""
    if override:
        return Path(override)
    return Path(os.environ.get("WARM_INTRO_SAVES") or "saves")
