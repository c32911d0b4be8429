"""Presenter mode, driven the way an instructor drives it: step, rewind, reveal, choose,
fork, compare, debrief and export."""

from __future__ import annotations

import html
import re

import pytest

from game.demo.script import load_demos
from game.demo.timeline import decode_replay, encode_replay, play_out
from game.engine import Action
from game.packs.loader import core_pack_path, load_core
from game.ui.presenter import PresenterApp, Show
from game.ui.screens.presenter_compare import ComparisonScreen
from game.ui.screens.presenter_debrief import DebriefScreen
from game.ui.screens.presenter_dialogs import MarkersScreen
from game.ui.screens.presenter_picker import PickerScreen
from game.ui.screens.presenter_stage import StageScreen
from tests.ui.ui_helpers import screen_text

WORLD = load_core()
FOUND = [(d, WORLD) for d in load_demos(core_pack_path(), WORLD)]
DEMOS = {d.id: d for d, _ in FOUND}
SIZE = (120, 40)


def presenter(demo_id: str | None = "slipped-promise") -> PresenterApp:
    return PresenterApp(FOUND, DEMOS[demo_id] if demo_id else None)


def index_of(show: Show, kind: str, where_prefix: str = "") -> int:
    return next(i for i, b in enumerate(show.beats) if b.kind == kind and b.where.startswith(where_prefix))


async def step_to(pilot, index: int, keys: bool = False) -> None:
    """Get to a beat: by pressing space (keys=True), or straight there for a test's setup."""
    stage = pilot.app.screen
    if keys:
        while stage.show_.pos < index:
            await pilot.press("space")
    else:
        stage.show_.jump(index)
        stage.refresh_stage()
    await pilot.pause()


async def test_space_steps_forward_and_left_steps_back_to_the_same_state():
    async with presenter().run_test(size=SIZE) as pilot:
        stage = pilot.app.screen
        assert isinstance(stage, StageScreen)
        show = stage.show_
        assert show.pos == 0
        assert "Your company was sold" in screen_text(pilot.app)
        await pilot.press("space", "right", "space")
        await pilot.pause()
        assert show.pos == 3 and show.beat.kind == "marker"
        after_meeting = show.state
        start = show.run.states[0].contacts["mark-oduya"].familiarity
        assert after_meeting.contacts["mark-oduya"].familiarity > start
        text = screen_text(pilot.app)
        assert "Turning point: Mid-conversation, Mark lights up" in str(pilot.app.screen.query_one("#pr-caption").border_title)
        assert "Mark Oduya" in text and "trust" in text
        await pilot.press("left", "left")
        await pilot.pause()
        assert show.pos == 1
        assert show.state.contacts["mark-oduya"].familiarity == start  # before the meeting again
        await pilot.press("space", "space")
        await pilot.pause()
        assert show.state is after_meeting or show.state.contacts == after_meeting.contacts


async def test_people_panel_shows_meters_as_numbers_and_never_unknown_people():
    async with presenter().run_test(size=SIZE) as pilot:
        await step_to(pilot, 3)
        text = pilot.app.screen.query_one("#pr-people-text").render()
        plain = str(text)
        state = pilot.app.screen.show_.state
        mark = state.contacts["mark-oduya"]
        assert f"{mark.trust:>3}" in plain and "OPEN" in plain
        unknown = [c for c in state.contacts.values() if c.stage == "unknown"]
        assert unknown, "the campaign has people the player has not heard of yet"
        for c in unknown:
            assert WORLD.people[c.id].name not in plain


async def test_inner_thoughts_toggle_shows_a_hidden_effect():
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        accept = index_of(show, "action", "step 5, option A")
        await step_to(pilot, accept)
        hidden = [e for e in show.effects(visible_only=False) if not e.visible]
        assert hidden, "accepting Mark's offer has an effect the player cannot see"
        assert not show.reveal
        assert "Inner thought" not in screen_text(pilot.app)
        await pilot.press("i")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Inner thought: " + hidden[0].cause in text
        assert "INNER THOUGHTS ON" in text
        await pilot.press("i")
        await pilot.pause()
        assert "Inner thought" not in screen_text(pilot.app)


