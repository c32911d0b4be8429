"""The line that is always visible on the board: week, runway, hours left."""

from __future__ import annotations

from textual.widgets import Static

from game.ui.markup import content
from game.ui.session import Session


class StatusBar(Static):
    """Week, runway and hours left this week, plus any question waiting for an answer."""

    def show(self, session: Session) -> None:
        s = session.state
        camp = s.world.campaigns[s.campaign]
        hours = f"{s.hours_left}h of {camp.hours_per_week}h left"
        parts = [
            f"[b]Week {s.week}[/b]",
            f"Runway [b]{s.runway}[/b] week{'s' if s.runway != 1 else ''}",
            f"[b]{hours}[/b]",
            f"Clarity {s.clarity}",
            f"Reputation {s.reputation}",
        ]
        line = "  │  ".join(parts)
        if s.prompt is not None:
            who = s.world.people[s.prompt.contact].first_name
            line += f"  │  [reverse]{who} is waiting for your answer[/]"
        self.update(content(line))
