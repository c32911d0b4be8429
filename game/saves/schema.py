"""The save format as a schema: the judge of a save that is not exactly what this game writes.

Loading a save the game wrote itself needs no schema: `game.saves.files` checks its shape
field by field, which costs nothing at start-up. Anything else (a file edited by hand, a
damaged one, a value of another type that still means the same) comes here, where pydantic
either accepts it or names the first field that is wrong, and how. Importing pydantic
takes longer than drawing the board, so this module is only imported when it is needed.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = ["SaveV1", "SaveV2", "ValidationError", "first_error"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PackRefTable(_Strict):
    id: str
    version: str
    digest: str


class SnapshotTable(_Strict):
    hash: str
    week: int = Field(ge=1)
    runway: int = Field(ge=0)
    steps: int = Field(ge=0)
    outcome: str = ""
    summary: str = ""


class SaveV2(_Strict):
    format: int
    game_version: str
    name: str
    created: str
    updated: str
    campaign: str
    seed: int
    ironman: bool = False
    packs: list[PackRefTable]
    snapshot: SnapshotTable
    actions: list[dict[str, str]] = []


class SaveV1(_Strict):
    format: int
    campaign: str
    seed: int
    actions: list[str] = []


def first_error(exc: ValidationError) -> str:
    """The first thing wrong, as `where: what` (e.g. `snapshot.week: Input should be ...`)."""
    first = exc.errors()[0]
    return ".".join(str(p) for p in first["loc"]) + f": {first['msg']}"
