"""What asking for a favour shares: before the relationship exists, an ask is pressing.

A pressed ask costs trust and word of it travels; the person may still promise, reluctantly
(a fragile promise, likely to slip or overstep), or change the subject.
"""

from __future__ import annotations

from typing import ClassVar

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import AVOIDING, CLOSED, CONNECTED, TRUST, EffectKind, Outcome
from game.engine.rules.actions.base import ContactRule
from game.engine.rules.derived import is_pressing, promise_words
from game.engine.rules.people import generosity, press, unavailable
from game.engine.rules.turn import Turn
from game.engine.state import State


def pressing_words(state: State, cid: str) -> str:
    """Why an ask would be pressing, with what is enough: the numbers the player can see."""
    c, t = state.contacts[cid], state.world.tuning
    short = []
    if c.familiarity < t.press_familiarity:
        short.append(f"familiarity {c.familiarity} of {t.press_familiarity}")
    if c.trust < t.press_trust:
        short.append(f"trust {c.trust} of {t.press_trust}")
    return f"you don't know each other well enough yet ({', '.join(short)}): this would be pressing"


def _hears(state: State, cid: str, whom: str) -> bool:
    """Whether word of pressing `cid` reaches `whom`, the person the favour was meant to reach."""
    c = state.contacts.get(whom)
    return bool(state.world.tuning.press_hearsay) and c is not None and whom != cid and c.door != CLOSED


class AskRule(ContactRule):
    """An ask for a favour: granted between people who know each other, pressing otherwise."""

    asking: ClassVar[str]  # what pressing them sounds like: "you asked Mark {asking} before..."
    while_owed = False  # one favour at a time (see `judge`)

    def judge(self, state: State, action: Action, first: str) -> str | None:
        reason = self.check_person(state, action, first)
        if reason is None:
            # a promise still outstanding is a debt between you: nobody piles a second favour on it
            owed = state.outstanding_commitments(action.cid)
            if owed:
                return f"{first} still owes you {promise_words(state.world, owed[0])}: one favour at a time."
        return reason

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        if is_pressing(state, action.cid):
            words = pressing_words(state, action.cid)
            whom = self.whom(state, action)
            if _hears(state, action.cid, whom):
                words += f", and {state.world.people[whom].first_name} will hear of it"
            return words, L.RELATIONSHIP_BEFORE_LEVERAGE
        return None

    def perform(self, turn: Turn, action: Action) -> None:
        cid = action.cid
        if unavailable(turn, cid):
            return
        turn.touch(cid)
        if not is_pressing(turn.s, cid):
            self.granted(turn, action)
            return
        press(turn, cid, self.asking)
        subject = self.subject(action)
        self._word_reaches(turn, cid, self.whom(turn.s, action))
        if turn.s.contacts[cid].door not in (CLOSED, AVOIDING) \
                and turn.chance(generosity(turn, cid) * turn.t.reluctant_chance, "reluctant", cid + subject):
            self.reluctant_promise(turn, cid, subject)
            turn.outcome = Outcome.PRESSED_PROMISE
        else:
            turn.note(cid, EffectKind.MESSAGE, self.refusal(turn.name(cid)), L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = Outcome.PRESSED_REFUSED

    def subject(self, action: Action) -> str:
        """The person or role the favour is about."""
        raise NotImplementedError

    def whom(self, state: State, action: Action) -> str:
        """The person the favour would have put you in front of."""
        raise NotImplementedError

    @staticmethod
    def _word_reaches(turn: Turn, cid: str, whom: str) -> None:
        """A pressed favour is not a quiet one: the person it was meant to reach hears that
        someone {cid} barely knows wanted their name used, and meets you already wary."""
        if not _hears(turn.s, cid, whom):
            return
        if turn.s.contacts[whom].stage != CONNECTED:
            turn.c(whom).heard -= turn.t.press_hearsay
            return
        turn.meter(whom, TRUST, -turn.t.press_hearsay, f"word reached {turn.name(whom)} that you pressed {turn.name(cid)} to reach them",
                   L.REPUTATION_TRAVELS)

    def granted(self, turn: Turn, action: Action) -> None:
        raise NotImplementedError

    def reluctant_promise(self, turn: Turn, cid: str, subject: str) -> None:
        raise NotImplementedError

    def refusal(self, first: str) -> str:
        raise NotImplementedError
