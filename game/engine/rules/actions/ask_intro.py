"""ask_intro: ask someone to introduce you to a person they know."""

from __future__ import annotations

from collections.abc import Iterable

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    CONNECTED,
    FAMILIARITY,
    KNOWN,
    RELEASED,
    UNKNOWN,
    EffectKind,
    Outcome,
    PromiseKind,
)
from game.engine.rules.actions._asking import AskRule
from game.engine.rules.actions.base import register
from game.engine.rules.people import intro_trust, promise
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class AskIntro(AskRule):
    name = "ask_intro"
    params = ("contact", "target")
    outcomes = (Outcome.INTRODUCED, Outcome.PRESSED_PROMISE, Outcome.PRESSED_REFUSED, Outcome.MESSAGE_TAKEN)
    cost_field = "cost_ask"
    rank = 6
    asking = "for an introduction"

    def label(self, world: World, action: Action) -> str:
        return f"Ask {world.people[action.cid].first_name} to introduce you to {world.people[action.tid].name}"

    def entries_for(self, state: State, cid: str) -> Iterable[Action]:
        contacts, made = state.contacts, self._made
        out = []
        for tid, _ in state.world.people[cid].ties:
            if tid in contacts and contacts[tid].stage == KNOWN:
                action = made.get((cid, tid))
                if action is None:  # a value, made once for each pair (see ContactRule.toward)
                    action = made[cid, tid] = Action("ask_intro", contact=cid, target=tid)
                out.append(action)
        return out

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[tuple[str, str], Action] = {}

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
        if any(m.by == action.cid and m.to == tid and m.status == RELEASED for m in state.commitments.values()):
            return (f"You told {first} not to worry about introducing you to {w.people[tid].first_name}: "
                    "reach out yourself.")
        return None

    def subject(self, action: Action) -> str:
        return action.tid

    def whom(self, state: State, action: Action) -> str:
        return action.tid

    def granted(self, turn: Turn, action: Action) -> None:
        cid, tid = action.cid, action.tid
        first = turn.name(cid)
        turn.connect(tid, intro_trust(turn, cid, tid), turn.t.intro_familiarity,
                     f"{first} introduced you to {turn.full(tid)}: an easy favour between friends.",
                     L.RELATIONSHIP_BEFORE_LEVERAGE, introduced_by=cid)
        turn.helped(cid)
        turn.meter(cid, FAMILIARITY, turn.t.intro_favour_familiarity, f"{first} went out of their way for you", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.outcome = Outcome.INTRODUCED

    def reluctant_promise(self, turn: Turn, cid: str, subject: str) -> None:
        busy = turn.w.people[subject].traits.busyness
        promise(turn, cid, PromiseKind.INTRODUCTION, subject, asked=True, overstep_p=turn.t.pressed_intro_overstep + turn.t.pressed_intro_overstep_busy * busy)
        turn.note(cid, EffectKind.PROMISE_MADE,
                  f"\"I'll see what I can do,\" says {turn.name(cid)}, without meeting your eye.", L.CAUSED_COMMITMENT)

    def refusal(self, first: str) -> str:
        return f"{first} changes the subject."
