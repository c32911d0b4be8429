"""The intent line under the action list: for the highlighted action, what it costs, why it
can't be taken, or what it is likely to do, in the rule's own words (`preview`).

It sits outside the scrolling list, so a warning is always on screen before Enter.
"""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from game.engine import Action
from game.engine.rules import preview
from game.engine.state import State
from game.ui.markup import content
from game.ui.words import action_label


def intent_markup(state: State, action: Action | None, warnings: bool = True) -> str:
    """One to three lines: the action and its cost, then the reason it can't be taken or its risk."""
    if action is None:
        return "[dim]Pick something to do: its cost and risks show here.[/]"
    seen = preview(state, action)
    head = f"[b]{escape(action_label(state, action))}[/b] · {seen.hours}h"
    if seen.reason:
        return f"{head}\n[dim]✗ {escape(seen.reason)}[/]"
    if warnings and seen.warning:
        return f"{head}\n[$warning]⚠ {escape(seen.warning)}[/]"
    return f"{head}  [dim]nothing here goes against a lesson[/]"


class IntentLine(Static):
    def show(self, state: State, action: Action | None, warnings: bool = True) -> None:
        self.update(content(intent_markup(state, action, warnings)))
