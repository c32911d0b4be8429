"""F1 help, rendered from help.md beside the app."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from game.ui.keys import help_table
from game.ui.screens.page import READING, read
from game.ui.widgets.footer import GameFooter

HELP = Path(__file__).resolve().parent.parent / "help.md"
KEYS_MARK = "<!-- keys: the table is written from game/ui/keys.py -->"


def help_text() -> str:
    """help.md, with the keys table written from the one table of keys."""
    return HELP.read_text(encoding="utf-8").replace(KEYS_MARK, help_table())


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("f1", "close", "Close", id="help.f1", show=False),
        *READING,
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(help_text(), id="help-text")
        yield GameFooter()

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Help"
        box.border_subtitle = "Esc closes"
        box.can_focus = True
        box.focus()

    def action_read(self, how: str) -> None:
        read(self.query_one("#help-box", VerticalScroll), how)

    def action_close(self) -> None:
        self.dismiss(None)
