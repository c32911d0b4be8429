"""The working copy for one `apply`: copy on write, and the one way a meter changes.

Every meter change goes through `Turn.meter` or `Turn.player`, which clamp, apply weekly
caps, write the ledger line and emit the Effect, so nothing can change silently.
"""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.kinds import (
    CLOSED,
    CONNECTED,
    EMBARRASSMENT,
    FAMILIARITY,
    KNOWN,
    TRUST,
    UNKNOWN,
    Door,
    EffectKind,
    Meter,
    Outcome,
    PlayerMeter,
)
from game.engine.rng import chance
from game.engine.rules.derived import outstanding, promise_words, role_words
from game.engine.rules.doors import door_for, door_words
from game.engine.state import (
    SLIPPED,
    Commitment,
    ContactState,
    Effect,
    LedgerEntry,
    OpportunityState,
    State,
)

# An Effect or a ledger line is a named tuple, whose own constructor is a Python function
# that only passes its arguments on to this one: made with it directly, a move's dozens of
# effects and lines skip a call each (every field is given, so no default is missed)
_made = tuple.__new__

# A visible change this large (or any door change) unlocks its lesson card.
LESSON_UNLOCK_DELTA = 4

_CONTACT_METER = EffectKind.CONTACT_METER

# kinds that unlock their lesson card whatever their size
_UNLOCKING = frozenset({
    EffectKind.DOOR, EffectKind.INTRODUCED, EffectKind.ADVOCATE_INTRODUCED, EffectKind.PROMISE_INTRODUCED,
    EffectKind.TOKEN, EffectKind.INTERVIEW,
})


