"""The game's screens see the app as the game's own type (WarmIntroApp), not Textual's App.

Screens of the game only ever run inside WarmIntroApp, and the presenter's only inside
PresenterApp; typing `app` says so, so a type checker follows `self.app.session` and
`self.app.perform` into the game.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from game.ui.app import WarmIntroApp
    from game.ui.presenter import PresenterApp

R = TypeVar("R")


class GameScreen(Screen[R]):
    @property
    def app(self) -> WarmIntroApp:
        return cast("WarmIntroApp", super().app)


class GameModal(ModalScreen[R]):
    @property
    def app(self) -> WarmIntroApp:
        return cast("WarmIntroApp", super().app)


class StageScreenBase(Screen[R]):
    """A screen of the presenter (the demo on a projector)."""

    @property
    def app(self) -> PresenterApp:
        return cast("PresenterApp", super().app)
