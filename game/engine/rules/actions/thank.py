"""thank: thank someone who helped, and report back on what you did with their advice."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import FAMILIARITY, TRUST, Outcome
from game.engine.rules.actions.base import ContactRule, register
from game.engine.rules.people import unavailable
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class Thank(ContactRule):
    name = "thank"
    params = ("contact",)
    outcomes = (Outcome.THANKED, Outcome.REPORTED_BACK, Outcome.MESSAGE_TAKEN)
    cost_field = "cost_thank"
    rank = 3

    def label(self, world: World, action: Action) -> str:
        return f"Thank {world.people[action.cid].first_name} and report back"

    def check_person(self, state: State, action: Action, first: str) -> str | None:
        c = state.contacts[action.cid]
        if not (c.owed_thanks or c.advice_pending):
            return f"{first} hasn't done anything for you lately to thank them for."
        return None

    def perform(self, turn: Turn, action: Action) -> None:
        cid = action.cid
        first = turn.name(cid)
        if unavailable(turn, cid):
            return
        turn.touch(cid)
        c = turn.c(cid)
        turn.outcome = Outcome.THANKED
        if c.owed_thanks:
            c.owed_thanks = False
            turn.meter(cid, TRUST, turn.t.thank_trust, f"you thanked {first}", L.CLOSE_THE_LOOP)
            turn.meter(cid, FAMILIARITY, turn.t.thank_familiarity, f"a thank-you keeps {first} in the loop", L.CLOSE_THE_LOOP)
        c.stale_notes = 0  # there was something to say
        if c.advice_pending:
            c.advice_pending = False
            c.reported_back = True  # the relationship now has a loop in it: they may go out of their way
            turn.outcome = Outcome.REPORTED_BACK
            turn.meter(cid, TRUST, turn.t.report_back_trust, f"you told {first} what you did with their advice", L.CLOSE_THE_LOOP)
            # the people who know them hear that you follow through
            turn.leak(cid, turn.t.loop_leak, f"you told {first} how their help turned out", L.REPUTATION_TRAVELS)
        turn.update_door(cid, L.CLOSE_THE_LOOP)
