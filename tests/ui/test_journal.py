"""The whole journal draws only the lines in sight; what it shows must be the journal, in order,
wherever the player scrolls, and stay current after new moves, an undo or a reload."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.content import Content

from game.engine import Action
from game.saves.files import save_game
from game.ui.app import WarmIntroApp
from game.ui.screens.board import BoardScreen
from game.ui.screens.journal import JournalScreen
from game.ui.widgets.journal_log import journal_lines
from game.ui.widgets.journal_view import JournalView

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from long_game import long_game  # noqa: E402


@pytest.fixture(scope="module")
def late_game(world):
    """second-act at week 21, 300-odd entries (the benchmarks' game)."""
    return long_game(world)


def expected_rows(session, width: int) -> list[str]:
    """The journal as the old page drew it: one text of every line, wrapped to the width."""
    rows: list[str] = []
    for line in journal_lines(session, session.journal()):
        rows += [row.plain.rstrip() for row in Content.from_markup(line).wrap(width)]
    return rows


def on_screen(view: JournalView) -> list[str]:
    """The rows the view draws where it is scrolled to, as a terminal would show them."""
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


async def open_journal(pilot) -> JournalView:
    await pilot.press("j")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, JournalScreen)
    return pilot.app.screen.query_one(JournalView)


async def test_the_journal_opens_at_its_newest_lines_and_scrolls_through_all_of_them(world, late_game,
                                                                                     saves_folder):
    path = save_game(saves_folder, late_game, "late")
    app = WarmIntroApp(worlds=[world], load=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = await open_journal(pilot)
        width = view.scrollable_content_region.width
        rows = expected_rows(app.session, width)
        assert len(app.session.journal()) > 150
        assert view.plain_rows() == rows  # every line, in order, wrapped as before
        height = len(on_screen(view))
        assert view.max_scroll_y == len(rows) - height
        assert on_screen(view) == rows[-height:]  # it opens on the newest
        for key, offset in (("home", 0), ("pagedown", height), ("down", height + 1), ("up", height),
                            ("space", 2 * height), ("k", 2 * height - 1), ("pageup", height - 1), ("end", None)):
            await pilot.press(key)
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            at = view.scroll_offset.y
            assert at == (len(rows) - height if offset is None else offset), key
            assert on_screen(view) == rows[at:at + height], key
        assert rows[0] == "── week 1 ──" and rows[-1].startswith("  Runway")
        view.scroll_to(y=len(rows) // 2, animate=False, immediate=True)
        assert on_screen(view) == rows[len(rows) // 2:len(rows) // 2 + height]


async def test_a_new_move_and_an_undo_show_in_the_journal_next_time(world, saves_folder):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = await open_journal(pilot)
        first_page = app.screen
        assert on_screen(view)[0] == "Nothing yet."
        await pilot.press("escape")
        await pilot.pause()
        board = app.screen
        assert isinstance(board, BoardScreen)
        board.do(Action("reflect"))
        await pilot.pause()
        view = await open_journal(pilot)
        assert app.screen is first_page  # the page the app keeps, showing the journal as it is now
        after_reflect = view.plain_rows()
        assert after_reflect == expected_rows(app.session, view.scrollable_content_region.width)
        assert after_reflect[0] == "── week 1 ──" and "clarity" in " ".join(after_reflect)
        await pilot.press("escape", "u")  # undo: the journal is empty again
        await pilot.pause()
        view = await open_journal(pilot)
        assert view.plain_rows() == ["Nothing yet."]


async def test_a_narrow_or_wide_terminal_wraps_the_same_lines(world, late_game, saves_folder):
    path = save_game(saves_folder, late_game, "late")
    for size in ((80, 24), (120, 40)):
        app = WarmIntroApp(worlds=[world], load=path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            view = await open_journal(pilot)
            width = view.scrollable_content_region.width
            assert view.plain_rows() == expected_rows(app.session, width)
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            await pilot.pause()
            assert view.scrollable_content_region.width != width
            assert view.plain_rows() == expected_rows(app.session, view.scrollable_content_region.width)


async def test_the_board_of_a_loaded_game_keeps_its_last_40_entries_and_shows_the_newest(world, late_game,
                                                                                        saves_folder):
    # the board's first frame lays out only the entries its rows can show; the rest follow it
    from game.ui.widgets.journal_log import KEEP, JournalLog

    path = save_game(saves_folder, late_game, "late")
    app = WarmIntroApp(worlds=[world], load=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        journal = app.screen.query_one(JournalLog)
        entries = app.session.recent_entries(KEEP)
        assert len(entries) >= KEEP
        text = " ".join(row.strip() for row in journal.plain_rows())
        oldest = entries[0][3]
        assert (oldest if isinstance(oldest, str) else oldest.cause) in text
        assert journal.scroll_y == journal.max_scroll_y > 0  # scrolled to the newest
