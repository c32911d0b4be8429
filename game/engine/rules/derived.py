"""Values derived from a state that the rules, the bots and the screens all read."""

from __future__ import annotations

from functools import lru_cache

from game.engine.kinds import (
    ADVOCATE,
    AVOIDING,
    CLOSED,
    CONNECTED,
    HIDDEN,
    OFFER,
    UNKNOWN,
    GameOutcome,
    PromiseKind,
)
from game.engine.rng import roll
from game.engine.state import Commitment, State
from game.engine.world import World


def campaign_fields(world: World, campaign: str) -> tuple[str, ...]:
    """The fields a campaign's story touches: its people's, its roles' and its starting knowledge."""
    camp = world.campaigns[campaign]
    people = camp.people or tuple(world.people)
    opps = camp.opportunities or tuple(world.opportunities)
    used = {world.people[p].field for p in people} | {world.opportunities[o].field for o in opps}
    used |= {f for f, _ in camp.knowledge} | {f for f, _ in camp.preferences}
    return tuple(sorted(f for f in used if f in world.fields))


def fit(state: State, opp_id: str) -> float:
    """How well a role truly suits the player (hidden), 0-1."""
    known = state.fixed.fits.get(opp_id)
    return known if known is not None else true_fit(state.world, state.campaign, opp_id)


def true_fit(world: World, campaign: str, opp_id: str) -> float:
    """How well a role suits the player of this campaign: fixed for the campaign, so `new_game`
    works it out once for every role (State.fixed) and `fit` reads it from there."""
    opp = world.opportunities[opp_id]
    weight = world.tuning.fit_preference_weight
    return round(world.campaigns[campaign].preference(opp.field) * weight + opp.appeal * (1 - weight), 4)


def insight(state: State, field_id: str) -> float:
    """How well the player can judge a role in this field: clarity of goals plus knowledge."""
    t = state.world.tuning
    return min(1.0, t.insight_clarity * state.clarity / 100 + t.insight_knowledge * state.knowledge.get(field_id, 0) / 100)


def estimated_fit(state: State, opp_id: str) -> float:
    """The fit as the player can see it: the truth, blurred toward 'no idea' (0.5) and, in
    proportion to what they don't know, off by a guess of their own.

    The guess is fixed for the game (keyed by the seed and the role), so it does not
    flicker; homework shrinks it, and with full insight the estimate is the truth.
    """
    field_id = state.world.opportunities[opp_id].field
    sight = insight(state, field_id)
    guess = _fit_guess(state.seed, opp_id) * state.world.tuning.insight_guess
    return round(0.5 + (fit(state, opp_id) - 0.5) * sight + guess * (1 - sight), 4)


@lru_cache(maxsize=4096)
def _fit_guess(seed: int, opp_id: str) -> float:
    """The player's own error about a role, -1 to 1: one keyed roll per game and role (the
    bots ask for estimates thousands of times a game, so it is rolled once)."""
    return 2 * roll(seed, 0, "fit-guess", opp_id) - 1


def knowable_interest(state: State, field_id: str) -> float:
    """How much interest the player can honestly claim: knowledge of the field x clarity."""
    return (state.knowledge.get(field_id, 0) / 100) * (state.clarity / 100)


def preparation(state: State, field_id: str) -> float:
    """How easy the player is to help in this field (homework and clear goals), 0-1."""
    return (state.knowledge.get(field_id, 0) + state.clarity) / 200


def is_pressing(state: State, cid: str) -> bool:
    """An ask before the relationship exists is pressing."""
    c = state.contacts[cid]
    t = state.world.tuning
    return c.familiarity < t.press_familiarity or c.trust < t.press_trust


def is_open(state: State, opp_id: str) -> bool:
    """Whether a role is taking applications this week."""
    opp = state.world.opportunities[opp_id]
    if state.week < opp.opens_week:
        return False
    return opp.closes_week is None or state.week <= opp.closes_week


def promised_introduction(state: State, cid: str) -> str | None:
    """Who has promised to introduce the player to this person and not yet done it, if anyone.

    While that promise stands the introduction is theirs to make: accepting an offer hands
    them the timing.
    """
    for kid in sorted(state.commitments):
        m = state.commitments[kid]
        if m.kind == PromiseKind.INTRODUCTION and m.to == cid and m.outstanding:
            return m.by
    return None


def outstanding(state: State, cid: str) -> bool:
    """Whether this person owes the player a promise that has not come through."""
    return bool(state.commitments) and any(m.by == cid and m.outstanding for m in state.commitments.values())


def offer_deadline(state: State, opp_id: str) -> int | None:
    """The last week an offer can be taken (it lapses as that week ends), or None if there is none."""
    o = state.opportunities[opp_id]
    if o.stage != OFFER:
        return None
    return o.stage_week + state.world.tuning.offer_weeks


