"""Same pack, campaign, seed and actions: the same game, in this process and in another."""

import json
import os
import subprocess
import sys

import pytest

from game.engine.actions import Action, action_from_dict
from game.engine.rules import apply, new_game
from game.engine.sim import play
from game.engine.state import state_hash

SCRIPT = """
import json, sys
from game.engine.actions import Action, action_from_dict
from game.engine.rules import apply, new_game
from game.engine.state import state_hash
from game.packs.loader import load_core
actions = [action_from_dict(a) for a in json.loads(sys.argv[1])]
state = new_game(load_core(), "second-act", 42)
for a in actions:
    state, _ = apply(state, a)
print(state_hash(state))
"""


def _bot_actions(world, strategy, seed):
    result = play(world, "second-act", strategy, seed, keep_state=True)
    return [node.action for node in result.final_state.history_nodes()], result.final_state


def test_state_hash_is_stable_within_a_process(world):
    actions, _ = _bot_actions(world, "pushy", 42)
    hashes = []
    for _ in range(2):
        state = new_game(world, "second-act", 42)
        for a in actions:
            state, _ = apply(state, a)
        hashes.append(state_hash(state))
    assert hashes[0] == hashes[1]


def test_state_hash_is_the_same_in_other_processes(world):
    actions, _ = _bot_actions(world, "patient", 42)
    state = new_game(world, "second-act", 42)
    for a in actions:
        state, _ = apply(state, a)
    expected = state_hash(state)
    payload = json.dumps([a.to_dict() for a in actions])
    for hash_seed in ("1", "987654"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        out = subprocess.run([sys.executable, "-c", SCRIPT, payload], env=env, capture_output=True, text=True,
                             check=True)
        assert out.stdout.strip() == expected


def test_different_seeds_give_different_games(world):
    hashes = {state_hash(play(world, "second-act", "patient", s, keep_state=True).final_state) for s in range(5)}
    assert len(hashes) == 5


def test_inserting_an_action_does_not_reshuffle_unrelated_rolls(world):
    """Keyed randomness: a reflection in week 1 leaves week 2's promise roll alone."""
    base = [Action("meet", contact="mark-oduya", choice="advice"), Action("accept_offer"), Action("end_week"),
            Action("end_week")]
    with_extra = [Action("reflect")] + base
    outcomes = []
    for actions in (base, with_extra):
        state = new_game(world, "second-act", 5)
        for a in actions:
            state, _ = apply(state, a)
        outcomes.append(next(iter(state.commitments.values())).status)
    assert outcomes[0] == outcomes[1]


def test_action_round_trips_through_its_public_form():
    a = Action("meet", contact="mark-oduya", choice="advice")
    assert action_from_dict(a.to_dict()) == a


@pytest.mark.parametrize("part", ["contacts", "opportunities"])
def test_a_copied_contact_or_role_misses_no_field(world, part):
    from dataclasses import fields

    original = next(iter(getattr(new_game(world, "second-act", 3), part).values()))
    for f in fields(original):  # a different value in every field, so a missed one shows
        setattr(original, f.name, (f.name,))
    copy = original.copy()
    assert copy is not original
    assert all(getattr(copy, f.name) == (f.name,) for f in fields(original))
    assert copy == original


def test_a_copied_state_misses_no_field_and_starts_without_a_sight(world):
    from dataclasses import fields

    from game.engine.state import State

    original = new_game(world, "second-act", 3)
    for f in fields(State):
        setattr(original, f.name, (f.name,))
    copy = original.copy()
    assert copy is not original and copy.sight is None
    assert all(getattr(copy, f.name) == (f.name,) for f in fields(State) if f.name != "sight")
