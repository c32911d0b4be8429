"""The end of a week: the world moves while the player waits.

Promises progress or slip (the player is not told), embarrassment fades for people left
alone, familiarity fades without contact, advocates and guides act, hiring decisions
come in, the pack's events fire, and the savings shrink.
"""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.kinds import (
    ABANDONED,
    ADVOCATE,
    APPLIED,
    CLOSED,
    CONNECTED,
    EMBARRASSMENT,
    EXPIRED,
    FAMILIARITY,
    FORGOTTEN,
    HIDDEN,
    INTERVIEWING,
    OFFER,
    OPEN,
    OPP_KNOWN,
    PENDING,
    REJECTED,
    TRUST,
    UNKNOWN,
    WARM,
    EffectKind,
    GameOutcome,
    InterviewMode,
    Outcome,
    PlayerMeter,
)
from game.engine.rules.events import scripted_events
from game.engine.rules.hiring import decision_words, hire_chance, hire_reasons
from game.engine.rules.people import advocate_acts, fulfil, guide_acts
from game.engine.rules.turn import Turn
from game.engine.state import SLIPPED, Commitment, PromiseStatus, owed_by


def end_week(turn: Turn) -> None:
    promises(turn)
    people(turn)
    helpers(turn)
    roles(turn)
    if turn.w.events:
        scripted_events(turn)
    clock(turn)


def promises(turn: Turn) -> None:
    """Promises progress, slip or are quietly dropped (the player is not told).

    A promise that has slipped weighs on the one who made it: each week they remember it and
    feel worse, with no reminder needed, until they can't face you (see `_weighs`).
    """
    s, week = turn.s, turn.s.week
    for kid in sorted(s.commitments):
        m = s.commitments[kid]
        if m.status in SLIPPED and m.week < week:
            _weighs(turn, m)
            continue
        if m.status != PENDING or m.week == week:
            continue
        tr = turn.w.people[m.by].traits
        if m.oversteps and turn.chance(turn.t.abandon_chance, "abandon", kid):
            _slipped(turn, m, ABANDONED, EffectKind.PROMISE_ABANDONED,
                     f"{turn.name(m.by)} realised that {turn.promise_words(m)} would cost them a favour, "
                     "and quietly let it drop.")
            continue
        forget = tr.busyness * (1 - tr.follow_through) * (turn.t.forget_asked if m.asked else 1.0) * turn.t.forget_rate
        if turn.chance(forget, "forget", kid):
            _slipped(turn, m, FORGOTTEN, EffectKind.PROMISE_FORGOTTEN,
                     f"{turn.promise_words(m).capitalize()} slipped {turn.name(m.by)}'s mind.")
            continue
        do = tr.follow_through * (1 - 0.5 * tr.busyness) * (turn.t.fulfil_asked if m.asked else 1.0)
        if turn.chance(do, "fulfil", kid):
            fulfil(turn, kid)


def _weighs(turn: Turn, m: Commitment) -> None:
    """An unkept promise grows in the mind of whoever made it; face makes it sting more."""
    if turn.s.contacts[m.by].door == CLOSED:
        return
    guilt = round(turn.t.guilt_base + turn.t.guilt_face * turn.w.people[m.by].traits.face)
    turn.meter(m.by, EMBARRASSMENT, guilt,
               f"{turn.name(m.by)} still hasn't made good on {turn.promise_words(m)}, and it weighs on them",
               L.CAUSED_COMMITMENT)


def _slipped(turn: Turn, m: Commitment, status: PromiseStatus, kind: EffectKind, cause: str) -> None:
    """The embarrassment stays latent until the player makes contact (see Turn.touch)."""
    mm = turn.cm(m.id)
    mm.status = status
    mm.latent = round(turn.t.latent_base + turn.t.latent_face * turn.w.people[m.by].traits.face)
    turn.note(m.by, kind, cause, L.CAUSED_COMMITMENT, visible=False)


# which lesson a door moved at the end of the week is tagged with, when several moved it
_DOOR_LESSONS = (L.CLOSE_THE_LOOP, L.RELATIONSHIP_BEFORE_LEVERAGE, L.CAUSED_COMMITMENT)


