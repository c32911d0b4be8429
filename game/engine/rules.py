"""The rules: `new_game`, `apply`, `legal_actions`, `check`.

`apply(state, action)` is the one way anything changes. It returns a new State and the
Effects it caused; the old State is left as it was. Every meter change goes through
`_Turn.meter`, which clamps, applies weekly caps, writes the ledger line and emits the
Effect, so nothing can change silently.
"""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.actions import CHOICES, PROMPT_ANSWERS, VOCABULARY, Action, Impossible
from game.engine.conditions import holds
from game.engine.rng import chance, roll
from game.engine.state import (
    ABANDONED,
    ACCEPTED,
    ACTIVE_STAGES,
    ADVOCATE,
    APPLIED,
    AVOIDING,
    CLOSED,
    CONNECTED,
    EXPIRED,
    FORGOTTEN,
    FULFILLED,
    GUARDED,
    HIDDEN,
    INTERVIEWING,
    KNOWN,
    OFFER,
    OPEN,
    OPP_KNOWN,
    PENDING,
    REJECTED,
    RELEASED,
    SLIPPED,
    UNKNOWN,
    WARM,
    WITHDRAWN,
    Commitment,
    ContactState,
    Effect,
    HistoryNode,
    LedgerEntry,
    OpportunityState,
    Prompt,
    State,
)
from game.engine.world import Tuning, World

# A visible change this large (or any door change) unlocks its lesson card.
LESSON_UNLOCK_DELTA = 4

HIRED = "hired"
OUT_OF_RUNWAY = "out_of_runway"


# --------------------------------------------------------------------------------------
# new game


def new_game(world: World, campaign: str, seed: int) -> State:
    """The starting State of a campaign. Same world, campaign and seed: same game."""
    if campaign not in world.campaigns:
        known = ", ".join(world.campaigns) or "none"
        raise KeyError(f"no campaign {campaign!r} in pack {world.pack_id!r} (campaigns: {known})")
    camp = world.campaigns[campaign]
    people = camp.people or tuple(world.people)
    contacts = {pid: ContactState(pid) for pid in sorted(people)}
    ledger_week = 0
    for start in camp.contacts:
        c = contacts[start.id]
        c.stage = CONNECTED
        c.trust = start.trust
        c.familiarity = start.familiarity
        c.last_contact_week = 0
        c.ledger = (
            LedgerEntry(ledger_week, "trust", start.trust, "where things stood when the story begins", L.RELATIONSHIP_BEFORE_LEVERAGE),
            LedgerEntry(ledger_week, "familiarity", start.familiarity, "your shared history so far", L.RELATIONSHIP_BEFORE_LEVERAGE),
        )
        c.door = _door_for(world.tuning, c, OPEN, outstanding=False)
    for pid in camp.known:
        if contacts[pid].stage == UNKNOWN:
            contacts[pid].stage = KNOWN
    opp_ids = camp.opportunities or tuple(world.opportunities)
    opportunities = {oid: OpportunityState(oid) for oid in sorted(opp_ids)}
    return State(
        world=world,
        campaign=campaign,
        seed=seed,
        week=1,
        hours_left=camp.hours_per_week,
        runway=camp.runway_weeks,
        clarity=camp.clarity,
        reputation=camp.reputation,
        knowledge={f: 0 for f in campaign_fields(world, campaign)} | dict(camp.knowledge),
        contacts=contacts,
        opportunities=opportunities,
        commitments={},
        tokens={},
    )


# --------------------------------------------------------------------------------------
# derived values the UI, bots and rules share


def campaign_fields(world: World, campaign: str) -> tuple[str, ...]:
    """The fields a campaign's story touches: its people's, its roles' and its starting knowledge."""
    camp = world.campaigns[campaign]
    people = camp.people or tuple(world.people)
    opps = camp.opportunities or tuple(world.opportunities)
    used = {world.people[p].field for p in people} | {world.opportunities[o].field for o in opps}
    used |= {f for f, _ in camp.knowledge} | {f for f, _ in camp.preferences}
    return tuple(sorted(f for f in used if f in world.fields))


_FITS: dict[tuple[int, str], tuple[World, dict[str, float]]] = {}


def fit(state: State, opp_id: str) -> float:
    """How well a role truly suits the player (hidden), 0-1."""
    key = (id(state.world), state.campaign)
    cached = _FITS.get(key)
    if cached is None or cached[0] is not state.world:
        camp = state.world.campaigns[state.campaign]
        table = {
            oid: round(camp.preference(opp.field) * 0.75 + opp.appeal * 0.25, 4)
            for oid, opp in state.world.opportunities.items()
        }
        cached = _FITS[key] = (state.world, table)
    return cached[1][opp_id]


def insight(state: State, field_id: str) -> float:
    """How well the player can judge a role in this field: clarity of goals plus knowledge."""
    return min(1.0, 0.6 * state.clarity / 100 + 0.4 * state.knowledge.get(field_id, 0) / 100)


def estimated_fit(state: State, opp_id: str) -> float:
    """The fit as the player can see it: the truth, blurred toward 'no idea' (0.5)."""
    field_id = state.world.opportunities[opp_id].field
    return round(0.5 + (fit(state, opp_id) - 0.5) * insight(state, field_id), 4)


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
    opp = state.world.opportunities[opp_id]
    if state.week < opp.opens_week:
        return False
    return opp.closes_week is None or state.week <= opp.closes_week


def hire_reasons(state: State, opp_id: str) -> list[tuple[str, float]]:
    """Why a hiring decision may go your way: (reason, weight) pairs, summed into a chance.

    A decision is a weighted sum of reasons, and the reasons are returned so the game can
    show them. Multipliers are given as a final ("... x0.5", factor - 1) adjustment.
    """
    t = state.world.tuning
    opp = state.world.opportunities[opp_id]
    o = state.opportunities[opp_id]
    k = state.knowledge.get(opp.field, 0) / 100
    reasons: list[tuple[str, float]] = [("any application", t.hire_cold)]
    reasons.append(("what you know of the field", t.hire_prep * k))
    if state.reputation != 50:
        reasons.append(("your reputation", t.hire_reputation * (state.reputation - 50) / 50))
    reasons.append(("others want this role", -t.hire_competition * opp.competition))
    if o.referred:
        reasons.append(("someone vouched for you", t.hire_referral))
    hc = state.contacts.get(opp.hiring_contact)
    if hc is not None and hc.stage == CONNECTED and hc.trust > 40:
        reasons.append(("the hiring contact trusts you", t.hire_trust * (hc.trust - 40) / 60))
    if o.interview_mode == "informed":
        reasons.append(("you knew why you wanted it", t.hire_informed))
    if hc is not None and hc.guide_lost and o.interview_mode != "overclaimed":
        # they remember the "Yes!" you could not back up, whatever the role
        reasons.append(("they remember an interview you weren't ready for", -t.hire_overclaim_memory))
    total = sum(w for _, w in reasons)
    if o.interview_mode == "overclaimed":
        # judged as an interview, on preparation the player lacks
        cap = t.hire_overclaimed_prep * k + 0.05
        if total > cap:
            reasons.append(("an interview you were not ready for", cap - total))
            total = cap
    if not o.referred and (hc is None or hc.stage != CONNECTED):
        reasons.append(("one résumé among hundreds, from a stranger", -total * (1 - t.hire_unknown_factor)))
        total *= t.hire_unknown_factor
    if hc is not None and hc.door in (AVOIDING, CLOSED):
        reasons.append(("the hiring contact avoids you", -total * 0.8))
    return reasons


def hire_chance(state: State, opp_id: str) -> float:
    """The chance an application or interview for this role ends in an offer."""
    return max(0.02, min(0.95, sum(w for _, w in hire_reasons(state, opp_id))))


def score(state: State) -> int:
    """0-100: the fit of the job, the weeks it took, and the network left behind."""
    camp = state.world.campaigns[state.campaign]
    doors = [c.door for c in state.contacts.values() if c.stage != UNKNOWN]
    advocates = doors.count(ADVOCATE)
    closed = doors.count(CLOSED)
    total = 4 * min(advocates, 5) - 5 * closed
    if state.outcome == HIRED and state.job is not None:
        total += round(60 * fit(state, state.job))
        total += round(20 * state.runway / max(1, camp.runway_weeks))
    return max(0, min(100, total))


