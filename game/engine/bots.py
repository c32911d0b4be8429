"""Strategy bots: ways of playing, used by the simulator and the balance checks.

Bots see only what a player sees (meters, doors, known roles, the estimated fit); they
never read hidden fit or hidden commitments. Their results come from the rules alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from game.engine import sight
from game.engine.actions import Action
from game.engine.rng import roll
from game.engine.rules import cost, is_pressing, knowable_interest
from game.engine.rules.core import costs
from game.engine.state import (
    ADVOCATE,
    APPLIED,
    CLOSED,
    CONNECTED,
    GUARDED,
    INTERVIEWING,
    KNOWN,
    OFFER,
    OPP_KNOWN,
    WARM,
    State,
)

Bot = Callable[[State], Action]


def _ok(state: State, action: Action) -> bool:
    return sight.reason(state, action) is None


def _first_ok(state: State, actions: Iterable[Action]) -> Action | None:
    hours = state.hours_left
    for a in actions:
        if cost(state, a) <= hours and _ok(state, a):
            return a
    return None


# who is reachable, the roles at some stages, and a role's fit as the player sees it
# (`rules.estimated_fit`): each worked out once per state
_connected = sight.connected
_opps = sight.roles_at
estimated_fit = sight.fit


def _best_offer(state: State) -> str | None:
    offers = _opps(state, OFFER)
    if not offers:
        return None
    return max(offers, key=lambda oid: (estimated_fit(state, oid), oid))


def _home_field(state: State) -> str:
    """The field the player seems to want most, judged from what they can see."""
    known = _opps(state, OPP_KNOWN, APPLIED, INTERVIEWING, OFFER)
    if known:
        best = max(known, key=lambda oid: (estimated_fit(state, oid), oid))
        return state.world.opportunities[best].field
    return max(state.knowledge, key=lambda f: (state.knowledge[f], f))


def _posting_field(state: State) -> str:
    """Where to look for postings: the field of the best role found so far, or, before any
    turns up, the field this story touches that the player knows least (not yet searched)."""
    if _opps(state, OPP_KNOWN, APPLIED, INTERVIEWING, OFFER):
        return _home_field(state)
    return min(state.knowledge, key=lambda f: (state.knowledge[f], f))


def _meeting_choice(state: State, cid: str) -> str:
    person = state.world.people[cid]
    c = state.contacts[cid]
    if state.knowledge.get(person.field, 0) < 35:
        return "learn"
    return "offer_help" if c.met_count % 3 == 2 else "advice"


# the estimated fit a patient player holds out for: a role that truly fits, not the first one
GOOD_FIT = 0.58
# the clarity a patient player reflects up to before anything else
REFLECT_TO = 55
# the knowledge of a field a patient player wants before an interview nobody vouched for
INTERVIEW_READY = 45


def _hiring_contacts(state: State) -> frozenset[str]:
    return sight.hiring(state)


def patient(state: State) -> Action:
    """Builds relationships first, asks permission instead of promises, stays honest."""
    w, t = state.world, state.world.tuning
    if state.prompt is not None:
        if state.prompt.kind == "offer":
            return Action("ask_permission")
        field_id = w.opportunities[state.prompt.subject].field
        informed = knowable_interest(state, field_id) >= t.honest_threshold
        good = estimated_fit(state, state.prompt.subject) >= 0.6 and _ready_to_interview(state, state.prompt.subject)
        return Action("answer_interest", choice="eager_yes" if informed and good else "explore")
    best = _best_offer(state)
    if best and (state.runway <= 4 or (estimated_fit(state, best) >= GOOD_FIT and not _better_in_play(state, best))):
        return Action("accept_job", opportunity=best)
    return _first_ok(state, _patient_moves(state)) or Action("end_week")


# Every kind of move `_patient_moves` wishes for. Each takes time, so once the week has less
# left than the cheapest of them, there is nothing to weigh: the week ends.
PATIENT_MOVES = frozenset({"reflect", "release", "thank", "reach_out", "apply", "ask_referral", "ask_intro", "meet",
                           "research", "check_in"})




def _better_in_play(state: State, offer: str) -> bool:
    """A clearly better-looking role is still in play and there is time to see it through:
    a patient player does not take the first decent offer over it."""
    if _time_is_short(state):
        return False
    mine = estimated_fit(state, offer)
    return any(estimated_fit(state, oid) >= mine + 0.05 for oid in _opps(state, APPLIED, INTERVIEWING))


def _ready_to_interview(state: State, oid: str) -> bool:
    """Someone vouched, or the player knows the field well enough to be judged on it: a
    patient player says yes to an interview only then, and explores until it is so."""
    field_id = state.world.opportunities[oid].field
    return state.opportunities[oid].referred or state.knowledge.get(field_id, 0) >= INTERVIEW_READY


def _time_is_short(state: State) -> bool:
    """Two fifths of the savings left: stop waiting for the perfect moment."""
    return state.runway <= max(5, 2 * state.world.campaigns[state.campaign].runway_weeks // 5)


def _ready_to_apply(state: State, oid: str) -> bool:
    """Apply once someone has vouched and the person hiring knows you well enough to want
    you (or time is short): an application is one shot."""
    if _time_is_short(state):
        return True
    if not state.opportunities[oid].referred:
        return False
    opp = state.world.opportunities[oid]
    hc = state.contacts.get(opp.hiring_contact)
    if hc is None or hc.stage != CONNECTED or hc.door in (WARM, ADVOCATE) or hc.guide:
        return True
    return opp.closes_week is not None and opp.closes_week - state.week <= 2


def _patient_moves(state: State) -> Iterator[Action]:
    """The patient player's wishes for this moment, most wanted first (each one of PATIENT_MOVES)."""
    if state.hours_left < costs(state.world.tuning).cheapest(PATIENT_MOVES):
        return
    w, week, contacts = state.world, state.week, state.contacts
    connected = _connected(state)
    if state.clarity < REFLECT_TO:
        yield Action("reflect")
    owing = bool(state.commitments)
    for cid in connected:
        if owing and sight.owed(state, cid):
            yield Action("release", contact=cid)
        c = contacts[cid]
        if c.owed_thanks and c.last_contact_week < week:
            yield Action("thank", contact=cid)
    # (in the order of the people, which new_game sorts by id)
    for cid in sorted(state.tokens):
        known = contacts.get(cid)
        if known is not None and known.stage == KNOWN:
            yield Action("reach_out", contact=cid)
    est = {oid: estimated_fit(state, oid) for oid in _opps(state, OPP_KNOWN)}
    good = sorted((oid for oid, value in est.items() if value >= GOOD_FIT), key=lambda o: (-est[o], o))
    for oid in good:
        if _ready_to_apply(state, oid):
            yield Action("apply", opportunity=oid)
    # asks only where the relationship already exists
    for cid in connected:
        c = contacts[cid]
        if c.door not in (WARM, ADVOCATE) or is_pressing(state, cid):
            continue
        person = w.people[cid]
        for oid in good:
            opp = w.opportunities[oid]
            if opp.company == person.company or person.tie_strength(opp.hiring_contact) > 0:
                yield Action("ask_referral", contact=cid, opportunity=oid)
        for tid, _ in person.ties:
            if tid in contacts and contacts[tid].stage == KNOWN:
                yield Action("ask_intro", contact=cid, target=tid)
    # meet the least familiar people first; hiring contacts get the interest question
    hiring = _hiring_contacts(state)
    focus = _home_field(state) if _opps(state, OPP_KNOWN, APPLIED, INTERVIEWING, OFFER) else None
    # sorted by (advocates last, hiring contacts first, the warm first, the focus field first,
    # the least familiar first, then by id); the id ends each key, so no two keys are equal
    keys = []
    for cid in connected:
        c = contacts[cid]
        keys.append((c.door == ADVOCATE, cid not in hiring, c.door != WARM,
                     focus is not None and w.people[cid].field != focus, c.familiarity, cid))
    people = [key[-1] for key in sorted(keys)]
    for cid in people:
        c = contacts[cid]
        if c.door != GUARDED and c.last_contact_week != week:
            yield Action("meet", contact=cid, choice=_meeting_choice(state, cid))
    yield Action("research", field=_posting_field(state))
    for cid in people:
        if week - contacts[cid].last_contact_week >= 2:
            yield Action("check_in", contact=cid)
    for cid, c in contacts.items():
        if c.stage == KNOWN:
            yield Action("reach_out", contact=cid)


