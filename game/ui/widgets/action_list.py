"""What can be done now for the selected person, with the reason when something can't."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.engine import Action
from game.engine.rules import is_pressing
from game.ui.session import Session
from game.ui.words import action_label

RELATIONSHIP = "relationship-before-leverage"


def actions_for(session: Session, cid: str) -> list[Action]:
    """The actions a player may try for one person (or for themselves), legal or not."""
    s = session.state
    if cid == "you":
        out = [Action("research", field=f) for f in s.knowledge]  # the fields this campaign touches
        out.append(Action("reflect"))
        for oid, o in s.opportunities.items():
            if o.stage == "known":
                out.append(Action("apply", opportunity=oid))
            elif o.stage in ("applied", "interviewing"):
                out.append(Action("withdraw", opportunity=oid))
            elif o.stage == "offer":
                out += [Action("accept_job", opportunity=oid), Action("withdraw", opportunity=oid)]
        return out
    c = s.contacts[cid]
    if c.stage != "connected":
        return [Action("reach_out", contact=cid)]
    out = [Action("meet", contact=cid), Action("check_in", contact=cid), Action("thank", contact=cid)]
    if s.outstanding_commitments(cid):
        out += [Action("follow_up", contact=cid), Action("release", contact=cid)]
    for tid, _ in session.known_ties(cid):
        if s.contacts[tid].stage != "connected":
            out.append(Action("ask_intro", contact=cid, target=tid))
    for oid, o in s.opportunities.items():
        if o.stage in ("known", "applied", "interviewing") and s.world.opportunities[oid].hiring_contact != cid:
            out.append(Action("ask_referral", contact=cid, opportunity=oid))
    return out


def reason(session: Session, action: Action) -> str | None:
    if action.name == "meet" and action.choice is None:
        # the approach is chosen in the conversation; any approach is equally legal
        return session.check(Action("meet", contact=action.contact, choice="advice"))
    return session.check(action)


def hint(session: Session, action: Action, hints: bool) -> str | None:
    """Once the player has learned a lesson, say when an action would go against it."""
    s = session.state
    if not hints or action.name not in ("ask_intro", "ask_referral"):
        return None
    if RELATIONSHIP in s.lessons and is_pressing(s, action.contact):
        return "you don't know each other well enough yet: this would be pressing"
    return None


class ActionList(OptionList):
    """Each option's id is its index in `self.actions`."""

    actions: list[Action]

    def show(self, session: Session, cid: str, hints: bool = True) -> None:
        self.actions = actions_for(session, cid)
        options = []
        for i, action in enumerate(self.actions):
            label = escape(action_label(session.state, action))
            hours = session.cost(action if action.choice or action.name != "meet"
                                 else Action("meet", contact=action.contact, choice="advice"))
            why = reason(session, action)
            if why:
                text = f"[dim]✗ {label} · {hours}h\n    {escape(why)}[/]"
            else:
                warn = hint(session, action, hints)
                text = f"▸ {label} · {hours}h"
                if warn:
                    text += f"\n    [$warning]⚠ {escape(warn)}[/]"
            options.append(Option(text, id=str(i)))
        same = (cid == getattr(self, "_cid", None)
                and [o.id for o in self.options] == [o.id for o in options])
        self._cid = cid
        if same:
            # the same person: keep the cursor where it was, redraw only what changed
            for index, option in enumerate(options):
                if self.options[index].prompt != option.prompt:
                    self.replace_option_prompt_at_index(index, option.prompt)
            return
        self.set_options(options)
        if options:
            self.highlighted = 0

    def chosen(self, option_id: str | None) -> Action | None:
        if option_id is None:
            return None
        return self.actions[int(option_id)]
