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
    """The seven cards, in the order of the lessons."""
    data = tomllib.loads((Path(__file__).parent / "codex.toml").read_text(encoding="utf-8"))
    return {
        lid: Card(lid, data[lid]["title"], " ".join(data[lid]["text"].split()), data[lid]["try"])
        for lid in LESSONS
    }


def titles() -> dict[str, str]:
    return {lid: card.title for lid, card in cards().items()}
