"""Demo scripts are checked as carefully as scenarios: each problem at its step's line, names
checked before anything is played, and a scaffolded demo that checks clean."""

from __future__ import annotations

import pytest

from game.demo.script import read_demos
from game.packs.loader import check_pack, load_core
from game.packs.scaffold import write_scaffold

HEAD = """[[demos]]
id = "d"
title = "D"
campaign = "second-act"
seed = 2
"""


@pytest.fixture(scope="module")
def world():
    return load_core()


def _problems(tmp_path, world, text):
    (tmp_path / "demos.toml").write_text(HEAD + text, encoding="utf-8")
    return read_demos(tmp_path, world)[1]


def test_an_unknown_contact_in_a_step_is_found_before_playing_at_its_line(tmp_path, world):
    problems = _problems(tmp_path, world, """
[[demos.steps]]
caption = "Hello"

[[demos.steps]]
action = "meet"
contact = "mark-oduy"
choice = "advice"
""")
    [problem] = problems
    assert (problem.code, problem.line, problem.path) == ("P301", 12, "demos[0].steps[1].contact")
    assert "unknown person 'mark-oduy'; did you mean 'mark-oduya'?" in problem.message


def test_a_person_outside_the_demos_campaign_is_named(tmp_path, world):
    outsider = next(pid for pid in sorted(world.people) if pid not in world.campaigns["second-act"].people)
    [problem] = _problems(tmp_path, world, f'\n[[demos.steps]]\naction = "reach_out"\ncontact = "{outsider}"\n')
    assert problem.line == 9 and "not among the people of the campaign 'second-act'" in problem.message


def test_a_refused_step_inside_an_option_points_at_that_step(tmp_path, world):
    problems = _problems(tmp_path, world, """
[[demos.steps]]
choose = "Which?"
default = "A"

[[demos.steps.options]]
key = "A"
label = "fine"
steps = [{ caption = "nothing happens" }]

[[demos.steps.options]]
key = "B"
label = "broken"
steps = [
    { caption = "first" },
    { action = "follow_up", contact = "mark-oduya" },
]
""")
    [problem] = problems
    assert problem.code == "P852" and problem.line == 21, problem
    assert problem.path == "demos[0].steps[0].options[1].steps[1]"
    assert "step 1, option B, step 2" in problem.message


def test_a_marker_that_misses_points_at_the_marker_not_the_demo(tmp_path, world):
    [problem] = _problems(tmp_path, world, """
[[demos.steps]]
action = "reflect"

[[demos.steps]]
marker = "shut"
expect_doors = { mark-oduya = "closed" }
""")
    assert problem.code == "P852" and problem.line == 10


def test_an_unknown_door_or_action_is_a_schema_problem_with_a_suggestion(tmp_path, world):
    problems = _problems(tmp_path, world, """
[[demos.steps]]
action = "met"
contact = "mark-oduya"

[[demos.steps]]
marker = "m"
expect_doors = { mark-oduya = "closd" }
""")
    by_line = {p.line: p for p in problems}
    assert by_line[8].code == "P851" and "did you mean 'meet'?" in by_line[8].message
    assert by_line[13].code == "P851" and "did you mean 'closed'?" in by_line[13].message


def test_a_new_pack_has_a_demo_that_checks_clean_and_shows_the_format(tmp_path):
    folder = tmp_path / "corner"
    write_scaffold(folder)
    text = (folder / "demos.toml").read_text(encoding="utf-8")
    for key in ("caption", "pause", "marker", "expect_lessons", "choose", "options", "reveal"):
        assert f"{key} =" in text or f"{key} = [" in text or f"[[demos.steps.{key}]]" in text, key
    world, problems = check_pack(folder)
    assert world is not None and problems == []
    demos, demo_problems = read_demos(folder, world)
    assert demo_problems == [] and [d.id for d in demos] == ["first-chapter-tour"]
