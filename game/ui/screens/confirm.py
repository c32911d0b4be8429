"""Asking before a choice that can't be taken back lightly: ending a week with most of its
hours unused, and taking a job (which ends the campaign).

The cautious answer comes first and is the highlighted one; the key that asked (n for the
week) answers yes when pressed again, so a player who meant it loses one keypress.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.ui.screens.base import GameModal

NO, YES = "no", "yes"


class ConfirmScreen(GameModal[bool]):
    """A question with a cautious "no" first; dismisses with True only for "yes"."""

    CSS_PATH = "../styles/saves.tcss"
    BINDINGS = [Binding("escape", "answer(False)", "Go back", id="confirm.no"),
                Binding("y", "answer(True)", "Yes", id="confirm.yes", show=False)]

    def __init__(self, question: str, detail: str, yes: str, no: str, again: str = "") -> None:
        super().__init__()
        self.question, self.detail, self.yes, self.no, self.again = question, detail, yes, no, again

    def ask(self, question: str, detail: str) -> None:
        """Ask this question, on a screen that may have asked another (WarmIntroApp.kept_screen):
        the cautious answer is the highlighted one again."""
        self.question, self.detail = question, detail
        if self.is_mounted:
            self.query_one("#confirm-text", Static).update(self._words())
            self.query_one(OptionList).highlighted = 0

    def _words(self) -> str:
        return f"[b]{escape(self.question)}[/b]\n{escape(self.detail)}"

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self._words(), id="confirm-text")
            yield OptionList(Option(escape(self.no), id=NO), Option(escape(self.yes), id=YES), id="confirm-list")

    def on_mount(self) -> None:
        box = self.query_one("#confirm-box")
        box.border_subtitle = f"{self.again} again or y: yes · Esc: go back" if self.again else "y: yes · Esc: go back"
        self.query_one(OptionList).focus()

    def on_key(self, event) -> None:
        if self.again and event.key == self.again:
            event.stop()
            self.dismiss(True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id == YES)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
