"""A game late in its run, for the benchmarks: second-act played by the `random` bot to week 21.

By then the journal holds 300-odd entries and a dozen people are on the board, which is
where a screen that draws everything it holds starts to show. The bot and the seed are
fixed, so every run of a benchmark plays the same game.
"""

from __future__ import annotations

from pathlib import Path

CAMPAIGN = "second-act"
SEED = 1
BOT = "random"
WEEK = 21
NAME = "long-game"


def long_game(world=None, week: int = WEEK):
    """The State of the benchmark's game at the start of `week` (or where it ended, if sooner)."""
    from game.engine import apply, new_game
    from game.engine.sim import BOTS

    if world is None:
        from game.packs.loader import load_core

        world = load_core()
    state = new_game(world, CAMPAIGN, SEED)
    bot = BOTS[BOT]
    while not state.over and state.week < week:
        state, _ = apply(state, bot(state))
    return state


def save_long_game(folder: Path, week: int = WEEK) -> Path:
    """Write the benchmark's game as a save named `long-game` in `folder`; returns its path."""
    from game.saves.files import save_game

    folder.mkdir(parents=True, exist_ok=True)
    return save_game(folder, long_game(week=week), NAME)
