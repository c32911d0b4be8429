"""The core pack and the example pack: rich enough to enjoy, and they teach what they should."""

from pathlib import Path

import pytest

from game.engine.actions import OUTCOMES
from game.engine.lessons import LESSONS
from game.packs.loader import check_pack_layers, core_pack_path, load_pack
from game.packs.scenarios import run_scenarios

EXAMPLE = Path(__file__).resolve().parents[2] / "content" / "example-kitchens"


def test_core_has_the_campaigns_people_and_fields_it_promises(world):
    assert {"second-act", "the-favour", "the-question"} <= set(world.campaigns)
    assert len(world.people) >= 30
    assert len(world.fields) >= 5
    assert len({p.bio for p in world.people.values()}) == len(world.people), "every person has their own voice"


def test_short_campaigns_list_their_people_and_roles(world):
    for cid in ("the-favour", "the-question"):
        camp = world.campaigns[cid]
        assert camp.people and camp.opportunities
        assert camp.runway_weeks < world.campaigns["second-act"].runway_weeks


def test_every_action_outcome_has_at_least_three_plain_variants(world):
    for action, outcomes in OUTCOMES.items():
        for outcome in outcomes:
            plain = [line for line in world.dialogue.get((action, outcome), ()) if not line.contact and not line.when]
            assert plain and len(plain[0].variants) >= 3, (action, outcome)


def test_all_seven_lesson_cards_exist(world):
    assert set(world.lessons) == set(LESSONS)
    assert all(card.title and card.summary and card.body for card in world.lessons.values())


def test_every_lesson_has_a_scenario_and_they_all_pass(world):
    assert {sc.lesson for sc in world.scenarios} >= set(LESSONS)
    failures = [str(p) for r in run_scenarios(world) for p in r.failures]
    assert not failures, "\n".join(failures)


def test_core_has_no_warnings():
    _world, problems, _own = check_pack_layers(core_pack_path())
    assert problems == []


def test_the_example_pack_builds_on_core_and_its_scenarios_pass():
    world, problems, own = check_pack_layers(EXAMPLE)
    assert problems == [] and world is not None
    assert [p[0] for p in world.packs] == ["core", "example-kitchens"]
    assert "second-act" in world.campaigns and "heat-of-the-kitchen" in world.campaigns
    # the pack replaces a core line by id
    [line] = world.dialogue[("reflect", "done")]
    assert "double shift" in " ".join(line.variants)
    results = run_scenarios(world, own["scenarios"])
    assert len(results) == 4 and all(r.passed for r in results), [str(p) for r in results for p in r.failures]


@pytest.mark.parametrize("campaign", ["the-favour", "the-question"])
def test_short_campaigns_reward_patience_over_pressing(world, campaign):
    from game.engine.sim import simulate

    rows = simulate(world, campaign, ["patient", "pushy"], 60, seed=0)["strategies"]
    assert rows["patient"]["hired_rate"] >= 0.6
    assert rows["patient"]["hired_rate"] >= rows["pushy"]["hired_rate"] + 0.2


def test_loading_the_example_does_not_touch_core(world):
    load_pack(EXAMPLE)
    assert [line.variants[0] for line in world.dialogue[("reflect", "done")]][0].startswith("You write down the three")
