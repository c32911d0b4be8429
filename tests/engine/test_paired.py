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


def test_sharing_the_patient_game_between_forks_changes_no_ending(world):
    """fork_pairs plays each run's patient game once for every fork and shares the branches
    that coincide; each fork played alone, from scratch, ends the same way."""
    from game.engine.paired import FORKS, LessonRuns, _ending, _fork_point, _play_on, fork_pairs
    from game.engine.sim import run_seed

    for campaign in sorted(world.campaigns):
        shared = fork_pairs(world, LessonRuns(campaign, 5, range(4)))
        for f, fork in enumerate(FORKS):
            alone = []
            for i in range(4):
                found = _fork_point(world, campaign, run_seed(5, i), fork)
                if found is None:
                    continue
                state, cid = found
                alone.append((_ending(_play_on(state, fork.choose_a(state), fork.then_a), cid),
                              _ending(_play_on(state, fork.choose_b(state), fork.plays_b(state)), cid)))
            assert shared[f] == alone, fork.title


def _branch_b(world, lesson: str, campaign: str = "second-act", runs: int = 20):
    """The actions branch B takes after the fork, for the first runs where the choice arose."""
    from game.engine.paired import _fork_point
    from game.engine.rules import apply
    from game.engine.sim import run_seed

    fork = next(f for f in FORKS if f.lesson == lesson)
    for i in range(runs):
        found = _fork_point(world, campaign, run_seed(0, i), fork)
        if found is None:
            continue
        state, _ = found
        at_fork, then = state, fork.plays_b(state)
        state, _ = apply(state, fork.choose_b(state))
        taken = []
        while not state.over:
            action = then(state)
            taken.append(action)
            state, _ = apply(state, action)
        yield at_fork, taken


def test_declining_and_writing_cold_never_asks_for_the_introduction_after_all(world):
    """Branch B does what its title says: it writes to the person itself, without the name."""
    seen = 0
    for at_fork, taken in _branch_b(world, "reduce-their-risk"):
        target = at_fork.prompt.subject
        assert not any(a.name == "ask_intro" and a.target == target for a in taken)
        seen += any(a.name == "reach_out" and a.contact == target for a in taken)
    assert seen, "the cold note should be written in some of these games"


def test_the_favour_rushed_is_one_the_player_wants(world):
    """Relationship before leverage forks at a pressing ask toward a role that looks good."""
    from game.engine.bots import GOOD_FIT
    from game.engine.paired import _pressing_wanted
    from game.engine.rules import estimated_fit, is_pressing

    for at_fork, _ in _branch_b(world, "relationship-before-leverage", runs=5):
        ask = _pressing_wanted(at_fork)
        assert ask is not None and is_pressing(at_fork, ask.cid)
        good = [oid for oid, o in at_fork.opportunities.items()
                if o.stage != "hidden" and estimated_fit(at_fork, oid) >= GOOD_FIT]
        assert good
