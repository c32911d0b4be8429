"""The journal: every visible effect, the moment it happens, with its cause."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from game.engine import Effect
from game.ui.codex import titles
from game.ui.session import Session
from game.ui.words import effect_markup

KEEP = 40  # effects kept on the board; the full journal has its own screen


def journal_lines(session: Session, effects: list[Effect], new_from: int | None = None) -> list[str]:
    names = titles()
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

    def show(self, session: Session) -> None:
        journal = session.journal()
        shown = journal[-KEEP:]
        new_from = len(shown) - len(session.last)
        lines = journal_lines(session, shown, new_from)
        text = "\n".join(lines) if lines else "[dim]Nothing has happened yet. Pick someone and act.[/]"
        self.query_one("#journal-text", Static).update(text)
        self.call_after_refresh(self.scroll_end, animate=False)
