"""Every bot in the strategy gallery plays whole campaigns by the rules.

The gallery is what balance is measured against (bench/gallery.py). Whether patient play
beats every one of them is the rules issue's test to add once the rules teach it.
"""

import pytest

from game.engine.gallery import ALIGNED, GALLERY
from game.engine.sim import BOTS, simulate


@pytest.mark.parametrize("campaign", ["second-act", "the-favour", "the-question"])
def test_every_gallery_bot_finishes_its_campaigns(world, campaign):
    out = simulate(world, campaign, [*GALLERY, *ALIGNED], 3, seed=11)["strategies"]
    assert set(out) == set(GALLERY) | set(ALIGNED)
    assert all(0 <= r["mean_score"] <= 100 for r in out.values())


def test_the_simulator_knows_every_bot_by_name():
    assert set(GALLERY) | set(ALIGNED) <= set(BOTS) and len(GALLERY) >= 12