def slipping(state: State, cid: str) -> str | None:
    """Why this relationship is about to get worse if nothing changes, in a few words (or None).

    The same thresholds the week and the doors use: embarrassment near the line where
    someone starts avoiding you, or familiarity about to fade for want of contact.
    """
    c, t = state.contacts[cid], state.world.tuning
    if c.stage != CONNECTED or c.door == CLOSED:
        return None
    if c.door == AVOIDING:
        return f"avoiding you until embarrassment is {t.avoid_exit} or less"
    if c.embarrassment >= t.avoid_enter - t.slipping_margin:
        return f"embarrassment {c.embarrassment}: avoids you at {t.avoid_enter}"
    quiet = state.week - c.last_contact_week
    if c.familiarity > t.familiarity_fade_floor and quiet >= t.familiarity_fade_after - 1:
        if quiet >= t.familiarity_fade_after:
            return f"fading: no contact for {quiet} weeks"
        return f"fading after this week without contact ({quiet} quiet weeks of {t.familiarity_fade_after})"
    return None


def reads_as(state: State, cid: str) -> tuple[str, ...]:
    """How a person seems to the player once they have met: the words an offer is judged by.

    Before a first meeting the player knows only the bio; afterwards they can tell whether
    someone is busy, keeps their promises, and takes embarrassment hard.
    """
    c = state.contacts[cid]
    if c.met_count == 0:
        return ()
    t = state.world.tuning
    traits = state.world.people[cid].traits
    words = []
    if traits.busyness >= t.reads_busy:
        words.append("very busy")
    elif traits.busyness <= t.reads_unhurried:
        words.append("unhurried")
    if traits.follow_through >= t.reads_reliable:
        words.append("keeps promises")
    elif traits.follow_through <= t.reads_flaky:
        words.append("lets things slip")
    if traits.face >= t.reads_proud:
        words.append("proud")
    return tuple(words)


def score_parts(state: State) -> list[tuple[str, int]]:
    """What the score is made of, as (what, points): led by the fit of the job and the weeks
    it took; the network left behind is a minor term beside a job, and every closed door costs."""
    camp = state.world.campaigns[state.campaign]
    t = state.world.tuning
    doors = [c.door for c in state.contacts.values() if c.stage != UNKNOWN]
    advocates = doors.count(ADVOCATE)
    parts: list[tuple[str, int]] = []
    if state.outcome == GameOutcome.HIRED and state.job is not None:
        parts.append((f"the job's fit ({round(fit(state, state.job) * 100)}%)", round(t.score_fit * fit(state, state.job))))
        parts.append((f"savings left ({state.runway} of {camp.runway_weeks} weeks)",
                      round(t.score_runway * state.runway / max(1, camp.runway_weeks))))
        # the network counts only beside a job: advocates are no substitute for one
        if advocates:
            counted = min(advocates, t.score_advocates_max)
            parts.append((f"advocates ({counted}{' counted' if counted < advocates else ''})", t.score_advocate * counted))
    else:
        parts.append(("no job: a network without one scores nothing", 0))
    closed = doors.count(CLOSED)
    if closed:
        parts.append((f"doors closed for good ({closed})", -t.score_closed * closed))
    # someone who can't face you at the end is a door you lost, if not yet for good
    avoiding = doors.count(AVOIDING)
    if avoiding:
        parts.append((f"people avoiding you at the end ({avoiding})", -t.score_avoiding * avoiding))
    return parts


def score(state: State) -> int:
    """0-100: the sum of `score_parts`."""
    return max(0, min(100, sum(points for _, points in score_parts(state))))


def door_counts(state: State) -> dict[str, int]:
    """How many people the player knows stand at each door."""
    counts: dict[str, int] = {}
    for c in state.contacts.values():
        if c.stage != UNKNOWN:
            counts[c.door] = counts.get(c.door, 0) + 1
    return counts


def opp_visible(state: State, oid: str | None) -> str | None:
    """None if the player knows of this role, else the reason they can't act on it."""
    if oid is None or oid not in state.opportunities or state.opportunities[oid].stage == HIDDEN:
        return "You don't know of a role by that name."
    return None


def role_words(world: World, oid: str) -> str:
    """A role as the player reads it: its title at its company."""
    opp = world.opportunities[oid]
    company = world.companies[opp.company].name if opp.company in world.companies else opp.company
    return f"{opp.title} at {company}"


def promise_words(world: World, m: Commitment) -> str:
    """What a promise was for, as everyone in the game speaks of it."""
    if m.kind == PromiseKind.INTRODUCTION:
        return f"the introduction to {world.people[m.to].name}"
    return f"the word with the hiring team about the {role_words(world, m.to)} role"
