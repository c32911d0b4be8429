"""The footer: the keys of its screen, drawn with the screen's first frame, a click as good
as the key, keys that are off dimmed (game.ui.widgets.footer)."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from game.ui.app import WarmIntroApp
from game.ui.screens.help import HelpScreen
from game.ui.screens.journal import JournalScreen
from game.ui.widgets.footer import GameFooter


def _span(footer: GameFooter, key: str) -> tuple[int, int]:
    [(start, end)] = [(start, end) for start, end, shown in footer._spans if shown.key == key]
    return start, end


async def test_the_board_opens_with_its_keys_along_the_bottom(world):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)):
        line = app.screen.query_one(GameFooter).render()
        assert line.plain.startswith(" n End week  m Meet ") and line.plain.endswith("▏^p palette ")
        assert len(line) == 80  # the palette's key at the right end, the rest before it


async def test_a_click_on_a_key_presses_it(world):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        footer = app.screen.query_one(GameFooter)
        start, _end = _span(footer, "j")
        await pilot.click(GameFooter, offset=(start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_each_screen_shows_its_own_keys(world):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(HelpScreen())
        await pilot.pause()
        shown = app.screen.query_one(GameFooter).render().plain
        assert "esc" in shown and "End week" not in shown


class _Keys(App):
    BINDINGS = [Binding("x", "off", "Off"), Binding("y", "go", "Go"), Binding("z", "go", "Go too")]
    went = 0
    rang = 0

    def compose(self):
        yield GameFooter()

    def check_action(self, action, parameters):
        return None if action == "off" else True  # None: shown, but off

    def action_go(self) -> None:
        self.went += 1

    def bell(self) -> None:
        self.rang += 1


async def test_a_key_that_is_off_is_dimmed_and_a_click_on_it_only_rings():
    app = _Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        footer = app.query_one(GameFooter)
        line = footer.render()
        assert "Go too" not in line.plain  # keys sharing an action: the first is shown
        off_start, off_end = _span(footer, "x")
        off = [span.style for span in line.spans if off_start <= span.start < off_end]
        on = [span.style for span in line.spans if span.start >= off_end]
        assert off and all(style.dim for style in off) and not any(style.dim for style in on)
        await pilot.click(GameFooter, offset=(off_start + 1, 0))
        start, _end = _span(footer, "y")
        await pilot.click(GameFooter, offset=(start + 1, 0))
        await pilot.pause()
        assert (app.rang, app.went) == (1, 1)


async def test_the_key_under_the_pointer_is_highlighted(world):
    app = WarmIntroApp(play=True, seed=1, worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        footer = app.screen.query_one(GameFooter)
        start, end = _span(footer, "m")
        plain = footer.render()
        await pilot.hover(GameFooter, offset=(start + 1, 0))
        await pilot.pause()
        lit = footer.render()
        assert lit.plain == plain.plain and lit.spans != plain.spans
        await pilot.hover("#contacts")  # the pointer leaves the footer
        await pilot.pause()
        assert footer.render().spans == plain.spans
