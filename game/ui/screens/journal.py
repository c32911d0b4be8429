"""The whole journal: every visible effect so far, with its cause."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from game.ui.widgets.journal_log import journal_lines


class JournalScreen(Screen):
    CSS_PATH = "../styles/pages.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="journal.back"),
        Binding("j", "back", "Close", id="journal.close", show=False),
    ]

    def compose(self) -> ComposeResult:
        session = self.app.session
        lines = journal_lines(session, session.journal())
        yield Header()
        with VerticalScroll(id="journal-full"):
            yield Static("\n".join(lines) or "Nothing yet.", id="journal-full-text")
        yield Footer()

    def on_mount(self) -> None:
        scroll = self.query_one("#journal-full")
        scroll.border_title = "Journal"
        scroll.focus()
        self.call_after_refresh(scroll.scroll_end, animate=False)

    def action_back(self) -> None:
        self.dismiss()
