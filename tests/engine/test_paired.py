"""The lesson table forks one choice on the same seeds and reports the paired difference."""

import json
import subprocess
import sys

from game.engine.paired import FORKS, lesson_table


def test_every_fork_reports_how_often_it_arose_and_each_difference(world):
    table = lesson_table(world, "the-favour", 6, seed=2)
    assert [row["fork"] for row in table["forks"]] == [f.title for f in FORKS]
    for row in table["forks"]:
        assert 0 <= row["arose"] <= 1
        for metric in ("hired", "fit", "score", "closed", "trust", "embarrassment"):
            assert set(row[metric]) == {"diff", "se"} and row[metric]["se"] >= 0


def test_the_same_choice_on_both_sides_makes_no_difference(world):
    from dataclasses import replace

    import game.engine.paired as paired

    same = replace(FORKS[-1], choose_b=FORKS[-1].choose_a)
    original = paired.FORKS
    try:
        paired.FORKS = (same,)
        row = lesson_table(world, "second-act", 8, seed=1)["forks"][0]
    finally:
        paired.FORKS = original
    assert all(row[m]["diff"] == 0 for m in ("hired", "score", "trust", "embarrassment"))


def test_sim_lessons_prints_json_for_one_campaign():
    out = subprocess.run([sys.executable, "-m", "game", "sim", "--lessons", "--campaign", "the-favour", "--runs", "3",
                          "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["campaign"] == "the-favour"


def test_every_lesson_of_the_codex_has_a_fork():
    from game.engine.lessons import LESSONS

    assert {f.lesson for f in FORKS} == set(LESSONS)
