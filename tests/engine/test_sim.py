"""The simulator plays with the cycle collector at rest: that is only safe while games make no cycles."""

import gc

import pytest

from game.engine.sim import BOTS, play


@pytest.fixture
def collector_paused():
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.mark.parametrize("campaign", ["second-act", "the-favour", "the-question"])
def test_no_bot_leaves_a_reference_cycle_behind(world, campaign, collector_paused):
    for strategy in sorted(BOTS):
        for seed in range(2):
            result = play(world, campaign, strategy, seed, keep_state=True)
            assert result.final_state is not None
            del result
        # everything the games dropped went by reference counting: nothing is left for the collector
        assert gc.collect() == 0, f"{strategy} on {campaign} left cyclic garbage"


def test_a_game_gives_the_collector_back_as_it_found_it(world):
    gc.enable()
    play(world, "second-act", "patient", 1)
    assert gc.isenabled()
    gc.disable()
    try:
        play(world, "second-act", "patient", 1)
        assert not gc.isenabled()
    finally:
        gc.enable()

