"""Shown instead of the game when the terminal is smaller than the game can use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from game.ui.screens.base import MIN_HEIGHT, MIN_WIDTH


class TooSmallScreen(ModalScreen[None]):
    BINDINGS = []

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.refresh_size()

    def refresh_size(self) -> None:
        w, h = self.app.size
        self.query_one("#too-small", Static).update(
            f"The terminal is too small for Warm Intro.\n\n"
            f"It is {w}×{h}; the game needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\n"
            f"Make the window larger (or the font smaller) and the game comes back.\n\n"
            f"Ctrl+Q quits."
        )