async def test_a_reveal_beat_in_the_script_turns_inner_thoughts_on():
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        reveal = index_of(show, "reveal")
        await step_to(pilot, reveal - 1)
        assert not show.reveal
        await pilot.press("space")
        await pilot.pause()
        assert show.reveal
        assert "Inner thoughts are ON" in screen_text(pilot.app)
        await pilot.press("left")
        await pilot.pause()
        assert not show.reveal  # stepping back undoes the script's switch


@pytest.mark.parametrize(("key", "action", "door"), [("a", "accept_offer", "closed"), ("b", "ask_permission", "open"),
                                                     ("A", "accept_offer", "closed"), ("B", "ask_permission", "open")])
async def test_the_class_chooses_a_or_b(key, action, door):
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        choose = index_of(show, "choose")
        await step_to(pilot, choose)
        text = screen_text(pilot.app)
        assert "What do you say?" in text
        assert "That would be amazing" in text and "Could I reach out to Gordon myself" in text
        assert pilot.app.screen.query(".pr-option").first() is not None
        await pilot.press(key)
        await pilot.pause()
        assert show.pos == choose + 1
        assert show.beat.action.name == action
        assert show.run.states[-1].contacts["mark-oduya"].door == door


async def test_space_at_a_choice_takes_the_default():
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        await step_to(pilot, index_of(show, "choose"))
        await pilot.press("space")
        assert show.beat.action.name == "accept_offer"


async def test_fork_takes_the_other_answer_and_compare_shows_both_timelines():
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        await pilot.press("f")
        await pilot.pause()
        assert show.before_fork is None  # nothing to fork before the choice
        choose = index_of(show, "choose")
        await step_to(pilot, choose + 4)
        await pilot.press("f")
        await pilot.pause()
        assert show.choices == {"step 5": "B"}
        assert show.pos == choose + 1 and show.beat.action.name == "ask_permission"
        assert show.before_fork is not None
        assert "what-if timeline" in screen_text(pilot.app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ComparisonScreen)
        c = pilot.app.screen.comparison
        assert c.a.label.startswith("Option A") and c.b.label.startswith("Option B")
        assert c.diverge_step == 1 and c.diverge_week == 1
        text = screen_text(pilot.app)
        assert "THEY PART at move 2, week 1" in text
        assert "Accept the offer" in text and "Ask permission" in text
        assert "Doors that end differently" in text and "CLOSED" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StageScreen)


async def test_compare_before_any_fork_plays_the_other_answer():
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        await step_to(pilot, index_of(show, "choose") + 2)
        await pilot.press("c")
        await pilot.pause()
        c = pilot.app.screen.comparison
        assert [d for d in c.door_differences() if d[0] == "mark-oduya"] == [("mark-oduya", "closed", "open")]


async def test_markers_jump_and_the_notes_stay_off_the_projector():
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MarkersScreen)
        menu = screen_text(pilot.app)
        assert "Mark is relieved" not in menu  # option B's turning point, not on this path
        assert "Now Mark knows that you know" in menu and "door-shuts" not in menu  # titled in words
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        marks = show.markers()
        assert show.pos == marks[2][0] and show.beat.marker == marks[2][1].marker
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StageScreen)  # the class never sees the notes
        assert "What to notice" not in screen_text(pilot.app)


