"""The strategy gallery: no degenerate or anti-lesson way of playing reaches patient play.

Small runs here (the same seeds for every bot, pooled over two base seeds); the full
figures, 4 seeds x 500 runs per bot and campaign, come from `python bench/gallery.py`.
"""

import pytest

from game.engine.gallery import ALIGNED, GALLERY
from game.engine.sim import BOTS, play, run_seed, simulate

CAMPAIGNS = ["second-act", "the-favour", "the-question"]
RUNS = 100

# Accepting every offer and letting the helper off the hook after two weeks is the designed
# recovery (DESIGN 1.3), and accepting from reliable helpers is no mistake: at full scale
# (bench/gallery.py, 4 seeds x 500 runs) it plays 5.1 (the-question, where only reliable
# helpers offer) to 11.2 points below patient, but at 100 runs it can come within noise of
# patient, so here it only must not clearly beat it.
RECOVERY = "accept_then_release"
TIE_MARGIN = 3.0


def _mean_scores(world, campaign: str, bots: list[str]) -> dict[str, float]:
    pooled = {b: 0.0 for b in bots}
    for seed in (0, 1):
        out = simulate(world, campaign, bots, RUNS, seed=seed)["strategies"]
        for b in bots:
            pooled[b] += out[b]["mean_score"] / 2
    return pooled


@pytest.fixture(scope="module")
def scores(world):
    bots = ["patient", *GALLERY]
    return {c: _mean_scores(world, c, bots) for c in CAMPAIGNS}


@pytest.mark.parametrize("campaign", CAMPAIGNS)
@pytest.mark.parametrize("bot", sorted(set(GALLERY) - {RECOVERY}))
def test_no_anti_lesson_bot_reaches_patient(scores, bot, campaign):
    assert scores[campaign][bot] < scores[campaign]["patient"], f"{bot} scores {scores[campaign][bot]} on {campaign}"


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_the_recovery_line_does_not_beat_patient(scores, campaign):
    assert scores[campaign][RECOVERY] < scores[campaign]["patient"] + TIE_MARGIN


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_a_game_without_a_job_scores_nothing_for_its_network(world, campaign):
    out = simulate(world, campaign, ["check_in_spam_no_job", "minimal_effort"], 20, seed=5)["strategies"]
    assert all(r["hired_rate"] == 0 and r["mean_score"] <= 10 for r in out.values())
    jobless = [r for r in (play(world, campaign, "random", run_seed(5, i)) for i in range(40)) if not r.hired]
    assert any(r.advocates for r in jobless), "random play should make some advocates to test this with"
    assert all(r.score == 0 for r in jobless)


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_every_gallery_bot_finishes_its_campaigns(world, campaign):
    out = simulate(world, campaign, [*GALLERY, *ALIGNED], 3, seed=11)["strategies"]
    assert set(out) == set(GALLERY) | set(ALIGNED)
    assert all(0 <= r["mean_score"] <= 100 for r in out.values())


def test_the_simulator_knows_every_bot_by_name():
    assert set(GALLERY) | set(ALIGNED) <= set(BOTS) and len(GALLERY) >= 12
