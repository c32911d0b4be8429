"""decline_offer: thank them and say you'll come back to it. No debt, no token."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import FAMILIARITY, Outcome
from game.engine.rules.actions._answers import AnswerRule
from game.engine.rules.actions.base import register
from game.engine.rules.turn import Turn
from game.engine.world import World


@register
class DeclineOffer(AnswerRule):
    name = "decline_offer"
    outcomes = (Outcome.DECLINED,)
    rank = 2

    def label(self, world: World, action: Action) -> str:
        return "Decline for now"

    def perform(self, turn: Turn, action: Action) -> None:
        p = self.take_prompt(turn)
        turn.meter(p.contact, FAMILIARITY, turn.t.decline_familiarity, f"you thanked {turn.name(p.contact)} and said you'd come back to it",
                   L.REDUCE_THEIR_RISK)
        turn.outcome = Outcome.DECLINED