def people(turn: Turn) -> None:
    """Embarrassment fades when left alone; familiarity fades without contact.

    A door this moves is tagged with the lesson of what moved it: unthanked help (close
    the loop) before fading contact (relationship before leverage) before relief.
    """
    s, t, week = turn.s, turn.t, turn.s.week
    # who owes the player a promise (as `derived.outstanding` asks of one), worked out once for everyone:
    # nothing here changes a promise
    owing = owed_by(s.commitments)
    for cid in s.contacts:
        c = s.contacts[cid]
        if c.stage == UNKNOWN or c.door == CLOSED:
            continue
        owes = cid in owing
        why = []
        if c.embarrassment > 0 and c.last_contact_week < week and not owes:
            turn.meter(cid, EMBARRASSMENT, -t.embarrassment_decay,
                       f"left alone with nothing outstanding, {turn.name(cid)} relaxes", L.CAUSED_COMMITMENT)
            why.append(L.CAUSED_COMMITMENT)
        if c.owed_thanks and week - c.owed_week >= t.thanks_grace_weeks:
            turn.c(cid).owed_thanks = False
            turn.meter(cid, TRUST, -t.unthanked_trust, f"{turn.name(cid)} helped you and never heard a word of thanks",
                       L.CLOSE_THE_LOOP)
            why.append(L.CLOSE_THE_LOOP)
        if c.stage == CONNECTED and week - c.last_contact_week >= t.familiarity_fade_after \
                and c.familiarity > t.familiarity_fade_floor:
            turn.meter(cid, FAMILIARITY, -t.familiarity_fade, f"you haven't been in touch with {turn.name(cid)} for a while",
                       L.RELATIONSHIP_BEFORE_LEVERAGE)
            why.append(L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.update_door(cid, min(why, key=_DOOR_LESSONS.index) if why else L.CAUSED_COMMITMENT, owes)


def helpers(turn: Turn) -> None:
    """Advocates and guides act on their own.

    A guide is a hiring contact you were honest with and then told how their advice turned
    out: without the report back, the conversation stays a conversation.
    """
    s, t = turn.s, turn.t
    for cid in s.contacts:
        c = s.contacts[cid]
        if c.stage != CONNECTED:
            continue
        if c.door == ADVOCATE and turn.chance(t.advocate_act_chance, "advocate", cid):
            advocate_acts(turn, cid)
        elif (c.guide and c.reported_back and c.door in (OPEN, WARM) and c.trust >= t.guide_trust
              and c.familiarity >= t.guide_familiarity and turn.chance(t.guide_act_chance, "guide", cid)):
            guide_acts(turn, cid)


def roles(turn: Turn) -> None:
    """Hiring decisions, offers lapsing, postings closing."""
    s, t, week = turn.s, turn.t, turn.s.week
    for oid in s.opportunities:
        o = s.opportunities[oid]
        if o.stage in (APPLIED, INTERVIEWING) and week - o.stage_week >= t.decision_weeks - 1:
            _decide(turn, oid)
        elif o.stage == OFFER and week - o.stage_week >= t.offer_weeks:
            oo = turn.o(oid)
            oo.stage, oo.stage_week = EXPIRED, week
            turn.note(oid, EffectKind.OFFER_LAPSED,
                      f"The offer for {turn.role(oid)} lapsed: it stood for {t.offer_weeks} weeks, until the end of "
                      f"week {week}, and you didn't take it.", L.DO_YOUR_HOMEWORK)
        elif o.stage in (HIDDEN, OPP_KNOWN):
            closes = turn.w.opportunities[oid].closes_week
            if closes is not None and week >= closes:
                oo = turn.o(oid)
                was_known = oo.stage == OPP_KNOWN
                oo.stage, oo.stage_week = EXPIRED, week
                if was_known:
                    turn.note(oid, EffectKind.ROLE_FILLED, f"{turn.role(oid)} has been filled.", L.DO_YOUR_HOMEWORK)


def _decide(turn: Turn, oid: str) -> None:
    """A hiring decision: a roll against the weighted reasons of `hire_reasons`."""
    s, week, role = turn.s, turn.s.week, turn.role(oid)
    o = s.opportunities[oid]
    p = hire_chance(s, oid)
    reasons = hire_reasons(s, oid)
    lesson = L.HONEST_INTEREST if o.interview_mode else (
        L.RELATIONSHIP_BEFORE_LEVERAGE if o.referred else L.DO_YOUR_HOMEWORK)
    oo = turn.o(oid)
    if turn.chance(p, "hire", oid):
        oo.stage, oo.stage_week = OFFER, week
        turn.note(oid, EffectKind.OFFER, f"An offer! {role}. It stands until the end of week "
                  f"{week + turn.t.offer_weeks}; {decision_words(reasons, p)}.", lesson)
        return
    oo.stage, oo.stage_week = REJECTED, week
    turn.note(oid, EffectKind.REJECTED, f"{role}: they went with someone else; {decision_words(reasons, p, against=True)}.", lesson)
    hc = turn.w.opportunities[oid].hiring_contact
    if o.interview_mode == InterviewMode.OVERCLAIMED and s.contacts[hc].stage == CONNECTED \
            and s.contacts[hc].door != CLOSED:
        turn.meter(hc, TRUST, -turn.t.rejected_overclaim_trust, f"{turn.name(hc)} interviewed you for a role you couldn't speak to",
                   L.HONEST_INTEREST)
        turn.update_door(hc, L.HONEST_INTEREST)


def clock(turn: Turn) -> None:
    """The weekly caps reset, the savings shrink, and perhaps the campaign ends."""
    s = turn.s
    for cid, c in s.contacts.items():
        if c.trust_gain_week or c.familiarity_gain_week:
            cc = turn.c(cid)
            cc.trust_gain_week = cc.familiarity_gain_week = 0
    turn.player(PlayerMeter.RUNWAY, -1, "another week of savings spent", L.RELATIONSHIP_BEFORE_LEVERAGE)
    s.week += 1
    s.hours_left = turn.w.campaigns[s.campaign].hours_per_week
    turn.outcome = Outcome.WEEK_ENDED
    if s.runway <= 0:
        s.outcome = GameOutcome.OUT_OF_RUNWAY
        turn.outcome = Outcome.OUT_OF_RUNWAY
        turn.note("player", EffectKind.OUT_OF_RUNWAY, "Your savings ran out before you found the right job.",
                  L.RELATIONSHIP_BEFORE_LEVERAGE)
