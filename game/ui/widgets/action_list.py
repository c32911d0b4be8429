"""What can be done now for the selected person, with the reason when something can't."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.engine import Action
from game.engine.rules import menu, preview
from game.ui.markup import content
from game.ui.session import Session
from game.ui.words import action_label


def actions_for(session: Session, cid: str) -> list[Action]:
    """The actions a player may try for one person (or for themselves), possible or not."""
    return menu(session.state, None if cid == "you" else cid)


class ActionList(OptionList):
    """Each option's id is its index in `self.actions`."""

    actions: list[Action]
    _texts: list[str] = []  # the markup of each option shown

    def show(self, session: Session, cid: str, hints: bool = True) -> None:
        self.actions = actions_for(session, cid)
        texts = []
        state = session.state
        for action in self.actions:
            label = escape(action_label(state, action))
            seen = preview(state, action)
            # one line each: the reason or the risk is spelled out in the intent line below
            if seen.reason:
                text = f"[dim]✗ {label} · {seen.hours}h[/]"
            elif hints and seen.warning:
                text = f"[$warning]⚠[/] {label} · {seen.hours}h"
            else:
                text = f"▸ {label} · {seen.hours}h"
            texts.append(text)
        # (compared as markup: Textual's content compares equal whenever its words do)
        same = cid == getattr(self, "_cid", None) and len(texts) == len(self._texts)
        self._cid, shown, self._texts = cid, self._texts, texts
        if same:
            # the same person: keep the cursor where it was, redraw only what changed
            for index, (old, new) in enumerate(zip(shown, texts, strict=True)):
                if old != new:
                    self.replace_option_prompt_at_index(index, content(new))
            return
        self.set_options([Option(content(text), id=str(i)) for i, text in enumerate(texts)])
        if texts:
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
