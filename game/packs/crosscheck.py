"""Cross-checks: what a pack's entries say about each other, beyond what each file says alone.

A campaign's cast must hold everyone it names; an event must be able to fire; every person
and role must be reachable in some campaign.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.engine.world import (
    CampaignDef,
    ContactDef,
    EventDef,
    OpportunityDef,
)
from game.packs.merge import Compiler
from game.packs.problems import KeyPath
from game.packs.read import Src


def check_roster(k: Compiler, c: Any, src: Src, people: dict[str, ContactDef],
                  opportunities: dict[str, OpportunityDef]) -> None:
    """Everyone a campaign names exists and is in its cast; it has someone to start with."""
    roster = set(c.people) or set(people)
    for key, values, section in (
        ("people", c.people, "people"),
        ("known", c.known, "people"),
        ("opportunities", c.opportunities, "opportunities"),
        ("knowledge", list(c.knowledge), "fields"),
        ("preferences", list(c.preferences), "fields"),
    ):
        for n, v in enumerate(values):
            at: KeyPath = (key, n) if key in ("people", "known", "opportunities") else (key, v)
            if k.ref(src, at, v, section) and section == "people" and key != "people" and v not in roster:
                k.error(src, at, f"{v!r} is not in this campaign's people list; add them to people", "P401")
    for n, s in enumerate(c.contacts):
        at = ("contacts", n, "id")
        if k.ref(src, at, s.id, "people") and s.id not in roster:
            k.error(src, at, f"{s.id!r} is not in this campaign's people list; add them to people", "P401")
    for n, oid in enumerate(c.opportunities or list(opportunities)):
        o = opportunities.get(oid)
        if o is not None and o.hiring_contact in people and o.hiring_contact not in roster:
            k.error(src, ("opportunities", n) if c.opportunities else "people",
                    f"{oid!r} is hired for by {o.hiring_contact!r}, who is not in this campaign; add them to "
                    "people", "P402")
    if not c.contacts:
        k.error(src, "contacts", "a campaign needs at least one starting contact; add a [[campaigns.contacts]] "
                "table", "P403")


def can_fire(k: Compiler, e: Any, src: Src, scope: list[CampaignDef], people: Mapping[str, ContactDef]) -> None:
    """An event that can never fire is a mistake: its window, its chance, its conditions."""
    if e.until_week is not None and e.until_week < e.from_week:
        k.error(src, "until_week", f"the window ends in week {e.until_week}, before it starts in week "
                f"{e.from_week}; expected until_week >= from_week", "P601")
    if scope and all(e.from_week > c.runway_weeks for c in scope):
        k.error(src, "from_week", f"starts in week {e.from_week}, after every campaign it belongs to has run out "
                f"(longest: {max(c.runway_weeks for c in scope)} weeks); expected an earlier week", "P601")
    if e.chance == 0:
        k.error(src, "chance", "chance = 0 means it never fires; expected a chance above 0", "P601")
    for n, cond in enumerate(e.when):
        if cond.contact and cond.contact in people and scope:
            outside = [c.id for c in scope if c.people and cond.contact not in c.people]
            if len(outside) == len(scope):
                k.error(src, ("when", n, "contact"), f"{cond.contact!r} is in none of this event's campaigns, so "
                        "the condition can never hold", "P601")
        if cond.week_at_least is not None and e.until_week is not None and cond.week_at_least > e.until_week:
            k.error(src, ("when", n, "week_at_least"), "asks for a week after the event's window closes", "P601")


def reachability(k: Compiler, people: Mapping[str, ContactDef], opportunities: Mapping[str, OpportunityDef],
                  campaigns: Mapping[str, CampaignDef], events: Mapping[str, EventDef]) -> None:
    """Warn about people and roles a player can never reach in a campaign."""
    for c, src in k.items("campaigns"):
        camp = campaigns[c.id]
        roster = set(camp.people) or set(people)
        opps = [o for o in (camp.opportunities or tuple(opportunities)) if o in opportunities]
        if any(s.id not in people for s in camp.contacts):
            continue  # already an error
        heard = [s.id for s in camp.contacts] + [p for p in camp.known if p in people]
        # posted roles name their hiring contact; events can introduce or mention people
        heard += [opportunities[o].hiring_contact for o in opps if opportunities[o].posted]
        for ev in events.values():
            if not ev.campaigns or c.id in ev.campaigns:
                heard += [fx.target for fx in ev.effects if fx.kind in ("hear_of", "introduce")]
        reached: set[str] = set()
        todo = [p for p in heard if p in roster]
        while todo:
            pid = todo.pop()
            if pid in reached or pid not in people:
                continue
            reached.add(pid)
            todo += [t for t, _ in people[pid].ties if t in roster and t not in reached]
        for n, pid in enumerate(sorted(roster)):
            if pid not in reached and pid in people:
                at = ("people", camp.people.index(pid) if pid in camp.people else n) if c.people else "people"
                at = ("people", c.people.index(pid)) if pid in c.people else at
                k.warn(src, at, f"{pid!r} can never be reached in this campaign: nobody the player can meet is tied "
                       "to them; add a tie, a starting contact or a known person", "P404")
        revealed = {fx.target for ev in events.values() if not ev.campaigns or c.id in ev.campaigns
                    for fx in ev.effects if fx.kind == "reveal"}
        # who could point the player to a hidden role: someone reachable in its field, at its
        # company, or who knows its hiring contact (the rules' advocates and guides)
        fields_reached = {people[p].field for p in reached}
        companies_reached = {people[p].company for p in reached}
        known_by_reached = {t for p in reached for t, _ in people[p].ties}
        out_of_reach: dict[str, str] = {}  # role -> why the player can never get it
        for oid in opps:
            o = opportunities[oid]
            if o.posted or oid in revealed:
                continue
            if not (o.field in fields_reached or o.company in companies_reached or o.hiring_contact in known_by_reached):
                at = ("opportunities", c.opportunities.index(oid)) if oid in c.opportunities else "opportunities"
                k.warn(src, at, f"{oid!r} is not posted and nobody reachable in this campaign works in its field, "
                       "at its company or knows its hiring contact, so the player can never learn of it", "P405")
                out_of_reach[oid] = "hidden, and nobody reachable can point to it"
        for oid in opps:
            o = opportunities[oid]
            if o.opens_week > camp.runway_weeks:
                at = ("opportunities", c.opportunities.index(oid)) if oid in c.opportunities else "opportunities"
                k.warn(src, at, f"{oid!r} opens in week {o.opens_week}, after this campaign's {camp.runway_weeks} "
                       "weeks of runway", "P405")
                out_of_reach[oid] = f"opens in week {o.opens_week}, after the runway"
        if not opps or len(out_of_reach) == len(opps):
            why = "; ".join(f"{oid!r} {reason}" for oid, reason in sorted(out_of_reach.items())) or "it has no roles"
            k.warn(src, (), f"campaign {c.id!r} can never be won: {why}; expected at least one role the player can "
                   "learn of within the runway", "P408")
