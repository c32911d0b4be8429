"""The strategy gallery: no degenerate or anti-lesson way of playing reaches patient play.

Small runs here (the same seeds for every bot, pooled over two base seeds); the full
figures, 4 seeds x 500 runs per bot and campaign, come from `python bench/gallery.py`.
"""

import pytest

from game.engine.gallery import ALIGNED, GALLERY
from game.engine.sim import BOTS, simulate

CAMPAIGNS = ["second-act", "the-favour", "the-question"]
RUNS = 40

# Accepting every offer and letting the helper off the hook after two weeks is the designed
# recovery (DESIGN 1.3), and accepting from reliable helpers is no mistake: at full scale
# (bench/gallery.py) it plays within 5 points of patient on every core campaign, and on
# these small runs it reaches patient in second-act. An open balance gap, kept visible:
# when the rules make it lose, this strict xfail fails and must be removed.
RECOVERY_TIES = {("accept_then_release", "second-act")}


def _mean_scores(world, campaign: str, bots: list[str]) -> dict[str, float]:
    pooled = {b: 0.0 for b in bots}
    for seed in (0, 1):
        out = simulate(world, campaign, bots, RUNS, seed=seed)["strategies"]
        for b in bots:
            pooled[b] += out[b]["mean_score"] / 2
    return pooled


@pytest.fixture(scope="module")
def scores(world):
    bots = ["patient", "random", *GALLERY]
    return {c: _mean_scores(world, c, bots) for c in CAMPAIGNS}


CASES = [
    pytest.param(bot, campaign, marks=pytest.mark.xfail(strict=True, reason="the designed recovery ties patient"))
    if (bot, campaign) in RECOVERY_TIES else pytest.param(bot, campaign)
    for campaign in CAMPAIGNS for bot in GALLERY
]


@pytest.mark.parametrize(("bot", "campaign"), CASES)
def test_no_anti_lesson_bot_reaches_patient(scores, bot, campaign):
    assert scores[campaign][bot] < scores[campaign]["patient"], f"{bot} scores {scores[campaign][bot]} on {campaign}"


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_a_bot_that_never_gets_a_job_scores_nothing_for_its_network(world, campaign):
    out = simulate(world, campaign, ["check_in_spam_no_job", "minimal_effort"], 20, seed=5)["strategies"]
    assert all(r["hired_rate"] == 0 and r["mean_score"] <= 10 for r in out.values())


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_every_gallery_bot_finishes_its_campaigns(world, campaign):
    out = simulate(world, campaign, [*GALLERY, *ALIGNED], 3, seed=11)["strategies"]
    assert set(out) == set(GALLERY) | set(ALIGNED)
    assert all(0 <= r["mean_score"] <= 100 for r in out.values())


def test_the_simulator_knows_every_bot_by_name():
    assert set(GALLERY) | set(ALIGNED) <= set(BOTS) and len(GALLERY) >= 12
