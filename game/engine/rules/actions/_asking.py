"""What asking for a favour shares: before the relationship exists, an ask is pressing."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.rules.derived import is_pressing
from game.engine.state import State

PRESSING = "you don't know each other well enough yet: this would be pressing"


def pressing_warning(state: State, action: Action) -> tuple[str, str] | None:
    if is_pressing(state, action.cid):
        return PRESSING, L.RELATIONSHIP_BEFORE_LEVERAGE
    return None
