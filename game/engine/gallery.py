"""The strategy gallery: ways to play that a min-maxing player might try.

Each bot is a named degenerate or anti-lesson way of playing (spam a cheap action, never
meet anyone, accept promises and wait, say "Yes!" to everything...), plus a few
lesson-aligned variants of the patient player. Like the built-in bots they see only what
a player sees. Balance is judged against them: a rule set teaches the essays only if no
bot here beats `patient` (see bench/gallery.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from game.engine.bots import (
    _best_offer,
    _connected,
    _first_ok,
    _hiring_contacts,
    _home_field,
    _opps,
    _patient_moves,
    estimated_fit,
    patient,
)
from game.engine.intent import Action
from game.engine.kinds import (
    ADVOCATE,
    APPLIED,
    CLOSED,
    CONNECTED,
    INTERVIEWING,
    KNOWN,
    OFFER,
    OPP_KNOWN,
    PromptKind,
)
from game.engine.rules import is_pressing
from game.engine.sight import owed
from game.engine.state import State

Bot = Callable[[State], Action]


def _answer(state: State, offer: str, interest: str) -> Action | None:
    """The bot's fixed answers to the two questions, or None when nothing is asked."""
    if state.prompt is None:
        return None
    if state.prompt.kind == PromptKind.OFFER:
        return Action(offer)
    return Action("answer_interest", choice=interest)


def _take_any_offer(state: State) -> Action | None:
    best = _best_offer(state)
    return Action("accept_job", opportunity=best) if best else None


def _take_decent_offer(state: State) -> Action | None:
    """Take the best offer once it looks half decent, or any offer when the savings run low."""
    best = _best_offer(state)
    if best and (estimated_fit(state, best) >= 0.5 or state.runway <= 4):
        return Action("accept_job", opportunity=best)
    return None


def _apply_all(state: State, referred_only: bool = False) -> Iterator[Action]:
    for oid in _opps(state, OPP_KNOWN):
        if not referred_only or state.opportunities[oid].referred:
            yield Action("apply", opportunity=oid)


def _by_hiring_first(state: State) -> list[str]:
    hiring = _hiring_contacts(state)
    return sorted(_connected(state), key=lambda cid: (cid not in hiring, cid))


# --- spam of one cheap action ---------------------------------------------------------------


def check_in_spam(state: State) -> Action:
    """Checks in with everyone, hiring contacts first, several times a week; applies to every
    role it hears of (vouched-for ones first) and takes the first decent offer."""
    taken = _answer(state, "ask_permission", "explore") or _take_decent_offer(state)
    if taken:
        return taken
    people = sorted(_by_hiring_first(state), key=lambda cid: state.contacts[cid].last_contact_week == state.week)
    return _first_ok(state, [
        *_apply_all(state, referred_only=True), *_apply_all(state),
        *(Action("check_in", contact=cid) for cid in people),
    ]) or Action("end_week")


def check_in_spam_no_job(state: State) -> Action:
    """Checks in with everyone, every hour, and never applies: what does contact alone earn?"""
    answer = _answer(state, "decline_offer", "not_now")
    if answer:
        return answer
    return _first_ok(state, [Action("check_in", contact=cid) for cid in _by_hiring_first(state)]) or Action("end_week")


def check_in_weekly(state: State) -> Action:
    """The careful spammer: one note to everyone each week, never a second (it heeds the
    warnings), applies to every role someone vouched for and takes the first decent offer."""
    taken = _answer(state, "ask_permission", "explore") or _take_decent_offer(state)
    if taken:
        return taken
    notes = [Action("check_in", contact=cid) for cid in _by_hiring_first(state)
             if state.contacts[cid].last_contact_week < state.week]
    return _first_ok(state, [*_apply_all(state, referred_only=True), *notes]) or Action("end_week")


def meet_spam(state: State) -> Action:
    """Meets the same few people for advice every week, asks nothing, thanks nobody."""
    return _answer(state, "ask_permission", "explore") or _take_any_offer(state) or _first_ok(state, [
        *_apply_all(state, referred_only=True),
        *(Action("meet", contact=cid, choice="advice") for cid in _by_hiring_first(state)),
    ]) or Action("end_week")


def thank_spam(state: State) -> Action:
    """Meets once, then thanks and checks in as often as possible (contact that adds nothing)."""
    answer = _answer(state, "ask_permission", "explore")
    if answer:
        return answer
    people = _by_hiring_first(state)
    return _take_any_offer(state) or _first_ok(state, [
        *_apply_all(state, referred_only=True),
        *(Action("thank", contact=cid) for cid in people),
        *(Action("meet", contact=cid, choice="advice") for cid in people if state.contacts[cid].met_count == 0),
        *(Action("check_in", contact=cid) for cid in people),
    ]) or Action("end_week")


