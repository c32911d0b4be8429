"""The rules: `new_game`, `apply`, `check`, `legal_actions`, and what they share.

One module per job: `setup` starts a game, `core` applies and judges actions by asking
their rules (`actions/`, one module per action), `turn` is the working copy every change
goes through, `doors`, `hiring` and `derived` hold the values the rules, bots and screens
read, `people` what people do for you, `week` and `events` the end of a week.
"""

from game.engine.kinds import GameOutcome
from game.engine.rules.core import apply, check, cost, legal_actions, menu, preview
from game.engine.rules.derived import (
    campaign_fields,
    door_counts,
    estimated_fit,
    fit,
    insight,
    is_open,
    is_pressing,
    knowable_interest,
    offer_deadline,
    preparation,
    promise_words,
    reads_as,
    role_words,
    score,
    score_parts,
    slipping,
)
from game.engine.rules.doors import door_for, door_words
from game.engine.rules.hiring import hire_chance, hire_reasons
from game.engine.rules.setup import new_game
from game.engine.rules.turn import LESSON_UNLOCK_DELTA

HIRED = GameOutcome.HIRED
OUT_OF_RUNWAY = GameOutcome.OUT_OF_RUNWAY

__all__ = [
    "HIRED",
    "LESSON_UNLOCK_DELTA",
    "OUT_OF_RUNWAY",
    "apply",
    "campaign_fields",
    "check",
    "cost",
    "door_counts",
    "door_for",
    "door_words",
    "estimated_fit",
    "fit",
    "hire_chance",
    "hire_reasons",
    "insight",
    "is_open",
    "is_pressing",
    "knowable_interest",
    "legal_actions",
    "menu",
    "new_game",
    "offer_deadline",
    "preparation",
    "preview",
    "promise_words",
    "reads_as",
    "role_words",
    "score",
    "score_parts",
    "slipping",
]
