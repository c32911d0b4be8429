"""The facilitator's notes, off the projector: the stage writes a cue sheet, the notes view follows it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.demo import cue
from game.demo.script import load_demos, play
from game.packs.loader import core_pack_path, load_core
from game.ui.presenter import NotesApp, PresenterApp
from game.ui.screens.presenter_notes import NotesFollowScreen, now_markup, table_markup
from game.ui.screens.presenter_stage import StageScreen
from tests.ui.ui_helpers import screen_text

WORLD = load_core()
FOUND = [(d, WORLD) for d in load_demos(core_pack_path(), WORLD)]
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def runtime(tmp_path, monkeypatch):
    folder = tmp_path / "run"
    monkeypatch.setenv("WARM_INTRO_RUNTIME_DIR", str(folder))
    return folder


def demo(demo_id="slipped-promise"):
    return next(d for d, _ in FOUND if d.id == demo_id)


def sheet(pos=0, pid=None, demo_id="slipped-promise") -> cue.Cue:
    d = demo(demo_id)
    beats = play(d, WORLD).beats
    planned = cue.plan(beats, d.minutes)
    told = [cue.CueBeat(b.kind, b.caption or b.kind, b.note, planned[i]) for i, b in enumerate(beats)]
    return cue.Cue(pid or os.getpid(), d.id, d.title, d.minutes, d.notes, told, pos, 1000.0, 1000.0 + 60 * pos,
                   {i: 60.0 for i in range(pos)}, 1)


def test_the_plan_spreads_the_demo_s_minutes_over_its_beats_with_the_pauses_longest():
    d = demo()
    beats = play(d, WORLD).beats
    planned = cue.plan(beats, d.minutes)
    assert round(sum(planned)) == d.minutes * 60
    choose = next(i for i, b in enumerate(beats) if b.kind == "choose")
    action = next(i for i, b in enumerate(beats) if b.kind == "action")
    assert planned[choose] > planned[action]


def test_a_cue_sheet_is_written_whole_and_read_back(runtime):
    written = sheet(pos=4)
    cue.write_cue(written)
    (read,) = cue.read_cues()
    assert read == written
    assert not [p for p in runtime.iterdir() if p.name.endswith(".tmp")]  # nothing half-written left behind
    assert cue.read_cues(demo="eager-yes") == []


def test_sheets_of_stages_that_are_gone_or_broken_are_passed_over(runtime):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    cue.write_cue(sheet(pid=int(gone.stdout)))  # a stage that crashed without cleaning up
    (runtime / "stage-1.json").write_text("{not json")
    (runtime / "stage-2.json").write_text('{"version": 99}')
    assert cue.read_cues() == []
    cue.remove_cue(int(gone.stdout))
    assert not (runtime / f"stage-{gone.stdout.strip()}.json").exists()


def test_the_notes_show_the_beat_its_note_the_next_and_the_time():
    d = demo()
    choose = next(i for i, b in enumerate(play(d, WORLD).beats) if b.kind == "choose")
    text = now_markup(sheet(pos=choose), now=1000.0 + 60 * choose + 42)
    assert "The class chooses" in text and "What could go wrong if you say yes?" in text  # the beat's own note
    assert "NEXT[/]  [b]A move:" in text
    assert "this beat 0:42 of" in text and f"so far {choose + 0}:42" in text
    table = table_markup(sheet(pos=choose), now=1000.0 + 60 * choose + 42)
    assert "1:00 /" in table and "◀ now" in table and "What to notice" in table


async def test_the_stage_writes_where_it_stands_and_n_keeps_the_notes_off_the_projector(runtime):
    app = PresenterApp(FOUND, demo())
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):
            await pilot.press("space")
        await pilot.pause()
        (sheet_now,) = cue.read_cues(demo="slipped-promise")
        assert sheet_now.pos == 4 and sheet_now.beats[4].kind == "choose"
        assert "What could go wrong" in sheet_now.beats[4].note
        assert sheet_now.beats[2].text == "Meet Mark: Ask for advice"  # moves in the stage's own words
        assert set(sheet_now.spent) == {0, 1, 2, 3}
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StageScreen)  # no overlay for the class to read
        assert "What to notice" not in screen_text(pilot.app)
        assert "--notes" in " ".join(str(n.message) for n in pilot.app._notifications)  # noqa: SLF001
    assert cue.read_cues() == []  # the stage took its sheet with it


async def test_the_notes_view_waits_for_a_stage_then_follows_it(runtime):
    async with NotesApp("slipped-promise").run_test(size=SIZE) as notes:
        screen = notes.app.screen
        assert isinstance(screen, NotesFollowScreen)
        assert "No stage is running" in screen_text(notes.app)
        stage = PresenterApp(FOUND, demo())
        async with stage.run_test(size=SIZE) as pilot:
            for _ in range(4):
                await pilot.press("space")
            await pilot.pause()
            screen.poll()
            await notes.pause()
            text = screen_text(notes.app)
            assert "beat 5 of" in text and "The class chooses" in text
            assert "What could go wrong if you say yes?" in text
            await pilot.press("space")
            await pilot.pause()
            screen.poll()
            await notes.pause()
            assert "beat 6 of" in screen_text(notes.app)
        screen.poll()
        await notes.pause()
        assert "No stage is running" in screen_text(notes.app)


def test_notes_for_a_demo_that_does_not_exist_is_refused():
    out = subprocess.run([sys.executable, "-m", "game", "demo", "nope", "--notes"], capture_output=True, text=True)
    assert out.returncode == 2 and "no demo called 'nope'" in out.stderr
    out = subprocess.run([sys.executable, "-m", "game", "demo", "eager-yes", "--notes", "--headless"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "--notes" in out.stderr
