"""Saves in the game: autosave, continue, the load screen with broken saves, undo, rewind, ironman."""

from __future__ import annotations

import os

import pytest

from game.engine import Action, apply, new_game
from game.engine.state import state_hash
from game.saves.files import load_save, save_game
from game.ui.app import WarmIntroApp
from game.ui.screens.board import BoardScreen
from game.ui.screens.campaigns import CampaignScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.save_dialogs import RewindScreen, SaveAsScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.week_summary import WeekSummaryScreen
from tests.ui.ui_helpers import end_week as end_week_keys
from tests.ui.ui_helpers import notifications, screen_text


def game(world, seed: int = 3, **kw) -> WarmIntroApp:
    return WarmIntroApp(play=True, seed=seed, worlds=[world], **kw)


async def end_week(pilot) -> None:
    await end_week_keys(pilot)
    if isinstance(pilot.app.screen, WeekSummaryScreen):
        await pilot.press("escape")
        await pilot.pause()


async def continue_game(pilot) -> None:
    """Continue, on the title: the board of the saved game opens."""
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BoardScreen)


async def test_the_end_of_every_week_saves_the_game(world, saves_folder):
    app = game(world)
    async with app.run_test(size=(100, 32)) as pilot:
        await end_week_keys(pilot)
        await app.workers.wait_for_complete()  # the week's save is written on a worker thread
        slot = saves_folder / "second-act-3.toml"
        assert slot.exists()
        loaded = load_save(slot, world)
        assert state_hash(loaded.state) == state_hash(app.session.state)


async def test_quitting_saves_and_continue_carries_on(world, saves_folder):
    app = game(world)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("r")  # nothing yet: rewinding to week 1 from week 1 is allowed
        await pilot.press("escape")
        app.session.act(Action("reflect"))
        app.session.act(Action("reflect"))
        before = state_hash(app.session.state)
    again = WarmIntroApp(worlds=[world])
    async with again.run_test(size=(100, 32)) as pilot:
        assert isinstance(again.screen, TitleScreen)
        assert not again.screen.query_one("#menu").get_option("continue").disabled
        await continue_game(pilot)
        assert state_hash(again.session.state) == before


async def test_continue_shows_the_save_read_while_the_title_was_up(world, saves_folder, monkeypatch):
    state, _ = apply(new_game(world, "second-act", 5), Action("reflect"))
    save_game(saves_folder, state, "tuesday")
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.5)  # the warm-up starts a moment after the first frame
        await app.workers.wait_for_complete()

        def read_again(*args, **kwargs):
            raise AssertionError("Continue read the save again")

        monkeypatch.setattr("game.saves.files.load_save", read_again)
        await continue_game(pilot)
        assert state_hash(app.session.state) == state_hash(state)


async def test_a_save_changed_after_it_was_read_ahead_is_read_again(world, saves_folder):
    first, _ = apply(new_game(world, "second-act", 5), Action("reflect"))
    save_game(saves_folder, first, "tuesday")
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        app.read_continue_ahead()
        later, _ = apply(first, Action("reflect"))
        save_game(saves_folder, later, "tuesday")  # the player's other terminal saved meanwhile
        await continue_game(pilot)
        assert state_hash(app.session.state) == state_hash(later)


async def test_a_save_replaced_with_the_same_size_and_time_is_read_again(world, saves_folder):
    state, _ = apply(new_game(world, "second-act", 5), Action("reflect"))
    path = save_game(saves_folder, state, "tuesday")
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        app.read_continue_ahead()
        before = path.stat()
        swapped = path.with_name("swap.tmp")  # written whole beside it and renamed, as saves are
        swapped.write_text(path.read_text().replace("reflect", "reflecx"))
        os.utime(swapped, ns=(before.st_atime_ns, before.st_mtime_ns))
        os.replace(swapped, path)
        assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)  # the damaged file is reported, not the copy read before
        assert "Can't load tuesday" in notifications(app)


async def test_a_save_that_wont_load_is_still_reported_by_continue(world, saves_folder):
    good, _ = apply(new_game(world, "second-act", 5), Action("reflect"))
    save_game(saves_folder, good, "a-older")
    broken = save_game(saves_folder, good, "b-newer")  # saved in the same second: listed first by its name
    broken.write_text(broken.read_text().replace("reflect", "levitate"))
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        app.read_continue_ahead()  # skips the broken one, as Continue will
        await continue_game(pilot)
        assert state_hash(app.session.state) == state_hash(good)
        assert "Can't load b-newer" in notifications(app)


async def test_the_load_screen_lists_good_broken_and_future_saves(world, saves_folder):
    state = new_game(world, "second-act", 5)
    state, _ = apply(state, Action("reflect"))
    save_game(saves_folder, state, "tuesday")
    (saves_folder / "cut off.toml").write_text('format = 2\nname = "cut off"\ncampaign = "sec')
    future = saves_folder / "from the future.toml"
    future.write_text("format = 9\n")
    before = future.read_bytes()
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        text = screen_text(app)
        assert "tuesday" in text and "cut off" in text and "from the future" in text
        assert text.count("can't be loaded") == 2
        names = [item.name for item in app.screen.items]
        app.screen.query_one("#load-list").highlighted = names.index("from the future")
        await pilot.pause()
        assert "newer version" in screen_text(app)
        await pilot.press("enter")  # trying anyway explains, and changes nothing
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        assert "newer version" in notifications(app)
        assert future.read_bytes() == before
        app.screen.query_one("#load-list").highlighted = names.index("tuesday")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.session.state.steps == 1 and app.session.slot == "tuesday"


