"""The people on stage: each known contact's door and meters, as bars with numbers."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from game.engine.state import State
from game.ui.words import door_badge, meter_line


def people_markup(state: State, people: list[str], before: State | None = None,
                  touched: set[str] | None = None) -> str:
    """Name and door on one line, then trust and embarrassment with their change this beat."""
    if not people:
        return "[dim]Nobody yet.[/]"
    lines: list[str] = []
    for cid in people:
        c = state.contacts[cid]
        name = escape(state.world.people[cid].name)
        mark = "▶ " if touched and cid in touched else "  "
        if c.stage != "connected":  # a name the player has heard, with no meters yet
            lines.append(f"{mark}[b]{name}[/b]  [dim]heard of, not met[/]")
            continue
        lines.append(f"{mark}[b]{name}[/b]  {door_badge(c.door)}")
        for meter in ("trust", "embarrassment"):
            value = getattr(c, meter)
            delta = value - getattr(before.contacts[cid], meter) if before is not None else 0
            style = "$warning" if meter == "embarrassment" else "$success"
            lines.append("  " + meter_line(meter, value, delta, width=10, style=style))
    return "\n".join(lines)


class PresenterPeople(VerticalScroll, can_focus=False):
    """A scrolling list of the people the player knows (never anyone still unknown).

    Not focusable, so the arrow keys stay with the presenter for stepping.
    """

    DEFAULT_CSS = """
    PresenterPeople { height: 1fr; }
    """

    def compose(self):
        yield Static(id="pr-people-text")

    def show(self, markup: str) -> None:
        self.query_one("#pr-people-text", Static).update(markup)
