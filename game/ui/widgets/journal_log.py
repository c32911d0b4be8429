"""The journal: every visible effect, the moment it happens, with its cause."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from game.engine import Effect
from game.ui.codex import titles
from game.ui.session import Session
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


class JournalLog(VerticalScroll):
    """Newest at the bottom; the effects of the last action are marked with a dot."""

    can_focus = True

    def compose(self):
        yield Static(id="journal-text")

    def on_mount(self) -> None:
        self._shown: tuple | None = None
        self._lines: dict[tuple, Content] = {}  # one parsed line per (effect, marked), reused

    def _line(self, session: Session, kind: str, item, marked: bool, names: dict) -> Content:
        key = (kind, item, marked)
        line = self._lines.get(key)
        if line is None:
            mark = "[b $accent]●[/] " if marked else "  "
            body = f"[i $text-muted]{escape(item)}[/]" if kind == "said" else effect_markup(session.state, item, names)
            line = self._lines[key] = Content.from_markup(mark + body)
            if len(self._lines) > 4 * KEEP:  # the board shows the last few; forget the rest
                for old in list(self._lines)[: 2 * KEEP]:
                    del self._lines[old]
        return line

    def show(self, session: Session, keep: int = KEEP) -> None:
        """The newest `keep` entries, the last of them in sight."""
        entries = session.recent_entries(keep)
        last_step = session.state.steps if session.last or session.said() else -1
        key = (tuple(entries), last_step)
        if key == self._shown:
            return  # nothing new: leave the widget (and its layout) alone
        self._shown = key
        text = self.query_one("#journal-text", Static)
        if not entries:
            text.update("[dim]Nothing has happened yet. Pick someone and act.[/]")
            return
        names = titles(session.world)
        parts: list[Content] = []
        week = None
        for step, item_week, kind, item in entries:
            if item_week != week:
                week = item_week
                parts.append(Content.from_markup(f"[b $text-muted]── week {week} ──[/]"))
            parts.append(self._line(session, kind, item, step == last_step, names))
        text.update(Content("\n").join(parts))
        self.call_after_refresh(self.scroll_end, animate=False)
