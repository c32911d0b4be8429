"""The people on the board: one card each, with meters readable without colour."""

from __future__ import annotations

from textual.widgets import OptionList

from game.engine.rules import slipping
from game.ui.session import Session
from game.ui.widgets.options import show_options
from game.ui.words import door_badge, meter_line

YOU = "you"


def card(session: Session, cid: str, width: int = 33) -> str:
    s = session.state
    c = s.contacts[cid]
    name = s.world.people[cid].name
    if c.stage != "connected":
        token = s.tokens.get(cid)
        how = (f"you may mention {s.world.people[token].first_name}'s name" if token
               else "write to them to connect")
        return f"[b]{name}[/b]\n  [dim]heard of · not met yet[/]\n  [dim]{how}[/]"
    badge = door_badge(c.door)
    badge_len = len(badge.split("]", 1)[1].rsplit("[", 1)[0])
    if slipping(s, cid):  # the same judgement the details spell out
        badge = f"[$warning]↘[/]{badge}"
        badge_len += 1
    pad = max(1, width - len(name) - badge_len)
    deltas = session.last_deltas(cid)
    lines = [
        f"[b]{name}[/b]{' ' * pad}{badge}",
        " " + meter_line("trust", c.trust, deltas.get("trust", 0), width=8, style="$success"),
        " " + meter_line("embarrassment", c.embarrassment, deltas.get("embarrassment", 0), width=8, style="$error"),
    ]
    return "\n".join(lines)


def you_card(session: Session) -> str:
    s = session.state
    roles = sum(1 for o in s.opportunities.values() if o.stage not in ("hidden",))
    return (f"[b]You[/b]  [dim]research, reflect, roles[/]\n"
            f"  clarity {s.clarity:>3} · reputation {s.reputation:>3}\n"
            f"  roles you know of: {roles}")


class ContactList(OptionList):
    """Everyone the player knows of. The first entry is the player."""

    _shown: list[tuple[str, str]] = []  # (id, markup) of each card shown

    def show(self, session: Session) -> None:
        prompts = [(YOU, you_card(session))] + [(cid, card(session, cid)) for cid in session.people()]
        keep = self.highlighted_option.id if self.highlighted_option else None
        # the same people: only the cards that changed are redrawn (rebuilding every option
        # costs a full relayout); someone new: the cursor stays on whoever it was on
        shown, self._shown = self._shown, prompts
        if not show_options(self, shown, prompts):
            ids = [oid for oid, _ in prompts]
            self.highlighted = ids.index(keep) if keep in ids else 0

    @property
    def selected_id(self) -> str:
        option = self.highlighted_option
        return option.id if option is not None and option.id else YOU
