"""A contact's detail: who they are, their door, and the itemised ledger behind each meter."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from game.engine import estimated_fit
from game.engine.kinds import OppStage, Stage
from game.engine.rules import insight, offer_deadline, promise_words, reads_as, slipping
from game.ui.markup import content
from game.ui.session import Session
from game.ui.words import DOOR_MEANINGS, door_badge, field_name, meter_line, role

STAGE_WORDS = {
    OppStage.KNOWN: "you know of this role",
    OppStage.APPLIED: "you applied",
    OppStage.INTERVIEWING: "interviewing",
    OppStage.OFFER: "OFFER - waiting for your answer",
    OppStage.REJECTED: "they went with someone else",
    OppStage.WITHDRAWN: "you withdrew",
    OppStage.ACCEPTED: "you accepted",
    OppStage.EXPIRED: "closed",
}


class ContactDetail(VerticalScroll):
    """Scrolls when the ledger is long."""

    can_focus = True

    def compose(self):
        yield Static(id="detail-text")

    def show(self, session: Session, cid: str) -> None:
        text = player_detail(session) if cid == "you" else contact_detail(session, cid)
        self.query_one("#detail-text", Static).update(content(text))


def contact_detail(session: Session, cid: str) -> str:
    s = session.state
    p = s.world.people[cid]
    c = s.contacts[cid]
    company = s.world.companies.get(p.company) if p.company else None
    where = f"{p.title}" + (f", {company.name}" if company else "")
    out = [f"[b]{escape(p.name)}[/b] · {escape(where)}"]
    if c.stage != Stage.CONNECTED:
        out += [f"[dim]{escape(p.bio)}[/]", "", "You have heard of them but never spoken. Write to them to connect."]
        if s.tokens.get(cid):
            out.append(f"[b]You may mention {s.world.people[s.tokens[cid]].first_name}'s name.[/b]")
        return "\n".join(out)
    # what a player must see before choosing comes first: the door, the meters, the top
    # reasons, anything slipping; the rest (who they know, the bio, every line) below
    out[0] = f"[b]{escape(p.name)}[/b]  {door_badge(c.door)}"
    out.append(meter_line("trust", c.trust, style="$success"))
    out.append(meter_line("embarrassment", c.embarrassment, style="$error"))
    out.append(meter_line("familiarity", c.familiarity, style="$accent"))
    worry = slipping(s, cid)
    if worry:
        out.append(f"[$warning]↘ {escape(worry)}[/]")
    top = top_reasons(session, cid)
    if top:
        out.append(f"[dim]Why trust is {c.trust}:[/] {escape(top)}")
    out.append(f"[dim]{escape(DOOR_MEANINGS.get(c.door, ''))}[/]")
    out.append(f"[dim]{escape(where)}[/]")
    seems = reads_as(s, cid)
    if seems:
        out.append(f"Seems: {escape(' · '.join(seems))}")
    if c.introduced_by:
        out.append(f"Introduced by {s.world.people[c.introduced_by].first_name}.")
    for m in s.outstanding_commitments(cid):
        what = promise_words(s.world, m)
        weeks = s.week - m.week
        out.append(f"[b]Promised you {escape(what)}[/b] in week {m.week} ({weeks} week{'s' if weeks != 1 else ''} ago). No word yet.")
    ties = session.known_ties(cid)
    if ties:
        names = ", ".join(s.world.people[t].first_name for t, _ in ties)
        out.append(f"Knows: {escape(names)}")
    out.append(f"[dim]{escape(p.bio)}[/]")
    for meter in ("trust", "embarrassment", "familiarity"):
        entries = session.ledger(cid, meter)
        unseen = session.unseen_total(cid, meter)
        if not entries and not unseen:
            continue
        out.append("")
        out.append(f"[b]Why {meter} is {getattr(c, meter)}[/b]")
        if unseen:
            out.append(f"  {unseen:+4d}  before you knew them")
        for e in reversed(entries[-12:]):
            out.append(f"  {e.delta:+4d}  week {e.week:<2} {escape(e.cause)}")
        if len(entries) > 12:
            older = sum(e.delta for e in entries[:-12])
            out.append(f"  {older:+4d}  earlier ({len(entries) - 12} older lines)")
    return "\n".join(out)


def top_reasons(session: Session, cid: str, n: int = 2) -> str:
    """The biggest causes of someone's trust in you, in a line: "+30 first impression · -12 …"."""
    entries = session.ledger(cid, "trust")
    biggest = sorted(entries, key=lambda e: (-abs(e.delta), -e.week))[:n]
    return " · ".join(f"{e.delta:+d} {e.cause}" for e in biggest)


def player_detail(session: Session) -> str:
    s = session.state
    camp = s.world.campaigns[s.campaign]
    out = [f"[b]You[/b] · {escape(camp.title)}", f"[dim]{escape(camp.goal)}[/]", ""]
    names = {fid: field_name(s, fid)[:22] for fid in s.knowledge}  # the fields this campaign touches
    width = max([13, *map(len, names.values())])
    out.append(meter_line("clarity", s.clarity, style="$accent", label_width=width))
    out.append(meter_line("reputation", s.reputation, style="$accent", label_width=width))
    for fid, name in names.items():
        out.append(meter_line(name, s.knowledge.get(fid, 0), style="$primary", label_width=width))
    out.append("")
    roles = [(oid, o) for oid, o in s.opportunities.items() if o.stage != OppStage.HIDDEN]
    out.append("[b]Roles you know of[/b]" if roles else "[dim]No roles yet: research a field, or ask people.[/]")
    for oid, o in roles:
        guess = estimated_fit(s, oid)
        referred = " · someone vouched for you" if o.referred else ""
        hunch = " (a guess: you know little of this field yet)" if insight(s, s.world.opportunities[oid].field) < 0.5 else ""
        out.append(f"  {escape(role(s, oid))}")
        last = offer_deadline(s, oid)
        deadline = f" · answer by the end of week {last}" if last is not None else ""
        out.append(f"    {STAGE_WORDS.get(o.stage, o.stage)}{deadline} · looks like a {round(guess * 100)}% fit to you"
                   f"{hunch}{referred}")
    if s.tokens:
        out.append("")
        for tid, by in sorted(s.tokens.items()):
            out.append(f"You may mention {s.world.people[by].first_name}'s name to {s.world.people[tid].name}.")
    waiting = session.waiting_on()
    if waiting:
        out.append("")
        out.append("[b]Waiting on[/b]")
        out += [f"  {escape(w)}" for w in waiting]
    return "\n".join(out)
