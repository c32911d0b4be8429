"""Who knows whom, the door of each, and who became unreachable when a door shut."""

from __future__ import annotations

from textual.binding import Binding
from textual.markup import escape

from game.ui.screens.page import PageScreen
from game.ui.words import DOOR_BADGES, door_badge

ORDER = {door: i for i, door in enumerate(DOOR_BADGES)}


def network_text(session) -> str:
    s = session.state
    people = session.people()
    connected = [c for c in people if s.contacts[c].stage == "connected"]
    heard = [c for c in people if s.contacts[c].stage != "connected"]
    out: list[str] = []
    counts: dict[str, int] = {}
    for cid in connected:
        counts[s.contacts[cid].door] = counts.get(s.contacts[cid].door, 0) + 1
    out.append("  ".join(f"{door_badge(d)} {counts[d]}" for d in DOOR_BADGES if d in counts) or "Nobody yet.")
    out.append("")
    for cid in sorted(connected, key=lambda c: (ORDER.get(s.contacts[c].door, 9), s.world.people[c].name)):
        c = s.contacts[cid]
        p = s.world.people[cid]
        line = f"{door_badge(c.door)}  [b]{escape(p.name)}[/b] [dim]{escape(p.title)}[/]"
        if c.introduced_by:
            line += f"  [dim]via {escape(s.world.people[c.introduced_by].first_name)}[/]"
        out.append(line)
        ties = session.known_ties(cid)
        if ties:
            links = []
            for tid, strength in ties:
                tc = s.contacts[tid]
                mark = door_badge(tc.door, markup=False).split()[0] if tc.stage == "connected" else "?"
                closeness = "close" if strength >= 0.6 else "knows"
                links.append(f"{mark} {s.world.people[tid].first_name} ({closeness})")
            out.append("    └ " + escape(", ".join(links)))
    shut = [cid for cid in connected if s.contacts[cid].door in ("avoiding", "closed")]
    if shut:
        out += ["", "[b $error]Lost with the doors that shut[/]"]
        for cid in shut:
            c = s.contacts[cid]
            first = s.world.people[cid].first_name
            through = [t for t, _ in session.known_ties(cid) if s.contacts[t].stage != "connected"]
            unknown = session.unknown_ties(cid)
            how = "for good" if c.door == "closed" else "for now"
            names = ", ".join(s.world.people[t].name for t in through)
            parts = []
            if names:
                parts.append(f"you can no longer reach {escape(names)} through {escape(first)}")
            if unknown:
                parts.append(f"{unknown} {'person' if unknown == 1 else 'people'} {escape(first)} knows "
                             f"you never got to hear of")
            what = "; ".join(parts) if parts else f"{escape(first)} themselves"
            out.append(f"  {door_badge(c.door)} {escape(first)} ({how}): {what}.")
    if heard:
        out += ["", "[b]Heard of, not met[/b]"]
        for cid in heard:
            by = s.tokens.get(cid)
            note = f" · you may mention {escape(s.world.people[by].first_name)}" if by else ""
            out.append(f"  ? {escape(s.world.people[cid].name)} [dim]{escape(s.world.people[cid].title)}{note}[/]")
    return "\n".join(out)


class NetworkScreen(PageScreen):
    PAGE_ID = "network"
    PAGE_TITLE = "Your network"

    BINDINGS = [
        Binding("escape", "back", "Back to board", id="network.back"),
        Binding("w", "back", "Board", id="network.board", show=False),
    ]

    def body(self) -> str:
        return network_text(self.app.session)