def door_counts(state: State) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in state.contacts.values():
        if c.stage != UNKNOWN:
            counts[c.door] = counts.get(c.door, 0) + 1
    return counts


def door_words(first: str, old: str, new: str) -> str:
    """What a door moving from `old` to `new` looks like to the player."""
    if new == CLOSED:
        return f"{first} will never speak to you again."
    if new == AVOIDING:
        return f"{first} is avoiding you now. \"Can I take a message?\""
    if new == GUARDED:
        return f"{first} is wary of you now."
    if new == ADVOCATE:
        return f"{first} is in your corner now, and will help without being asked."
    if new == WARM:
        return f"{first} has warmed to you." if old != ADVOCATE else f"{first} is still warm, but no longer going out of their way."
    if old == AVOIDING:
        return f"{first} feels able to face you again."
    if old == GUARDED:
        return f"{first} is willing to hear you out again."
    return f"{first} has cooled toward you a little."


def _door_for(t: Tuning, c: ContactState, current: str, outstanding: bool) -> str:
    """The door a contact's meters call for, with hysteresis from the current one."""
    if current == CLOSED:
        return CLOSED
    if c.trust <= t.closed_trust and c.stage == CONNECTED and c.familiarity > 0:
        return CLOSED
    if current == AVOIDING:
        if c.embarrassment > t.avoid_exit or (outstanding and c.embarrassment > 0):
            return AVOIDING
    elif c.embarrassment >= t.avoid_enter:
        return AVOIDING
    if current == ADVOCATE and c.trust >= t.advocate_exit_trust:
        return ADVOCATE
    if c.trust >= t.advocate_enter_trust and c.familiarity >= t.advocate_enter_familiarity:
        return ADVOCATE
    if current in (WARM, ADVOCATE):
        if c.trust >= t.warm_exit_trust and c.familiarity >= t.warm_exit_familiarity:
            return WARM
    elif c.trust >= t.warm_enter_trust and c.familiarity >= t.warm_enter_familiarity:
        return WARM
    if current == GUARDED:
        return GUARDED if c.trust < t.guarded_exit else OPEN
    if c.stage == CONNECTED and c.trust < t.guarded_enter:
        return GUARDED
    return OPEN


# --------------------------------------------------------------------------------------
# the working copy for one apply


class _Turn:
    __slots__ = ("s", "w", "t", "effects", "outcome", "_contacts", "_opps", "_promises", "_dicts")

    def __init__(self, state: State) -> None:
        self.s = state.copy()
        self.w = state.world
        self.t = state.world.tuning
        self.effects: list[Effect] = []
        self.outcome = "done"  # how the action turned out: the key for dialogue lines
        self._contacts: set[str] | None = None  # ids already copied this turn
        self._opps: set[str] | None = None
        self._promises: set[str] | None = None
        self._dicts: set[str] = set()

    # copy on write ---------------------------------------------------------------------
    def _dict(self, name: str) -> dict:
        if name not in self._dicts:
            setattr(self.s, name, dict(getattr(self.s, name)))
            self._dicts.add(name)
        return getattr(self.s, name)

    def c(self, cid: str) -> ContactState:
        copied = self._contacts
        if copied is None:
            copied = self._contacts = set()
            self.s.contacts = dict(self.s.contacts)
        d = self.s.contacts
        if cid not in copied:
            d[cid] = d[cid].copy()
            copied.add(cid)
        return d[cid]

    def o(self, oid: str) -> OpportunityState:
        copied = self._opps
        if copied is None:
            copied = self._opps = set()
            self.s.opportunities = dict(self.s.opportunities)
        d = self.s.opportunities
        if oid not in copied:
            d[oid] = d[oid].copy()
            copied.add(oid)
        return d[oid]

    def cm(self, kid: str) -> Commitment:
        copied = self._promises
        if copied is None:
            copied = self._promises = set()
            self.s.commitments = dict(self.s.commitments)
        d = self.s.commitments
        if kid not in copied:
            d[kid] = d[kid].copy()
            copied.add(kid)
        return d[kid]

    def add_promise(self, m: Commitment) -> None:
        if self._promises is None:
            self._promises = set()
            self.s.commitments = dict(self.s.commitments)
        self.s.commitments[m.id] = m
        self._promises.add(m.id)

    # words -----------------------------------------------------------------------------
    def name(self, cid: str) -> str:
        return self.w.people[cid].first_name

    def full(self, cid: str) -> str:
        return self.w.people[cid].name

    def role(self, oid: str) -> str:
        opp = self.w.opportunities[oid]
        company = self.w.companies[opp.company].name if opp.company in self.w.companies else opp.company
        return f"{opp.title} at {company}"

    # randomness ------------------------------------------------------------------------
    def chance(self, p: float, what: str, who: str = "") -> bool:
        return chance(p, self.s.seed, self.s.week, what, who)

    def roll(self, what: str, who: str = "") -> float:
        return roll(self.s.seed, self.s.week, what, who)

    # effects ---------------------------------------------------------------------------
    def emit(self, target: str, meter: str, delta: int, cause: str, lesson: str,
             visible: bool = True, before: object = None, after: object = None) -> None:
        effect = Effect(self.s.week, target, meter, delta, cause, lesson, visible, before, after)
        self.effects.append(effect)
        if visible and lesson not in self.s.lessons and (
            abs(delta) >= LESSON_UNLOCK_DELTA or meter in ("door", "introduction", "token", "interview")
        ):
            self.s.lessons = self.s.lessons | {lesson}
            self.effects.append(Effect(self.s.week, lesson, "lesson", 0, "A new card in your codex.", lesson, True))

    def note(self, target: str, kind: str, cause: str, lesson: str, visible: bool = True) -> None:
        """An event with no number attached (a message, an introduction, a slipped promise)."""
        self.emit(target, kind, 0, cause, lesson, visible)

    def seen(self, cid: str) -> bool:
        return self.s.contacts[cid].stage != UNKNOWN

    def meter(self, cid: str, meter: str, delta: int, cause: str, lesson: str,
              visible: bool | None = None, capped: bool = True) -> int:
        """Change a contact's meter; returns the change actually made."""
        if delta == 0:
            return 0
        c = self.c(cid)
        before = getattr(c, meter)
        if capped and delta > 0 and meter in ("trust", "familiarity"):
            gained = c.trust_gain_week if meter == "trust" else c.familiarity_gain_week
            cap = self.t.trust_cap_per_week if meter == "trust" else self.t.familiarity_cap_per_week
            delta = min(delta, max(0, cap - gained))
            if delta == 0:
                return 0
        after = max(0, min(100, before + delta))
        applied = after - before
        if applied == 0:
            return 0
        setattr(c, meter, after)
        if capped and applied > 0:
            if meter == "trust":
                c.trust_gain_week += applied
            elif meter == "familiarity":
                c.familiarity_gain_week += applied
        vis = self.seen(cid) if visible is None else visible
        c.ledger = c.ledger + (LedgerEntry(self.s.week, meter, applied, cause, lesson, vis),)
        self.emit(cid, meter, applied, cause, lesson, vis, before, after)
        return applied

    def player(self, meter: str, delta: int, cause: str, lesson: str) -> int:
        """Change a player quantity: clarity, reputation, runway or knowledge:FIELD."""
        if meter.startswith("knowledge:"):
            field_id = meter.split(":", 1)[1]
            before = self.s.knowledge.get(field_id, 0)
        else:
            before = getattr(self.s, meter)
        high = 10_000 if meter == "runway" else 100
        after = max(0, min(high, before + delta))
        applied = after - before
        if applied == 0:
            return 0
        if meter.startswith("knowledge:"):
            self._dict("knowledge")[field_id] = after
        else:
            setattr(self.s, meter, after)
        self.s.player_ledger = self.s.player_ledger + (
            LedgerEntry(self.s.week, meter, applied, cause, lesson, True),
        )
        self.emit("player", meter, applied, cause, lesson, True, before, after)
        return applied

    def update_door(self, cid: str, lesson: str) -> None:
        """Move the door if the meters call for it; a moved door is always an Effect."""
        c = self.s.contacts[cid]
        promises = self.s.commitments
        outstanding = bool(promises) and any(m.by == cid and m.outstanding for m in promises.values())
        new = _door_for(self.t, c, c.door, outstanding)
        if new != c.door:
            old = c.door
            self.c(cid).door = new
            self.emit(cid, "door", 0, door_words(self.name(cid), old, new), lesson, self.seen(cid), old, new)

    def connect(self, cid: str, trust: int, familiarity: int, cause: str, lesson: str,
                introduced_by: str | None = None) -> None:
        """The player and this person are now speaking."""
        c = self.c(cid)
        if c.stage == CONNECTED:
            return
        c.stage = CONNECTED
        c.introduced_by = introduced_by
        c.last_contact_week = self.s.week
        self.note(cid, "introduction", cause, lesson)
        # starting meters are where things stand, not gains this week
        self.meter(cid, "trust", trust - c.trust, "first impression", lesson, capped=False)
        self.meter(cid, "familiarity", familiarity, "first conversation", lesson, capped=False)
        self.update_door(cid, lesson)

    def hear_of(self, cid: str, cause: str, lesson: str) -> None:
        if self.s.contacts[cid].stage == UNKNOWN:
            self.c(cid).stage = KNOWN
            self.note(cid, "known", cause, lesson)

    def leak(self, cid: str, damage: int, what: str, lesson: str = L.REPUTATION_TRAVELS) -> None:
        """Word of how you treated someone travels to the people they know.

        Bad news travels further than good news (`leak_bad` > `leak_good`).
        """
        share = self.t.leak_bad if damage < 0 else self.t.leak_good
        for other, strength in self.w.people[cid].ties:
            if other not in self.s.contacts:
                continue
            oc = self.s.contacts[other]
            if oc.door == CLOSED:
                continue
            delta = round(damage * share * strength)
            if delta:
                self.meter(other, "trust", delta, f"word reached {self.name(other)} that {what}", lesson)
                self.update_door(other, lesson)

    def touch(self, cid: str) -> int:
        """The player made contact: any promise that slipped comes back to their mind.

        Returns the embarrassment that surfaced (0 if nothing was owed).
        """
        c = self.c(cid)
        c.last_contact_week = self.s.week
        surfaced = 0
        for m in self.s.outstanding_commitments(cid):
            if m.status in SLIPPED and m.latent:
                latent = m.latent
                self.cm(m.id).latent = 0
                what = self._promise_words(m)
                surfaced += self.meter(cid, "embarrassment", latent,
                                       f"seeing you reminded {self.name(cid)} that {what} never happened",
                                       L.CAUSED_COMMITMENT)
        self.update_door(cid, L.CAUSED_COMMITMENT)
        return surfaced

    def _promise_words(self, m: Commitment) -> str:
        if m.kind == "introduction":
            return f"the introduction to {self.full(m.to)}"
        return f"the word with the hiring team about the {self.role(m.to)} role"



