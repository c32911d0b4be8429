"""The lesson table: what each lesson's choice is worth, measured as a paired difference.

For each lesson the patient player plays a campaign until the lesson's choice first comes
up. There the game forks: one branch makes the lesson's choice, the other the opposite, and
both play on with the same habits otherwise, on the same seed. The difference between the
two endings, averaged over runs with its standard error, is what the choice is worth.
Every bot sees only what a player sees.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from game.engine.bots import GOOD_FIT, _connected, _first_ok, _patient_moves, patient
from game.engine.gallery import chaser, hands_off, never_thanks, without
from game.engine.intent import Action
from game.engine.kinds import (
    APPLIED,
    AVOIDING,
    CLOSED,
    CONNECTED,
    INTERVIEWING,
    OPP_KNOWN,
    GameOutcome,
    PromptKind,
)
from game.engine.rules import (
    apply,
    estimated_fit,
    fit,
    is_pressing,
    knowable_interest,
    legal_actions,
    new_game,
    score,
)
from game.engine.sim import MAX_STEPS, Gather, InTurn, chunks, run_seed
from game.engine.state import State
from game.engine.world import World

Policy = Callable[[State], Action]


@dataclass(frozen=True)
class Fork:
    """One lesson's choice: when it comes up, the two answers, and how each branch plays on."""

    lesson: str
    title: str  # "A vs B", in the game's words
    arises: Callable[[State], str | None]  # the contact the choice is about, once it comes up
    choose_a: Callable[[State], Action | None]  # the lesson's choice now (None: play on)
    choose_b: Callable[[State], Action | None]
    then_a: Policy
    then_b: Policy
    # when branch B's habits depend on the moment (whom the offer was about), built there instead
    then_b_at: Callable[[State], Policy] | None = None

    def plays_b(self, state: State) -> Policy:
        return self.then_b_at(state) if self.then_b_at is not None else self.then_b


def _offer(state: State) -> str | None:
    p = state.prompt
    return p.contact if p is not None and p.kind == PromptKind.OFFER else None


def _offer_from(busy: bool) -> Callable[[State], str | None]:
    """An offer from a busy, unreliable helper (busy=True) or a reliable, unhurried one."""
    def arises(state: State) -> str | None:
        cid = _offer(state)
        if cid is None:
            return None
        traits = state.world.people[cid].traits
        if busy:
            return cid if traits.busyness >= 0.7 and traits.follow_through <= 0.4 else None
        return cid if traits.busyness <= 0.6 and traits.follow_through >= 0.75 else None
    return arises


def _uninformed_question(state: State) -> str | None:
    p = state.prompt
    if p is None or p.kind != PromptKind.INTEREST:
        return None
    field_id = state.world.opportunities[p.subject].field
    return p.contact if knowable_interest(state, field_id) < state.world.tuning.honest_threshold else None


def _owed_thanks(state: State) -> str | None:
    if state.prompt is not None:
        return None
    owed = [cid for cid in _connected(state) if state.contacts[cid].owed_thanks or state.contacts[cid].advice_pending]
    return owed[0] if owed else None


def _pressing_ask(state: State, of: Callable[[State, Action], bool] = lambda _s, _a: True) -> Action | None:
    """The first favour the player could ask of someone they don't yet know well enough
    (and that passes `of`, if given)."""
    if state.prompt is not None:
        return None
    for action in legal_actions(state):
        if action.name in ("ask_intro", "ask_referral") and is_pressing(state, action.cid) and of(state, action):
            return action
    return None


def _wanted(state: State, action: Action) -> bool:
    """A favour toward a role that looks good: a referral for it, or an introduction to the
    person hiring for it or to someone in its field. The favour a player is tempted to rush."""
    w = state.world
    good = [oid for oid, o in state.opportunities.items()
            if o.stage in (OPP_KNOWN, APPLIED, INTERVIEWING) and estimated_fit(state, oid) >= GOOD_FIT]
    if action.name == "ask_referral":
        return action.oid in good
    return any(w.opportunities[oid].hiring_contact == action.tid or w.opportunities[oid].field == w.people[action.tid].field
               for oid in good)


def _pressing_wanted(state: State) -> Action | None:
    return _pressing_ask(state, _wanted)


def _well_connected(state: State, action: Action) -> bool:
    """The one asked knows at least two people the player has yet to meet: where word of you goes first."""
    return sum(1 for tid, _ in state.world.people[action.cid].ties
               if tid in state.contacts and state.contacts[tid].stage != CONNECTED) >= 2


def _pressing_the_well_connected(state: State) -> Action | None:
    return _pressing_ask(state, _well_connected)


