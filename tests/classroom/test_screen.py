"""The class report in the app, driven as an instructor would: open a file, read the tabs,
pick two students, export."""

import pytest
from textual.widgets import DataTable, OptionList, TabbedContent

from game.ui.app import WarmIntroApp
from game.ui.screens.class_report import PICKED, ClassReportScreen


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("WARM_INTRO_SAVES", str(tmp_path / "saves"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path / "saves"


@pytest.fixture
def codes_file(tmp_path, codes):
    path = tmp_path / "codes.txt"
    path.write_text("\n".join(f"{n}: {c}" for n, c in codes.items()) + "\nZed: WI1-broken\n")
    return path


def text(screen, selector) -> str:
    return str(screen.query_one(selector).render())


async def test_the_title_opens_the_class_report_and_a_file_fills_it(codes_file, codes):
    app = WarmIntroApp()
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.query_one("#menu", OptionList)
        menu.highlighted = next(i for i in range(menu.option_count) if menu.get_option_at_index(i).id == "class")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClassReportScreen)
        await pilot.press(*str(codes_file), "enter")
        await pilot.pause()
        table = screen.query_one("#class-table", DataTable)
        assert table.row_count == len(codes) and table.has_focus
        assert f"{len(codes) + 1} codes read: {len(codes)} replayed" in text(screen, "#class-summary")
        assert "Mark Oduya" in text(screen, "#class-doors")
        assert "Zed" in text(screen, "#class-bad")
        assert "Bad codes (1)" in str(screen.query_one(TabbedContent).get_tab("tab-bad").label)


async def test_picking_two_students_compares_them(codes_file):
    app = WarmIntroApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ClassReportScreen(str(codes_file)))
        await pilot.pause()
        screen = app.screen
        await pilot.press("enter")  # Ana
        assert screen.picked == [1]
        assert screen.query_one("#class-table", DataTable).get_cell("1", "picked") == PICKED
        await pilot.press("down", "enter")  # Ben
        await pilot.pause()
        assert screen.picked == [1, 2]
        assert screen.query_one(TabbedContent).active == "tab-compare"
        compare = text(screen, "#class-compare")
        assert "#1 Ana and #2 Ben, side by side" in compare and "Week by week" in compare


async def test_export_writes_the_report_beside_the_saves(codes_file, saves_folder):
    app = WarmIntroApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ClassReportScreen(str(codes_file)))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    (folder,) = (saves_folder / "exports").iterdir()
    assert folder.name.startswith("class-report-")
    assert "Ana" in (folder / "class-report.md").read_text()


async def test_a_file_that_is_not_there_is_said_on_the_screen(tmp_path):
    app = WarmIntroApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ClassReportScreen(str(tmp_path / "nope.txt")))
        await pilot.pause()
        assert "there is no file" in text(app.screen, "#class-summary")
        assert app.screen.report is None


async def test_the_title_palette_offers_the_class_report():
    app = WarmIntroApp()
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Class report" in titles


async def test_a_students_debrief_carries_the_code_to_share(world):
    import re

    from game.demo.timeline import decode_replay
    from game.ui.screens.debrief import DebriefScreen

    app = WarmIntroApp(play=True, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        shown = "".join(str(app.screen.query_one("#debrief-text").render()).split())
        code = re.search(r"WI1-[A-Za-z0-9_-]+", shown).group(0)
        replay = decode_replay(code)
        state = app.session.state
        assert (replay.campaign, replay.seed, len(replay.actions)) == (state.campaign, state.seed, state.steps)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == code
