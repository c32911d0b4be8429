"""A campaign's network as an author needs to see it: ties, who reaches whom, who hires.

`warm-intro pack graph` draws, for each campaign, who the player knows at the start (and
has heard of, through postings and events), everyone they can reach from there along ties
and how, who each person can introduce (and who could volunteer it), the roles each hiring
contact holds, and what is out of reach. The same reasoning as the P404/P405/P408
warnings, written out whole. Text at 80 columns, or an SVG drawn by hand (no dependency).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from html import escape
from typing import Any

from game.engine.world import CampaignDef, World

WIDTH = 80


@dataclass(slots=True)
class Node:
    id: str
    name: str
    archetype: str
    company: str | None
    field: str
    how: str  # how the player reaches them: "start", "known", "posting", "event", "through ID", or ""
    depth: int  # steps from someone the player knows or has heard of (0), -1 if unreachable
    ties: list[tuple[str, float]]  # to people in the campaign, strongest first
    may_offer: list[str]  # ties they could volunteer to introduce after a prepared meeting
    volunteers: str | None  # volunteers_intro_to, if in the campaign
    roles: list[str]  # the campaign's roles they hire for

    @property
    def reachable(self) -> bool:
        return self.depth >= 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "archetype": self.archetype, "company": self.company,
                "reachable": self.reachable, "how": self.how, "depth": self.depth,
                "ties": {t: s for t, s in self.ties}, "may_offer": self.may_offer, "volunteers": self.volunteers,
                "roles": self.roles}


@dataclass(slots=True)
class Role:
    id: str
    hiring_contact: str
    posted: bool
    opens_week: int
    closes_week: int | None
    why_not: str | None  # why the player can never get it, or None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "hiring_contact": self.hiring_contact, "posted": self.posted,
                "opens_week": self.opens_week, "closes_week": self.closes_week, "reachable": self.why_not is None,
                "why_not": self.why_not}


@dataclass(slots=True)
class CampaignGraph:
    campaign: CampaignDef
    nodes: dict[str, Node] = field(default_factory=dict)  # in the order they are reached, then the rest by id
    roles: list[Role] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        c = self.campaign
        return {"campaign": c.id, "title": c.title, "runway_weeks": c.runway_weeks,
                "start": [{"id": s.id, "familiarity": s.familiarity, "trust": s.trust} for s in c.contacts],
                "people": [n.to_dict() for n in self.nodes.values()], "roles": [r.to_dict() for r in self.roles],
                "unreachable": [n.id for n in self.nodes.values() if not n.reachable]}


def campaign_graph(world: World, cid: str) -> CampaignGraph:
    """Who is reachable in a campaign, and how: breadth first from those the player knows of."""
    camp = world.campaigns[cid]
    t = world.tuning
    roster = sorted(camp.people or world.people)
    in_roster = set(roster)
    opps = [o for o in (camp.opportunities or tuple(world.opportunities)) if o in world.opportunities]
    events = [ev for ev in world.events if not ev.campaigns or cid in ev.campaigns]
    # the first people the player can act on, and how they come to know of them
    seeds: list[tuple[str, str]] = [(s.id, "start") for s in camp.contacts]
    seeds += [(p, "known") for p in camp.known]
    seeds += [(world.opportunities[o].hiring_contact, f"posting {o}") for o in opps if world.opportunities[o].posted]
    seeds += [(fx.target, f"event {ev.id}") for ev in events for fx in ev.effects if fx.kind in ("hear_of", "introduce")]
    how: dict[str, tuple[str, int]] = {}
    frontier: list[str] = []
    for pid, why in seeds:
        if pid in in_roster and pid not in how:
            how[pid] = (why, 0)
            frontier.append(pid)
    depth = 0
    while frontier:
        depth += 1
        nxt = []
        for pid in frontier:
            for other, _ in sorted(world.people[pid].ties, key=lambda ts: (-ts[1], ts[0])):
                if other in in_roster and other not in how:
                    how[other] = (f"through {pid}", depth)
                    nxt.append(other)
        frontier = nxt
    graph = CampaignGraph(camp)
    hires: dict[str, list[str]] = {}
    for oid in opps:
        hires.setdefault(world.opportunities[oid].hiring_contact, []).append(oid)
    for pid in [*how, *(p for p in roster if p not in how)]:
        p = world.people[pid]
        ties = sorted(((o, s) for o, s in p.ties if o in in_roster), key=lambda ts: (-ts[1], ts[0]))
        generous = p.traits.generosity >= t.offer_generosity
        why, d = how.get(pid, ("", -1))
        graph.nodes[pid] = Node(pid, p.name, p.archetype, p.company, p.field, why, d, ties,
                                [o for o, s in ties if generous and s >= t.offer_tie],
                                p.volunteers_intro_to if p.volunteers_intro_to in in_roster else None,
                                sorted(hires.get(pid, [])))
    reached = [graph.nodes[p] for p in how]
    fields = {n.field for n in reached}
    companies = {n.company for n in reached}
    known_by = {o for n in reached for o, _ in n.ties}
    revealed = {fx.target for ev in events for fx in ev.effects if fx.kind == "reveal"}
    for oid in opps:
        o = world.opportunities[oid]
        why_not = None
        if o.hiring_contact not in how:
            why_not = f"its hiring contact {o.hiring_contact} is out of reach"
        elif not (o.posted or oid in revealed or o.field in fields or o.company in companies
                  or o.hiring_contact in known_by):
            why_not = "hidden, and nobody reachable can point to it"
        elif o.opens_week > camp.runway_weeks:
            why_not = f"opens in week {o.opens_week}, after the {camp.runway_weeks}-week runway"
        graph.roles.append(Role(oid, o.hiring_contact, o.posted, o.opens_week, o.closes_week, why_not))
    return graph


# --------------------------------------------------------------------------------------
# text


def _wrap(text: str, indent: int, hang: int = 4) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent, subsequent_indent=" " * (indent + hang),
                         break_on_hyphens=False) or [" " * indent]


def graph_lines(g: CampaignGraph) -> list[str]:
    """The graph in words, at 80 columns."""
    c = g.campaign
    roles = f"{len(g.roles)} role{'s' * (len(g.roles) != 1)}"
    out = _wrap(f"{c.id}: {c.title} ({len(g.nodes)} people, {roles}, {c.runway_weeks} weeks)", 0)
    out += _wrap("the player knows at the start: " + ", ".join(
        f"{s.id} (familiarity {s.familiarity}, trust {s.trust})" for s in c.contacts), 2)
    heard = [n for n in g.nodes.values() if n.depth == 0 and n.how != "start"]
    if heard:
        out += _wrap("and has heard of: " + ", ".join(f"{n.id} ({n.how})" for n in heard), 2)
    out += ["", "  people, as the player can reach them. Anyone can be asked to introduce their",
            "  ties (strengths shown); * they may also volunteer it after a prepared meeting;",
            "  ! it is their volunteers_intro_to (any meeting, if they are very busy)"]
    for n in g.nodes.values():
        where = f", {n.company}" if n.company else ""
        reach = n.how if n.reachable else "OUT OF REACH"
        out += _wrap(f"{n.id} ({n.archetype}{where}) - {reach}", 4)
        if n.ties:
            marks = {o: ("!" if o == n.volunteers else "*" if o in n.may_offer else "") for o, _ in n.ties}
            out += _wrap("can introduce: " + ", ".join(f"{o} {s:.2f}{marks[o]}" for o, s in n.ties), 8)
        if n.roles:
            out += _wrap("hires for: " + ", ".join(n.roles), 8)
    out += ["", "  roles"]
    for r in g.roles:
        when = f"opens week {r.opens_week}" + (f", closes week {r.closes_week}" if r.closes_week else "")
        state = "reachable" if r.why_not is None else f"OUT OF REACH: {r.why_not}"
        out += _wrap(f"{r.id} - {r.hiring_contact}, {'posted' if r.posted else 'hidden'}, {when}; {state}", 4)
    lost = [n.id for n in g.nodes.values() if not n.reachable]
    out += [""] + _wrap("unreachable from the start: " + (", ".join(lost) if lost else "nobody"), 2)
    return out


# --------------------------------------------------------------------------------------
# SVG, by hand

BOX_W, BOX_H, PAD, TOP = 230, 54, 30, 96
CHARS = 34  # what fits on a line of a box at this size


def _fit(text: str) -> str:
    """Text cut to a box's width (the whole of it is in the box's tooltip and the text view)."""
    return escape(text if len(text) <= CHARS else text[:CHARS - 1] + "…")


def _layout(g: CampaignGraph) -> tuple[dict[str, tuple[float, float]], float, int, int]:
    """Each person's centre, the y of the out-of-reach row, and the picture's size."""
    import math

    reach = [n for n in g.nodes.values() if n.reachable]
    lost = [n for n in g.nodes.values() if not n.reachable]
    # an ellipse wide enough that neighbours' boxes clear each other
    rx = max(260.0, len(reach) * (BOX_W + 40) / (2 * math.pi))
    ry = max(200.0, len(reach) * (BOX_H + 60) / (2 * math.pi), rx * 0.6)
    width = int(max(2 * rx + BOX_W + 2 * PAD, len(lost) * (BOX_W + 20) + 2 * PAD, 900))
    cx, cy = width / 2, TOP + ry + BOX_H / 2
    centre: dict[str, tuple[float, float]] = {}
    for i, n in enumerate(reach):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(reach))
        centre[n.id] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle))
    row_y = cy + ry + BOX_H + 50
    for i, n in enumerate(lost):
        centre[n.id] = (PAD + BOX_W / 2 + i * (BOX_W + 20), row_y + 24 + BOX_H / 2)
    height = int(row_y + (BOX_H + 40 if lost else 0) + 30 + 18 * len(g.roles))
    return centre, row_y, width, height


def _edges(g: CampaignGraph, centre: dict[str, tuple[float, float]]) -> tuple[list[str], list[str]]:
    """A line per tie (drawn under the boxes) and its strength label (drawn over them)."""
    parts: list[str] = []
    drawn: set[tuple[str, str]] = set()
    labels = []
    for n in g.nodes.values():
        for other, strength in n.ties:
            edge = (min(n.id, other), max(n.id, other))
            if edge in drawn or other not in centre:
                continue
            drawn.add(edge)
            (x1, y1), (x2, y2) = centre[n.id], centre[other]
            back = g.nodes.get(other)
            mark = "!" if other == n.volunteers or (back is not None and back.volunteers == n.id) else \
                "*" if other in n.may_offer or (back is not None and n.id in back.may_offer) else ""
            dash = "" if n.reachable and back is not None and back.reachable else ' stroke-dasharray="4,4"'
            parts.append(f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#7a869a" '
                         f'stroke-width="{0.5 + 4 * strength:.1f}"{dash}><title>{escape(n.id)} - {escape(other)}: '
                         f"{strength:.2f}</title></line>")
            mx, my = x1 + (x2 - x1) * 0.5, y1 + (y2 - y1) * 0.5
            labels.append(f'<text x="{mx:.0f}" y="{my:.0f}" text-anchor="middle" font-size="11" fill="#222" '
                          f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{strength:.2f}{mark}</text>')
    return parts, labels


def _node(n: Node, at: tuple[float, float], start: bool) -> list[str]:
    """One person's box: name, kind and how they are reached, the roles they hire for."""
    x, y = at[0] - BOX_W / 2, at[1] - BOX_H / 2
    parts: list[str] = []
    dash = "" if n.reachable else ' stroke-dasharray="5,4"'
    fill = "#eef4ff" if n.reachable else "#f3f3f3"
    parts.append(f'<g><title>{escape(n.name)} ({escape(n.archetype)}): {escape(n.how or "out of reach")}</title>')
    parts.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="{fill}" '
                 f'stroke="#34495e" stroke-width="1.5"{dash}/>')
    if start:
        parts.append(f'<rect x="{x + 3:.0f}" y="{y + 3:.0f}" width="{BOX_W - 6}" height="{BOX_H - 6}" rx="6" '
                     'fill="none" stroke="#34495e" stroke-width="1"/>')
    parts.append(f'<text x="{x + 10:.0f}" y="{y + 19:.0f}" font-weight="bold">{_fit(n.name)}</text>')
    parts.append(f'<text x="{x + 10:.0f}" y="{y + 34:.0f}" fill="#444">'
                 f'{_fit(n.archetype + ", " + (n.how or "out of reach"))}</text>')
    if n.roles:
        parts.append(f'<text x="{x + 10:.0f}" y="{y + 48:.0f}" fill="#7b2d00">'
                     f'{_fit("hires: " + ", ".join(n.roles))}</text>')
    parts.append("</g>")
    return parts