def _asker(find: Callable[[State], Action | None]) -> Callable[[State], str | None]:
    """Who a fork's pressing ask is about, once there is one."""
    def arises(state: State) -> str | None:
        action = find(state)
        return action.contact if action is not None else None
    return arises


def _first_person(state: State) -> str | None:
    """The game's start: the choice is about the first person the player knows."""
    if state.steps or state.prompt is not None:
        return None
    people = _connected(state)
    return people[0] if people else None


def no_homework(state: State) -> Action:
    """The patient player who never researches a field or reflects on what they want."""
    return without(state, ("research", "reflect"))


def _writes_cold(state: State) -> Policy:
    """Having declined an offer to introduce them, the player writes to that person without
    the name (and never asks for the introduction after all); otherwise patient."""
    target = state.prompt.subject if state.prompt is not None else None

    def policy(s: State) -> Action:
        if target is None or s.prompt is not None or s.contacts[target].stage == CONNECTED:
            return patient(s)
        write = Action("reach_out", contact=target)
        if _first_ok(s, [write]) is not None:
            return write
        action = patient(s)
        if action.name == "ask_intro" and action.target == target:
            return _first_ok(s, [a for a in _patient_moves(s) if not (a.name == "ask_intro" and a.target == target)]) \
                or Action("end_week")
        return action
    return policy


def _say(action: Action | None) -> Callable[[State], Action | None]:
    return lambda _state: action


FORKS: tuple[Fork, ...] = (
    Fork("relationship-before-leverage", "wait until the relationship exists vs ask now for a favour you want",
         _asker(_pressing_wanted), _say(None), _pressing_wanted, patient, patient),
    Fork("caused-commitment", "ask permission vs accept a busy, unreliable helper's offer and wait",
         _offer_from(busy=True), _say(Action("ask_permission")), _say(Action("accept_offer")), patient, hands_off),
    Fork("caused-commitment", "accept, then release vs accept, then follow up until it happens",
         _offer_from(busy=True), _say(Action("accept_offer")), _say(Action("accept_offer")), patient, chaser),
    Fork("caused-commitment", "ask permission vs accept a reliable, unhurried helper's offer and wait",
         _offer_from(busy=False), _say(Action("ask_permission")), _say(Action("accept_offer")), patient, hands_off),
    Fork("reduce-their-risk", "ask permission to use their name vs decline and write cold", _offer,
         _say(Action("ask_permission")), _say(Action("decline_offer")), patient, patient, then_b_at=_writes_cold),
    Fork("do-your-homework", "research and reflect vs skip the homework", _first_person, _say(None), _say(None),
         patient, no_homework),
    Fork("close-the-loop", "thank and report back vs never", _owed_thanks, _say(None), _say(None), patient, never_thanks),
    Fork("honest-interest", "explore vs an uninformed \"Yes!\"", _uninformed_question,
         _say(Action("answer_interest", choice="explore")), _say(Action("answer_interest", choice="eager_yes")),
         patient, patient),
    Fork("reputation-travels", "leave it vs press someone who knows people you have yet to meet",
         _asker(_pressing_the_well_connected), _say(None), _pressing_the_well_connected, patient, patient),
)


@dataclass(frozen=True)
class Ending:
    hired: bool
    fit: float
    score: int
    closed: int
    trust: int  # the contact the choice was about, at the end
    embarrassment: int
    shut: bool  # that contact avoids you or has shut the door


def _play_on(state: State, first: Action | None, then: Policy) -> State:
    """Where a branch ends: its first move (if any), then its habits until the campaign is over."""
    if first is not None:
        state, _ = apply(state, first)
    for _ in range(MAX_STEPS):
        if state.over:
            break
        state, _ = apply(state, then(state))
    return state


def _ending(state: State, cid: str) -> Ending:
    c = state.contacts[cid]
    hired = state.outcome == GameOutcome.HIRED and state.job is not None
    return Ending(hired, fit(state, state.job) if hired and state.job else 0.0, score(state),
                  sum(1 for x in state.contacts.values() if x.door == CLOSED), c.trust, c.embarrassment,
                  c.door in (AVOIDING, CLOSED))


def _patient_game(world: World, campaign: str, seed: int) -> list[State]:
    """Every state of the patient player's game on this seed, the start included."""
    state = new_game(world, campaign, seed)
    states = [state]
    for _ in range(MAX_STEPS):
        if state.over:
            break
        state, _ = apply(state, patient(state))
        states.append(state)
    return states


def _arising(states: list[State], fork: Fork) -> tuple[int, str] | None:
    """Where in the patient game the fork's choice first comes up, and whom it is about."""
    for i, state in enumerate(states[:MAX_STEPS]):
        if state.over:
            return None
        cid = fork.arises(state)
        if cid is not None:
            return i, cid
    return None


