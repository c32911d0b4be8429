"""What a player can see of one state, worked out once and shared by everyone who asks.

A bot deciding its move asks the same questions of a state many times over: who is
reachable, which roles stand at which stage, how well each role seems to fit, what each
person still owes, and whether each move it considers is possible now. Those answers
depend on the state alone, and a State does not change once `apply` has made it, so
they are worked out the first time someone asks and kept beside the state
(`state.sight`) for the other bots and the legality check in `apply` to read.

Only finished states have a sight: `apply` works on a fresh copy that starts without one
and is given one only once the move is done, so nothing here ever describes a state
halfway through a change. Code that edits a State by hand (tests setting up a situation)
must do so before anyone looks at it or at the state it was made from.

A move changes little, and `apply` changes a state only by copying what it touches
(game.engine.rules.turn): any part of the new state that is the very same object as its
parent's was left alone. So the new state starts with the answers (`carried`) that were
worked out from untouched parts alone: who is reachable, when no one's stage or door moved;
the roles at each stage, when no role moved; the fits, when neither goals nor knowledge
did; the promises owed, when no promise changed. Whether a move is possible depends on
everything (the hours left, to begin with), so those answers always start afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.answers import Sight, reachable
from game.engine.intent import Action
from game.engine.kinds import OppStage
from game.engine.rules.core import check, legal_actions
from game.engine.rules.derived import estimated_fit
from game.engine.state import Commitment

if TYPE_CHECKING:
    from game.engine.state import State


def _new(state: State) -> Sight:
    seen = state.sight = Sight()
    return seen


# legality ------------------------------------------------------------------------------------
def reason(state: State, action: Action) -> str | None:
    """`check(state, action)`, judged once per state and action."""
    reasons = (state.sight or _new(state)).reasons
    if action in reasons:
        return reasons[action]
    why = reasons[action] = check(state, action)
    return why


def legal(state: State) -> list[Action]:
    """`legal_actions(state)`, listed once; every action in it is then known to be possible."""
    seen = state.sight or _new(state)
    if seen.legal is None:
        seen.legal = legal_actions(state)
        for action in seen.legal:
            seen.reasons[action] = None
    return seen.legal


# people --------------------------------------------------------------------------------------
def connected(state: State) -> tuple[str, ...]:
    """People the player is in touch with who will take a meeting (not closed, not avoiding)."""
    seen = state.sight or _new(state)
    if seen.connected is None:
        seen.connected = tuple([cid for cid, c in state.contacts.items() if reachable(c)])
    return seen.connected


def owed(state: State, cid: str) -> list[Commitment]:
    """`state.outstanding_commitments(cid)`: the promises this person has not yet kept."""
    if state.sight is None:
        _new(state)
    return state.outstanding_commitments(cid)  # kept in the sight, now there is one


def hiring(state: State) -> frozenset[str]:
    """Everyone hiring for a role in this story (fixed for the game: State.fixed)."""
    return state.fixed.hiring


# roles ---------------------------------------------------------------------------------------
def roles_at(state: State, *stages: OppStage) -> tuple[str, ...]:
    """The roles at any of these stages, in the state's order."""
    seen = state.sight or _new(state)
    found = seen.stages.get(stages)
    if found is None:
        found = seen.stages[stages] = tuple([oid for oid, o in state.opportunities.items() if o.stage in stages])
    return found


def fit(state: State, oid: str) -> float:
    """`estimated_fit(state, oid)`: how well a role seems to fit, as the player can judge it now."""
    fits = (state.sight or _new(state)).fits
    value = fits.get(oid)
    if value is None:
        value = fits[oid] = estimated_fit(state, oid)
    return value
