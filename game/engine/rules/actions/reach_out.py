"""reach_out: write to someone you have only heard of. A name they trust makes it warm."""

from __future__ import annotations

from collections.abc import Iterable

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import CONNECTED, EffectKind, Outcome
from game.engine.rules.actions.base import ContactRule, register
from game.engine.rules.derived import promised_introduction
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class ReachOut(ContactRule):
    name = "reach_out"
    params = ("contact",)
    outcomes = (Outcome.WARM_REPLY, Outcome.REPLY, Outcome.NO_REPLY)
    cost_field = "cost_reach_out"
    needs_connection = False
    rank = 0

    def label(self, world: World, action: Action) -> str:
        return f"Write to {world.people[action.cid].first_name}"

    def entries(self, state: State, subject: str | None) -> Iterable[Action]:
        if subject is not None and state.contacts[subject].stage != CONNECTED:
            return (Action("reach_out", contact=subject),)
        return ()

    def check_person(self, state: State, action: Action, first: str) -> str | None:
        c = state.contacts[action.cid]
        if c.stage == CONNECTED:
            return f"You are already in touch with {first}: meet or check in instead."
        if c.reach_out_week == state.week:
            return f"You already wrote to {first} this week."
        promised = promised_introduction(state, action.cid)
        if promised is not None:
            helper = state.world.people[promised].first_name
            return (f"{helper} said they would introduce you to {first}: writing yourself would go around them. "
                    f"Wait, or tell {helper} not to worry about it.")
        return None

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        unanswered = state.contacts[action.cid].unanswered
        if not unanswered or action.cid in state.tokens:
            return None
        first = state.world.people[action.cid].first_name
        notes = "your note" if unanswered == 1 else f"{unanswered} notes"
        return (f"{first} left {notes} unanswered: another cold note is easier to ignore; a name they trust would get a fresh look",
                L.REDUCE_THEIR_RISK)

    def perform(self, turn: Turn, action: Action) -> None:
        s, cid = turn.s, action.cid
        c = turn.c(cid)
        c.reach_out_week = s.week
        token = s.tokens.get(cid)
        t = turn.t
        first = turn.name(cid)
        if token:
            p = t.reach_out_chance + (s.reputation - 50) / 100 + t.reach_out_token_chance
        else:
            p = (t.reach_out_chance + (s.reputation - 50) / 100) * t.reach_out_again ** c.unanswered
        if not turn.chance(p, "reach_out", cid):
            if not token:
                c.unanswered += 1
            again = not token and c.unanswered > 1
            turn.note(cid, EffectKind.MESSAGE, _silence(first, c.unanswered if again else 1),
                      L.REDUCE_THEIR_RISK if again else L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = Outcome.NO_REPLY
            return
        trust = t.reach_out_trust + (s.reputation - 50) // 5
        if token:
            cause = f"{first} wrote back warmly: you mentioned {turn.name(token)}, who said you could."
            turn.connect(cid, trust + t.reach_out_token_trust, t.reach_out_token_familiarity, cause, L.REDUCE_THEIR_RISK, introduced_by=token)
            turn.outcome = Outcome.WARM_REPLY
        else:
            turn.connect(cid, trust, t.reach_out_familiarity, f"{first} answered your note and agreed to talk.", L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = Outcome.REPLY


def _silence(first: str, unanswered: int) -> str:
    """Why no reply came, true to how many cold notes went unanswered."""
    if unanswered <= 1:
        return f"No reply from {first} yet. People are busy; you can try again next week."
    return (f"No reply from {first} to your {_nth(unanswered)} note. Each unanswered note makes the next easier to ignore: "
            "a name they trust would get a fresh look.")


def _nth(n: int) -> str:
    return {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")
