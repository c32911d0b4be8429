"""end_week: let the week turn (see rules/week.py for everything that happens then)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from game.engine.intent import Action
from game.engine.kinds import Outcome
from game.engine.rules.actions.base import ActionRule, Scope, register
from game.engine.rules.turn import Turn
from game.engine.rules.week import end_week
from game.engine.state import State
from game.engine.world import World


@register
class EndWeek(ActionRule):
    name = "end_week"
    outcomes = (Outcome.WEEK_ENDED, Outcome.OUT_OF_RUNWAY)
    scope: ClassVar[Scope] = Scope.WEEK

    def label(self, world: World, action: Action) -> str:
        return "End the week"

    def entries(self, state: State, subject: str | None) -> Iterable[Action]:
        return (Action("end_week"),)

    def perform(self, turn: Turn, action: Action) -> None:
        end_week(turn)
