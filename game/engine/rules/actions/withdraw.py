"""withdraw: step out of a hiring process. After an uninformed "Yes!" it costs trust, and the one who vouched pays too."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    CLOSED,
    CONNECTED,
    EMBARRASSMENT,
    OFFER,
    TRUST,
    WITHDRAWN,
    EffectKind,
    InterviewMode,
    Outcome,
    PlayerMeter,
)
from game.engine.rules.actions._roles import RoleRule
from game.engine.rules.actions.base import register
from game.engine.rules.derived import role_words
from game.engine.rules.turn import Turn
from game.engine.state import ACTIVE_STAGES, State
from game.engine.world import World


@register
class Withdraw(RoleRule):
    name = "withdraw"
    outcomes = (Outcome.WITHDREW, Outcome.WITHDREW_AFTER_YES)
    listed_at = ACTIVE_STAGES
    rank = 1

    def label(self, world: World, action: Action) -> str:
        return f"Withdraw: {role_words(world, action.oid)}"

    def check_role(self, state: State, oid: str) -> str | None:
        if state.opportunities[oid].stage not in ACTIVE_STAGES:
            return "You are not in that hiring process."
        return None

    def perform(self, turn: Turn, action: Action) -> None:
        s, oid = turn.s, action.oid
        o = turn.o(oid)
        was = o.stage
        o.stage, o.stage_week = WITHDRAWN, s.week
        hc = turn.w.opportunities[oid].hiring_contact
        turn.note(oid, EffectKind.WITHDREW, f"You withdrew from {turn.role(oid)}.", L.HONEST_INTEREST)
        turn.outcome = Outcome.WITHDREW
        reachable = s.contacts[hc].stage == CONNECTED and s.contacts[hc].door != CLOSED
        if o.interview_mode == InterviewMode.OVERCLAIMED and reachable:
            _walked_away(turn, oid, hc)
        elif was == OFFER and reachable:
            turn.meter(hc, TRUST, -turn.t.decline_offer_trust, f"you turned down {turn.name(hc)}'s offer", L.HONEST_INTEREST)


def _walked_away(turn: Turn, oid: str, hc: str) -> None:
    """A withdrawn "Yes!": the hiring contact feels misled, and whoever vouched looks foolish."""
    s = turn.s
    t = turn.t
    turn.meter(hc, TRUST, -t.withdraw_trust, f"you said \"Yes!\" to {turn.name(hc)}, then walked away", L.HONEST_INTEREST)
    turn.update_door(hc, L.HONEST_INTEREST)
    vouched = s.opportunities[oid].introduced_by or s.contacts[hc].introduced_by
    if vouched and vouched != hc and s.contacts[vouched].door != CLOSED:
        v = turn.name(vouched)
        turn.meter(vouched, EMBARRASSMENT, t.withdraw_vouch_embarrassment, f"{v} vouched for you to {turn.name(hc)}", L.HONEST_INTEREST)
        turn.meter(vouched, TRUST, -t.withdraw_vouch_trust, f"{v} looks foolish for introducing you", L.REPUTATION_TRAVELS)
        turn.c(vouched).generosity_penalty = round(s.contacts[vouched].generosity_penalty + t.withdraw_vouch_generosity, 2)
        turn.note(vouched, EffectKind.MEMORY, f"{v} will think twice before introducing the next job seeker.",
                  L.REPUTATION_TRAVELS, visible=False)
        turn.update_door(vouched, L.HONEST_INTEREST)
    turn.player(PlayerMeter.REPUTATION, -t.withdraw_reputation, "word gets around about the withdrawn \"Yes!\"", L.REPUTATION_TRAVELS)
    turn.outcome = Outcome.WITHDREW_AFTER_YES
