"""Replays: a game is its campaign, its seed and its actions, so any state can be rebuilt.

Saves, undo and rewind, replay codes, demos and scenario tests all rebuild states this one
way, so a rule change reaches every one of them alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from game.engine.actions import Action, Impossible
from game.engine.rules import apply, new_game
from game.engine.state import State
from game.engine.world import World


class ReplayError(Exception):
    """An action in the log could not be taken when its turn came."""

    def __init__(self, step: int, action: Action, reason: str) -> None:
        super().__init__(f"step {step} ({action.label()}) is not possible now — {reason}")
        self.step = step  # 1-based position in the log
        self.action = action
        self.reason = reason


def replay_states(world: World, campaign: str, seed: int, actions: Iterable[Action]) -> Iterator[State]:
    """Every state along a timeline, the start included. Raises ReplayError on a bad step."""
    state = new_game(world, campaign, seed)
    yield state
    for step, action in enumerate(actions, 1):
        try:
            state, _ = apply(state, action)
        except Impossible as exc:
            raise ReplayError(step, action, str(exc)) from None
        yield state


def replay(world: World, campaign: str, seed: int, actions: Iterable[Action]) -> State:
    """The state a log of actions leads to. Raises ReplayError on a bad step."""
    states = replay_states(world, campaign, seed, actions)
    state = next(states)
    for state in states:  # noqa: B007 - the last one is the answer
        pass
    return state


def play_bot(world: World, campaign: str, seed: int, bot: Callable[[State], Action],
             max_steps: int, watch: Callable[[State, State], None] | None = None) -> State:
    """A whole campaign played by a bot (its actions are in the final state's history);
    `watch`, if given, sees each move as the states before and after it."""
    state = new_game(world, campaign, seed)
    for _ in range(max_steps):
        if state.over:
            return state
        before = state
        state, _ = apply(state, bot(state))
        if watch is not None:
            watch(before, state)
    if not state.over:
        raise RuntimeError(f"the bot did not finish {campaign} (seed {seed}) in {max_steps} steps")
    return state
