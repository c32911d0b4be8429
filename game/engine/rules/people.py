"""What people do for and about you, shared by several actions and the end of the week."""

from __future__ import annotations

from collections.abc import Callable

from game.engine import lessons as L
from game.engine.kinds import (
    APPLIED,
    AVOIDING,
    CLOSED,
    CONNECTED,
    FULFILLED,
    HIDDEN,
    INTERVIEWING,
    OPP_KNOWN,
    TRUST,
    EffectKind,
    Outcome,
    PlayerMeter,
    PromiseKind,
)
from game.engine.rules.derived import (
    estimated_fit,
    fit,
    is_open,
    preparation,
    promised_introduction,
)
from game.engine.rules.turn import Turn
from game.engine.state import Commitment
from game.engine.world import ContactDef, OpportunityDef


def unavailable(turn: Turn, cid: str) -> bool:
    """Someone avoiding you takes a message instead of the call. True if they did."""
    if turn.s.contacts[cid].door != AVOIDING:
        return False
    take_a_message(turn, cid)
    return True


def take_a_message(turn: Turn, cid: str) -> None:
    """Someone avoiding you doesn't take the call; the contact still reminds them of what they owe."""
    turn.touch(cid)
    turn.note(cid, EffectKind.MESSAGE, f"\"Can I take a message?\" {turn.name(cid)} isn't available.",
              L.CAUSED_COMMITMENT)
    turn.outcome = Outcome.MESSAGE_TAKEN


def press(turn: Turn, cid: str, what: str) -> None:
    """An ask before the relationship exists: trust drops and word travels."""
    first = turn.name(cid)
    c = turn.c(cid)
    c.memory = c.memory + ("pressed",)
    c.slighted = True
    turn.meter(cid, TRUST, -turn.t.press_trust_loss,
               f"you asked {first} {what} before there was a relationship", L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.player(PlayerMeter.REPUTATION, -turn.t.press_reputation, f"pressing {first} for a favour", L.REPUTATION_TRAVELS)
    turn.leak(cid, -turn.t.press_trust_loss, f"you pressed {first} for a favour")
    turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)


def generosity(turn: Turn, cid: str) -> float:
    """How willing they are to help, less what being burned by a seeker took from it."""
    return turn.w.people[cid].traits.generosity - turn.s.contacts[cid].generosity_penalty


def promise(turn: Turn, cid: str, kind: PromiseKind, to: str, asked: bool, overstep_p: float) -> Commitment:
    """A new commitment; whether it oversteps is rolled now and kept hidden."""
    s = turn.s
    kid = f"promise-{s.next_commitment}"
    s.next_commitment += 1
    oversteps = turn.chance(overstep_p, "oversteps", kid)
    m = Commitment(kid, cid, kind, to, asked, oversteps, s.week)
    turn.add_promise(m)
    if oversteps:
        what = turn.full(to) if kind == PromiseKind.INTRODUCTION else turn.role(to)
        turn.note(cid, EffectKind.PROMISE_DOUBTED, f"{turn.name(cid)} has doubts: {what} would not welcome this.",
                  L.CAUSED_COMMITMENT, visible=False)
    return m


def intro_trust(turn: Turn, introducer: str, target: str) -> int:
    """The first impression someone introduced to you starts from."""
    s = turn.s
    prep = preparation(s, turn.w.people[target].field)
    trust = turn.t.intro_trust + (s.contacts[introducer].trust - 50) // 3 + (s.reputation - 50) // 5
    if prep < turn.t.homework_threshold:
        trust -= turn.t.intro_trust_unprepared  # they could not say what you are looking for
    return trust