def _fork_point(world: World, campaign: str, seed: int, fork: Fork) -> tuple[State, str] | None:
    """The state where the fork's choice first comes up in the patient game, and whom it is about."""
    states = _patient_game(world, campaign, seed)
    found = _arising(states, fork)
    return None if found is None else (states[found[0]], found[1])


class _Branches:
    """The branches played from one patient game, each played once however many forks take it."""

    def __init__(self, states: list[State]) -> None:
        self.states = states
        self.ends: dict[tuple[int, Action | None, Policy], State] = {}

    def end(self, at: int, choose: Callable[[State], Action | None], then: Policy) -> State:
        """Where the branch that makes `choose`'s move at state `at` and plays on with `then` ends."""
        states = self.states
        first = choose(states[at])
        if first is None and then is patient and states[-1].over:
            return states[-1]  # it is the patient game itself
        key = (at, first, then)
        if key not in self.ends:
            self.ends[key] = _play_on(states[at], first, then)
        return self.ends[key]


METRICS = ("hired", "fit", "score", "closed", "trust", "embarrassment")


def _stats(diffs: list[float]) -> tuple[float, float]:
    n = len(diffs)
    if n == 0:
        return 0.0, 0.0
    mean = sum(diffs) / n
    if n < 2:
        return mean, 0.0
    var = sum((d - mean) ** 2 for d in diffs) / (n - 1)
    return mean, math.sqrt(var / n)


def verdict(pairs: int, diff: float, se: float) -> str:
    """Whether a fork teaches its lesson in score: at least two standard errors the lesson's way."""
    if pairs < 2:
        return "did not arise"
    if diff >= 2 * se and diff > 0:
        return "teaches"
    if diff <= -2 * se and diff < 0:
        return "backwards"
    return "unclear"


class LessonRuns(NamedTuple):
    """A piece of the lesson table: every fork over the runs in `runs`."""

    campaign: str
    seed: int
    runs: range


def fork_pairs(world: World, piece: LessonRuns) -> list[list[tuple[Ending, Ending]]]:
    """For each fork (in FORKS order), the two endings of every run in the piece where it came up, in run order.

    Every fork of a run starts from the same patient game, so it is played once: each fork
    looks for its moment along it, and a branch that makes no move of its own and plays on
    as the patient player ends where that game ends. Branches that make the same move at
    the same moment (two forks arising at one offer) are played once too.
    """
    forks = FORKS
    pairs: list[list[tuple[Ending, Ending]]] = [[] for _ in forks]
    for i in piece.runs:
        states = _patient_game(world, piece.campaign, run_seed(piece.seed, i))
        branches = _Branches(states)
        for f, fork in enumerate(forks):
            found = _arising(states, fork)
            if found is None:
                continue
            at, cid = found
            a = branches.end(at, fork.choose_a, fork.then_a)
            b = branches.end(at, fork.choose_b, fork.plays_b(states[at]))
            pairs[f].append((_ending(a, cid), _ending(b, cid)))
    return pairs


def _row(fork: Fork, pairs: list[tuple[Ending, Ending]], runs: int) -> dict[str, object]:
    row: dict[str, object] = {"lesson": fork.lesson, "fork": fork.title, "arose": len(pairs) / runs}
    for metric in METRICS:
        mean, se = _stats([float(getattr(a, metric)) - float(getattr(b, metric)) for a, b in pairs])
        row[metric] = {"diff": round(mean, 3), "se": round(se, 3)}
    row["b_shut"] = round(sum(b.shut for _, b in pairs) / len(pairs), 3) if pairs else 0.0
    row["verdict"] = verdict(len(pairs), *_stats([float(a.score - b.score) for a, b in pairs]))
    return row


def lesson_table(world: World, campaign: str, runs: int, seed: int = 0,
                 progress: Callable[[int, int], None] | None = None,
                 gather: Gather | None = None) -> dict[str, object]:
    """For every fork: how often it came up, and the paired differences A - B with standard errors.

    `gather` plays the pieces (by default here, in turn); the pairs are put back in run
    order, so every gather that keeps the pieces' order gives the same table.
    """
    pieces = [LessonRuns(campaign, seed, r) for r in chunks(runs)]
    pairs: list[list[tuple[Ending, Ending]]] = [[] for _ in FORKS]
    done, total = 0, runs * len(FORKS)
    for piece, found in zip(pieces, (gather or InTurn(world))(fork_pairs, pieces), strict=True):
        for f, fork_found in enumerate(found):
            pairs[f].extend(fork_found)
        done += len(piece.runs) * len(FORKS)
        if progress is not None:
            progress(done, total)
    rows = [_row(fork, pairs[f], runs) for f, fork in enumerate(FORKS)]
    return {"campaign": campaign, "runs": runs, "seed": seed, "forks": rows}
