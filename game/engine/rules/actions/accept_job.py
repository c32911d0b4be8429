"""accept_job: take an offer. The campaign ends here."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import ACCEPTED, OFFER, EffectKind, GameOutcome, Outcome
from game.engine.rules.actions._roles import RoleRule
from game.engine.rules.actions.base import register
from game.engine.rules.derived import role_words
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class AcceptJob(RoleRule):
    name = "accept_job"
    outcomes = (Outcome.HIRED,)
    listed_at = (OFFER,)
    rank = 2

    def label(self, world: World, action: Action) -> str:
        return f"Accept the offer: {role_words(world, action.oid)}"

    def check_role(self, state: State, oid: str) -> str | None:
        if state.opportunities[oid].stage != OFFER:
            return "There is no offer for that role to accept."
        return None

    def perform(self, turn: Turn, action: Action) -> None:
        s, oid = turn.s, action.oid
        o = turn.o(oid)
        o.stage, o.stage_week = ACCEPTED, s.week
        s.outcome, s.job = GameOutcome.HIRED, oid
        turn.outcome = Outcome.HIRED
        turn.note(oid, EffectKind.HIRED, f"You accepted the offer: {turn.role(oid)}.", L.RELATIONSHIP_BEFORE_LEVERAGE)
