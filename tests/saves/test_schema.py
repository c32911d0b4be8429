"""A save the game wrote loads without the schema; anything else is judged by the schema.

The loader's own check (`_as_written`) is there for speed: the schema (pydantic) takes
longer to import than the board takes to draw. It must never pass what the schema would
refuse, nor read a field differently; these tests hold it to that.
"""

import copy
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.sim import play
from game.saves.files import SaveError, _as_written, load_save, read_toml, save_game
from game.saves.schema import SaveV2, ValidationError


@pytest.fixture(scope="module")
def core():
    from game.packs.loader import load_core

    return load_core()


@pytest.fixture(scope="module")
def written(tmp_path_factory, core):
    """A save of a finished game, as its file reads."""
    state = play(core, "second-act", "patient", 3, keep_state=True).final_state
    return read_toml(save_game(tmp_path_factory.mktemp("saves"), state, "written"))


def by_the_schema(data):
    try:
        return SaveV2.model_validate(data).model_dump()
    except ValidationError:
        return None


# values of every kind a TOML file (or a careless edit) can hold, and the edges of the ranges
VALUES = st.one_of(
    st.sampled_from([0, 1, -1, 2, True, False, "", "2", "x", 1.0, 0.5, [], {}, ["a"], {"a": "b"}, {"a": 1}, None]),
    st.integers(-3, 3), st.text(max_size=3),
)


@st.composite
def edited(draw, written):
    """The written save with a few fields removed, added or given other values, anywhere in it."""
    data = copy.deepcopy(written)
    for _ in range(draw(st.integers(1, 3))):
        tables = [data, data.get("snapshot")]
        for inner in ("packs", "actions"):
            if isinstance(data.get(inner), list):
                tables += data[inner][:3]
        table = draw(st.sampled_from([t for t in tables if isinstance(t, dict)]))
        how = draw(st.sampled_from(["change", "remove", "add"]))
        if how == "add" or not table:
            table[draw(st.sampled_from(["extra", "week", "ironman", "outcome", "id", "contact"]))] = draw(VALUES)
        elif how == "remove":
            del table[draw(st.sampled_from(sorted(table)))]
        else:
            table[draw(st.sampled_from(sorted(table)))] = draw(VALUES)
    return data


def test_a_save_the_game_wrote_reads_the_same_without_the_schema(written):
    assert _as_written(written) is not None
    assert _as_written(written) == by_the_schema(written)


@given(data=st.data())
@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_loaders_own_check_never_passes_what_the_schema_refuses(written, data):
    save = data.draw(edited(written))
    ours = _as_written(save)
    if ours is not None:
        assert ours == by_the_schema(save)


def test_a_save_the_game_wrote_loads_without_importing_the_schema(tmp_path, core, monkeypatch):
    path = save_game(tmp_path, play(core, "second-act", "pushy", 4, keep_state=True).final_state, "quick")
    monkeypatch.delitem(sys.modules, "game.saves.schema", raising=False)
    monkeypatch.setitem(sys.modules, "game.saves.schema", None)  # importing it now fails
    assert load_save(path, core).state.steps > 0


@pytest.mark.parametrize("line, edit, message", [
    (r"^week = \d+", "week = 0", "snapshot.week: Input should be greater than or equal to 1"),
    (r"^seed = \d+", 'seed = "four"', "seed: Input should be a valid integer"),
    (r"^campaign = ", "colour = 'blue'\ncampaign = ", "colour: Extra inputs are not permitted"),
])
def test_an_edited_save_is_told_which_field_is_wrong(tmp_path, core, line, edit, message):
    path = save_game(tmp_path, play(core, "second-act", "pushy", 4, keep_state=True).final_state, "edited")
    text, found = re.subn(line, edit, path.read_text(), count=1, flags=re.M)
    assert found
    path.write_text(text)
    with pytest.raises(SaveError) as caught:
        load_save(path, core)
    assert message in caught.value.problem and caught.value.problem.startswith("it has been damaged or edited")


def test_a_value_that_means_the_same_still_loads(tmp_path, core):
    """The schema reads "4" as the seed 4, as it always has; the loader's own check leaves that to it."""
    path = save_game(tmp_path, play(core, "second-act", "pushy", 4, keep_state=True).final_state, "quoted")
    path.write_text(path.read_text().replace("seed = 4", 'seed = "4"', 1))
    assert _as_written(read_toml(path)) is None
    assert load_save(path, core).state.seed == 4