def reach_out_spam(state: State) -> Action:
    """Writes cold to everyone it has heard of, then asks each new contact to vouch for it."""
    answer = _answer(state, "accept_offer", "eager_yes")
    if answer:
        return answer
    known = [cid for cid, c in sorted(state.contacts.items()) if c.stage == KNOWN]
    asks = [Action("ask_referral", contact=cid, opportunity=oid)
            for cid in _connected(state) for oid in _opps(state, OPP_KNOWN, APPLIED, INTERVIEWING)]
    return _take_any_offer(state) or _first_ok(state, [
        *(Action("reach_out", contact=cid) for cid in known), *asks, *_apply_all(state),
        Action("research", field=_home_field(state)),
    ]) or Action("end_week")


def research_spam(state: State) -> Action:
    """Researches every hour and applies cold the moment a posting appears; never talks to anyone."""
    answer = _answer(state, "decline_offer", "not_now")
    if answer:
        return answer
    fields = sorted(state.knowledge, key=lambda f: (state.knowledge[f], f))
    return _take_any_offer(state) or _first_ok(state, [
        *_apply_all(state), *(Action("research", field=f) for f in fields),
    ]) or Action("end_week")


def advocate_farmer(state: State) -> Action:
    """Network first, job later: meets, thanks and reports back to the people it knows until
    they are advocates, applies only where an advocate vouched, and takes the first offer."""
    answer = _answer(state, "ask_permission", "explore")
    if answer:
        return answer
    people = sorted(_connected(state), key=lambda cid: (-state.contacts[cid].trust, cid))
    thanks = [Action("thank", contact=cid) for cid in people
              if state.contacts[cid].owed_thanks or state.contacts[cid].advice_pending]
    meets = [Action("meet", contact=cid, choice="advice") for cid in people if state.contacts[cid].door != ADVOCATE]
    return _take_any_offer(state) or _first_ok(state, [
        *_apply_all(state, referred_only=True), *thanks, *meets,
    ]) or Action("end_week")


# --- appliers and minimal effort -------------------------------------------------------------


def cold_applier(state: State) -> Action:
    """Researches only the field it already knows best and applies to everything, at once."""
    answer = _answer(state, "decline_offer", "eager_yes")
    if answer:
        return answer
    return _take_any_offer(state) or _first_ok(state, [
        *_apply_all(state), Action("research", field=_home_field(state)),
    ]) or Action("end_week")


def minimal_effort(state: State) -> Action:
    """Ends every week at once; takes whatever offer turns up."""
    answer = _answer(state, "accept_offer", "eager_yes")
    if answer:
        return answer
    return _take_any_offer(state) or _first_ok(state, list(_apply_all(state))) or Action("end_week")


# --- promises ---------------------------------------------------------------------------------


def without(state: State, names: tuple[str, ...]) -> Action:
    """The patient player's move, leaving out some kinds of action."""
    action = patient(state)
    if action.name not in names:
        return action
    return _first_ok(state, (a for a in _patient_moves(state) if a.name not in names)) or Action("end_week")


def hands_off(state: State) -> Action:
    """Patient, but never follows up or releases a promise: it is left to the helper."""
    return without(state, ("follow_up", "release"))


def chaser(state: State) -> Action:
    """Patient, but follows up on every outstanding promise once a week instead of releasing it,
    until it happens or the door shuts (someone taking messages is chased too)."""
    if state.prompt is None:
        chase = [Action("follow_up", contact=cid) for cid, c in state.contacts.items()
                 if c.stage == CONNECTED and c.door != CLOSED and owed(state, cid)
                 and c.last_contact_week < state.week]
        first = _first_ok(state, chase)
        if first is not None:
            return first
    return without(state, ("release",))


def _offered(state: State) -> bool:
    return state.prompt is not None and state.prompt.kind == PromptKind.OFFER


def accept_and_wait(state: State) -> Action:
    """Accepts every volunteered introduction, then never chases or releases it."""
    return Action("accept_offer") if _offered(state) else hands_off(state)


def accept_then_release(state: State) -> Action:
    """Accepts every volunteered introduction and waits for it; when nothing has come of it
    after two weeks, lets the helper off the hook (the recovery, paid for in waiting)."""
    if _offered(state):
        return Action("accept_offer")
    if state.prompt is None:
        waited = [Action("release", contact=cid) for cid in _connected(state)
                  if any(state.week - m.week >= 2 for m in owed(state, cid))]
        first = _first_ok(state, waited)
        if first is not None:
            return first
    return hands_off(state)