def fulfil(turn: Turn, kid: str) -> None:
    """A promise comes through."""
    m = turn.cm(kid)
    m.status = FULFILLED
    cid = m.by
    first = turn.name(cid)
    if m.kind == PromiseKind.INTRODUCTION:
        trust = intro_trust(turn, cid, m.to)
        cause = f"{first} introduced you to {turn.full(m.to)}, as promised."
        if m.oversteps:
            # the promise committed a busy friend to a meeting they didn't want: they take it as a favour
            trust -= turn.t.overstep_intro_trust
            cause = f"{first} introduced you to {turn.full(m.to)}, as promised; {turn.name(m.to)} takes the call as a favour to {first}."
        # a promise kept is the relationship paying off; only one that oversteps teaches the debt
        lesson = L.CAUSED_COMMITMENT if m.oversteps else L.RELATIONSHIP_BEFORE_LEVERAGE
        turn.connect(m.to, trust, turn.t.promise_intro_familiarity, cause,
                     lesson, introduced_by=cid, kind=EffectKind.PROMISE_INTRODUCED)
    else:
        o = turn.o(m.to)
        if m.oversteps:
            # the hiring team didn't want a word from them: it lands as noise
            turn.note(m.to, EffectKind.PROMISE_REFERRAL,
                      f"{first} passed your name on for {turn.role(m.to)}, but the team wasn't listening.",
                      L.CAUSED_COMMITMENT)
        elif o.stage in (OPP_KNOWN, APPLIED, INTERVIEWING):
            o.referred = True
            if o.introduced_by is None:
                o.introduced_by = cid
            turn.note(m.to, EffectKind.PROMISE_REFERRAL, f"{first} passed your name on for {turn.role(m.to)}, as promised.",
                      L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.helped(cid)
    turn.update_door(cid, L.CAUSED_COMMITMENT)


def _within_reach(person: ContactDef, opp: OpportunityDef) -> bool:
    """Whether someone can speak for you about a role: it is at their company, or they know
    whoever is hiring. Working in the same field is not enough to put anyone forward."""
    return opp.company == person.company or person.tie_strength(opp.hiring_contact) > 0


def _best_within_reach(turn: Turn, cid: str, eligible: Callable[[str], bool],
                       value: Callable[[str], float]) -> str | None:
    """Of the roles this person can speak for that are eligible, the one of highest value."""
    s, w = turn.s, turn.w
    person = w.people[cid]
    best, best_score = None, -1.0
    for oid in s.opportunities:
        if not eligible(oid) or not _within_reach(person, w.opportunities[oid]):
            continue
        score = value(oid)
        if score > best_score:
            best, best_score = oid, score
    return best


def best_hidden(turn: Turn, cid: str, by_truth: bool) -> str | None:
    """The open hidden role this person could point you to, best for you first."""
    s, w = turn.s, turn.w

    def eligible(oid: str) -> bool:
        return s.opportunities[oid].stage == HIDDEN and not w.opportunities[oid].posted and is_open(s, oid)

    return _best_within_reach(turn, cid, eligible, (lambda oid: fit(s, oid)) if by_truth else (lambda oid: estimated_fit(s, oid)))


def _vouchable(turn: Turn, cid: str) -> str | None:
    """A role you are already pursuing that this person is placed to vouch for, best first."""
    s, w = turn.s, turn.w

    def eligible(oid: str) -> bool:
        o = s.opportunities[oid]
        return not o.referred and o.stage in (OPP_KNOWN, APPLIED, INTERVIEWING) and w.opportunities[oid].hiring_contact != cid

    return _best_within_reach(turn, cid, eligible, lambda oid: estimated_fit(s, oid))


def reveal(turn: Turn, cid: str, oid: str, cause: str, lesson: str) -> None:
    """Someone who knows you points you to a role nobody posted, and to whoever is hiring."""
    o = turn.o(oid)
    o.stage, o.stage_week = OPP_KNOWN, turn.s.week
    o.referred = True
    o.introduced_by = cid
    hc = turn.w.opportunities[oid].hiring_contact
    turn.note(oid, EffectKind.ROLE_REVEALED, cause, lesson)
    if turn.s.contacts[hc].stage != CONNECTED and hc != cid:
        turn.connect(hc, intro_trust(turn, cid, hc) + turn.t.reveal_intro_trust, turn.t.reveal_intro_familiarity,
                     f"{turn.name(cid)} introduced you to {turn.full(hc)}, who is hiring.", lesson, introduced_by=cid)


def advocate_acts(turn: Turn, cid: str) -> None:
    """An advocate helps unprompted: this is where patient play pays off.

    They vouch for a role you are already pursuing, else put you forward for one nobody
    posted, else introduce you to someone they know.
    """
    s, w = turn.s, turn.w
    first = turn.name(cid)
    vouch = _vouchable(turn, cid)
    if vouch is not None:
        o = turn.o(vouch)
        o.referred = True
        if o.introduced_by is None:
            o.introduced_by = cid
        turn.note(vouch, EffectKind.REFERRAL, f"Unprompted, {first} put in a good word for you for {turn.role(vouch)}.",
                  L.RELATIONSHIP_BEFORE_LEVERAGE)
        return
    oid = best_hidden(turn, cid, by_truth=False)
    if oid is not None:
        reveal(turn, cid, oid, f"{first} put you forward for a role nobody posted: {turn.role(oid)}.",
               L.RELATIONSHIP_BEFORE_LEVERAGE)
        return
    for tid, _strength in sorted(w.people[cid].ties, key=lambda t: (-t[1], t[0])):
        if tid in s.contacts and s.contacts[tid].stage != CONNECTED and s.contacts[tid].door != CLOSED \
                and promised_introduction(s, tid) is None:
            turn.connect(tid, intro_trust(turn, cid, tid) + turn.t.advocate_intro_trust, turn.t.advocate_intro_familiarity,
                         f"Unprompted, {first} introduced you to {turn.full(tid)}.",
                         L.RELATIONSHIP_BEFORE_LEVERAGE, introduced_by=cid, kind=EffectKind.ADVOCATE_INTRODUCED)
            return


def guide_acts(turn: Turn, cid: str) -> None:
    """A hiring contact you were honest with points you to a better-fitting role."""
    oid = best_hidden(turn, cid, by_truth=True)
    if oid is not None:
        reveal(turn, cid, oid, f"{turn.name(cid)} remembered your honest questions and told you about "
               f"{turn.role(oid)}, a role nobody posted.", L.HONEST_INTEREST)