def pushy(state: State) -> Action:
    """Asks everyone for everything at once, accepts every promise and chases it."""
    if state.prompt is not None:
        if state.prompt.kind == "offer":
            return Action("accept_offer")
        return Action("answer_interest", choice="eager_yes")
    best = _best_offer(state)
    if best:
        return Action("accept_job", opportunity=best)
    return _first_ok(state, _pushy_moves(state)) or Action("end_week")


def _pushy_moves(state: State) -> Iterator[Action]:
    """The pushy player's wishes, most wanted first: chase every promise, apply everywhere,
    ask everyone for everything, write to everyone, meet only the ones never met."""
    w, week = state.world, state.week
    for cid in sorted(state.contacts):
        c = state.contacts[cid]
        if c.stage == CONNECTED and c.door != CLOSED and sight.owed(state, cid) and c.last_contact_week < week:
            yield Action("follow_up", contact=cid)
    for oid in _opps(state, OPP_KNOWN):
        yield Action("apply", opportunity=oid)
    for cid in _connected(state):
        for oid in _opps(state, OPP_KNOWN, APPLIED, INTERVIEWING):
            yield Action("ask_referral", contact=cid, opportunity=oid)
        for tid, _ in w.people[cid].ties:
            if tid in state.contacts and state.contacts[tid].stage == KNOWN:
                yield Action("ask_intro", contact=cid, target=tid)
    for cid, c in sorted(state.contacts.items()):
        if c.stage == KNOWN:
            yield Action("reach_out", contact=cid)
    for cid in _connected(state):
        if state.contacts[cid].met_count == 0:
            yield Action("meet", contact=cid, choice="advice")
    yield Action("research", field=_posting_field(state))


