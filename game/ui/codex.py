"""The codex cards, read from `codex.toml` beside this file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.engine.lessons import LESSONS, title
from game.engine.records import record
from game.engine.world import World


@record(frozen=True)
class Card:
    id: str
    title: str
    text: str
    try_: str


@cache
def _hints() -> dict[str, dict[str, str]]:
    """codex.toml: each card's "try this" hint, and the text of a card a pack leaves out."""
    import tomllib  # here: the board's first frame needs only the cards' titles, from the pack

    return tomllib.loads((Path(__file__).parent / "codex.toml").read_text(encoding="utf-8"))


def cards(world: World) -> dict[str, Card]:
    """The seven cards of the pack being played, in the order of the lessons.

    The pack's lesson cards (`lessons.toml`) give each card its title and text, so what an
    author writes is what the player reads; `codex.toml` beside this file adds the "try
    this" hint, and stands in for the text of any card a pack leaves out.
    """
    hints = _hints()
    out = {}
    for lid in LESSONS:
        card = world.lessons.get(lid)
        text = f"{card.summary} {card.body}" if card is not None else hints[lid]["text"]
        out[lid] = Card(lid, title(world.lessons, lid), " ".join(text.split()), hints[lid]["try"])
    return out


def titles(world: World) -> dict[str, str]:
    return {lid: title(world.lessons, lid) for lid in LESSONS}
