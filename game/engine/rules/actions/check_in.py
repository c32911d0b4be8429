"""check_in: a short note to keep in touch. It warms a little, unless it adds nothing.

A note keeps a relationship from fading, but it cannot build one: the second note in a
week adds nothing, a third is pestering, and notes in a row with no real conversation
between them stop warming anyone. Relationships are built in meetings (see meet).
"""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import AVOIDING, FAMILIARITY, TRUST, EffectKind, Outcome
from game.engine.rules.actions.base import ContactRule, register
from game.engine.rules.people import unavailable
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


def notes_this_week(state: State, cid: str) -> int:
    """Short messages already sent to this person this week."""
    c = state.contacts[cid]
    return c.notes_in_week if c.notes_week == state.week else 0


def _why_empty(state: State, cid: str) -> str | None:
    """Why a check-in now would add nothing (or worse), in the game's words; None if it would warm."""
    c = state.contacts[cid]
    first = state.world.people[cid].first_name
    notes = notes_this_week(state, cid)
    if notes >= 2:
        return f"a third message this week: {first} will feel pestered"
    if c.last_contact_week == state.week:
        return f"you were already in touch with {first} this week: another note adds nothing"
    if c.stale_notes >= state.world.tuning.check_in_stale_after:
        return f"nothing new since your last real conversation with {first}: a note won't warm them"
    return None


@register
class CheckIn(ContactRule):
    name = "check_in"
    params = ("contact",)
    outcomes = (Outcome.CAUGHT_UP, Outcome.NOTHING_NEW, Outcome.PESTERED, Outcome.MESSAGE_TAKEN, Outcome.CUT_SHORT)
    cost_field = "cost_check_in"
    rank = 2

    def label(self, world: World, action: Action) -> str:
        return f"Check in with {world.people[action.cid].first_name}"

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        why = _why_empty(state, action.cid)
        return (why, L.RELATIONSHIP_BEFORE_LEVERAGE) if why else None

    def perform(self, turn: Turn, action: Action) -> None:
        cid = action.cid
        s, t = turn.s, turn.t
        empty = _why_empty(s, cid)  # judged before this note counts
        notes = notes_this_week(s, cid)
        c = turn.c(cid)
        c.notes_week, c.notes_in_week = s.week, notes + 1
        if unavailable(turn, cid):
            return
        first = turn.name(cid)
        awkward = turn.touch(cid)
        if turn.s.contacts[cid].door == AVOIDING:
            turn.outcome = Outcome.CUT_SHORT
            return
        if notes >= 2:
            turn.c(cid).slighted = True
            turn.meter(cid, TRUST, -t.check_in_pester_trust, f"a third message this week: {first} feels pestered",
                       L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = Outcome.PESTERED
            turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)
            return
        if empty is not None:
            turn.note(cid, EffectKind.MESSAGE, empty[0].upper() + empty[1:] + ".", L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = Outcome.NOTHING_NEW
            return
        c = turn.c(cid)
        c.stale_notes += 1
        turn.outcome = Outcome.CAUGHT_UP
        turn.meter(cid, FAMILIARITY, t.check_in_familiarity, f"you checked in on {first}", L.RELATIONSHIP_BEFORE_LEVERAGE)
        if not awkward:  # a catch-up overshadowed by an unkept promise warms nobody
            turn.meter(cid, TRUST, t.check_in_trust if c.familiarity >= t.check_in_known else t.check_in_trust_new,
                       f"{first} liked hearing from you",
                       L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)