async def test_the_end_of_a_demo_opens_the_debrief_and_export_writes_every_file(saves_folder):
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        await step_to(pilot, show.total - 1, keys=True)
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DebriefScreen)
        text = screen_text(pilot.app)
        for heading in ("1. Reactions", "2. What happened", "3. Why", "4. What if", "5. What you'll do differently"):
            assert heading in text
        assert "Mark will never speak to you again" in text and "the class chose A" in text
        assert "warm-intro demo --replay WI1-" in text
        assert "score so far" not in text and "Still playing" not in text
        assert "the story ends in week" in text
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    first, second = sorted((saves_folder / "exports").iterdir())
    assert re.fullmatch(r"slipped-promise-A-\d{4}-\d\d-\d\d-\d{4}", first.name)
    assert second.name == first.name + "-2"  # a second export never overwrites the first
    names = sorted(p.name for p in first.iterdir())
    assert "slipped-promise.md" in names and "slipped-promise.html" in names and "debrief.svg" in names
    marks = [b.marker for _, b in show.markers()]
    assert sorted(n for n in names if n.startswith("turning-point-")) == \
        sorted(f"turning-point-{n}-{m}.svg" for n, m in enumerate(marks, 1))
    md = (first / "slipped-promise.md").read_text()
    assert "Mark Oduya" in md and "## 4. What if" in md and "WI1-" in md
    svg = (first / "debrief.svg").read_text()
    assert svg.lstrip().startswith("<svg") and "Debrief" in svg
    page = (first / "slipped-promise.html").read_text()
    shown = [b.title for _, b in show.markers()]
    assert page.count("<figure><svg") == len(marks) + 1  # every turning point, and the debrief itself, inline
    assert all(f"<figcaption>{html.escape(title)}</figcaption>" in page for title in shown)


async def test_an_export_after_a_fork_tells_the_class_answer_and_the_replay_apart(saves_folder):
    async with presenter().run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        await step_to(pilot, show.total - 1, keys=True)  # the class took A, and saw every turning point of it
        assert any("door-shuts" in name for name in show.shots)
        await step_to(pilot, index_of(show, "choose") + 1)
        await pilot.press("f")  # then the presenter replays B
        await pilot.pause()
        await step_to(pilot, show.total - 1, keys=True)
        await pilot.press("space")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "the class chose A" in text and "We then replayed B" in text
        await pilot.press("e")
        await pilot.pause()
    (folder,) = (saves_folder / "exports").iterdir()
    assert folder.name.startswith("slipped-promise-A-then-B-")
    names = [p.name for p in folder.iterdir()]
    assert "turning-point-4-door-shuts.svg" in names, names  # the class's own story, with its pictures
    assert any(n.startswith("what-if-B-") and n.endswith("-no-debt.svg") for n in names), names
    assert not any(n.startswith("turning-point-") and "no-debt" in n for n in names), names
    md = (folder / "slipped-promise.md").read_text()
    assert "the class chose A" in md and "We then replayed B" in md
    assert md.index("Now Mark knows that you know") < md.index("## 4. What if") < md.index("Mark is relieved")


async def test_the_picker_lists_the_demos_and_opens_one():
    async with presenter(None).run_test(size=SIZE) as pilot:
        assert isinstance(pilot.app.screen, PickerScreen)
        text = screen_text(pilot.app)
        for demo, _ in FOUND:
            assert demo.title in text and f"about {demo.minutes} minutes" in text
        assert "patient vs pushy" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StageScreen)
        assert pilot.app.screen.show_.demo.id == FOUND[1][0].id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PickerScreen)


async def test_the_picker_compares_two_bots_on_the_same_seed(saves_folder):
    async with presenter(None).run_test(size=SIZE) as pilot:
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ComparisonScreen)
        c = pilot.app.screen.comparison
        assert (c.a.label, c.b.label) == ("patient", "pushy")
        assert c.door_differences()
        assert "Two strategies: patient vs pushy" in screen_text(pilot.app)
        await pilot.press("s")
        await pilot.pause()
    saved = saves_folder / "exports" / "comparison-patient-vs-pushy.svg"
    assert saved.read_text().lstrip().startswith("<svg")


async def test_a_replay_code_opens_on_the_stage_and_steps_through_the_session():
    actions = [Action("meet", contact="mark-oduya", choice="advice"), Action("decline_offer"), Action("end_week")]
    code = encode_replay(play_out(WORLD, "second-act", 3, actions)[-1])
    app = PresenterApp([], replay=decode_replay(code), replay_world=WORLD)
    async with app.run_test(size=SIZE) as pilot:
        show = pilot.app.screen.show_
        assert show.replay and show.total == 4
        await pilot.press("space")
        await pilot.pause()
        assert "Meet Mark: Ask for advice" in screen_text(pilot.app)
        await pilot.press("space", "space", "space")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DebriefScreen)


