"""The whole journal: every visible effect so far, with its cause."""

from __future__ import annotations

from textual.binding import Binding

from game.ui.screens.page import PageScreen
from game.ui.widgets.journal_log import journal_lines


class JournalScreen(PageScreen):
    PAGE_ID = "journal-full"
    PAGE_TITLE = "Journal"
    START_AT_END = True

    BINDINGS = [
        Binding("j", "back", "Close", id="journal.close", show=False),
    ]

    def body(self) -> str:
        return "\n".join(journal_lines(self.app.session, self.app.session.journal())) or "Nothing yet."
