"""What can be done now for the selected person, with the reason when something can't."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import OptionList

from game.engine import Action
from game.engine.rules import menu, preview
from game.ui.session import Session
from game.ui.widgets.options import show_options
from game.ui.words import action_label


def actions_for(session: Session, cid: str) -> list[Action]:
    """The actions a player may try for one person (or for themselves), possible or not."""
    return menu(session.state, None if cid == "you" else cid)


class ActionList(OptionList):
    """Each option's id is its index in `self.actions`."""

    actions: list[Action]
    _shown: list[tuple[str, str]] = []  # (id, markup) of each option shown

    def show(self, session: Session, cid: str, hints: bool = True) -> None:
        self.actions = actions_for(session, cid)
        options = []  # (id, markup): the id is the action's index
        state = session.state
        for i, action in enumerate(self.actions):
            label = escape(action_label(state, action))
            seen = preview(state, action)
            # one line each: the reason or the risk is spelled out in the intent line below
            if seen.reason:
                text = f"[dim]✗ {label} · {seen.hours}h[/]"
            elif hints and seen.warning:
                text = f"[$warning]⚠[/] {label} · {seen.hours}h"
            else:
                text = f"▸ {label} · {seen.hours}h"
            options.append((str(i), text))
        # the same person: the cursor stays where it was and only what changed is redrawn
        same_person = cid == getattr(self, "_cid", None)
        self._cid, shown, self._shown = cid, self._shown, options
        if not show_options(self, shown, options, rebuild=not same_person) and options:
            self.highlighted = 0

    @property
    def current(self) -> Action | None:
        """The highlighted action, if any."""
        if self.highlighted is None or not getattr(self, "actions", None):
            return None
        return self.actions[self.highlighted]

    def chosen(self, option_id: str | None) -> Action | None:
        if option_id is None:
            return None
        return self.actions[int(option_id)]
