"""The app's conventions: bindings, palette, themes, settings, small terminals, help."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.binding import Binding

from game.ui.app import WarmIntroApp
from game.ui.screens.board import BoardScreen
from game.ui.screens.codex import CodexScreen
from game.ui.screens.conversation import ConversationScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.network import NetworkScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.too_small import TooSmallScreen
from game.ui.screens.week_summary import WeekSummaryScreen
from game.ui.settings import Settings
from tests.ui.ui_helpers import MARK, screen_text

SCREENS = [TitleScreen, BoardScreen, ConversationScreen, WeekSummaryScreen, NetworkScreen,
           CodexScreen, DebriefScreen, HelpScreen, SettingsScreen]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.__name__)
def test_every_binding_has_an_id_and_a_description(screen):
    for binding in screen.BINDINGS + WarmIntroApp.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.id, binding
        assert binding.description, binding


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.__name__)
def test_the_footer_stays_short(screen):
    shown = [b for b in screen.BINDINGS + WarmIntroApp.BINDINGS if b.show]
    assert 1 <= len(shown) <= 7


async def test_the_command_palette_reaches_every_screen_and_the_week(world):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for wanted in ("Help", "Settings", "Codex", "Network", "Journal", "End the week",
                       "Meet the selected person", "Title screen", "Select Mark Oduya"):
            assert wanted in titles


@pytest.mark.parametrize(("size", "classes"), [((80, 24), {"-narrow", "-short"}), ((120, 40), {"-wide", "-tall"})],
                         ids=["80x24", "120x40"])
async def test_a_screen_is_laid_out_for_its_terminal_from_its_first_frame(world, size, classes):
    # the breakpoint classes (board.tcss: a short terminal's journal keeps 4 rows...) are on a
    # screen from the moment it is made, not added after a first frame laid out without them
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    first: dict[type, set[str]] = {}  # each screen's classes in its first frame
    display = app._display

    def record(screen, renderable) -> None:
        if renderable is not None:
            first.setdefault(type(screen), set(screen.classes))
        display(screen, renderable)

    app._display = record
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s")  # a dialog over the board
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    assert classes <= first[BoardScreen]
    assert classes <= first[SettingsScreen]


async def test_a_screen_shown_the_first_time_restyles_only_itself_and_later_all_it_holds(world, monkeypatch):
    # its widgets were styled as they mounted; a later showing restyles its whole tree, in
    # case something changed while it was covered (Textual's own rule)
    from textual.screen import Screen

    restyled: list[type] = []  # each screen whose whole tree was styled again
    update = Screen.update_node_styles

    def record(self, animate: bool = True) -> None:
        restyled.append(type(self))
        update(self, animate)

    monkeypatch.setattr(Screen, "update_node_styles", record)
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert BoardScreen not in restyled
        await pilot.press("w")  # the network, a page the app keeps
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen) and NetworkScreen not in restyled
        await pilot.press("escape")
        await pilot.press("w")  # shown again: as Textual does, all of it is styled again
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen) and restyled.count(NetworkScreen) == 1


async def test_a_dialog_opened_before_its_stylesheet_is_read_is_laid_out_by_it(world):
    # the dialogs' styles are read a moment after the first frame; opened before then, the
    # screen itself (which centres the box) is styled when first shown
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        box = app.screen.query_one("#settings-box").region
        assert box.x > 0 and box.y > 0, box  # centred, not in the top left corner


async def test_a_terminal_too_small_says_so_and_recovers(world):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(60, 20)) as pilot:
        assert isinstance(app.screen, TooSmallScreen)
        text = screen_text(app)
        assert "too small" in text and "60×20" in text and "80×24" in text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_theme_choice_is_remembered(world, saves_folder):
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        assert "projection" in app.available_themes
        app.theme = "projection"
        await pilot.pause()
    saved = tomllib.loads((saves_folder / "settings.toml").read_text())
    assert saved["theme"] == "projection"
    assert Settings.load().theme == "projection"
    again = WarmIntroApp(worlds=[world])
    async with again.run_test(size=(80, 24)):
        assert again.theme == "projection"


async def test_settings_screen_switches_are_saved(world, saves_folder):
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#week_summary").value = False
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, TitleScreen)
    assert Settings.load().week_summary is False


def test_a_broken_settings_file_falls_back_to_defaults(saves_folder):
    saves_folder.mkdir(parents=True)
    (saves_folder / "settings.toml").write_text("theme = [not toml")
    assert Settings.load() == Settings()


async def test_f1_opens_help_from_markdown(world):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        markdown = app.screen.query_one("#help-text")
        assert "How to play Warm Intro" in markdown.source
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


@pytest.mark.parametrize("keys", [["end"], ["space"] * 40, ["j"] * 400, ["pagedown"] * 40])
async def test_help_scrolls_to_its_last_line_by_keyboard(world, keys):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0  # there is more than a screenful
        await pilot.press(*keys)
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("home", "k")
        await pilot.pause()
        assert box.scroll_y == 0


async def test_no_color_still_reads_through_symbols_and_numbers(world, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        text = screen_text(app)
        assert "○ OPEN" in text and "trust" in text and " 55" in text


def style_files(app) -> set[str]:
    return {Path(path).name for path, _ in app.stylesheet.source if path.endswith(".tcss")}


@pytest.mark.parametrize("opens_on", ["title", "board"])
async def test_a_launch_reads_the_styles_of_its_first_screen_and_the_other_is_styled_as_it_opens(
        world, monkeypatch, opens_on):
    app = WarmIntroApp(play=True, seed=1, worlds=[world]) if opens_on == "board" else WarmIntroApp(worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        # before the later styles are read (a moment after the first frame)
        assert style_files(app) == {"app.tcss", f"{opens_on}.tcss"}
        monkeypatch.setattr(app.stylesheet, "reparse", lambda: pytest.fail("every stylesheet was parsed again"))
        if opens_on == "board":
            assert app.screen.query_one("#contacts").styles.width.value == 40  # board.tcss
            app.to_title()
        else:
            assert app.screen.query_one("#menu").styles.width.value == 40  # title.tcss
            app.start_game(world, seed=1)
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen if opens_on == "board" else BoardScreen)
        widget = "#menu" if opens_on == "board" else "#contacts"  # both 40 wide by their own sheet
        assert app.screen.query_one(widget).styles.width.value == 40


async def test_the_screens_opened_after_start_up_parse_no_stylesheet_again(world, monkeypatch):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        app.read_later_styles()  # what the app does a moment after its first frame
        monkeypatch.setattr(app.stylesheet, "reparse", lambda: pytest.fail("every stylesheet was parsed again"))
        for open_it in (app.action_help, app.action_settings, app.action_load, app.action_codex,
                        lambda: app.screen.open_conversation(MARK)):
            open_it()
            await pilot.pause()
            assert not isinstance(app.screen, BoardScreen)
            app.pop_screen()
            await pilot.pause()
        await pilot.press("e")  # the end of a week (with hours left: the question first)
        await pilot.pause()
        assert not isinstance(app.screen, BoardScreen)
