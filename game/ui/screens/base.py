"""The game's screens see the app as the game's own type (WarmIntroApp), not Textual's App.

Screens of the game only ever run inside WarmIntroApp, and the presenter's only inside
PresenterApp; typing `app` says so, so a type checker follows `self.app.session` and
`self.app.perform` into the game.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual import events
from textual._context import NoActiveAppError
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from game.ui.app import WarmIntroApp
    from game.ui.presenter import PresenterApp

R = TypeVar("R")

MIN_WIDTH, MIN_HEIGHT = 80, 24  # the game is laid out for 80x24 first; smaller shows TooSmallScreen


def size_classes(screen: Screen[Any]) -> None:
    """Give a new screen the breakpoint classes of the terminal it opens in (-narrow, -short...).

    Textual adds them when the screen's first resize arrives, and that can come after its
    first frame: a board at 80x24 was then drawn once laid out for a tall terminal, and styled,
    laid out and drawn again a moment later. With the classes in place from the start, the
    first frame is the right one and the resize finds nothing to change."""
    try:
        app = screen.app
    except NoActiveAppError:  # made outside a running app (a test): the resize will see to it
        return
    width, height = app.size
    for dimension, points in ((width, screen.HORIZONTAL_BREAKPOINTS or app.HORIZONTAL_BREAKPOINTS),
                              (height, screen.VERTICAL_BREAKPOINTS or app.VERTICAL_BREAKPOINTS)):
        # as Textual picks them (Screen._get_breakpoint_classes): the highest threshold reached
        reached = [name for threshold, name in sorted(points or (), reverse=True) if dimension >= threshold]
        if reached:
            screen.add_class(reached[0], update=False)


class StyledOnMount:
    """A screen's widgets are styled as they mount: the first time the screen is shown, only
    the screen itself needs styling again, not every one of them.

    Textual restyles a screen's whole tree each time it is shown (ScreenResume), in case
    something changed while it was covered, such as the theme. The first time, just after it
    was composed, nothing has for its widgets: they mounted after the screen's own stylesheet
    was read, and a focus, a class or a state changed since restyles what it touches. The
    screen node alone was styled before that stylesheet was read (a screen pushed before its
    file is loaded is registered first), so it is styled here. Later showings restyle as
    Textual does."""

    app: Any  # mixed into Screen classes: the screen's app
    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
            self.app.stylesheet.apply(self)


class GameScreen(StyledOnMount, Screen[R]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        size_classes(self)

    @property
    def app(self) -> WarmIntroApp:
        return cast("WarmIntroApp", super().app)


class GameModal(StyledOnMount, ModalScreen[R]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        size_classes(self)

    @property
    def app(self) -> WarmIntroApp:
        return cast("WarmIntroApp", super().app)


class StageScreenBase(StyledOnMount, Screen[R]):
    """A screen of the presenter (the demo on a projector)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        size_classes(self)

    @property
    def app(self) -> PresenterApp:
        return cast("PresenterApp", super().app)