async def test_f1_lists_every_presenter_key():
    async with presenter().run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "fork" in text and "inner thoughts" in text and "--notes" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StageScreen)


@pytest.mark.parametrize("demo_id", sorted(DEMOS))
async def test_every_beat_of_every_demo_draws_on_both_paths(demo_id):
    async with presenter(demo_id).run_test(size=(80, 24)) as pilot:
        stage = pilot.app.screen
        show = stage.show_
        choose = index_of(show, "choose")
        for key in ("A", "B"):
            show.jump(choose)
            show.choose(key)
            for i in range(show.total):
                show.jump(i)
                stage.refresh_stage()
                show.reveal_override = True
                stage.refresh_stage()
            await pilot.pause()
            assert not show.run.failures
        stage.action_debrief()
        await pilot.pause()
        assert isinstance(pilot.app.screen, DebriefScreen)
        assert "Questions from the facilitator's notes" in screen_text(pilot.app)


async def test_routine_moves_in_a_row_pass_in_one_step_with_a_counter():
    async with presenter("eager-yes").run_test(size=(80, 24)) as pilot:
        stage = pilot.app.screen
        show = stage.show_
        await pilot.press("space")
        await pilot.pause()
        moves = [b for b in show.beats[1:show.pos + 1]]
        assert len(moves) == 4 and all(b.kind == "action" for b in moves)  # meet, thank, research, reflect
        text = screen_text(pilot.app)
        assert "1. Week 1 · Meet Lena" in text and "4. Week 1 · Reflect" in text
        assert stage.query_one("#pr-happened-box").border_title == "4 routine moves"
        await pilot.press("left")
        await pilot.pause()
        assert show.pos == 0  # back over the whole run, as forward went
        await pilot.press("full_stop")
        await pilot.pause()
        assert show.pos == 1  # one move at a time, for a presenter who wants it
        await pilot.press("space")
        await pilot.pause()
        assert show.pos == 4
        while show.beat.kind != "marker":
            before = show.pos
            await pilot.press("space")
            await pilot.pause()
            assert show.pos > before
        assert show.beat.marker == "warm-connector"
        assert show.pos == index_of(show, "marker")


@pytest.mark.parametrize("demo_id", sorted(DEMOS))
def test_the_person_a_turning_point_is_about_heads_the_people_list(demo_id):
    show = Show.of_demo(DEMOS[demo_id], WORLD)
    for key in ("A", "B"):
        show.jump(index_of(show, "choose"))
        show.choose(key)
        for index, beat in show.markers():
            show.jump(index)
            about, people = show.about(), show.people()
            assert about, beat.marker
            assert set(people[: len(about & set(people))]) == about & set(people), beat.marker
            for cid, _ in beat.expect_doors:
                assert people.index(cid) < 3, (beat.marker, people)  # the top of the list: visible at 80x24


def test_the_comparison_says_how_each_side_ended_in_words_and_its_rows_line_up():
    from game.demo.timeline import compare_bots
    from game.ui.screens.presenter_compare import outcomes_markup, side_markup
    from game.ui.words import plain_text

    for seed in (2, 3):
        c = compare_bots(WORLD, "second-act", seed)
        said = plain_text(outcomes_markup(c, WORLD))
        assert "out_of_runway" not in said and "hired" not in said.replace("hired as", "")
        assert "the savings ran out in week" in said or "hired as" in said
        a = plain_text(side_markup(c, c.a, c.b, WORLD)).split("\n")
        b = plain_text(side_markup(c, c.b, c.a, WORLD)).split("\n")
        assert len(a) == len(b)
        for name in (WORLD.people[cid].name for cid in c.people):  # each person on the same row on both sides
            assert [i for i, line in enumerate(a) if line.startswith(name)] == \
                [i for i, line in enumerate(b) if line.startswith(name)]