async def test_undo_takes_back_the_last_action(world):
    app = game(world)
    async with app.run_test(size=(100, 32)) as pilot:
        start = state_hash(app.session.state)
        app.session.act(Action("reflect"))
        app.screen.refresh_board()
        assert "Clarity 20" not in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert state_hash(app.session.state) == start
        assert "Clarity 20" in screen_text(app)
        assert "Undone" in notifications(app)
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in notifications(app)


async def test_redo_steps_forward_again_until_a_new_choice(world):
    app = game(world)
    async with app.run_test(size=(100, 32)) as pilot:
        app.session.act(Action("reflect"))
        app.session.act(Action("reflect"))
        after = state_hash(app.session.state)
        await pilot.press("u", "u")
        await pilot.pause()
        await pilot.press("U", "U")
        await pilot.pause()
        assert state_hash(app.session.state) == after
        assert "Redone" in notifications(app)
        await pilot.press("u")
        app.session.act(Action("research", field="logistics"))  # a different future
        await pilot.press("U")
        await pilot.pause()
        assert "Nothing to redo" in notifications(app)


async def test_rewind_to_the_start_of_an_earlier_week(world):
    app = game(world)
    async with app.run_test(size=(100, 32)) as pilot:
        app.session.act(Action("reflect"))
        for _ in range(2):
            await end_week(pilot)
        assert app.session.state.week == 3
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RewindScreen)
        await pilot.press("down", "enter")  # the list starts at this week; one down is week 2
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.session.state.week == 2 and app.session.state.hours_left == 8
        assert "Rewound" in notifications(app)


async def test_ironman_games_have_no_undo_and_no_rewind(world, saves_folder):
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CampaignScreen)
        await pilot.press("i")
        await pilot.pause()
        assert "Ironman: on" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.ironman
        app.session.act(Action("reflect"))
        await pilot.press("u")
        await pilot.press("r")
        await pilot.pause()
        assert app.session.state.steps == 1
        assert "ironman" in notifications(app)
        await end_week(pilot)
        await app.workers.wait_for_complete()
        saved = load_save(saves_folder / f"{app.session.slot}.toml", world)
        assert saved.save.ironman


async def test_save_as_names_a_slot_and_refuses_bad_names(world, saves_folder):
    app = game(world)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        field = app.screen.query_one("#save-as-name")
        field.value = "../outside"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        assert "can't be a save name" in screen_text(app)
        field.value = "before the big ask"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert (saves_folder / "before the big ask.toml").exists()
        assert not (saves_folder.parent / "outside.toml").exists()


async def test_play_load_opens_the_saved_game_and_leaving_it_goes_to_the_title(world, saves_folder):
    state = new_game(world, "second-act", 8)
    for _ in range(3):
        state, _ = apply(state, Action("reflect"))
    path = save_game(saves_folder, state, "three reflections")
    app = WarmIntroApp(worlds=[world], load=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert state_hash(app.session.state) == state_hash(state)
        app.action_title()
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and app.session is None
        await pilot.press("c")  # Continue: the game it left
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert state_hash(app.session.state) == state_hash(state)
        assert "Priya" in screen_text(app)


async def test_play_load_of_a_damaged_save_stays_on_the_title_and_says_why(world, saves_folder):
    path = save_game(saves_folder, new_game(world, "second-act", 8), "damaged")
    path.write_text(path.read_text().replace("seed = 8", "seed = 9"))
    app = WarmIntroApp(worlds=[world], load=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and app.session is None
        assert "Can't load damaged" in notifications(app)


async def test_a_verified_save_handed_over_is_not_loaded_again(world, saves_folder, monkeypatch):
    from game.saves import files

    path = save_game(saves_folder, new_game(world, "second-act", 8), "handed over")
    loaded = files.load_save(path, world)
    monkeypatch.setattr(files, "load_save", lambda *a: pytest.fail("the save was loaded twice"))
    app = WarmIntroApp(worlds=[world], load=path, loaded=loaded)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and app.session.state is loaded.state


async def test_a_finished_game_opens_on_its_debrief(world, saves_folder):
    from game.ui.screens.debrief import DebriefScreen

    state = new_game(world, "second-act", 8)
    while not state.over:
        state, _ = apply(state, Action("end_week"))
    path = save_game(saves_folder, state, "ran out")
    app = WarmIntroApp(worlds=[world], load=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")  # nothing is left to do on its board
        assert isinstance(app.screen, TitleScreen)


async def test_the_debrief_is_one_key_away_from_the_board(world):
    from game.ui.screens.debrief import DebriefScreen

    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