def overclaimer(state: State) -> Action:
    """Builds relationships like the patient player, but says "Yes!" to every role."""
    if state.prompt is not None:
        if state.prompt.kind == "interest":
            return Action("answer_interest", choice="eager_yes")
        return patient(state)
    best = _best_offer(state)
    if best:
        if estimated_fit(state, best) >= 0.5 or state.runway <= 6:
            return Action("accept_job", opportunity=best)
        return Action("withdraw", opportunity=best)
    for oid in _opps(state, APPLIED, INTERVIEWING):
        if estimated_fit(state, oid) < 0.45:
            return Action("withdraw", opportunity=oid)
    for oid in _opps(state, OPP_KNOWN):
        if _ok(state, Action("apply", opportunity=oid)):
            return Action("apply", opportunity=oid)
    return patient(state)


def passive(state: State) -> Action:
    """Researches and applies cold to posted roles; never talks to anyone."""
    if state.prompt is not None:
        return Action("decline_offer") if state.prompt.kind == "offer" else Action("answer_interest", choice="not_now")
    best = _best_offer(state)
    if best:
        return Action("accept_job", opportunity=best)
    candidates: list[Action] = [Action("apply", opportunity=oid) for oid in _opps(state, OPP_KNOWN)]
    if state.clarity < 60:
        candidates.append(Action("reflect"))
    fields = sorted(state.knowledge, key=lambda f: (state.knowledge[f], f))
    candidates += [Action("research", field=f) for f in fields]
    return _first_ok(state, candidates) or Action("end_week")


def random_bot(state: State) -> Action:
    """Any legal action, chosen by a keyed roll."""
    actions = sight.legal(state)
    i = int(roll(state.seed, state.week, "random-bot", str(state.steps)) * len(actions))
    return actions[min(i, len(actions) - 1)]


STRATEGIES: dict[str, Bot] = {
    "patient": patient,
    "pushy": pushy,
    "overclaimer": overclaimer,
    "passive": passive,
    "random": random_bot,
}