class Turn:
    """One action being applied: a copy of the state and the effects so far."""

    __slots__ = ("s", "w", "t", "effects", "outcome", "_contacts", "_opps", "_promises", "_knowledge", "_tokens", "fired")

    def __init__(self, state: State) -> None:
        self.s = state.copy()
        self.w = state.world
        self.t = state.world.tuning
        self.effects: list[Effect] = []
        self.outcome = Outcome.DONE  # how the action turned out: the key for dialogue lines
        self._contacts: set[str] | None = None  # ids already copied this turn
        self._opps: set[str] | None = None
        self._promises: set[str] | None = None
        self._knowledge = False
        self._tokens = False
        # the scripted events fired so far, the history's and this move's (rules.events)
        self.fired: frozenset[str] = state.history.fired if state.history is not None else frozenset()

    # copy on write ---------------------------------------------------------------------
    @property
    def touched(self) -> set[str] | None:
        """The people this turn has copied to change (None: nobody)."""
        return self._contacts

    def c(self, cid: str) -> ContactState:
        copied = self._contacts
        if copied is None:
            copied = self._contacts = set()
            self.s.contacts = dict(self.s.contacts)
        elif cid in copied:  # already this turn's own
            return self.s.contacts[cid]
        d = self.s.contacts
        c = d[cid] = d[cid].copy()
        copied.add(cid)
        return c

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

    def tokens(self) -> dict[str, str]:
        if not self._tokens:
            self.s.tokens = dict(self.s.tokens)
            self._tokens = True
        return self.s.tokens

    def _knowledge_dict(self) -> dict[str, int]:
        if not self._knowledge:
            self.s.knowledge = dict(self.s.knowledge)
            self._knowledge = True
        return self.s.knowledge

    # words -----------------------------------------------------------------------------
    def name(self, cid: str) -> str:
        return self.w.people[cid].first_name

    def full(self, cid: str) -> str:
        return self.w.people[cid].name

    def role(self, oid: str) -> str:
        return role_words(self.w, oid)

    def promise_words(self, m: Commitment) -> str:
        return promise_words(self.w, m)

    # randomness ------------------------------------------------------------------------
    def chance(self, p: float, what: str, who: str = "") -> bool:
        return chance(p, self.s.seed, self.s.week, what, who)

    # effects ---------------------------------------------------------------------------
    def emit(self, target: str, kind: EffectKind, delta: int, cause: str, lesson: str,
             visible: bool = True, before: int | str | None = None, after: int | str | None = None,
             meter: str = "") -> None:
        s = self.s
        self.effects.append(_made(Effect, (s.week, target, kind, delta, cause, lesson, visible, before, after, meter)))
        if visible and lesson not in s.lessons and (abs(delta) >= LESSON_UNLOCK_DELTA or kind in _UNLOCKING):
            s.lessons = s.lessons | {lesson}
            # rare (once a card): the named tuple's own constructor, which knows its defaults
            self.effects.append(Effect(s.week, lesson, EffectKind.LESSON, 0, "A new card in your codex.", lesson))

    def note(self, target: str, kind: EffectKind, cause: str, lesson: str, visible: bool = True) -> None:
        """An event with no number attached (a message, an introduction, a slipped promise)."""
        self.emit(target, kind, 0, cause, lesson, visible)

    def seen(self, cid: str) -> bool:
        return self.s.contacts[cid].stage != UNKNOWN

    def meter(self, cid: str, meter: Meter, delta: int, cause: str, lesson: str,
              visible: bool | None = None, capped: bool = True) -> int:
        """Change a contact's meter; returns the change actually made."""
        if delta == 0:
            return 0
        c = self.c(cid)
        before: int = getattr(c, meter)
        if capped and delta > 0 and meter != EMBARRASSMENT:
            trust = meter == TRUST
            gained = c.trust_gain_week if trust else c.familiarity_gain_week
            cap = self.t.trust_cap_per_week if trust else self.t.familiarity_cap_per_week
            room = cap - gained  # what this week's cap still allows
            if delta > room:
                delta = room if room > 0 else 0
            if trust and c.guide_lost:
                # they remember the "Yes!" you couldn't back up: you are a candidate to them now
                delta = min(delta, max(0, self.t.overclaimed_trust_ceiling - c.trust))
            if delta == 0:
                return 0
        after = before + delta
        if after > 100:
            after = 100
        elif after < 0:
            after = 0
        applied = after - before
        if applied == 0:
            return 0
        setattr(c, meter, after)
        if capped and applied > 0:
            if meter == TRUST:
                c.trust_gain_week += applied
            elif meter == FAMILIARITY:
                c.familiarity_gain_week += applied
        vis = c.stage != UNKNOWN if visible is None else visible  # as `seen`: hidden from a stranger
        c.ledger = c.ledger + (_made(LedgerEntry, (self.s.week, meter, applied, cause, lesson, vis)),)
        self.emit(cid, _CONTACT_METER, applied, cause, lesson, vis, before, after, meter)
        return applied

    def player(self, meter: PlayerMeter, delta: int, cause: str, lesson: str) -> int:
        """Change one of the player's quantities: clarity, reputation or runway."""
        before: int = getattr(self.s, meter)
        after = max(0, min(10_000 if meter == PlayerMeter.RUNWAY else 100, before + delta))
        applied = after - before
        if applied == 0:
            return 0
        setattr(self.s, meter, after)
        self._player_line(meter, applied, cause, lesson)
        self.emit("player", EffectKind.PLAYER_METER, applied, cause, lesson, True, before, after, meter)
        return applied

    def knowledge(self, field_id: str, delta: int, cause: str, lesson: str) -> int:
        """Change what the player knows of a field."""
        before = self.s.knowledge.get(field_id, 0)
        after = max(0, min(100, before + delta))
        applied = after - before
        if applied == 0:
            return 0
        self._knowledge_dict()[field_id] = after
        self._player_line(f"knowledge:{field_id}", applied, cause, lesson)
        self.emit("player", EffectKind.KNOWLEDGE, applied, cause, lesson, True, before, after, field_id)
        return applied

    def _player_line(self, meter: str, applied: int, cause: str, lesson: str) -> None:
        self.s.player_ledger = self.s.player_ledger + (_made(LedgerEntry, (self.s.week, meter, applied, cause, lesson, True)),)

    def set_door(self, cid: str, new: Door, lesson: str) -> None:
        """Move a door; a moved door is always an Effect."""
        old = self.s.contacts[cid].door
        if new != old:
            self.c(cid).door = new
            self.emit(cid, EffectKind.DOOR, 0, door_words(self.name(cid), old, new), lesson, self.seen(cid), old, new)

    def update_door(self, cid: str, lesson: str, owes: bool | None = None) -> None:
        """Move the door if the meters call for it. `owes`, if given, is whether they owe the
        player a promise (`derived.outstanding`), for a caller that has worked it out for everyone."""
        s = self.s
        c = s.contacts[cid]
        if owes is None:
            owes = bool(s.commitments) and outstanding(s, cid)
        new = door_for(self.t, c, c.door, owes)
        if new != c.door:
            self.set_door(cid, new, lesson)

    def connect(self, cid: str, trust: int, familiarity: int, cause: str, lesson: str,
                introduced_by: str | None = None, kind: EffectKind = EffectKind.INTRODUCED) -> None:
        """The player and this person are now speaking."""
        c = self.c(cid)
        if c.stage == CONNECTED:
            return
        c.stage = CONNECTED
        c.introduced_by = introduced_by
        c.last_contact_week = self.s.week
        self.note(cid, kind, cause, lesson)
        # starting meters are where things stand, not gains this week
        self.meter(cid, TRUST, trust - c.trust, "first impression", lesson, capped=False)
        if c.heard:
            heard, c.heard = c.heard, 0
            self.meter(cid, TRUST, heard, f"{self.name(cid)} had already heard "
                       + ("good things about you" if heard > 0 else "how you treat people"), L.REPUTATION_TRAVELS,
                       capped=False)
        self.meter(cid, FAMILIARITY, familiarity, "first conversation", lesson, capped=False)
        self.update_door(cid, lesson)

    def helped(self, cid: str) -> None:
        """This person did something for you: a thank-you is now due (see week.unthanked)."""
        c = self.c(cid)
        c.owed_thanks = True
        c.owed_week = self.s.week

    def hear_of(self, cid: str, cause: str, lesson: str) -> None:
        if self.s.contacts[cid].stage == UNKNOWN:
            self.c(cid).stage = KNOWN
            self.note(cid, EffectKind.HEARD_OF, cause, lesson)

    def leak(self, cid: str, damage: int, what: str, lesson: str = L.REPUTATION_TRAVELS) -> None:
        """Word of how you treated someone travels to the people they know.

        Bad news travels further than good news (`leak_bad` > `leak_good`).
        Someone you haven't met yet keeps what they heard, and it colours the first
        impression when you do meet (see `connect`).
        """
        share = self.t.leak_bad if damage < 0 else self.t.leak_good
        for other, strength in self.w.people[cid].ties:
            if other not in self.s.contacts or self.s.contacts[other].door == CLOSED:
                continue
            delta = round(damage * share * strength)
            if not delta:
                continue
            if self.s.contacts[other].stage != CONNECTED:
                self.c(other).heard += delta
                continue
            self.meter(other, TRUST, delta, f"word reached {self.name(other)} that {what}", lesson)
            self.update_door(other, lesson)

    def touch(self, cid: str, how: str = "seeing you") -> int:
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
                surfaced += self.meter(cid, EMBARRASSMENT, latent,
                                       f"{how} reminded {self.name(cid)} that {self.promise_words(m)} never happened",
                                       L.CAUSED_COMMITMENT)
        self.update_door(cid, L.CAUSED_COMMITMENT)
        return surfaced
