"""The whole journal: every visible effect so far, with its cause, newest at the bottom.

It reads like the other pages (Escape, Space, j/k, the arrows, PgUp/PgDn, Home, End) but
draws only the lines in sight (see game.ui.widgets.journal_view), so it opens as fast in
week 25 as in week 1.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from game.ui.screens.page import PageScreen
from game.ui.widgets.footer import GameFooter
from game.ui.widgets.journal_view import JournalView


class JournalScreen(PageScreen):
    PAGE_ID = "journal-full"
    PAGE_TITLE = "Journal"
    START_AT_END = True

    BINDINGS = [
        Binding("j", "back", "Close", id="journal.close", show=False),
    ]

    def compose(self) -> ComposeResult:
        # the page's scroll is the journal view itself (PageScreen titles, focuses and scrolls it)
        book = self.app.journal_book
        yield Header()
        yield JournalView(book.lines(self.app.session), book.heights, id=self.PAGE_ID)
        yield GameFooter()

    def update_page(self) -> None:
        self.query_one(JournalView).set_lines(self.app.journal_book.lines(self.app.session))
