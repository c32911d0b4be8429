"""Conditions written as data (`when = { trust_at_least = 50 }`), checked against a State.

Packs never carry code: dialogue lines and scripted events say *when* they apply with a
Condition, and this module is the only place that reads one.
"""

from __future__ import annotations

from game.engine.state import CONNECTED, State
from game.engine.world import Condition, ContactDef


def holds(cond: Condition, state: State, speaker: str | None = None) -> bool:
    """True if every test the condition sets holds now.

    Contact tests read `cond.contact`, or the `speaker` when the condition names nobody;
    a contact test with nobody to test (or someone outside the campaign) does not hold.
    """
    cid = cond.contact or speaker
    c = state.contacts.get(cid) if cid is not None else None
    if _needs_contact(cond):
        if c is None:
            return False
        if not _between(c.trust, cond.trust_at_least, cond.trust_below):
            return False
        if not _between(c.familiarity, cond.familiarity_at_least, cond.familiarity_below):
            return False
        if not _between(c.embarrassment, cond.embarrassment_at_least, cond.embarrassment_below):
            return False
        if cond.door and (c.door not in cond.door or c.stage != CONNECTED):
            return False
        if cond.stage and c.stage not in cond.stage:
            return False
        if not speaks_as(cond, state.world.people[c.id]):
            return False
        if cond.met_before is not None and (c.met_count > 0) != cond.met_before:
            return False
        if cond.owes_you is not None and bool(state.outstanding_commitments(c.id)) != cond.owes_you:
            return False
        if cond.reported_back is not None and c.reported_back != cond.reported_back:
            return False
    if not _between(state.clarity, cond.clarity_at_least, cond.clarity_below):
        return False
    if not _between(state.reputation, cond.reputation_at_least, cond.reputation_below):
        return False
    for field_id, level in cond.knowledge_at_least:
        if state.knowledge.get(field_id, 0) < level:
            return False
    if cond.lessons_unlocked and not all(lesson in state.lessons for lesson in cond.lessons_unlocked):
        return False
    if cond.lessons_locked and any(lesson in state.lessons for lesson in cond.lessons_locked):
        return False
    if not _between(state.week, cond.week_at_least, cond.week_below):
        return False
    if cond.opportunity is not None:
        o = state.opportunities.get(cond.opportunity)
        if o is None or (cond.opportunity_stage and o.stage not in cond.opportunity_stage):
            return False
    return True


def _needs_contact(cond: Condition) -> bool:
    return (
        cond.contact is not None
        or cond.trust_at_least is not None or cond.trust_below is not None
        or cond.familiarity_at_least is not None or cond.familiarity_below is not None
        or cond.embarrassment_at_least is not None or cond.embarrassment_below is not None
        or bool(cond.door) or bool(cond.stage) or bool(cond.archetype)
        or cond.generosity_at_least is not None or cond.generosity_below is not None
        or cond.met_before is not None or cond.owes_you is not None or cond.reported_back is not None
    )


def is_about_voice(cond: Condition) -> bool:
    """True if the condition tests only who a person is (archetype, traits), never how things stand.

    Such a condition holds for the same people all campaign long, so the dialogue picker can
    hand its variants out among them in advance (see dialogue.voices).
    """
    return cond.contact is None and cond == Condition(
        archetype=cond.archetype, generosity_at_least=cond.generosity_at_least, generosity_below=cond.generosity_below)


def speaks_as(cond: Condition, person: ContactDef) -> bool:
    """Whether a person's archetype and traits pass the condition's tests on who they are."""
    if cond.archetype and person.archetype not in cond.archetype:
        return False
    generosity = person.traits.generosity
    if cond.generosity_at_least is not None and generosity < cond.generosity_at_least:
        return False
    return cond.generosity_below is None or generosity < cond.generosity_below


def _between(value: float, low: float | None, below: float | None) -> bool:
    if low is not None and value < low:
        return False
    return below is None or value < below
