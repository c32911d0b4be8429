"""Game state, effects and the ledgers behind every meter.

State objects are treated as immutable: `rules.apply` copies what it changes (copy on
write) and returns a new State, so undo, saves, demos and the simulator can all keep old
states around for free.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field
from enum import Enum
from hashlib import blake2b
from typing import TYPE_CHECKING, Any, NamedTuple

from game.engine.kinds import (
    ABANDONED,
    ACCEPTED,
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
    UNKNOWN,
    WARM,
    WITHDRAWN,
    Door,
    EffectKind,
    GameOutcome,
    InterviewMode,
    Meter,
    OppStage,
    Outcome,
    PromiseKind,
    PromiseStatus,
    PromptKind,
    Stage,
)
from game.engine.records import record

if TYPE_CHECKING:
    from game.engine.actions import Action
    from game.engine.answers import Sight
    from game.engine.world import World

__all__ = [
    "ABANDONED",
    "ACCEPTED",
    "ACTIVE_STAGES",
    "ADVOCATE",
    "APPLIED",
    "AVOIDING",
    "CLOSED",
    "CONNECTED",
    "DOORS",
    "EXPIRED",
    "FORGOTTEN",
    "FULFILLED",
    "GUARDED",
    "HIDDEN",
    "INTERVIEWING",
    "KNOWN",
    "METERS",
    "OFFER",
    "OPEN",
    "OPP_KNOWN",
    "PENDING",
    "REJECTED",
    "RELEASED",
    "SLIPPED",
    "UNKNOWN",
    "WARM",
    "WITHDRAWN",
    "Commitment",
    "ContactState",
    "Door",
    "Effect",
    "EffectKind",
    "Fixed",
    "GameOutcome",
    "HistoryNode",
    "InterviewMode",
    "LedgerEntry",
    "Meter",
    "OppStage",
    "OpportunityState",
    "Outcome",
    "PromiseKind",
    "PromiseStatus",
    "Prompt",
    "PromptKind",
    "Stage",
    "State",
    "canonical",
    "state_hash",
]

METERS = tuple(Meter)

DOORS = tuple(Door)


class Effect(NamedTuple):
    """One change to the world, with its reason.

    `kind` says what happened; screens choose how to show an effect by its kind alone.
    `meter` names the meter for a number (a contact's trust, embarrassment or familiarity;
    the player's clarity, reputation or runway; the field for knowledge) and is empty
    otherwise. `cause` is for people to read, never for code to match. Hidden effects are
    what the player cannot see: they exist for the inner-thoughts view.
    """

    week: int
    target: str
    kind: EffectKind
    delta: int
    cause: str
    lesson: str
    visible: bool = True
    before: int | str | None = None
    after: int | str | None = None
    meter: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "week": self.week,
            "target": self.target,
            "kind": str(self.kind),
            "delta": self.delta,
            "cause": self.cause,
            "lesson": self.lesson,
            "visible": self.visible,
        }
        if self.meter:
            out["meter"] = self.meter
        if self.before is not None:
            out["before"] = str(self.before) if isinstance(self.before, Enum) else self.before
        if self.after is not None:
            out["after"] = str(self.after) if isinstance(self.after, Enum) else self.after
        return out


class LedgerEntry(NamedTuple):
    """One itemised line behind a meter: the 'why' breakdown is the data itself."""

    week: int
    meter: str
    delta: int
    cause: str
    lesson: str
    visible: bool = True


@record
class ContactState:
    id: str
    stage: Stage = Stage.UNKNOWN
    trust: int = 0
    embarrassment: int = 0
    familiarity: int = 0
    door: Door = Door.OPEN
    ledger: tuple[LedgerEntry, ...] = ()
    trust_gain_week: int = 0
    familiarity_gain_week: int = 0
    last_contact_week: int = -99
    met_count: int = 0
    owed_thanks: bool = False  # they helped recently and have not been thanked
    advice_pending: bool = False  # the player could report back on their advice
    offered: bool = False  # they already volunteered an introduction once
    asked_interest: frozenset[str] = frozenset()  # opportunities they asked about
    guide: bool = False  # became a guide after an honest, exploring conversation
    guide_lost: bool = False  # an overclaim turned them into an interviewer for good
    introduced_by: str | None = None
    reach_out_week: int = -99
    generosity_penalty: float = 0.0  # they help the next seeker less after being burned
    memory: tuple[str, ...] = ()
    met_week: int = -99  # the last week you met them (one meeting a week)
    owed_week: int = -99  # when they last helped you (a thank-you is due within a grace period)
    reported_back: bool = False  # you have told them what you did with their help at least once
    notes_week: int = -99  # the week of the last short message (check-in) you sent them
    notes_in_week: int = 0  # how many short messages you sent them that week
    stale_notes: int = 0  # check-ins in a row with nothing new since the last real conversation
    slighted: bool = False  # you pressed, pestered or chased them: they may help, never go out of their way
    heard: int = 0  # word of you that reached them before you met: it colours the first impression
    unanswered: int = 0  # cold notes they have left unanswered

    def copy(self) -> ContactState:
        # field by field onto a bare instance: a third quicker than calling the constructor
        # with thirty arguments, and a contact is copied whenever a move changes them
        # (tests/engine/test_determinism.py checks that a copy misses no field)
        c = _bare(ContactState)
        c.id = self.id
        c.stage = self.stage
        c.trust = self.trust
        c.embarrassment = self.embarrassment
        c.familiarity = self.familiarity
        c.door = self.door
        c.ledger = self.ledger
        c.trust_gain_week = self.trust_gain_week
        c.familiarity_gain_week = self.familiarity_gain_week
        c.last_contact_week = self.last_contact_week
        c.met_count = self.met_count
        c.owed_thanks = self.owed_thanks
        c.advice_pending = self.advice_pending
        c.offered = self.offered
        c.asked_interest = self.asked_interest
        c.guide = self.guide
        c.guide_lost = self.guide_lost
        c.introduced_by = self.introduced_by
        c.reach_out_week = self.reach_out_week
        c.generosity_penalty = self.generosity_penalty
        c.memory = self.memory
        c.met_week = self.met_week
        c.owed_week = self.owed_week
        c.reported_back = self.reported_back
        c.notes_week = self.notes_week
        c.notes_in_week = self.notes_in_week
        c.stale_notes = self.stale_notes
        c.slighted = self.slighted
        c.heard = self.heard
        c.unanswered = self.unanswered
        return c


_bare = object.__new__


ACTIVE_STAGES = (APPLIED, INTERVIEWING, OFFER)


@record
class OpportunityState:
    id: str
    stage: OppStage = OppStage.HIDDEN
    referred: bool = False
    interview_mode: InterviewMode | None = None
    introduced_by: str | None = None  # who put the player in front of the hiring contact
    stage_week: int = 0

    def copy(self) -> OpportunityState:
        o = _bare(OpportunityState)  # as ContactState.copy
        o.id = self.id
        o.stage = self.stage
        o.referred = self.referred
        o.interview_mode = self.interview_mode
        o.introduced_by = self.introduced_by
        o.stage_week = self.stage_week
        return o


SLIPPED = (FORGOTTEN, ABANDONED)


@record
class Commitment:
    id: str
    by: str  # who promised
    kind: PromiseKind
    to: str  # the third party (a contact id) or the opportunity id for a referral
    asked: bool  # pulled out of them (True) or volunteered (False)
    oversteps: bool  # the third party would not want it; hidden
    week: int
    status: PromiseStatus = PromiseStatus.PENDING
    reminders: int = 0
    latent: int = 0  # embarrassment waiting to surface when the player makes contact

    def copy(self) -> Commitment:
        return Commitment(
            self.id,
            self.by,
            self.kind,
            self.to,
            self.asked,
            self.oversteps,
            self.week,
            self.status,
            self.reminders,
            self.latent,
        )

    @property
    def outstanding(self) -> bool:
        return self.status == PENDING or self.status in SLIPPED


def _commitment_id(m: Commitment) -> str:
    return m.id


def owed_by(commitments: dict[str, Commitment]) -> dict[str, list[Commitment]]:
    """Everyone's outstanding promises, by who made them, each in id order."""
    by: dict[str, list[Commitment]] = {}
    for kid in sorted(commitments):
        m = commitments[kid]
        if m.outstanding:
            by.setdefault(m.by, []).append(m)
    return by


class Prompt(NamedTuple):
    """A question that must be answered before anything else happens."""

    kind: PromptKind
    contact: str
    subject: str  # the third party for an offer; the opportunity for the interest question


class HistoryNode(NamedTuple):
    """One applied action and what it did, linked to the one before (O(1) to extend).

    A record made once per move and never changed, as an Effect is: a named tuple, the
    cheapest such record to make."""

    prev: HistoryNode | None
    action: Action
    week: int
    effects: tuple[Effect, ...]
    outcome: Outcome = Outcome.DONE  # how the action turned out (see actions.OUTCOMES)
    # the pack's scripted events fired so far, this move's included (rules.events): a
    # once-only event asks it every week, and the history it sums up grows all game
    fired: frozenset[str] = frozenset()


class Fixed(NamedTuple):
    """What stays the same for a whole game, worked out once by `new_game` (it follows from the
    world and the campaign alone) and shared by all the game's states."""

    fits: Mapping[str, float]  # the true fit of each role (rules.derived.fit)
    hiring: frozenset[str]  # everyone hiring for a role in this story


@record
class State:
    world: World
    campaign: str
    seed: int
    week: int
    hours_left: int
    runway: int
    clarity: int
    reputation: int
    knowledge: dict[str, int]
    contacts: dict[str, ContactState]
    opportunities: dict[str, OpportunityState]
    commitments: dict[str, Commitment]
    tokens: dict[str, str]  # third party -> who said "mention my name"
    prompt: Prompt | None = None
    lessons: frozenset[str] = frozenset()
    outcome: GameOutcome | None = None  # None while playing
    job: str | None = None
    steps: int = 0
    next_commitment: int = 1
    player_ledger: tuple[LedgerEntry, ...] = ()
    history: HistoryNode | None = field(default=None, compare=False)
    # what has been worked out about this finished state (game.engine.sight); never copied
    sight: Sight | None = field(default=None, compare=False, repr=False)
    # what stays the same for the whole game: shared by every state of it, never changed
    fixed: Fixed = field(default_factory=lambda: Fixed({}, frozenset()), compare=False, repr=False)

    def copy(self) -> State:
        """A copy to change (its sight starts empty: see game.engine.sight), field by field
        onto a bare instance as ContactState.copy is, once per move."""
        s = _bare(State)
        s.world = self.world
        s.campaign = self.campaign
        s.seed = self.seed
        s.week = self.week
        s.hours_left = self.hours_left
        s.runway = self.runway
        s.clarity = self.clarity
        s.reputation = self.reputation
        s.knowledge = self.knowledge
        s.contacts = self.contacts
        s.opportunities = self.opportunities
        s.commitments = self.commitments
        s.tokens = self.tokens
        s.prompt = self.prompt
        s.lessons = self.lessons
        s.outcome = self.outcome
        s.job = self.job
        s.steps = self.steps
        s.next_commitment = self.next_commitment
        s.player_ledger = self.player_ledger
        s.history = self.history
        s.sight = None
        s.fixed = self.fixed
        return s

    # --- read-only views -------------------------------------------------------------
    @property
    def over(self) -> bool:
        return self.outcome is not None

    def contact(self, cid: str) -> ContactState:
        return self.contacts[cid]

    def outstanding_commitments(self, by: str) -> list[Commitment]:
        """The promises this person has not yet kept, in id order (commitments are keyed by their id).

        A finished state that has a sight (game.engine.sight) keeps everyone's there, worked
        out the first time anyone asks, since the legality of every ask and promise action
        toward every person asks it again: the list is then shared, to be read, not changed.
        """
        if not self.commitments:
            return []
        seen = self.sight
        if seen is not None:
            table = seen.owed
            if table is None:
                table = seen.owed = owed_by(self.commitments)
            return table.get(by, [])
        owed = [c for c in self.commitments.values() if c.by == by and c.outstanding]
        if len(owed) > 1:
            owed.sort(key=_commitment_id)
        return owed

    def history_nodes(self) -> Iterator[HistoryNode]:
        """Applied actions, oldest first."""
        nodes = []
        node = self.history
        while node is not None:
            nodes.append(node)
            node = node.prev
        return reversed(nodes)

    def journal(self) -> list[Effect]:
        """Every effect so far, oldest first."""
        return [e for node in self.history_nodes() for e in node.effects]


def canonical(value: Any) -> Any:
    """A plain, ordered form of a value (mappings sorted, sets sorted, enums as their text).

    Its repr is the same in any process, so it can be hashed: states for their snapshot
    hash, worlds for a pack's digest.
    """
    if type(value) in _PLAIN:  # most of a state: asked first, it skips the checks below
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return [[k, canonical(value[k])] for k in sorted(value)]
    if isinstance(value, (frozenset, set)):
        return sorted(canonical(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if hasattr(value, "__slots__") and not isinstance(value, type):
        return [[s, canonical(getattr(value, s))] for s in value.__slots__ if s not in _SKIP]
    return value


_SKIP = frozenset({"world", "history", "sight", "fixed"})
# exactly these types (not their subclasses: an enum may be a str) are their own canonical form
_PLAIN = frozenset({str, int, float, bool, type(None)})


def state_hash(state: State) -> str:
    """A stable hash of everything that matters in a state, the same in any process."""
    text = repr(canonical(state))
    return blake2b(text.encode(), digest_size=16).hexdigest()
