"""The codex cards, read from `codex.toml` beside this file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from game.engine.lessons import LESSONS


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    text: str
    try_: str


@cache
def cards() -> dict[str, Card]:
    """The seven cards, in the order of the lessons.

    The content pack's lesson cards (`lessons.toml`) give each card its title and text, so
    what an author writes is what the player reads; `codex.toml` beside this file adds the
    "try this" hint, and stands in for any card a pack leaves out.
    """
    from game.packs.loader import load_core

    data = tomllib.loads((Path(__file__).parent / "codex.toml").read_text(encoding="utf-8"))
    pack_cards = getattr(load_core(), "lessons", None) or {}
    out = {}
    for lid in LESSONS:
        card = pack_cards.get(lid)
        if card is not None:
            text = " ".join(f"{card.summary} {card.body}".split())
            out[lid] = Card(lid, card.title, text, data[lid]["try"])
        else:
            out[lid] = Card(lid, data[lid]["title"], " ".join(data[lid]["text"].split()), data[lid]["try"])
    return out


def titles() -> dict[str, str]:
    return {lid: card.title for lid, card in cards().items()}
