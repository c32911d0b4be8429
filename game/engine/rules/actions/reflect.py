"""reflect: take stock of what you really want. Clarity makes every conversation easier."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import Outcome, PlayerMeter
from game.engine.rules.actions.base import ActionRule, Scope, register
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class Reflect(ActionRule):
    name = "reflect"
    outcomes = (Outcome.DONE,)
    scope: ClassVar[Scope] = Scope.SELF
    cost_field = "cost_reflect"
    rank = 1

    def label(self, world: World, action: Action) -> str:
        return "Reflect on what you really want"

    def entries(self, state: State, subject: str | None) -> Iterable[Action]:
        return (Action("reflect"),)

    def perform(self, turn: Turn, action: Action) -> None:
        gain = max(turn.t.reflect_gain_floor, round(turn.t.reflect_gain * (1 - turn.s.clarity / 120)))
        turn.player(PlayerMeter.CLARITY, gain, "you took stock of what you really want", L.DO_YOUR_HOMEWORK)
