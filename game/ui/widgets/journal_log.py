"""The journal: every visible effect, the moment it happens, with its cause."""

from __future__ import annotations

from collections.abc import Hashable

from textual.content import Content
from textual.markup import escape

from game.engine import Effect
from game.ui.codex import titles
from game.ui.markup import content
from game.ui.session import Session
from game.ui.widgets.journal_view import JournalView
from game.ui.words import effect_markup

KEEP = 40  # effects kept on the board; the full journal has its own screen
FIRST = 12  # what the board's first frame needs: the tallest journal on the board shows 10 rows


def journal_lines(session: Session, effects: list[Effect], new_from: int | None = None) -> list[str]:
    names = titles(session.world)
    lines: list[str] = []
    week = None
    for i, e in enumerate(effects):
        if e.week != week:
            week = e.week
            lines.append(f"[b $text-muted]── week {e.week} ──[/]")
        mark = "[b $accent]●[/] " if new_from is not None and i >= new_from else "  "
        lines.append(mark + effect_markup(session.state, e, names))
    return lines


class JournalLog(JournalView):
    """The board's journal: its newest entries, newest at the bottom; the effects of the last
    action are marked with a dot. Only the rows in sight are drawn (see JournalView), and an
    entry already shown keeps its parsed line, its height and its rows."""

    empty = content("[dim]Nothing has happened yet. Pick someone and act.[/]")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__([], id=id)
        self._shown: tuple | None = None
        self._marked: dict[tuple, Content] = {}  # the board's own lines (marked, or said), reused

    def _line(self, session: Session, kind: str, item, marked: bool) -> tuple[Hashable, Content]:
        """An entry's key and line. A plain effect's line is the journal's own (the app's
        JournalBook, shared with the journal screen); a marked one, or a line said, is the board's."""
        if kind == "effect" and not marked:
            return item, self.app.journal_book.line(session, item)
        key = (kind, item, marked)
        line = self._marked.get(key)
        if line is None:
            mark = "[b $accent]●[/] " if marked else "  "
            body = f"[i $text-muted]{escape(item)}[/]" if kind == "said" else effect_markup(session.state, item,
                                                                                            titles(session.world))
            line = self._marked[key] = content(mark + body)
            if len(self._marked) > 4 * KEEP:  # the board shows the last few; forget the rest
                for old in list(self._marked)[: 2 * KEEP]:
                    del self._marked[old]
        return key, line

    def show(self, session: Session, keep: int = KEEP) -> None:
        """The newest `keep` entries, the last of them in sight."""
        entries = session.recent_entries(keep)
        last_step = session.state.steps if session.last or session.said() else -1
        key = (tuple(entries), last_step)
        if key == self._shown:
            return  # nothing new: leave the widget (and its layout) alone
        self._shown = key
        book = self.app.journal_book
        lines: list[tuple[Hashable, Content]] = []
        week = None
        for step, item_week, kind, item in entries:
            if item_week != week:
                week = item_week
                lines.append(book.heading(week))
            lines.append(self._line(session, kind, item, step == last_step))
        self.set_lines(lines)
        self.call_after_refresh(self.scroll_end, animate=False)
