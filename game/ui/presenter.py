"""Presenter mode: a demo script shown to a class, one beat at a time.

`Show` is the whole of a presentation's state without a screen: the demo, the audience's
choices so far, every state along the way (a replay of the beats, so stepping back is only
an index), and whether inner thoughts are showing. The screens in
`game/ui/screens/presenter_*.py` draw it; `PresenterApp` holds them together.

`warm-intro demo` calls `present`; `warm-intro demo --replay CODE` calls `present_replay`.
"""

from __future__ import annotations

import contextlib

from textual.app import App
from textual.binding import Binding

from game.demo.script import Demo
from game.engine.world import World
from game.ui.app import PROJECTION
from game.ui.show import Show


class PresenterApp(App):
    """Warm Intro for a room: demos on a projector, one beat at a time."""

    TITLE = "Warm Intro · presenter"
    CSS_PATH = "styles/presenter.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit", show=False)]

    def __init__(self, found: list[tuple[Demo, World]], demo: Demo | None = None, *,
                 replay=None, replay_world: World | None = None, theme: str = "projection",
                 choices: dict[str, str] | None = None) -> None:
        super().__init__()
        self.found = found
        self._demo = demo
        self._choices = choices
        self._replay = replay
        self._replay_world = replay_world
        self._theme_name = theme

    def on_mount(self) -> None:
        from game.ui.screens.presenter_picker import PickerScreen
        from game.ui.screens.presenter_stage import StageScreen

        self.register_theme(PROJECTION)
        self.theme = self._theme_name
        if self._replay is not None:
            self.push_screen(StageScreen(Show.of_replay(self._replay_world, self._replay)))
        elif self._demo is not None:
            world = next(w for d, w in reversed(self.found) if d is self._demo)
            self.push_screen(StageScreen(Show.of_demo(self._demo, world, self._choices)))
        else:
            self.push_screen(PickerScreen(self.found))

    def remember_screen(self, name: str, title: str = "") -> None:
        """Keep an SVG of the screen showing now with the show it belongs to, for the export."""
        show = getattr(self.screen, "show_", None)
        if not isinstance(show, Show):
            return
        # a screenshot is a nicety; never let it stop the show
        with contextlib.suppress(Exception):
            show.remember(name, self.export_screenshot(title=f"Warm Intro · {title or name}"))

    def leave(self) -> None:
        """Back to the picker if there is one under this screen, else quit."""
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:
            self.exit(0)


class NotesApp(App):
    """The facilitator's notes, following a stage that runs elsewhere on this computer."""

    TITLE = "Warm Intro · facilitator notes"
    CSS_PATH = "styles/presenter.tcss"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit", show=False)]

    def __init__(self, demo: str | None = None, theme: str = "projection") -> None:
        super().__init__()
        self._demo_id = demo
        self._theme_name = theme

    def on_mount(self) -> None:
        from game.ui.screens.presenter_notes import NotesFollowScreen

        self.register_theme(PROJECTION)
        self.theme = self._theme_name
        self.push_screen(NotesFollowScreen(self._demo_id))


def follow_notes(demo: str | None) -> int:
    """`warm-intro demo [ID] --notes`: the notes view, until the facilitator quits it."""
    result = NotesApp(demo).run()
    return result if isinstance(result, int) else 0


def present(demo: Demo | None, found: list[tuple[Demo, World]], choices: dict[str, str] | None = None) -> int:
    """Presenter mode: the picker, or straight into one demo (with the class's answers, from a replay code)."""
    app = PresenterApp(found, demo, choices=choices)
    result = app.run()
    return result if isinstance(result, int) else 0


def turning_point_shots(demo: Demo, world: World, choices: dict[str, str] | None = None,
                        size: tuple[int, int] = (120, 40)) -> dict[int, str]:
    """SVG screenshots of a demo's turning points, drawn without a terminal, by beat index.

    The stage is driven exactly as in a room, so a headless export shows what the class saw.
    """
    import asyncio

    from game.ui.screens.presenter_stage import StageScreen

    async def draw() -> dict[int, str]:
        app = PresenterApp([(demo, world)], demo, choices=choices)
        async with app.run_test(size=size) as pilot:
            stage = app.screen
            assert isinstance(stage, StageScreen)
            for index, _ in stage.show_.markers():
                stage.show_.jump(index)
                stage.refresh_stage()
                await pilot.pause()
            return stage.show_.marker_shots()

    return asyncio.run(draw())


def present_replay(world: World, replay) -> int:
    """A replay code opened in presenter mode."""
    app = PresenterApp([], replay=replay, replay_world=world)
    result = app.run()
    return result if isinstance(result, int) else 0
