"""A class played by the bots: each student a whole campaign, shared as a replay code."""

import pytest

from game.demo.timeline import encode_replay
from game.engine.replay import play_bot
from game.engine.sim import BOTS, MAX_STEPS

# (name, bot, campaign, seed): pushy on seed 1 of Second Act shuts five doors, Mark's among them
CLASS = [("Ana", "patient", "second-act", 1), ("Ben", "pushy", "second-act", 1),
         ("Chloé", "overclaimer", "the-question", 2), ("Dev", "passive", "the-favour", 3),
         ("Eun-ji", "accept_and_chase", "second-act", 4), ("Farid", "random", "the-favour", 5)]


@pytest.fixture(scope="session")
def games(world):
    """name -> the finished game."""
    return {name: play_bot(world, campaign, seed, BOTS[bot], MAX_STEPS) for name, bot, campaign, seed in CLASS}


@pytest.fixture(scope="session")
def codes(games):
    """name -> the replay code the student shares."""
    return {name: encode_replay(state) for name, state in games.items()}
