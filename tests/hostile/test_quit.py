"""A save that fails as the player quits is never silent: the game asks, and the exit says so."""

from __future__ import annotations

import pytest

from game.engine.actions import Action
from game.saves.files import load_save
from game.ui.app import WarmIntroApp, exit_code
from game.ui.screens.save_dialogs import NotSavedScreen


@pytest.fixture
def unwritable(tmp_path, monkeypatch):
    """A saves folder that can't be made: its parent is a file (this holds even for root)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("WARM_INTRO_SAVES", str(blocker / "saves"))
    return blocker


async def quit_and_choose(world, choice: str, folder: str = "") -> WarmIntroApp:
    app = WarmIntroApp(play=True, seed=3, worlds=[world])
    async with app.run_test(size=(100, 32)) as pilot:
        app.session.act(Action("reflect"))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, NotSavedScreen)
        if folder:
            app.screen.query_one("Input").value = folder
        app.screen.dismiss((choice, folder))
        await pilot.pause()
    return app


async def test_quitting_without_saving_is_said_and_exits_non_zero(world, unwritable, capsys):
    app = await quit_and_choose(world, "quit")
    assert app.unsaved and exit_code(app) == 1
    assert "could not be saved" in capsys.readouterr().err


async def test_a_failed_save_at_quit_can_go_to_another_folder(world, unwritable, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    app = await quit_and_choose(world, "elsewhere", str(elsewhere))
    assert not app.unsaved and exit_code(app) == 0
    saved = next(elsewhere.glob("*.toml"))
    assert load_save(saved, world).state.steps == 1
