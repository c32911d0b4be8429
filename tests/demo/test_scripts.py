"""Shipped demos still play as their narration says, headless, with exports worth reading."""

import re
import subprocess
import sys

import pytest

from game.demo.script import DemoError, check_demo, load_demos, play
from game.demo.timeline import decode_replay, play_out
from game.engine.state import state_hash
from game.packs.loader import core_pack_path

DEMOS = ["slipped-promise", "eager-yes"]


@pytest.fixture(scope="module")
def demos(world):
    return {d.id: d for d in load_demos(core_pack_path(), world)}


def cli(*args):
    return subprocess.run([sys.executable, "-m", "game", "demo", *args], capture_output=True, text=True, timeout=120)


def test_core_ships_the_two_workshop_demos_with_notes(demos):
    assert set(DEMOS) <= set(demos)
    for demo in demos.values():
        assert 10 <= demo.minutes <= 15
        for heading in ("What to notice", "What to ask", "What to try"):
            assert heading in demo.notes


@pytest.mark.parametrize("demo_id", DEMOS)
def test_every_path_plays_and_every_marker_lands(world, demos, demo_id):
    assert check_demo(demos[demo_id], world) == []


def test_the_slipped_promise_ends_with_a_closed_door_only_when_accepted(world, demos):
    demo = demos["slipped-promise"]
    accepted = play(demo, world)
    asked = play(demo, world, {accepted.forks[0].where: "B"})
    assert accepted.state.contacts["mark-oduya"].door == "closed"
    assert asked.state.contacts["mark-oduya"].door != "closed"
    assert asked.state.contacts["mark-oduya"].embarrassment == 0


def test_demo_list_prints_id_pack_and_title():
    out = cli("--list")
    assert out.returncode == 0
    lines = out.stdout.strip().splitlines()
    assert "slipped-promise\tcore\tThe promise that slipped" in lines


