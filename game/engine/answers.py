"""The record of what has been worked out about one finished state, and what a move carries over.

game.engine.sight asks the questions and explains the record; this module holds only the
record, so that `apply` can hand a new state the answers that still hold for it without
importing the questions (which are asked through the rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.kinds import AVOIDING, CLOSED, CONNECTED

if TYPE_CHECKING:
    from game.engine.intent import Action
    from game.engine.kinds import OppStage
    from game.engine.state import Commitment, ContactState, State


_UNREACHABLE = (CLOSED, AVOIDING)


def reachable(c: ContactState) -> bool:
    """In touch with the player and willing to take a meeting (game.engine.sight.connected)."""
    return c.stage == CONNECTED and c.door not in _UNREACHABLE


class Sight:
    """The answers about one state worked out so far (see game.engine.sight).

    It holds no reference to its state, so a state and its sight are freed together the
    moment the state is dropped, without waiting for the cycle collector.
    """

    __slots__ = ("reasons", "legal", "connected", "stages", "fits", "owed")

    def __init__(self, connected: tuple[str, ...] | None = None,
                 stages: dict[tuple[OppStage, ...], tuple[str, ...]] | None = None,
                 fits: dict[str, float] | None = None, owed: dict[str, list[Commitment]] | None = None) -> None:
        self.reasons: dict[Action, str | None] = {}
        self.legal: list[Action] | None = None
        self.connected = connected
        self.stages = {} if stages is None else stages
        self.fits = {} if fits is None else fits
        self.owed = owed


def carried(before: State, after: State, touched: set[str] | None) -> Sight | None:
    """What `after`, made from `before` by one move that copied the contacts in `touched`,
    can keep of `before`'s answers (see the module docstring); None if there are none."""
    old = before.sight
    if old is None:
        return None
    connected = old.connected
    if connected is not None and touched is not None:
        then, now = before.contacts, after.contacts
        for cid in touched:
            a, b = now[cid], then[cid]
            if (a.stage is not b.stage or a.door is not b.door) and reachable(a) != reachable(b):
                connected = None
                break
    return Sight(
        connected,
        # shared: any answer either state adds holds for both
        old.stages if after.opportunities is before.opportunities else None,
        old.fits if after.knowledge is before.knowledge and after.clarity == before.clarity else None,
        old.owed if after.commitments is before.commitments else None,
    )