# --------------------------------------------------------------------------------------
# legality


_COSTS: dict[int, tuple[Tuning, dict[str, int]]] = {}
_LAST_COSTS: list = [None, {}]  # the most recent tuning and its table: nearly every call hits it


def _cost(t: Tuning, name: str) -> int:
    if t is _LAST_COSTS[0]:
        return _LAST_COSTS[1].get(name, 0)
    cached = _COSTS.get(id(t))
    if cached is None or cached[0] is not t:
        table = {
            "research": t.cost_research,
            "reflect": t.cost_reflect,
            "reach_out": t.cost_reach_out,
            "meet": t.cost_meet,
            "check_in": t.cost_check_in,
            "thank": t.cost_thank,
            "ask_intro": t.cost_ask,
            "ask_referral": t.cost_ask,
            "follow_up": t.cost_follow_up,
            "release": t.cost_release,
            "apply": t.cost_apply,
        }
        cached = _COSTS[id(t)] = (t, table)
    _LAST_COSTS[0], _LAST_COSTS[1] = cached
    return cached[1].get(name, 0)


def cost(state: State, action: Action) -> int:
    """Hours the action takes out of the week."""
    return _cost(state.world.tuning, action.name)


_NOT_TAKEN = {
    name: tuple(k for k in ("contact", "target", "opportunity", "field", "choice") if k not in params)
    for name, params in VOCABULARY.items()
}


def check(state: State, action: Action) -> str | None:
    """None if the action can be taken now, else the reason it cannot, in the game's words."""
    w = state.world
    name = action.name
    if name not in VOCABULARY:
        return f"There is no action called {name!r}."
    if state.over:
        return "The campaign is over."
    for key in _NOT_TAKEN[name]:
        if getattr(action, key) is not None:
            return f"{name} does not take {key}."
    for key in VOCABULARY[name]:
        if getattr(action, key) is None:
            return f"{name} needs {key}."
    if name in CHOICES and action.choice not in CHOICES[name]:
        return f"{name} takes one of: {', '.join(CHOICES[name])}."
    if state.prompt is not None:
        if name not in PROMPT_ANSWERS[state.prompt.kind]:
            who = w.people[state.prompt.contact].first_name
            return f"First answer {who}'s {'offer' if state.prompt.kind == 'offer' else 'question'}."
        return None
    if name in ("accept_offer", "ask_permission", "decline_offer"):
        return "Nobody has offered you anything just now."
    if name == "answer_interest":
        return "Nobody has asked about your interest just now."
    need = _cost(w.tuning, name)
    if need > state.hours_left:
        return f"Not enough time left this week: it takes {need}h and you have {state.hours_left}h."

    if action.contact is not None:
        cid = action.contact
        c = state.contacts.get(cid)
        if c is None or c.stage == UNKNOWN:
            return "You don't know anyone by that name yet."
        first = w.people[cid].first_name
        if c.door == CLOSED:
            return f"{first} will not speak to you again."
        if name == "reach_out":
            if c.stage == CONNECTED:
                return f"You are already in touch with {first}: meet or check in instead."
            if c.reach_out_week == state.week:
                return f"You already wrote to {first} this week."
            return None
        if c.stage != CONNECTED:
            return f"You haven't been in touch with {first} yet: reach out first."
        if name in ("follow_up", "release") and not state.outstanding_commitments(cid):
            return f"{first} owes you nothing."
        if name == "thank" and not (c.owed_thanks or c.advice_pending):
            return f"{first} hasn't done anything for you lately to thank them for."
        if name == "meet" and c.met_week == state.week and c.door != AVOIDING:
            return f"You already met {first} this week."
        if name == "ask_intro":
            tid = action.target
            if tid not in state.contacts or state.contacts[tid].stage == UNKNOWN:
                return f"{first} hasn't mentioned anyone by that name."
            if w.people[cid].tie_strength(tid) <= 0:
                return f"{first} doesn't know {w.people[tid].first_name}."
            if state.contacts[tid].stage == CONNECTED:
                return f"You are already in touch with {w.people[tid].first_name}."
            if any(m.to == tid and m.outstanding for m in state.commitments.values()):
                return f"An introduction to {w.people[tid].first_name} is already promised."
        if name == "ask_referral":
            oid = action.opportunity
            reason = _opp_visible(state, oid)
            if reason:
                return reason
            opp = w.opportunities[oid]
            if opp.hiring_contact == cid:
                return f"{first} is the hiring contact: apply or talk to them directly."
            if w.people[cid].company != opp.company and w.people[cid].tie_strength(opp.hiring_contact) <= 0:
                return f"{first} has no way to put in a word for that role."
            if state.opportunities[oid].referred:
                return "Someone has already put in a word for you there."
            if state.opportunities[oid].stage not in (OPP_KNOWN, APPLIED, INTERVIEWING):
                return "That role is no longer in play."
            if any(m.to == oid and m.outstanding for m in state.commitments.values()):
                return "A word for that role is already promised."
        return None

    if name == "research":
        if action.field not in state.knowledge:
            if action.field in w.fields:
                return f"{w.fields[action.field].name} plays no part in this story."
            return f"There is no field called {action.field!r}."
        return None
    if name in ("apply", "withdraw", "accept_job"):
        oid = action.opportunity
        reason = _opp_visible(state, oid)
        if reason:
            return reason
        o = state.opportunities[oid]
        if name == "apply":
            if o.stage != OPP_KNOWN:
                return "You are already in that process." if o.stage in ACTIVE_STAGES else "That role is no longer open to you."
            if not is_open(state, oid):
                return "That role isn't taking applications."
        elif name == "withdraw" and o.stage not in ACTIVE_STAGES:
            return "You are not in that hiring process."
        elif name == "accept_job" and o.stage != OFFER:
            return "There is no offer for that role to accept."
        return None
    return None