@pytest.mark.parametrize("demo_id", DEMOS)
def test_headless_run_exports_a_debrief_worth_reading(tmp_path, world, demo_id):
    out = cli(demo_id, "--headless", "--export", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "Every marker landed." in out.stdout
    (folder,) = tmp_path.iterdir()  # a folder of its own: the demo, the path taken, the time
    assert folder.name.startswith(f"{demo_id}-A-")
    md = (folder / f"{demo_id}.md").read_text()
    page = (folder / f"{demo_id}.html").read_text()
    sections = ["## 1. Reactions", "## 2. What happened", "## 3. Why: the lessons behind it", "## 4. What if",
                "## 5. What you'll do differently"]
    assert [md.index(s) for s in sections] == sorted(md.index(s) for s in sections)
    assert "Week " in md
    code = re.search(r"warm-intro demo --replay (WI1-\S+)", md).group(1)
    replay = decode_replay(code)
    final = play_out(world, replay.campaign, replay.seed, replay.actions)[-1]
    demo = {d.id: d for d in load_demos(core_pack_path(), world)}[demo_id]
    assert state_hash(final) == state_hash(play(demo, world).state)
    assert "<svg" in page and "What if" in page


def test_headless_shows_inner_thoughts_only_while_revealed():
    out = cli("slipped-promise", "--headless")
    before, _, after = out.stdout.partition("(inner thoughts on)")
    assert "(inner thoughts)" not in before
    revealed = after.partition("(inner thoughts off)")[0]
    assert "(inner thoughts)" in revealed


def test_taking_the_other_choice_from_the_command_line():
    out = cli("slipped-promise", "--headless", "--choose", "step 5=B")
    assert out.returncode == 0, out.stderr
    assert "ask_permission" in out.stdout and "never speak to you again" not in out.stdout


def test_an_unknown_demo_lists_the_real_ones():
    out = cli("nope", "--headless")
    assert out.returncode == 2 and "slipped-promise" in out.stderr


# the start of a one-demo script in Second Act; each test adds the steps it needs
DEMO_HEAD = """
[[demos]]
id = "d"
title = "D"
campaign = "second-act"
seed = 2
"""


def _pack_with_demo(tmp_path, text):
    import shutil

    dest = tmp_path / "mypack"
    shutil.copytree(core_pack_path(), dest)
    (dest / "demos.toml").write_text(text)
    return dest


def test_a_broken_demo_says_where_and_why(tmp_path, world):
    folder = _pack_with_demo(tmp_path, DEMO_HEAD + """[[demos.steps]]
action = "meet"
contact = "mark-oduya"
choice = "advice"
[[demos.steps]]
marker = "too-soon"
expect_doors = { mark-oduya = "closed" }
""")
    with pytest.raises(DemoError) as caught:
        load_demos(folder, world)
    assert "step 2" in str(caught.value) and "too-soon" in str(caught.value) and "closed" in str(caught.value)


def test_a_choice_without_a_default_is_refused(tmp_path, world):
    folder = _pack_with_demo(tmp_path, DEMO_HEAD + """[[demos.steps]]
choose = "Which?"
[[demos.steps.options]]
key = "A"
label = "a"
[[demos.steps.options]]
key = "B"
label = "b"
""")
    with pytest.raises(DemoError) as caught:
        load_demos(folder, world)
    assert "default" in str(caught.value)


def test_a_replay_code_reopens_the_demo_with_the_class_answer(tmp_path):
    out = cli("eager-yes", "--headless", "--choose", "step 19=B", "--export", str(tmp_path / "demo"))
    assert out.returncode == 0, out.stderr
    (first,) = (tmp_path / "demo").iterdir()
    code = re.search(r"--replay (WI1-\S+)", (first / "eager-yes.md").read_text()).group(1)
    again = cli("--replay", code, "--headless", "--export", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    (replayed,) = (tmp_path / "again").iterdir()
    assert replayed.name.startswith("eager-yes-B-")  # the demo, on the class's answer
    assert "[hidden-role]" in again.stdout and "Tomás leans back" in again.stdout  # markers and captions
    assert (replayed / "eager-yes.md").read_text() == (first / "eager-yes.md").read_text()


def test_a_replay_code_without_a_demo_opens_the_bare_session(world, tmp_path):
    from game.demo.timeline import encode_replay

    demo = {d.id: d for d in load_demos(core_pack_path(), world)}["eager-yes"]
    code = encode_replay(play(demo, world).state)  # as codes were made before they carried the demo
    again = cli("--replay", code, "--headless", "--export", str(tmp_path))
    assert again.returncode == 0, again.stderr
    (replayed,) = tmp_path.iterdir()
    assert replayed.name.startswith("replay-second-act-") and "seed 0" in again.stdout
    assert "## What happened" in (replayed / "replay.md").read_text()


def test_a_damaged_replay_code_is_refused_on_the_command_line():
    out = cli("--replay", "WI1-garbage", "--headless")
    assert out.returncode == 2 and "damaged" in out.stderr


def test_pack_check_reports_a_broken_demo_on_its_line(tmp_path):
    folder = _pack_with_demo(tmp_path, """# a demo whose marker comes too soon
[[demos]]
id = "too-soon"
title = "Too soon"
campaign = "second-act"
seed = 2
[[demos.steps]]
marker = "shut"
expect_doors = { mark-oduya = "closed" }
""")
    out = subprocess.run([sys.executable, "-m", "game", "pack", "check", str(folder)], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 1
    assert "mypack/demos.toml:7: error[P852]: demo 'too-soon': step 1" in out.stdout  # the step, not the demo
    assert "mark-oduya's door is open; expected closed" in out.stdout


def test_pack_check_counts_the_demos_that_play():
    out = subprocess.run([sys.executable, "-m", "game", "pack", "check", str(core_pack_path())],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and "2 demos play as written" in out.stdout


def test_a_misspelt_demo_key_is_named_with_what_was_meant(tmp_path, world):
    from game.demo.script import read_demos

    (tmp_path / "demos.toml").write_text(
        '[[demos]]\nid = "d"\ntitle = "D"\ncampaign = "second-act"\n\n[[demos.steps]]\ncaption = "Hi"\npauze = true\n')
    _, problems = read_demos(tmp_path, world)
    [problem] = [p for p in problems if "pauze" in p.message]
    assert problem.code == "P851" and problem.line == 8
    assert "unknown key 'pauze'; did you mean 'pause'?" in problem.message
