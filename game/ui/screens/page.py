"""One shape for the game's reading pages (codex, journal, network, debrief).

A page is a titled, scrollable text between the header and the footer; Escape goes back.
A page says what it shows (`body`) and how it is named; the rest is here.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer, VerticalScroll
from textual.widgets import Header, Static

from game.ui.markup import content
from game.ui.screens.base import GameScreen
from game.ui.widgets.footer import GameFooter

# what reads like a book: the arrows, PgUp/PgDn, Home and End scroll a focused scroll
# already; Space and j/k are a reader's habit (help, codex, journal, network, debrief)
READING: list[BindingType] = [
    Binding("space", "read('page_down')", "Page down", id="read.page", show=False),
    Binding("j", "read('scroll_down')", "Down", id="read.down", show=False),
    Binding("k", "read('scroll_up')", "Up", id="read.up", show=False),
]


def read(scroll: ScrollableContainer, how: str) -> None:
    """Scroll a page the way a reading key asks (page_down, scroll_down, scroll_up)."""
    getattr(scroll, f"action_{how}")()


class PageScreen(GameScreen[None]):
    CSS_PATH = "../styles/pages.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back", id="page.back"), *READING]

    PAGE_ID: ClassVar[str]  # the scroll's id; its text is PAGE_ID-text
    PAGE_TITLE: ClassVar[str]
    START_AT_END: ClassVar[bool] = False  # a page read from the bottom up (the journal)
    _shown = ""  # the markup of the page shown

    def body(self) -> str:
        """The page's text, in markup."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id=self.PAGE_ID):
            self._shown = self.body()
            yield Static(content(self._shown), id=f"{self.PAGE_ID}-text")
        yield GameFooter()

    def on_mount(self) -> None:
        scroll = self.query_one(f"#{self.PAGE_ID}", ScrollableContainer)
        scroll.border_title = self.PAGE_TITLE
        scroll.focus()
        if self.START_AT_END:
            self.call_after_refresh(scroll.scroll_end, animate=False)

    def show_page(self) -> None:
        """The page as things stand now, read from its start (or its end) again, on a screen
        that may have shown it before (WarmIntroApp.open_page). Nothing to do before it is up."""
        if not self.is_mounted:
            return
        self.update_page()
        scroll = self.query_one(f"#{self.PAGE_ID}", ScrollableContainer)
        scroll.focus()
        if self.START_AT_END:
            self.call_after_refresh(scroll.scroll_end, animate=False)
        else:
            scroll.scroll_home(animate=False)

    def update_page(self) -> None:
        text = self.body()
        if text != self._shown:  # the same page needs no new layout
            self._shown = text
            self.query_one(f"#{self.PAGE_ID}-text", Static).update(content(text))

    def action_read(self, how: str) -> None:
        read(self.query_one(f"#{self.PAGE_ID}", ScrollableContainer), how)

    def action_back(self) -> None:
        self.dismiss()