def _opp_visible(state: State, oid: str | None) -> str | None:
    if oid not in state.opportunities or state.opportunities[oid].stage == HIDDEN:
        return "You don't know of a role by that name."
    return None


def legal_actions(state: State) -> list[Action]:
    """Every action that can be taken now, in a stable order."""
    if state.over:
        return []
    w = state.world
    if state.prompt is not None:
        if state.prompt.kind == "offer":
            return [Action("accept_offer"), Action("ask_permission"), Action("decline_offer")]
        return [Action("answer_interest", choice=ch) for ch in CHOICES["answer_interest"]]
    out: list[Action] = [Action("research", field=f) for f in state.knowledge]
    out.append(Action("reflect"))
    known_opps = [oid for oid, o in state.opportunities.items() if o.stage != HIDDEN]
    for cid, c in state.contacts.items():
        if c.stage == UNKNOWN or c.door == CLOSED:
            continue
        if c.stage == KNOWN:
            out.append(Action("reach_out", contact=cid))
            continue
        out.extend(Action("meet", contact=cid, choice=ch) for ch in CHOICES["meet"])
        out.append(Action("check_in", contact=cid))
        if c.owed_thanks or c.advice_pending:
            out.append(Action("thank", contact=cid))
        if state.outstanding_commitments(cid):
            out += [Action("follow_up", contact=cid), Action("release", contact=cid)]
        person = w.people[cid]
        for tid, _ in person.ties:
            if tid in state.contacts and state.contacts[tid].stage == KNOWN:
                out.append(Action("ask_intro", contact=cid, target=tid))
        for oid in known_opps:
            opp = w.opportunities[oid]
            if opp.company == person.company or person.tie_strength(opp.hiring_contact) > 0:
                out.append(Action("ask_referral", contact=cid, opportunity=oid))
    for oid in known_opps:
        stage = state.opportunities[oid].stage
        if stage == OPP_KNOWN:
            out.append(Action("apply", opportunity=oid))
        elif stage in ACTIVE_STAGES:
            out.append(Action("withdraw", opportunity=oid))
            if stage == OFFER:
                out.append(Action("accept_job", opportunity=oid))
    out.append(Action("end_week"))
    return [a for a in out if check(state, a) is None]


# --------------------------------------------------------------------------------------
# apply


def apply(state: State, action: Action) -> tuple[State, list[Effect]]:
    """Take an action. Raises Impossible (with the reason) if it cannot be taken now."""
    reason = check(state, action)
    if reason is not None:
        raise Impossible(reason)
    turn = _Turn(state)
    turn.s.hours_left -= _cost(turn.t, action.name)
    _HANDLERS[action.name](turn, action)
    turn.s.steps += 1
    effects = tuple(turn.effects)
    turn.s.history = HistoryNode(state.history, action, state.week, effects, turn.outcome)
    return turn.s, list(effects)


# --- actions on your own ---------------------------------------------------------------


def _research(turn: _Turn, a: Action) -> None:
    s, field_id = turn.s, a.field
    k = s.knowledge.get(field_id, 0)
    gain = max(3, round(14 * (1 - k / 120)))
    fname = turn.w.fields[field_id].name
    turn.player(f"knowledge:{field_id}", gain, f"you researched {fname}", L.DO_YOUR_HOMEWORK)
    turn.outcome = "learned"
    for oid in s.opportunities:
        opp = turn.w.opportunities[oid]
        if opp.field == field_id and opp.posted and s.opportunities[oid].stage == HIDDEN and is_open(s, oid):
            o = turn.o(oid)
            o.stage, o.stage_week = OPP_KNOWN, s.week
            turn.note(oid, "opportunity", f"You found a posting: {turn.role(oid)}.", L.DO_YOUR_HOMEWORK)
            turn.outcome = "found_posting"
            turn.hear_of(opp.hiring_contact, f"{turn.full(opp.hiring_contact)} is named on the posting.", L.DO_YOUR_HOMEWORK)


def _reflect(turn: _Turn, a: Action) -> None:
    c = turn.s.clarity
    gain = max(2, round(12 * (1 - c / 120)))
    turn.player("clarity", gain, "you took stock of what you really want", L.DO_YOUR_HOMEWORK)


# --- people -------------------------------------------------------------------------------


