"""`demo record SAVE`: a saved game becomes a demo script that pack check accepts and that
plays back to the very game that was saved."""

import subprocess
import sys
import tomllib

import pytest

from game.demo.record import PLACEHOLDER, record
from game.demo.script import Demo, DemosFile, check_demo, play
from game.engine.replay import play_bot
from game.engine.sim import BOTS, MAX_STEPS
from game.engine.state import state_hash
from game.saves.files import save_game


def game(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def as_demo(text: str, world) -> Demo:
    (model,) = DemosFile.model_validate(tomllib.loads(text)).demos
    return Demo(model.id, world.pack_id, model.title, model.blurb, model.campaign, model.seed, model.minutes,
                model.notes, tuple(model.steps))


@pytest.mark.parametrize("bot, campaign, seed", [("pushy", "second-act", 1), ("patient", "the-question", 2),
                                                 ("accept_and_chase", "second-act", 4), ("passive", "the-favour", 3)])
def test_a_recorded_game_plays_back_to_the_same_state(world, bot, campaign, seed):
    state = play_bot(world, campaign, seed, BOTS[bot], MAX_STEPS)
    text = record(state, "recorded")
    demo = as_demo(text, world)
    assert (demo.campaign, demo.seed) == (campaign, seed)
    run = play(demo, world)
    assert run.failures == [] and state_hash(run.state) == state_hash(state)
    assert check_demo(demo, world) == []  # every marker's expectations hold


def test_each_turning_point_gets_a_marker_to_caption(world):
    state = play_bot(world, "second-act", 1, BOTS["pushy"], MAX_STEPS)
    demo = as_demo(record(state, "recorded"), world)
    markers = [s for s in demo.steps if s.marker]
    closed = {e.target for e in state.journal() if e.kind == "door_changed" and e.after == "closed"}
    assert {cid for s in markers for cid, door in s.expect_doors.items() if door == "closed"} == closed
    assert all(s.caption.startswith(PLACEHOLDER) and s.lesson for s in markers)
    assert any("volunteered" in s.marker for s in markers)  # the promise accepted
    assert any("hidden from the player" in s.caption for s in markers)  # the promise slipping, unseen
    assert len({s.marker for s in markers}) == len(markers)


def test_a_run_of_the_same_move_is_one_step(world):
    state = play_bot(world, "the-favour", 3, BOTS["passive"], MAX_STEPS)
    demo = as_demo(record(state, "recorded"), world)
    repeated = [s for s in demo.steps if s.repeat > 1]
    assert repeated and sum(s.repeat for s in demo.steps if s.action) == state.steps


def test_record_from_the_command_line_and_pack_check_accepts_it(world, tmp_path):
    saves = tmp_path / "saves"
    state = play_bot(world, "second-act", 4, BOTS["accept_and_chase"], MAX_STEPS)
    save_game(saves, state, "Tuesday class")
    out = game("demo", "record", "Tuesday class", "--saves-dir", str(saves))
    assert out.returncode == 0, out.stderr
    assert 'id = "tuesday-class"' in out.stdout
    assert game("pack", "new", str(tmp_path / "pack")).returncode == 0
    demos = tmp_path / "pack" / "demos.toml"
    written = game("demo", "record", str(saves / "Tuesday class.toml"), "-o", str(tmp_path / "rec.toml"),
                   "--demo-id", "tuesday")
    assert written.returncode == 0, written.stderr
    demos.write_text(demos.read_text() + "\n" + (tmp_path / "rec.toml").read_text())
    checked = game("pack", "check", str(tmp_path / "pack"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "2 demos play as written" in checked.stdout
    again = game("demo", "record", "Tuesday class", "--saves-dir", str(saves), "-o", str(tmp_path / "rec.toml"))
    assert again.returncode == 2 and "already exists" in again.stderr  # never overwrites an edited script


@pytest.mark.parametrize("args, code, said", [(("record",), 2, "record needs a saved game"),
                                              (("record", "nobody"), 1, "nobody"),
                                              (("record", "x", "--demo-id", "Not An Id"), 2, "an id is lower-case")])
def test_record_says_what_is_wrong(tmp_path, args, code, said):
    out = game("demo", *args, "--saves-dir", str(tmp_path))
    assert out.returncode == code and said in out.stderr and "Traceback" not in out.stderr
