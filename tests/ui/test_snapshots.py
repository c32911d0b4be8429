"""Snapshots of the main screens at the smallest supported size and a roomy one.

Textual is pinned in pyproject (textual==8.2.8) so these baselines stay meaningful. No
screen here has a blinking cursor (no Input or TextArea), so frames are stable.
Update baselines after an intended change with: pytest tests/ui --snapshot-update
"""

from __future__ import annotations

import pytest

from game.packs.loader import load_core
from game.ui.app import WarmIntroApp
from game.ui.screens.week_summary import WeekSummaryScreen
from tests.ui.ui_helpers import MARK, door_closing_seed, end_week

SIZES = [(80, 24), (120, 40)]
WORLD = load_core()


def game(seed: int = 1, **settings) -> WarmIntroApp:
    app = WarmIntroApp(play=True, seed=seed, worlds=[WORLD])
    for key, value in settings.items():
        setattr(app.settings, key, value)
    return app


async def to_mark(pilot) -> None:
    await pilot.pause()  # the board goes up once start-up is over
    pilot.app.screen.select(MARK)
    await pilot.pause()


async def mark_offer(pilot) -> None:
    await to_mark(pilot)
    await pilot.press("m", "1")
    await pilot.pause()


async def door_closed(pilot) -> None:
    await mark_offer(pilot)
    await pilot.press("1", "escape")
    for _ in range(3):
        await end_week(pilot)
        if isinstance(pilot.app.screen, WeekSummaryScreen):
            await pilot.press("enter")
    board = pilot.app.screen
    for _ in range(2):
        board.select(MARK)
        await pilot.pause()
        follow = next(a for a in board.query_one("#actions").actions if a.name == "follow_up")
        board.do(follow)
        await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_title(snap_compare, size):
    assert snap_compare(WarmIntroApp(worlds=[WORLD]), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_campaign_picker(snap_compare, size):
    assert snap_compare(WarmIntroApp(worlds=[WORLD]), press=["n"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board(snap_compare, size):
    assert snap_compare(game(), run_before=to_mark, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_conversation_with_an_offer(snap_compare, size):
    async def run_before(pilot):
        await mark_offer(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(game(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_week_summary(snap_compare, size):
    async def run_before(pilot):
        await mark_offer(pilot)
        await pilot.press("1", "escape", "n", "n")  # n again: most of the hours are unused
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(game(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board_after_a_door_closed(snap_compare, size):
    assert snap_compare(game(door_closing_seed(WORLD)), run_before=door_closed, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_network_after_a_door_closed(snap_compare, size):
    async def run_before(pilot):
        await door_closed(pilot)
        await pilot.press("w")

    assert snap_compare(game(door_closing_seed(WORLD)), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_codex(snap_compare, size):
    async def run_before(pilot):
        await door_closed(pilot)
        await pilot.press("c")

    assert snap_compare(game(door_closing_seed(WORLD)), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_debrief(snap_compare, size):
    async def run_before(pilot):
        await door_closed(pilot)
        while not pilot.app.session.state.over:
            await end_week(pilot)
        await pilot.press("enter")
        pilot.app.clear_notifications()
        await pilot.pause()

    app = game(door_closing_seed(WORLD), week_summary=False)
    assert snap_compare(app, run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, size):
    assert snap_compare(game(), press=["f1"], terminal_size=size)


def test_settings(snap_compare):
    assert snap_compare(WarmIntroApp(worlds=[WORLD]), press=["s"], terminal_size=(80, 24))


def test_too_small(snap_compare):
    assert snap_compare(game(), terminal_size=(70, 20))


def test_projection_theme(snap_compare):
    app = game()
    app.settings.theme = "projection"
    assert snap_compare(app, run_before=to_mark, terminal_size=(80, 24))


def test_journal_late_in_a_long_game(snap_compare, saves_folder):
    import sys
    from pathlib import Path

    from game.saves.files import save_game

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from long_game import long_game

    path = save_game(saves_folder, long_game(WORLD), "late")
    assert snap_compare(WarmIntroApp(worlds=[WORLD], load=path), press=["j"], terminal_size=(80, 24))
