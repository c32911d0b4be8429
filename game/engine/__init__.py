"""The pure rules of Warm Intro.

Nothing here imports textual or touches files; a test enforces that. Same world, campaign,
seed and actions give the same state, in any process.
"""

from game.engine.actions import VOCABULARY, Action, Impossible
from game.engine.rules import (
    apply,
    check,
    cost,
    estimated_fit,
    fit,
    hire_chance,
    hire_reasons,
    legal_actions,
    new_game,
    score,
)
from game.engine.state import Effect, State, state_hash
from game.engine.world import World

__all__ = [
    "VOCABULARY",
    "Action",
    "Effect",
    "Impossible",
    "State",
    "World",
    "apply",
    "check",
    "cost",
    "estimated_fit",
    "fit",
    "hire_chance",
    "hire_reasons",
    "legal_actions",
    "new_game",
    "score",
    "state_hash",
]