def accept_and_chase(state: State) -> Action:
    """Accepts every volunteered introduction and follows up every week until it happens or the door shuts."""
    return Action("accept_offer") if _offered(state) else chaser(state)


def press_then_release(state: State) -> Action:
    """Asks everyone for introductions and referrals from the first week, then releases what they promise."""
    if state.prompt is not None:
        return patient(state)
    asks: list[Action] = []
    for cid in _connected(state):
        person = state.world.people[cid]
        if is_pressing(state, cid):
            asks += [Action("ask_referral", contact=cid, opportunity=oid) for oid in _opps(state, OPP_KNOWN)]
            asks += [Action("ask_intro", contact=cid, target=tid) for tid, _ in person.ties
                     if tid in state.contacts and state.contacts[tid].stage == KNOWN]
    releases = [Action("release", contact=cid) for cid in _connected(state) if owed(state, cid)]
    return _first_ok(state, releases + asks) or patient(state)


# --- the interest question --------------------------------------------------------------------


def _eager(state: State) -> Action:
    """Patient, except that every interest question gets "Yes!"."""
    if state.prompt is not None and state.prompt.kind == PromptKind.INTEREST:
        return Action("answer_interest", choice="eager_yes")
    return patient(state)


def eager_yes_never_withdraw(state: State) -> Action:
    """Patient in every way but one: says "Yes!" to every role, informed or not, and sees it through."""
    action = _eager(state)
    return action if action.name != "withdraw" else Action("end_week")


def eager_yes_then_withdraw(state: State) -> Action:
    """Says "Yes!" to every role, then withdraws from the ones that look like a poor fit."""
    for oid in _opps(state, APPLIED, INTERVIEWING, OFFER):
        if state.prompt is None and estimated_fit(state, oid) < 0.5:
            return Action("withdraw", opportunity=oid)
    return _eager(state)


def question_dodger(state: State) -> Action:
    """Patient in every way but one: answers every "Are you interested?" with "Not right now",
    so no conversation ever becomes an interview (nor a guide)."""
    if state.prompt is not None and state.prompt.kind == PromptKind.INTEREST:
        return Action("answer_interest", choice="not_now")
    return patient(state)


# --- closing the loop -------------------------------------------------------------------------


def never_thanks(state: State) -> Action:
    """The patient player who never thanks anyone or reports back."""
    return without(state, ("thank",))


# --- lesson-aligned variants ------------------------------------------------------------------


def patient_fast(state: State) -> Action:
    """Patient, but applies to any good-looking role at once and takes a decent offer sooner."""
    if state.prompt is None:
        best = _best_offer(state)
        if best and estimated_fit(state, best) >= 0.55:
            return Action("accept_job", opportunity=best)
        good = [Action("apply", opportunity=oid) for oid in _opps(state, OPP_KNOWN) if estimated_fit(state, oid) >= 0.6]
        first = _first_ok(state, good)
        if first is not None:
            return first
    return patient(state)


def patient_plus(state: State) -> Action:
    """Patient, plus the essays' other habits: homework before meetings, thanks the same week."""
    if state.prompt is None:
        thanks = [Action("thank", contact=cid) for cid in _connected(state)
                  if state.contacts[cid].owed_thanks or state.contacts[cid].advice_pending]
        homework = [Action("research", field=_home_field(state))] if state.knowledge.get(_home_field(state), 0) < 40 else []
        first = _first_ok(state, thanks + homework)
        if first is not None:
            return first
    return patient(state)


GALLERY: dict[str, Bot] = {
    "check_in_spam": check_in_spam,
    "check_in_spam_no_job": check_in_spam_no_job,
    "check_in_weekly": check_in_weekly,
    "meet_spam": meet_spam,
    "thank_spam": thank_spam,
    "reach_out_spam": reach_out_spam,
    "research_spam": research_spam,
    "cold_applier": cold_applier,
    "minimal_effort": minimal_effort,
    "advocate_farmer": advocate_farmer,
    "accept_and_wait": accept_and_wait,
    "accept_then_release": accept_then_release,
    "accept_and_chase": accept_and_chase,
    "press_then_release": press_then_release,
    "eager_yes_never_withdraw": eager_yes_never_withdraw,
    "eager_yes_then_withdraw": eager_yes_then_withdraw,
    "question_dodger": question_dodger,
    "never_thanks": never_thanks,
}

# ways of playing that follow the essays more closely than `patient` (they should do as well)
ALIGNED: dict[str, Bot] = {
    "patient_fast": patient_fast,
    "patient_plus": patient_plus,
}
