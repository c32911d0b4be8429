"""`--choose` takes an audience choice by its step or by the marker it belongs to, and says
plainly what it can take when it is given something else."""

import subprocess
import sys

import pytest

from game.demo.script import (
    ChoiceError,
    Demo,
    StepModel,
    beats,
    choice_names,
    load_demos,
    resolve_choices,
)
from game.packs.loader import core_pack_path


@pytest.fixture(scope="module")
def demos(world):
    return {d.id: d for d in load_demos(core_pack_path(), world)}


def cli(*args):
    return subprocess.run([sys.executable, "-m", "game", "demo", *args], capture_output=True, text=True, timeout=120)


def _choice(question, a_steps, b_steps=()):
    return {"choose": question, "default": "A", "options": [
        {"key": "A", "label": "a", "steps": list(a_steps)}, {"key": "B", "label": "b", "steps": list(b_steps)}]}


def _demo(*steps) -> Demo:
    return Demo("d", "core", "D", "", "second-act", 2, 12, "", tuple(StepModel.model_validate(s) for s in steps))


# a marker, its choice, and inside option A a second marker with a choice of its own
NESTED = _demo({"caption": "no marker names a choice yet"},
               {"marker": "first"},
               _choice("First?", [{"marker": "second"}, _choice("Second?", [])]))


def test_a_choice_is_named_by_the_marker_before_it(demos):
    for demo_id, marker, where in (("slipped-promise", "the-offer", "step 5"), ("eager-yes", "the-question", "step 19")):
        run_beats = beats(demos[demo_id])
        names = choice_names(run_beats)
        (i,) = [i for i, b in enumerate(run_beats) if b.kind == "choose"]
        assert (run_beats[i].where, names[i]) == (where, marker)
        assert resolve_choices(demos[demo_id], {marker: "B"}) == {where: "B"}


def test_a_marker_names_a_choice_inside_an_option_once_that_option_is_taken():
    assert resolve_choices(NESTED, {"first": "A", "second": "B"}) == {"step 3": "A", "step 3, option A, step 2": "B"}
    assert resolve_choices(NESTED, {"second": "B"}) == {"step 3, option A, step 2": "B"}  # A is the default
    with pytest.raises(ChoiceError, match="'second' is not an audience choice"):
        resolve_choices(NESTED, {"first": "B", "second": "B"})  # option B has no second choice


def test_a_choice_with_no_marker_before_it_has_only_its_step():
    demo = _demo({"marker": "m"}, _choice("One?", []), _choice("Two?", []))
    names = choice_names(beats(demo))
    assert list(names.values()) == ["m"]  # the second choice has another choice between it and the marker
    with pytest.raises(ChoiceError) as caught:
        resolve_choices(demo, {"nope": "A"})
    assert "'step 2' or 'm', 'step 3'" in str(caught.value)


def test_answering_one_choice_twice_is_refused(demos):
    with pytest.raises(ChoiceError, match="already answered"):
        resolve_choices(demos["slipped-promise"], {"step 5": "B", "the-offer": "A"})


def test_choosing_by_marker_from_the_command_line_plays_that_answer():
    out = cli("slipped-promise", "--headless", "--choose", "the-offer=b")
    assert out.returncode == 0, out.stderr
    assert "ask_permission" in out.stdout and "never speak to you again" not in out.stdout


def test_the_headless_text_prints_what_choose_can_take():
    out = cli("eager-yes", "--headless")
    assert "(--choose 'step 19=KEY' or 'the-question=KEY')" in out.stdout


@pytest.mark.parametrize("choice, said", [
    ("the-question=C", "'the-question' (step 19) has options A, B, not 'C'"),
    ("step 5=B", "its choices are: 'step 19' or 'the-question'"),
    ("the-offer=B", "'the-offer' is not an audience choice in 'eager-yes'"),
    ("=B", "takes WHERE=KEY"),
])
def test_a_wrong_choice_exits_2_naming_the_ones_there_are(choice, said):
    out = cli("eager-yes", "--headless", "--choose", choice)
    assert out.returncode == 2 and said in out.stderr and "Traceback" not in out.stderr
    assert out.stdout == ""
