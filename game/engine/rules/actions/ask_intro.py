"""ask_intro: ask someone to introduce you to a person they know."""

from __future__ import annotations

from collections.abc import Iterable

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    AVOIDING,
    CLOSED,
    CONNECTED,
    FAMILIARITY,
    KNOWN,
    UNKNOWN,
    EffectKind,
    Outcome,
    PromiseKind,
)
from game.engine.rules.actions._asking import pressing_warning
from game.engine.rules.actions.base import ContactRule, register
from game.engine.rules.derived import is_pressing
from game.engine.rules.people import generosity, intro_trust, press, promise, take_a_message
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class AskIntro(ContactRule):
    name = "ask_intro"
    params = ("contact", "target")
    outcomes = (Outcome.INTRODUCED, Outcome.PRESSED_PROMISE, Outcome.PRESSED_REFUSED, Outcome.MESSAGE_TAKEN)
    cost_field = "cost_ask"
    rank = 6

    def label(self, world: World, action: Action) -> str:
        return f"Ask {world.people[action.cid].first_name} to introduce you to {world.people[action.tid].name}"

    def entries_for(self, state: State, cid: str) -> Iterable[Action]:
        return [Action("ask_intro", contact=cid, target=tid) for tid, _ in state.world.people[cid].ties
                if tid in state.contacts and state.contacts[tid].stage == KNOWN]

    def check_person(self, state: State, action: Action, first: str) -> str | None:
        w, tid = state.world, action.tid
        if tid not in state.contacts or state.contacts[tid].stage == UNKNOWN:
            return f"{first} hasn't mentioned anyone by that name."
        if w.people[action.cid].tie_strength(tid) <= 0:
            return f"{first} doesn't know {w.people[tid].first_name}."
        if state.contacts[tid].stage == CONNECTED:
            return f"You are already in touch with {w.people[tid].first_name}."
        if any(m.to == tid and m.outstanding for m in state.commitments.values()):
            return f"An introduction to {w.people[tid].first_name} is already promised."
        return None

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        return pressing_warning(state, action)

    def perform(self, turn: Turn, action: Action) -> None:
        s, cid, tid = turn.s, action.cid, action.tid
        if s.contacts[cid].door == AVOIDING:
            take_a_message(turn, cid)
            return
        turn.touch(cid)
        first = turn.name(cid)
        if is_pressing(s, cid):
            _pressed(turn, cid, tid)
            return
        turn.connect(tid, intro_trust(turn, cid, tid), 8,
                     f"{first} introduced you to {turn.full(tid)}: an easy favour between friends.",
                     L.RELATIONSHIP_BEFORE_LEVERAGE, introduced_by=cid)
        turn.c(cid).owed_thanks = True
        turn.meter(cid, FAMILIARITY, 2, f"{first} went out of their way for you", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.outcome = Outcome.INTRODUCED


def _pressed(turn: Turn, cid: str, tid: str) -> None:
    first = turn.name(cid)
    press(turn, cid, "for an introduction")
    if turn.s.contacts[cid].door not in (CLOSED, AVOIDING) \
            and turn.chance(generosity(turn, cid) * 0.6, "reluctant", cid + tid):
        busy = turn.w.people[tid].traits.busyness
        promise(turn, cid, PromiseKind.INTRODUCTION, tid, asked=True, overstep_p=0.45 + 0.3 * busy)
        turn.note(cid, EffectKind.PROMISE_MADE, f"\"I'll see what I can do,\" says {first}, without meeting your eye.",
                  L.CAUSED_COMMITMENT)
        turn.outcome = Outcome.PRESSED_PROMISE
    else:
        turn.note(cid, EffectKind.MESSAGE, f"{first} changes the subject.", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.outcome = Outcome.PRESSED_REFUSED
