"""The seven lessons of the codex. Every meter change in the engine names one of them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.world import LessonCard

RELATIONSHIP_BEFORE_LEVERAGE = "relationship-before-leverage"
CAUSED_COMMITMENT = "caused-commitment"
REDUCE_THEIR_RISK = "reduce-their-risk"
DO_YOUR_HOMEWORK = "do-your-homework"
HONEST_INTEREST = "honest-interest"
CLOSE_THE_LOOP = "close-the-loop"
REPUTATION_TRAVELS = "reputation-travels"

LESSONS: tuple[str, ...] = (
    RELATIONSHIP_BEFORE_LEVERAGE,
    CAUSED_COMMITMENT,
    REDUCE_THEIR_RISK,
    DO_YOUR_HOMEWORK,
    HONEST_INTEREST,
    CLOSE_THE_LOOP,
    REPUTATION_TRAVELS,
)

# What each lesson is called when a pack carries no card for it (a pack's lessons.toml
# gives its own titles, and those are what players read).
TITLES: dict[str, str] = {
    RELATIONSHIP_BEFORE_LEVERAGE: "Build the bridge before you cross it",
    CAUSED_COMMITMENT: "A promise you pull out becomes a debt",
    REDUCE_THEIR_RISK: "Make helping you safe and cheap",
    DO_YOUR_HOMEWORK: "Know what you're asking for",
    HONEST_INTEREST: "Say what you actually know",
    CLOSE_THE_LOOP: "Close the loop",
    REPUTATION_TRAVELS: "Word gets around",
}


def title(cards: Mapping[str, LessonCard], lesson: str) -> str:
    """A lesson's title: the pack's card, else the game's own name for it."""
    card = cards.get(lesson)
    if card is not None and card.title:
        return card.title
    return TITLES.get(lesson, lesson.replace("-", " ").capitalize())
