"""check_in: a short note to keep in touch. It warms a little, unless a promise hangs over it."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import AVOIDING, FAMILIARITY, TRUST, Outcome
from game.engine.rules.actions.base import ContactRule, register
from game.engine.rules.people import unavailable
from game.engine.rules.turn import Turn
from game.engine.world import World


@register
class CheckIn(ContactRule):
    name = "check_in"
    params = ("contact",)
    outcomes = (Outcome.CAUGHT_UP, Outcome.MESSAGE_TAKEN, Outcome.CUT_SHORT)
    cost_field = "cost_check_in"
    rank = 2

    def label(self, world: World, action: Action) -> str:
        return f"Check in with {world.people[action.cid].first_name}"

    def perform(self, turn: Turn, action: Action) -> None:
        cid = action.cid
        if unavailable(turn, cid):
            return
        first = turn.name(cid)
        awkward = turn.touch(cid)
        if turn.s.contacts[cid].door == AVOIDING:
            turn.outcome = Outcome.CUT_SHORT
            return
        c = turn.s.contacts[cid]
        turn.outcome = Outcome.CAUGHT_UP
        t = turn.t
        turn.meter(cid, FAMILIARITY, t.check_in_familiarity, f"you checked in on {first}", L.RELATIONSHIP_BEFORE_LEVERAGE)
        if not awkward:  # a catch-up overshadowed by an unkept promise warms nobody
            turn.meter(cid, TRUST, t.check_in_trust if c.familiarity >= t.check_in_known else t.check_in_trust_new,
                       f"{first} liked hearing from you",
                       L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)