def graph_svg(g: CampaignGraph) -> str:
    """The graph as a standalone SVG: everyone reachable around a circle in the order they are
    reached, anyone out of reach in a row beneath with dashed borders; ties as lines as thick
    as they are strong, each labelled with its strength.

    Meaning is never carried by colour alone: starting contacts have a double border, people
    out of reach a dashed one, and every tie carries its number."""
    centre, row_y, width, height = _layout(g)
    c = g.campaign
    lost = any(not n.reachable for n in g.nodes.values())
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f"<title>{escape(c.title)}: who the player can reach</title>",
             '<rect width="100%" height="100%" fill="#ffffff"/>',
             f'<text x="{PAD}" y="28" font-size="16" font-weight="bold">{escape(c.title)} ({escape(c.id)}), '
             f'{c.runway_weeks} weeks</text>',
             f'<text x="{PAD}" y="48" fill="#444">Double border: known at the start. Dashed: out of reach. '
             'Lines: ties, as thick as they are strong.</text>',
             f'<text x="{PAD}" y="64" fill="#444">After a number, *: one of the two may volunteer to introduce '
             'the other after a prepared meeting; !: one names the other in volunteers_intro_to.</text>']
    lines, labels = _edges(g, centre)
    parts += lines
    starts = {s.id for s in c.contacts}
    if lost:
        parts.append(f'<text x="{PAD}" y="{row_y + 12:.0f}" font-weight="bold">out of reach from the start</text>')
    for n in g.nodes.values():
        parts += _node(n, centre[n.id], n.id in starts)
    parts += labels
    y = row_y + (BOX_H + 40 if lost else 0) + 10
    parts.append(f'<text x="{PAD}" y="{y:.0f}" font-weight="bold">roles</text>')
    for r in g.roles:
        y += 18
        state = "reachable" if r.why_not is None else f"out of reach: {r.why_not}"
        parts.append(f'<text x="{PAD}" y="{y:.0f}">{escape(r.id)} ({escape(r.hiring_contact)}, '
                     f'{"posted" if r.posted else "hidden"}, opens week {r.opens_week}) - {escape(state)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
