"""apply: apply for a role you know of, with a referral if someone vouched for you."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import APPLIED, CONNECTED, OPP_KNOWN, EffectKind, Outcome
from game.engine.rules.actions._roles import RoleRule
from game.engine.rules.actions.base import register
from game.engine.rules.derived import is_open, role_words
from game.engine.rules.turn import Turn
from game.engine.state import ACTIVE_STAGES, State
from game.engine.world import World


@register
class Apply(RoleRule):
    name = "apply"
    outcomes = (Outcome.APPLIED_REFERRED, Outcome.APPLIED_COLD)
    cost_field = "cost_apply"
    listed_at = (OPP_KNOWN,)
    rank = 0

    def label(self, world: World, action: Action) -> str:
        return f"Apply: {role_words(world, action.oid)}"

    def check_role(self, state: State, oid: str) -> str | None:
        stage = state.opportunities[oid].stage
        if stage != OPP_KNOWN:
            return "You are already in that process." if stage in ACTIVE_STAGES else "That role is no longer open to you."
        if not is_open(state, oid):
            return "That role isn't taking applications."
        return None

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        """An application is one shot: sent with nobody behind it, it is judged as a stranger's."""
        o = state.opportunities[action.oid]
        if o.referred:
            return None
        hc = state.world.opportunities[action.oid].hiring_contact
        c = state.contacts.get(hc)
        who = state.world.people[hc].first_name
        if c is None or c.stage != CONNECTED:
            return (f"nobody has vouched for you and you haven't met {who}, who is hiring: this application is one "
                    "résumé among hundreds, and a rejection is final", L.RELATIONSHIP_BEFORE_LEVERAGE)
        return (f"nobody has vouched for you yet: it rests on what {who} thinks of you, and a rejection is final",
                L.RELATIONSHIP_BEFORE_LEVERAGE)

    def perform(self, turn: Turn, action: Action) -> None:
        oid = action.oid
        o = turn.o(oid)
        o.stage, o.stage_week = APPLIED, turn.s.week
        how = "with a referral" if o.referred else "cold"
        turn.outcome = Outcome.APPLIED_REFERRED if o.referred else Outcome.APPLIED_COLD
        turn.note(oid, EffectKind.APPLIED, f"You applied for {turn.role(oid)} ({how}).", L.DO_YOUR_HOMEWORK)
