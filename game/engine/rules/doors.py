"""Doors: how open a person is to you, derived from the meters with hysteresis."""

from __future__ import annotations

from game.engine.kinds import (
    ADVOCATE,
    AVOIDING,
    CLOSED,
    CONNECTED,
    GUARDED,
    OPEN,
    WARM,
    Door,
)
from game.engine.state import ContactState
from game.engine.world import Tuning


def door_for(t: Tuning, c: ContactState, current: Door, outstanding: bool) -> Door:
    """The door a contact's meters call for, with hysteresis from the current one.

    A door is entered at one threshold and left at another, so a meter hovering near a
    line does not flicker; avoidance lasts while a promise is still outstanding.
    """
    if current == CLOSED:
        return CLOSED
    if c.trust <= t.closed_trust and c.stage == CONNECTED and c.familiarity > 0:
        return CLOSED
    if current == AVOIDING:
        if c.embarrassment > t.avoid_exit or (outstanding and c.embarrassment > 0):
            return AVOIDING
    elif c.embarrassment >= t.avoid_enter:
        return AVOIDING
    # a promise still outstanding is a debt: someone who owes you does not go out of their
    # way, and someone who can't quite face you does not vouch for you
    at_ease = not outstanding and c.embarrassment <= t.advocate_embarrassment
    if current == ADVOCATE and c.trust >= t.advocate_exit_trust and at_ease:
        return ADVOCATE
    # nor does someone who never heard how their help turned out, or who was pressed,
    # pestered or chased
    if c.trust >= t.advocate_enter_trust and c.familiarity >= t.advocate_enter_familiarity \
            and c.reported_back and not c.slighted and at_ease:
        return ADVOCATE
    if current in (WARM, ADVOCATE):
        if c.trust >= t.warm_exit_trust and c.familiarity >= t.warm_exit_familiarity:
            return WARM
    elif c.trust >= t.warm_enter_trust and c.familiarity >= t.warm_enter_familiarity:
        return WARM
    if current == GUARDED:
        return GUARDED if c.trust < t.guarded_exit else OPEN
    if c.stage == CONNECTED and c.trust < t.guarded_enter:
        return GUARDED
    return OPEN


def door_words(first: str, old: Door, new: Door) -> str:
    """What a door moving from `old` to `new` looks like to the player."""
    if new == CLOSED:
        return f"{first} will never speak to you again."
    if new == AVOIDING:
        return f"{first} is avoiding you now. \"Can I take a message?\""
    if new == GUARDED:
        return f"{first} is wary of you now."
    if new == ADVOCATE:
        return f"{first} is in your corner now, and will help without being asked."
    if new == WARM:
        if old == ADVOCATE:
            return f"{first} is still warm, but no longer going out of their way."
        return f"{first} has warmed to you."
    if old == AVOIDING:
        return f"{first} feels able to face you again."
    if old == GUARDED:
        return f"{first} is willing to hear you out again."
    return f"{first} has cooled toward you a little."
