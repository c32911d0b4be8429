"""What AUTHORING.md says about the rules holds: following its recipe, a new author's
non-hiring contact volunteers an introduction at the first meeting, on any seed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from game.engine.actions import action_from_dict
from game.engine.rules import apply, new_game
from game.packs.loader import load_pack
from game.packs.scaffold import write_scaffold
from game.packs.scenarios import run_scenario


def _pack(tmp_path, people_edit, traits_edit=("", ""), campaign_edit=("", "")):
    folder = tmp_path / "corner"
    write_scaffold(folder)
    people = (folder / "people.toml").read_text(encoding="utf-8")
    (folder / "people.toml").write_text(people.replace(*people_edit).replace(*traits_edit, 1), encoding="utf-8")
    campaigns = (folder / "campaigns.toml").read_text(encoding="utf-8")
    (folder / "campaigns.toml").write_text(campaigns.replace(*campaign_edit), encoding="utf-8")
    return load_pack(folder)


def _first_meeting(world, seed):
    state = new_game(world, "first-chapter", seed)
    state, _ = apply(state, action_from_dict({"action": "meet", "contact": "ada-moreno", "choice": "advice"}))
    return state.prompt


@pytest.mark.parametrize("seed", range(1, 6))
def test_a_prepared_player_gets_the_volunteered_offer_on_the_first_try(tmp_path, seed):
    world = _pack(tmp_path, ('archetype = "connector"', 'archetype = "connector"\nvolunteers_intro_to = "kit-osei"'),
                  campaign_edit=("bookselling = 20", "bookselling = 30"))  # knowledge 30 + clarity 30 = 60: prepared
    prompt = _first_meeting(world, seed)
    assert prompt is not None and prompt.kind == "offer" and prompt.subject == "kit-osei"


@pytest.mark.parametrize("seed", range(1, 6))
def test_a_very_busy_person_offers_even_to_an_unprepared_player(tmp_path, seed):
    world = _pack(tmp_path, ('archetype = "connector"\n', 'archetype = "connector"\nvolunteers_intro_to = "kit-osei"\n'),
                  ("busyness = 0.5\n", "busyness = 0.9\n"))
    prompt = _first_meeting(world, seed)
    assert prompt is not None and prompt.kind == "offer" and prompt.subject == "kit-osei"


def test_an_unprepared_player_gets_no_offer_from_an_unhurried_person(tmp_path):
    world = _pack(tmp_path, ('archetype = "connector"\n', 'archetype = "connector"\nvolunteers_intro_to = "kit-osei"\n'))
    assert all(_first_meeting(world, seed) is None for seed in range(1, 6))


def test_a_hiring_contact_asks_the_interest_question_instead_of_offering(tmp_path):
    # Sol hires for the events role and would volunteer an introduction to Kit, prepared or not
    world = _pack(tmp_path, ('archetype = "hiring_manager"\n',
                             'archetype = "hiring_manager"\nvolunteers_intro_to = "kit-osei"\n'),
                  campaign_edit=('{ id = "ada-moreno", familiarity = 40, trust = 65 },',
                                 '{ id = "ada-moreno", familiarity = 40, trust = 65 },\n'
                                 '    { id = "sol-bernard", familiarity = 30, trust = 55 },'))
    state = new_game(world, "first-chapter", 1)
    state, _ = apply(state, action_from_dict({"action": "end_week"}))  # the role opens in week 2
    meet = action_from_dict({"action": "meet", "contact": "sol-bernard", "choice": "advice"})
    state, _ = apply(state, meet)
    assert state.prompt is not None and state.prompt.kind == "interest"


EXAMPLE = Path(__file__).resolve().parents[2] / "content" / "example-kitchens"


@pytest.mark.parametrize("seed", range(1, 11))
def test_the_example_packs_recipe_scenario_passes_on_any_seed(seed):
    world = load_pack(EXAMPLE)
    sc = next(sc for sc in world.scenarios if sc.id == "rita-offers-pip")
    result = run_scenario(world, dataclasses.replace(sc, seed=seed))
    assert result.passed, [str(p) for p in result.failures]
    state = new_game(world, "heat-of-the-kitchen", seed)  # and the offer is the one Rita names
    for step in ({"action": "research", "field": "kitchens"},
                 {"action": "meet", "contact": "rita-mensah", "choice": "advice"}):
        state, _ = apply(state, action_from_dict(step))
    assert state.prompt is not None and (state.prompt.kind, state.prompt.subject) == ("offer", "pip-adams")


def test_the_example_recipe_needs_the_homework():
    world = load_pack(EXAMPLE)
    for seed in range(1, 11):
        state = new_game(world, "heat-of-the-kitchen", seed)
        state, _ = apply(state, action_from_dict({"action": "meet", "contact": "rita-mensah", "choice": "advice"}))
        assert state.prompt is None  # 35 + 20 = 55: not prepared, and Rita is not very busy