def _reach_out(turn: _Turn, a: Action) -> None:
    s, cid = turn.s, a.contact
    turn.c(cid).reach_out_week = s.week
    token = s.tokens.get(cid)
    p = 0.3 + (s.reputation - 50) / 100 + (0.6 if token else 0.0)
    first = turn.name(cid)
    if turn.chance(p, "reach_out", cid):
        trust = 30 + (s.reputation - 50) // 5
        if token:
            trust += 15
            cause = f"{first} wrote back warmly: you mentioned {turn.name(token)}, who said you could."
            turn.connect(cid, trust, 6, cause, L.REDUCE_THEIR_RISK, introduced_by=token)
            turn.outcome = "warm_reply"
        else:
            turn.connect(cid, trust, 4, f"{first} answered your note and agreed to talk.", L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = "reply"
    else:
        turn.note(cid, "message", f"No reply from {first} yet. People are busy; you can try again next week.",
                  L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.outcome = "no_reply"


def _take_a_message(turn: _Turn, cid: str) -> None:
    turn.touch(cid)
    turn.note(cid, "message", f"\"Can I take a message?\" {turn.name(cid)} isn't available.", L.CAUSED_COMMITMENT)
    turn.outcome = "message_taken"


def _meet(turn: _Turn, a: Action) -> None:
    s, w, cid = turn.s, turn.w, a.contact
    if s.contacts[cid].door == AVOIDING:
        _take_a_message(turn, cid)
        return
    person = w.people[cid]
    first = person.first_name
    turn.touch(cid)
    if turn.s.contacts[cid].door == AVOIDING:
        turn.note(cid, "message", f"{first} cut the meeting short and left quickly.", L.CAUSED_COMMITMENT)
        turn.outcome = "cut_short"
        return
    c = turn.c(cid)
    c.met_count += 1
    c.met_week = s.week
    c.owed_thanks = True
    c.advice_pending = True
    prep = preparation(s, person.field)
    prepared = prep >= turn.t.homework_threshold
    fname = w.fields[person.field].name if person.field in w.fields else person.field
    if a.choice == "advice":
        turn.meter(cid, "familiarity", 8, f"you asked {first} for advice", L.RELATIONSHIP_BEFORE_LEVERAGE)
        if prepared:
            turn.meter(cid, "trust", 4, f"your clear questions made {first} easy to help", L.DO_YOUR_HOMEWORK)
        else:
            turn.meter(cid, "trust", -2, f"{first} worked hard to figure out what you need", L.DO_YOUR_HOMEWORK)
        turn.player("clarity", 4, f"{first}'s advice sharpened your goals", L.DO_YOUR_HOMEWORK)
        if prepared:
            for tid, strength in sorted(person.ties, key=lambda t: (-t[1], t[0]))[:2]:
                if tid in s.contacts and strength >= 0.4:
                    turn.hear_of(tid, f"{first} mentioned {turn.full(tid)}.", L.DO_YOUR_HOMEWORK)
    elif a.choice == "learn":
        turn.meter(cid, "familiarity", 7, f"you asked {first} about their work", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.meter(cid, "trust", 3, f"{first} enjoyed talking about their work", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.player(f"knowledge:{person.field}", 8, f"{first} showed you how {fname} works from inside", L.DO_YOUR_HOMEWORK)
        turn.player("clarity", 2, "hearing about real work told you what you like", L.DO_YOUR_HOMEWORK)
    else:  # offer_help
        turn.meter(cid, "familiarity", 7, f"you offered {first} a hand with something of theirs", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.meter(cid, "trust", 6, f"you gave before asking; {first} noticed", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.player("reputation", 1, f"you helped {first}", L.REPUTATION_TRAVELS)
    turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.outcome = a.choice if prepared else f"{a.choice}_unprepared"
    c.memory = c.memory + (f"met:{a.choice}",)
    _maybe_prompt(turn, cid, prepared)


def _maybe_prompt(turn: _Turn, cid: str, prepared: bool) -> None:
    """A meeting may end with the interest question or a volunteered offer."""
    s, w = turn.s, turn.w
    c = s.contacts[cid]
    for oid in sorted(s.opportunities):
        opp = w.opportunities[oid]
        o = s.opportunities[oid]
        if opp.hiring_contact == cid and oid not in c.asked_interest and o.stage in (HIDDEN, OPP_KNOWN) \
                and is_open(s, oid):
            turn.c(cid).asked_interest = c.asked_interest | {oid}
            if o.stage == HIDDEN:
                oo = turn.o(oid)
                oo.stage, oo.stage_week = OPP_KNOWN, s.week
                oo.introduced_by = c.introduced_by
                turn.note(oid, "opportunity", f"{turn.name(cid)} mentioned an opening: {turn.role(oid)}.", L.HONEST_INTEREST)
            elif turn.s.opportunities[oid].introduced_by is None:
                turn.o(oid).introduced_by = c.introduced_by
            s.prompt = Prompt("interest", cid, oid)
            return
    if c.offered or c.door in (GUARDED, AVOIDING, CLOSED) or "pressed" in c.memory:
        return
    person = w.people[cid]
    target = person.volunteers_intro_to
    if target is not None and target in s.contacts and s.contacts[target].stage != CONNECTED:
        # the heat-of-the-moment offer: it comes whether or not the player is ready
        turn.c(cid).offered = True
        s.prompt = Prompt("offer", cid, target)
        return
    if not prepared:
        return  # they can't tell whom to introduce you to
    generosity = person.traits.generosity - c.generosity_penalty
    candidates = [t for t, st in sorted(person.ties, key=lambda t: (-t[1], t[0]))
                  if t in s.contacts and s.contacts[t].stage != CONNECTED and st >= 0.3]
    if candidates and generosity >= 0.55 and turn.chance(generosity * 0.5, "offer", cid):
        turn.c(cid).offered = True
        s.prompt = Prompt("offer", cid, candidates[0])


def _check_in(turn: _Turn, a: Action) -> None:
    cid = a.contact
    if turn.s.contacts[cid].door == AVOIDING:
        _take_a_message(turn, cid)
        return
    first = turn.name(cid)
    awkward = turn.touch(cid)
    if turn.s.contacts[cid].door == AVOIDING:
        turn.outcome = "cut_short"
        return
    c = turn.s.contacts[cid]
    turn.outcome = "caught_up"
    turn.meter(cid, "familiarity", 4, f"you checked in on {first}", L.RELATIONSHIP_BEFORE_LEVERAGE)
    if not awkward:  # a catch-up overshadowed by an unkept promise warms nobody
        turn.meter(cid, "trust", 2 if c.familiarity >= 20 else 1, f"{first} liked hearing from you",
                   L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)


def _thank(turn: _Turn, a: Action) -> None:
    cid = a.contact
    first = turn.name(cid)
    if turn.s.contacts[cid].door == AVOIDING:
        _take_a_message(turn, cid)
        return
    turn.touch(cid)
    c = turn.c(cid)
    turn.outcome = "thanked"
    if c.owed_thanks:
        c.owed_thanks = False
        turn.meter(cid, "trust", 4, f"you thanked {first}", L.CLOSE_THE_LOOP)
        turn.meter(cid, "familiarity", 3, f"a thank-you keeps {first} in the loop", L.CLOSE_THE_LOOP)
    if c.advice_pending:
        c.advice_pending = False
        turn.outcome = "reported_back"
        turn.meter(cid, "trust", 4, f"you told {first} what you did with their advice", L.CLOSE_THE_LOOP)
    turn.leak(cid, 4, f"you close the loop with {first}", L.REPUTATION_TRAVELS)
    turn.update_door(cid, L.CLOSE_THE_LOOP)


def _press(turn: _Turn, cid: str, what: str) -> None:
    """An ask before the relationship exists: trust drops and word travels."""
    first = turn.name(cid)
    c = turn.c(cid)
    c.memory = c.memory + ("pressed",)
    turn.meter(cid, "trust", -turn.t.press_trust_loss,
               f"you asked {first} {what} before there was a relationship", L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.player("reputation", -2, f"pressing {first} for a favour", L.REPUTATION_TRAVELS)
    turn.leak(cid, -turn.t.press_trust_loss, f"you pressed {first} for a favour")
    turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)


def _promise(turn: _Turn, cid: str, kind: str, to: str, asked: bool, overstep_p: float) -> Commitment:
    s = turn.s
    kid = f"promise-{s.next_commitment}"
    s.next_commitment += 1
    oversteps = turn.chance(overstep_p, "oversteps", kid)
    m = Commitment(kid, cid, kind, to, asked, oversteps, s.week)
    turn.add_promise(m)
    if oversteps:
        what = turn.full(to) if kind == "introduction" else turn.role(to)
        turn.note(cid, "commitment", f"{turn.name(cid)} has doubts: {what} would not welcome this.",
                  L.CAUSED_COMMITMENT, visible=False)
    return m


def _intro_trust(turn: _Turn, introducer: str, target: str) -> int:
    s = turn.s
    prep = preparation(s, turn.w.people[target].field)
    trust = 40 + (s.contacts[introducer].trust - 50) // 3 + (s.reputation - 50) // 5
    if prep < turn.t.homework_threshold:
        trust -= 8  # they could not say what you are looking for
    return trust


def _ask_intro(turn: _Turn, a: Action) -> None:
    s, cid, tid = turn.s, a.contact, a.target
    if s.contacts[cid].door == AVOIDING:
        _take_a_message(turn, cid)
        return
    turn.touch(cid)
    first, target = turn.name(cid), turn.full(tid)
    if is_pressing(s, cid):
        _press(turn, cid, "for an introduction")
        generosity = turn.w.people[cid].traits.generosity - s.contacts[cid].generosity_penalty
        if s.contacts[cid].door not in (CLOSED, AVOIDING) and turn.chance(generosity * 0.6, "reluctant", cid + tid):
            busy = turn.w.people[tid].traits.busyness
            _promise(turn, cid, "introduction", tid, asked=True, overstep_p=0.45 + 0.3 * busy)
            turn.note(cid, "commitment", f"\"I'll see what I can do,\" says {first}, without meeting your eye.",
                      L.CAUSED_COMMITMENT)
            turn.outcome = "pressed_promise"
        else:
            turn.note(cid, "message", f"{first} changes the subject.", L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = "pressed_refused"
        return
    turn.connect(tid, _intro_trust(turn, cid, tid), 8,
                 f"{first} introduced you to {target}: an easy favour between friends.",
                 L.RELATIONSHIP_BEFORE_LEVERAGE, introduced_by=cid)
    c = turn.c(cid)
    c.owed_thanks = True
    turn.meter(cid, "familiarity", 2, f"{first} went out of their way for you", L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.outcome = "introduced"


def _ask_referral(turn: _Turn, a: Action) -> None:
    s, cid, oid = turn.s, a.contact, a.opportunity
    if s.contacts[cid].door == AVOIDING:
        _take_a_message(turn, cid)
        return
    turn.touch(cid)
    first = turn.name(cid)
    if is_pressing(s, cid):
        _press(turn, cid, "to vouch for you")
        generosity = turn.w.people[cid].traits.generosity - s.contacts[cid].generosity_penalty
        if s.contacts[cid].door not in (CLOSED, AVOIDING) and turn.chance(generosity * 0.6, "reluctant", cid + oid):
            _promise(turn, cid, "referral", oid, asked=True, overstep_p=0.5)
            turn.note(cid, "commitment", f"\"Sure, I'll pass it on,\" says {first}, a little too quickly.",
                      L.CAUSED_COMMITMENT)
            turn.outcome = "pressed_promise"
        else:
            turn.note(cid, "message", f"{first} says they don't really know your work yet.", L.RELATIONSHIP_BEFORE_LEVERAGE)
            turn.outcome = "pressed_refused"
        return
    o = turn.o(oid)
    o.referred = True
    if o.introduced_by is None:
        o.introduced_by = cid
    hc = turn.w.opportunities[oid].hiring_contact
    turn.hear_of(hc, f"{first} told you {turn.full(hc)} is hiring for it.", L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.note(oid, "referral", f"{first} put in a good word for you for {turn.role(oid)}.", L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.c(cid).owed_thanks = True
    turn.outcome = "referred"


# --- answering a volunteered offer -------------------------------------------------------


def _accept_offer(turn: _Turn, a: Action) -> None:
    s = turn.s
    p = s.prompt
    s.prompt = None
    cid, tid = p.contact, p.subject
    busy = turn.w.people[tid].traits.busyness
    prep = preparation(s, turn.w.people[tid].field)
    _promise(turn, cid, "introduction", tid, asked=False, overstep_p=max(0.0, 0.25 + 0.3 * busy - 0.3 * prep))
    turn.meter(cid, "trust", 2, f"{turn.name(cid)} is pleased to be helping", L.CAUSED_COMMITMENT)
    turn.note(cid, "commitment", f"{turn.name(cid)} will set up a call with {turn.full(tid)}.", L.CAUSED_COMMITMENT)
    turn.c(cid).memory = s.contacts[cid].memory + (f"promised:{tid}",)
    turn.outcome = "promised"


def _ask_permission(turn: _Turn, a: Action) -> None:
    s = turn.s
    p = s.prompt
    s.prompt = None
    cid, tid = p.contact, p.subject
    turn._dict("tokens")[tid] = cid
    turn.outcome = "permission"
    turn.meter(cid, "trust", 4, f"you made helping easy for {turn.name(cid)}: no favour to remember",
               L.REDUCE_THEIR_RISK)
    turn.hear_of(tid, f"{turn.name(cid)} said you can mention their name to {turn.full(tid)}.", L.REDUCE_THEIR_RISK)
    turn.note(tid, "token", f"You may mention {turn.name(cid)}'s name when you reach out to {turn.full(tid)}.",
              L.REDUCE_THEIR_RISK)


def _decline_offer(turn: _Turn, a: Action) -> None:
    s = turn.s
    p = s.prompt
    s.prompt = None
    turn.meter(p.contact, "familiarity", 1, f"you thanked {turn.name(p.contact)} and said you'd come back to it",
               L.REDUCE_THEIR_RISK)
    turn.outcome = "declined"


# --- promises ----------------------------------------------------------------------------------


def _follow_up(turn: _Turn, a: Action) -> None:
    s, cid = turn.s, a.contact
    first = turn.name(cid)
    m = s.outstanding_commitments(cid)[0]
    what = turn._promise_words(m)
    mm = turn.cm(m.id)
    mm.reminders += 1
    turn.c(cid).last_contact_week = s.week
    face = turn.w.people[cid].traits.face
    if s.contacts[cid].door == AVOIDING:
        turn.meter(cid, "embarrassment", turn.t.reminder_jump // 2,
                   f"you followed up again; now {first} knows you know", L.CAUSED_COMMITMENT)
        old = s.contacts[cid].door
        turn.c(cid).door = CLOSED
        turn.emit(cid, "door", 0, door_words(first, old, CLOSED), L.CAUSED_COMMITMENT, True, old, CLOSED)
        turn.player("reputation", -3, f"you chased {first} until the door shut", L.REPUTATION_TRAVELS)
        turn.leak(cid, -10, f"you kept chasing {first}")
        turn.c(cid).memory = s.contacts[cid].memory + ("chased",)
        turn.outcome = "door_closed"
        return
    if m.status in SLIPPED:
        jump = m.latent + round(turn.t.reminder_jump * (0.5 + face))
        mm.latent = 0
        turn.meter(cid, "embarrassment", jump, f"you reminded {first} that {what} never happened", L.CAUSED_COMMITMENT)
        turn.update_door(cid, L.CAUSED_COMMITMENT)
        turn.outcome = "reminded"
        if turn.s.contacts[cid].door == AVOIDING:
            turn.note(cid, "message", f"\"Can I take a message?\" {first} is suddenly hard to reach.", L.CAUSED_COMMITMENT)
            turn.outcome = "avoiding"
        return
    # still meaning to: the nudge stings a little, and may get it done
    turn.meter(cid, "embarrassment", round(8 * (0.5 + face)), f"you nudged {first} about {what}", L.CAUSED_COMMITMENT)
    turn.outcome = "nudged"
    if turn.chance(turn.w.people[cid].traits.follow_through * 0.6, "nudge", m.id):
        _fulfil(turn, m.id)
        turn.outcome = "nudged_done"
    turn.update_door(cid, L.CAUSED_COMMITMENT)


def _release(turn: _Turn, a: Action) -> None:
    s, cid = turn.s, a.contact
    first = turn.name(cid)
    m = s.outstanding_commitments(cid)[0]
    mm = turn.cm(m.id)
    was_latent = mm.latent
    mm.status, mm.latent = RELEASED, 0
    turn.outcome = "released"
    turn.c(cid).last_contact_week = s.week
    turn.note(cid, "commitment", f"You told {first} not to worry about {turn._promise_words(m)}: you'd handle it.",
              L.CAUSED_COMMITMENT)
    turn.meter(cid, "embarrassment", -20 if not was_latent else -10, f"{first} is relieved to be let off the hook",
               L.CAUSED_COMMITMENT)
    turn.meter(cid, "trust", 2, f"{first} appreciates the grace", L.CAUSED_COMMITMENT)
    if m.kind == "introduction":
        turn.hear_of(m.to, f"You can reach {turn.full(m.to)} yourself.", L.CAUSED_COMMITMENT)
    turn.update_door(cid, L.CAUSED_COMMITMENT)


def _fulfil(turn: _Turn, kid: str) -> None:
    m = turn.cm(kid)
    m.status = FULFILLED
    cid = m.by
    first = turn.name(cid)
    if m.kind == "introduction":
        turn.connect(m.to, _intro_trust(turn, cid, m.to), 6, f"{first} introduced you to {turn.full(m.to)}, as promised.",
                     L.CAUSED_COMMITMENT, introduced_by=cid)
    else:
        o = turn.o(m.to)
        if o.stage in (OPP_KNOWN, APPLIED, INTERVIEWING):
            o.referred = True
            if o.introduced_by is None:
                o.introduced_by = cid
            turn.note(m.to, "referral", f"{first} passed your name on for {turn.role(m.to)}, as promised.",
                      L.CAUSED_COMMITMENT)
    turn.c(cid).owed_thanks = True
    turn.update_door(cid, L.CAUSED_COMMITMENT)


# --- the interest question ---------------------------------------------------------------------


def _answer_interest(turn: _Turn, a: Action) -> None:
    s = turn.s
    p = s.prompt
    s.prompt = None
    cid, oid = p.contact, p.subject
    opp = turn.w.opportunities[oid]
    first = turn.name(cid)
    if a.choice == "eager_yes":
        honest = knowable_interest(s, opp.field) >= turn.t.honest_threshold and fit(s, oid) >= 0.45
        o = turn.o(oid)
        o.stage, o.stage_week = INTERVIEWING, s.week
        if honest:
            o.interview_mode = "informed"
            turn.meter(cid, "trust", 3, f"you knew why you wanted {turn.role(oid)}, and it showed", L.HONEST_INTEREST)
            turn.note(oid, "opportunity", f"{first} moves you into the process for {turn.role(oid)}.", L.HONEST_INTEREST)
            turn.outcome = "informed_yes"
            return
        o.interview_mode = "overclaimed"
        turn.c(cid).guide_lost = True
        turn.c(cid).guide = False
        turn.outcome = "interview"
        turn.note(oid, "interview", f"\"Yes!\" — and the conversation turns into an interview for {turn.role(oid)}.",
                  L.HONEST_INTEREST)
        if s.knowledge.get(opp.field, 0) < 40:
            turn.meter(cid, "trust", -3, f"you couldn't answer {first}'s questions about the role", L.HONEST_INTEREST)
        return
    if a.choice == "explore":
        turn.meter(cid, "trust", 6, f"you were honest with {first}: still exploring", L.HONEST_INTEREST)
        turn.meter(cid, "familiarity", 6, f"{first} told you what success looks like in the role", L.HONEST_INTEREST)
        turn.player(f"knowledge:{opp.field}", 8, f"{first} walked you through the role", L.HONEST_INTEREST)
        if not s.contacts[cid].guide_lost:
            turn.c(cid).guide = True
        turn.outcome = "explore"
        return
    turn.meter(cid, "familiarity", 2, f"you told {first} the timing isn't right", L.HONEST_INTEREST)
    turn.outcome = "not_now"


# --- applications ------------------------------------------------------------------------------


def _apply(turn: _Turn, a: Action) -> None:
    o = turn.o(a.opportunity)
    o.stage, o.stage_week = APPLIED, turn.s.week
    how = "with a referral" if o.referred else "cold"
    turn.outcome = "applied_referred" if o.referred else "applied_cold"
    turn.note(a.opportunity, "opportunity", f"You applied for {turn.role(a.opportunity)} ({how}).", L.DO_YOUR_HOMEWORK)


def _withdraw(turn: _Turn, a: Action) -> None:
    s, oid = turn.s, a.opportunity
    o = turn.o(oid)
    was = o.stage
    o.stage, o.stage_week = WITHDRAWN, s.week
    opp = turn.w.opportunities[oid]
    hc = opp.hiring_contact
    turn.note(oid, "opportunity", f"You withdrew from {turn.role(oid)}.", L.HONEST_INTEREST)
    turn.outcome = "withdrew"
    if o.interview_mode == "overclaimed" and s.contacts[hc].stage == CONNECTED and s.contacts[hc].door != CLOSED:
        turn.meter(hc, "trust", -15, f"you said \"Yes!\" to {turn.name(hc)}, then walked away", L.HONEST_INTEREST)
        turn.update_door(hc, L.HONEST_INTEREST)
        vouched = o.introduced_by or s.contacts[hc].introduced_by
        if vouched and vouched != hc and s.contacts[vouched].door != CLOSED:
            v = turn.name(vouched)
            turn.meter(vouched, "embarrassment", 15, f"{v} vouched for you to {turn.name(hc)}", L.HONEST_INTEREST)
            turn.meter(vouched, "trust", -5, f"{v} looks foolish for introducing you", L.REPUTATION_TRAVELS)
            turn.c(vouched).generosity_penalty = round(s.contacts[vouched].generosity_penalty + 0.3, 2)
            turn.note(vouched, "memory", f"{v} will think twice before introducing the next job seeker.",
                      L.REPUTATION_TRAVELS, visible=False)
            turn.update_door(vouched, L.HONEST_INTEREST)
        turn.player("reputation", -3, "word gets around about the withdrawn \"Yes!\"", L.REPUTATION_TRAVELS)
        turn.outcome = "withdrew_after_yes"
    elif was == OFFER and s.contacts[hc].stage == CONNECTED and s.contacts[hc].door != CLOSED:
        turn.meter(hc, "trust", -2, f"you turned down {turn.name(hc)}'s offer", L.HONEST_INTEREST)


def _accept_job(turn: _Turn, a: Action) -> None:
    s = turn.s
    o = turn.o(a.opportunity)
    o.stage, o.stage_week = ACCEPTED, s.week
    s.outcome, s.job = HIRED, a.opportunity
    turn.outcome = "hired"
    turn.note(a.opportunity, "outcome", f"You accepted the offer: {turn.role(a.opportunity)}.", L.RELATIONSHIP_BEFORE_LEVERAGE)


# --- the week turns ------------------------------------------------------------------------------


def _end_week(turn: _Turn, a: Action) -> None:
    s, w, t = turn.s, turn.w, turn.t
    week = s.week
    # 1. promises progress, slip or are quietly dropped (the player is not told)
    for kid in sorted(s.commitments):
        m = s.commitments[kid]
        if m.status != PENDING or m.week == week:
            continue
        person = w.people[m.by]
        first = person.first_name
        tr = person.traits
        if m.oversteps and turn.chance(0.6, "abandon", kid):
            mm = turn.cm(kid)
            mm.status = ABANDONED
            mm.latent = round(t.latent_base + t.latent_face * tr.face)
            turn.note(m.by, "commitment", f"{first} realised that {turn._promise_words(m)} would cost them a favour, and quietly let it drop.",
                      L.CAUSED_COMMITMENT, visible=False)
            continue
        forget = tr.busyness * (1 - tr.follow_through) * (1.6 if m.asked else 1.0) * 0.8
        if turn.chance(forget, "forget", kid):
            mm = turn.cm(kid)
            mm.status = FORGOTTEN
            mm.latent = round(t.latent_base + t.latent_face * tr.face)
            turn.note(m.by, "commitment", f"{turn._promise_words(m).capitalize()} slipped {first}'s mind.",
                      L.CAUSED_COMMITMENT, visible=False)
            continue
        do = tr.follow_through * (1 - 0.5 * tr.busyness) * (0.6 if m.asked else 1.0)
        if turn.chance(do, "fulfil", kid):
            _fulfil(turn, kid)
    # 2. people: embarrassment fades when left alone; familiarity fades without contact
    for cid in s.contacts:
        c = s.contacts[cid]
        if c.stage == UNKNOWN or c.door == CLOSED:
            continue
        outstanding = any(m.by == cid and m.outstanding for m in s.commitments.values())
        if c.embarrassment > 0 and c.last_contact_week < week and not outstanding:
            turn.meter(cid, "embarrassment", -t.embarrassment_decay,
                       f"left alone with nothing outstanding, {turn.name(cid)} relaxes", L.CAUSED_COMMITMENT)
        if c.stage == CONNECTED and week - c.last_contact_week >= t.familiarity_fade_after and c.familiarity > 10:
            turn.meter(cid, "familiarity", -2, f"you haven't been in touch with {turn.name(cid)} for a while",
                       L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.update_door(cid, L.CAUSED_COMMITMENT)
    # 3. advocates and guides act on their own
    for cid in s.contacts:
        c = s.contacts[cid]
        if c.stage != CONNECTED:
            continue
        if c.door == ADVOCATE and turn.chance(t.advocate_act_chance, "advocate", cid):
            _advocate_acts(turn, cid)
        elif (c.guide and c.door in (OPEN, WARM) and c.trust >= t.guide_trust and c.familiarity >= t.guide_familiarity
              and turn.chance(t.guide_act_chance, "guide", cid)):
            _guide_acts(turn, cid)
    # 4. hiring decisions, offers lapsing, postings closing
    for oid in s.opportunities:
        o = s.opportunities[oid]
        role = turn.role(oid)
        if o.stage in (APPLIED, INTERVIEWING) and week - o.stage_week >= t.decision_weeks - 1:
            p = hire_chance(s, oid)
            lesson = L.HONEST_INTEREST if o.interview_mode else (
                L.RELATIONSHIP_BEFORE_LEVERAGE if o.referred else L.DO_YOUR_HOMEWORK)
            oo = turn.o(oid)
            if turn.chance(p, "hire", oid):
                oo.stage, oo.stage_week = OFFER, week
                turn.note(oid, "offer", f"An offer! {role}. It stands for {t.offer_weeks} weeks.", lesson)
            else:
                oo.stage, oo.stage_week = REJECTED, week
                turn.note(oid, "opportunity", f"{role}: they went with someone else.", lesson)
                hc = w.opportunities[oid].hiring_contact
                if o.interview_mode == "overclaimed" and s.contacts[hc].stage == CONNECTED \
                        and s.contacts[hc].door != CLOSED:
                    turn.meter(hc, "trust", -6, f"{turn.name(hc)} interviewed you for a role you couldn't "
                               "speak to", L.HONEST_INTEREST)
                    turn.update_door(hc, L.HONEST_INTEREST)
        elif o.stage == OFFER and week - o.stage_week >= t.offer_weeks:
            oo = turn.o(oid)
            oo.stage, oo.stage_week = EXPIRED, week
            turn.note(oid, "opportunity", f"The offer for {role} lapsed.", L.DO_YOUR_HOMEWORK)
        elif o.stage in (HIDDEN, OPP_KNOWN):
            closes = w.opportunities[oid].closes_week
            if closes is not None and week >= closes:
                oo = turn.o(oid)
                was_known = oo.stage == OPP_KNOWN
                oo.stage, oo.stage_week = EXPIRED, week
                if was_known:
                    turn.note(oid, "opportunity", f"{role} has been filled.", L.DO_YOUR_HOMEWORK)
    # 5. the pack's scripted events
    if w.events:
        _scripted_events(turn)
    # 6. the clock
    for cid, c in s.contacts.items():
        if c.trust_gain_week or c.familiarity_gain_week:
            cc = turn.c(cid)
            cc.trust_gain_week = cc.familiarity_gain_week = 0
    turn.player("runway", -1, "another week of savings spent", L.RELATIONSHIP_BEFORE_LEVERAGE)
    s.week += 1
    s.hours_left = w.campaigns[s.campaign].hours_per_week
    turn.outcome = "week_ended"
    if s.runway <= 0:
        s.outcome = OUT_OF_RUNWAY
        turn.outcome = "out_of_runway"
        turn.note("player", "outcome", "Your savings ran out before you found the right job.", L.RELATIONSHIP_BEFORE_LEVERAGE)


def _fired_events(turn: _Turn) -> set[str]:
    """Ids of scripted events that have fired so far (read back from the history)."""
    fired = {e.after for e in turn.effects if e.meter == "event"}
    node = turn.s.history
    while node is not None:
        fired.update(e.after for e in node.effects if e.meter == "event")
        node = node.prev
    return fired


def _scripted_events(turn: _Turn) -> None:
    """A pack's events: triggers and effects are data; every change still names its lesson."""
    s, w = turn.s, turn.w
    fired: set[str] | None = None
    for ev in w.events:
        if ev.campaigns and s.campaign not in ev.campaigns:
            continue
        if s.week < ev.from_week or (ev.until_week is not None and s.week > ev.until_week):
            continue
        if not all(holds(cond, s) for cond in ev.when):
            continue
        if ev.once:
            if fired is None:
                fired = _fired_events(turn)
            if ev.id in fired:
                continue
        if not turn.chance(ev.chance, "event", ev.id):
            continue
        turn.emit("player", "event", 0, ev.text, ev.lesson, True, None, ev.id)
        for fx in ev.effects:
            _event_effect(turn, ev, fx)


def _event_effect(turn: _Turn, ev, fx) -> None:
    s = turn.s
    cause = fx.text or ev.text
    if fx.kind == "meter":
        c = s.contacts.get(fx.target)
        if c is None or c.door == CLOSED or c.stage == UNKNOWN:
            return
        turn.meter(fx.target, fx.meter, fx.delta, cause, ev.lesson)
        turn.update_door(fx.target, ev.lesson)
    elif fx.kind == "player":
        turn.player(fx.target, fx.delta, cause, ev.lesson)
    elif fx.kind == "hear_of":
        if fx.target in s.contacts:
            turn.hear_of(fx.target, cause, ev.lesson)
    elif fx.kind == "introduce":
        c = s.contacts.get(fx.target)
        if c is not None and c.door != CLOSED:
            turn.connect(fx.target, fx.trust, fx.familiarity, cause, ev.lesson, introduced_by=fx.by)
    elif fx.kind == "reveal":
        o = s.opportunities.get(fx.target)
        if o is not None and o.stage == HIDDEN and is_open(s, fx.target):
            oo = turn.o(fx.target)
            oo.stage, oo.stage_week = OPP_KNOWN, s.week
            if fx.by is not None:
                oo.referred, oo.introduced_by = True, fx.by
            turn.note(fx.target, "opportunity", cause, ev.lesson)
    elif fx.kind == "journal":
        turn.note("player", "message", cause, ev.lesson)


def _best_hidden(turn: _Turn, cid: str, by_truth: bool) -> str | None:
    """The open hidden role this person could point you to, best for you first."""
    s, w = turn.s, turn.w
    person = w.people[cid]
    ties = {t for t, _ in person.ties}
    best, best_score = None, -1.0
    for oid in s.opportunities:
        opp = w.opportunities[oid]
        if s.opportunities[oid].stage != HIDDEN or opp.posted or not is_open(s, oid):
            continue
        if not (opp.field == person.field or opp.company == person.company or opp.hiring_contact in ties):
            continue
        value = fit(s, oid) if by_truth else estimated_fit(s, oid)
        if value > best_score:
            best, best_score = oid, value
    return best


def _reveal(turn: _Turn, cid: str, oid: str, cause: str, lesson: str) -> None:
    o = turn.o(oid)
    o.stage, o.stage_week = OPP_KNOWN, turn.s.week
    o.referred = True
    o.introduced_by = cid
    hc = turn.w.opportunities[oid].hiring_contact
    turn.note(oid, "opportunity", cause, lesson)
    if turn.s.contacts[hc].stage != CONNECTED and hc != cid:
        turn.connect(hc, _intro_trust(turn, cid, hc) + 5, 8,
                     f"{turn.name(cid)} introduced you to {turn.full(hc)}, who is hiring.", lesson, introduced_by=cid)


def _advocate_acts(turn: _Turn, cid: str) -> None:
    """An advocate helps unprompted: this is where patient play pays off."""
    s, w = turn.s, turn.w
    first = turn.name(cid)
    oid = _best_hidden(turn, cid, by_truth=False)
    if oid is not None:
        _reveal(turn, cid, oid, f"{first} put you forward for a role nobody posted: {turn.role(oid)}.",
                L.RELATIONSHIP_BEFORE_LEVERAGE)
        return
    for tid, _strength in sorted(w.people[cid].ties, key=lambda t: (-t[1], t[0])):
        if tid in s.contacts and s.contacts[tid].stage != CONNECTED and s.contacts[tid].door != CLOSED:
            turn.connect(tid, _intro_trust(turn, cid, tid) + 10, 10,
                         f"Unprompted, {first} introduced you to {turn.full(tid)}.",
                         L.RELATIONSHIP_BEFORE_LEVERAGE, introduced_by=cid)
            return


def _guide_acts(turn: _Turn, cid: str) -> None:
    """A hiring contact you were honest with points you to a better-fitting role."""
    oid = _best_hidden(turn, cid, by_truth=True)
    if oid is not None:
        _reveal(turn, cid, oid, f"{turn.name(cid)} remembered your honest questions and told you about "
                f"{turn.role(oid)}, a role nobody posted.", L.HONEST_INTEREST)


_HANDLERS = {
    "research": _research,
    "reflect": _reflect,
    "reach_out": _reach_out,
    "meet": _meet,
    "check_in": _check_in,
    "thank": _thank,
    "ask_intro": _ask_intro,
    "ask_referral": _ask_referral,
    "accept_offer": _accept_offer,
    "ask_permission": _ask_permission,
    "decline_offer": _decline_offer,
    "follow_up": _follow_up,
    "release": _release,
    "answer_interest": _answer_interest,
    "apply": _apply,
    "withdraw": _withdraw,
    "accept_job": _accept_job,
    "end_week": _end_week,
}

assert set(_HANDLERS) == set(VOCABULARY)
