"""One game being played: the current State, the effects the player has seen, and the
read-only summaries the screens draw (the week summary, the network, the debrief).

The rules stay in the engine: this module only calls `apply`/`check` and reads the
results. Hidden effects and hidden ledger lines never leave this module.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import field

from game.engine import Action, Effect, State, World, apply, new_game
from game.engine.dialogue import line_for
from game.engine.kinds import (
    ENDINGS,
    INTRODUCTIONS,
    NUMBERS,
    PROMISES_KEPT,
    ROLE_NEWS,
    EffectKind,
)
from game.engine.records import record
from game.engine.rules import offer_deadline, promise_words, role_words
from game.engine.state import CONNECTED, UNKNOWN


def visible(effects: Iterable[Effect]) -> list[Effect]:
    return [e for e in effects if e.visible]


@record
class WeekSummary:
    """What the turning of a week brought, sorted into what a player looks for."""

    week: int
    messages: list[Effect] = field(default_factory=list)
    promises_kept: list[Effect] = field(default_factory=list)
    opportunities: list[Effect] = field(default_factory=list)
    doors: list[Effect] = field(default_factory=list)
    meters: list[Effect] = field(default_factory=list)
    silence: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)  # offers that lapse unless taken soon
    lessons: list[Effect] = field(default_factory=list)


@record
class Point:
    """A meter's value at the end of a week."""

    week: int
    value: int


class Session:
    """The game in progress. Screens read from it and hand it actions."""

    def __init__(self, world: World, campaign: str, seed: int, *, state: State | None = None,
                 ironman: bool = False, slot: str | None = None, folder=None) -> None:
        self.world = world
        self.campaign = campaign
        self.seed = seed
        self.state: State = state if state is not None else new_game(world, campaign, seed)
        self.last: list[Effect] = []
        self.ironman = ironman  # no undo, no rewind: every choice stands
        self.slot = slot or f"{campaign}-{seed}"  # the save this game keeps itself in
        self.folder = folder  # the folder of that save (None: the saves folder of the moment)
        self._save_lock = threading.Lock()
        # what people said, by the history node of the action (kept for this sitting only)
        self.narration: dict[object, str] = {}
        # the states undo or rewind stepped back from, latest last: redo walks forward again
        # until a new action makes a different future
        self._redo: list[State] = []

    @classmethod
    def from_save(cls, loaded) -> Session:
        """A game carried on from a loaded save (game.saves.files.Loaded). It keeps itself in
        the file it came from, whatever name is written inside that file."""
        state = loaded.state
        return cls(state.world, state.campaign, state.seed, state=state, ironman=loaded.save.ironman,
                   slot=loaded.path.name.removesuffix(".toml"), folder=loaded.path.parent)

    # --- saving, undo and rewind (both are replays of a shorter log) --------------------------
    def save(self, name: str | None = None, state: State | None = None):
        """Save to this game's slot (or a new named one, which becomes the slot). Returns where
        it went (game.saves.files.Saved: the file, and the branch an older line was kept in).

        Safe to call from a worker thread: states never change once made, and saves of one
        game are written one at a time.
        """
        from game.saves.files import SUFFIX, check_name, save_to
        from game.saves.paths import saves_dir

        if name is not None:
            self.slot = check_name(name)
        folder = self.folder or saves_dir()
        with self._save_lock:
            return save_to(folder / f"{self.slot}{SUFFIX}", state or self.state, ironman=self.ironman)

    def can_undo(self) -> str | None:
        """None if undo is possible, else why not."""
        if self.ironman:
            return "This is an ironman game: every choice stands."
        if self.state.history is None:
            return "Nothing to undo yet."
        return None

    def undo(self) -> None:
        from game.saves.files import undo

        self._redo.append(self.state)
        self.state = undo(self.state)
        self.last = []

    def rewind(self, week: int) -> None:
        from game.saves.files import rewind_to_week

        self._redo.append(self.state)
        self.state = rewind_to_week(self.state, week)
        self.last = []

    def can_redo(self) -> str | None:
        """None if there is something undone to step forward to, else why not."""
        return None if self._redo else "Nothing to redo: redo steps forward again after an undo or a rewind."

    def redo(self) -> None:
        """Step forward to the state the last undo or rewind left."""
        self.state = self._redo.pop()
        self.last = []

    # --- acting ---------------------------------------------------------------------------
    def act(self, action: Action) -> list[Effect]:
        """Apply an action; returns the effects the player may see. Raises Impossible."""
        before = self.state
        self.state, effects = apply(before, action)
        self.last = visible(effects)
        self._redo.clear()  # a new choice: the undone future is gone
        line = line_for(before, self.state)
        if line:
            self.narration[self.state.history] = line
        return self.last

    def said(self) -> str | None:
        """The pack's line for what the last action turned into, if it has one."""
        return self.narration.get(self.state.history)

    def recent_entries(self, count: int) -> list[tuple[int, int, str, object]]:
        """The newest journal entries, oldest first: (step, week, "said", line) or (step, week, "effect", Effect).

        `step` is the number of the action they came from, so the last action's entries can
        be marked.
        """
        out: list[tuple[int, int, str, object]] = []
        node = self.state.history
        step = self.state.steps
        while node is not None and len(out) < count:
            out.extend((step, e.week, "effect", e) for e in reversed(node.effects) if e.visible)
            line = self.narration.get(node)
            if line:
                out.append((step, node.week, "said", line))
            node = node.prev
            step -= 1
        out.reverse()
        return out[-count:]

    # --- reading --------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.world.campaigns[self.campaign].title

    def journal(self) -> list[Effect]:
        return visible(self.state.journal())

    def people(self) -> list[str]:
        """Everyone the player knows of, connected first, in a stable order."""
        s = self.state
        known = [cid for cid, c in s.contacts.items() if c.stage != UNKNOWN]
        return sorted(known, key=lambda cid: (s.contacts[cid].stage != CONNECTED, s.world.people[cid].name))

    def last_deltas(self, cid: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.last:
            if e.target == cid and e.kind == EffectKind.CONTACT_METER:
                out[e.meter] = out.get(e.meter, 0) + e.delta
        return out

    def ledger(self, cid: str, meter: str) -> list:
        return [entry for entry in self.state.contacts[cid].ledger if entry.visible and entry.meter == meter]

    def unseen_total(self, cid: str, meter: str) -> int:
        """The part of a meter built before the player knew this person (never itemised)."""
        c = self.state.contacts[cid]
        return getattr(c, meter) - sum(e.delta for e in self.ledger(cid, meter))

    def known_ties(self, cid: str) -> list[tuple[str, float]]:
        s = self.state
        return [(t, st) for t, st in s.world.people[cid].ties
                if t in s.contacts and s.contacts[t].stage != UNKNOWN]

    def unknown_ties(self, cid: str) -> int:
        s = self.state
        return sum(1 for t, _ in s.world.people[cid].ties if t in s.contacts and s.contacts[t].stage == UNKNOWN)

    def waiting_on(self) -> list[str]:
        """Promises made to the player that have not come through, as the player sees them."""
        s = self.state
        out = []
        for m in sorted(s.commitments.values(), key=lambda m: m.id):
            if not m.outstanding:
                continue
            who = s.world.people[m.by].first_name
            what = promise_words(s.world, m)
            weeks = s.week - m.week
            ago = "this week" if weeks == 0 else f"{weeks} week{'s' if weeks != 1 else ''} ago"
            out.append(f"{who} promised {what} {ago}. No word yet.")
        return out

    def summarise_week(self, week: int, effects: Iterable[Effect]) -> WeekSummary:
        summary = WeekSummary(week)
        for e in visible(effects):
            kind = e.kind
            if kind == EffectKind.DOOR:
                summary.doors.append(e)
            elif kind == EffectKind.LESSON:
                summary.lessons.append(e)
            elif kind in NUMBERS:
                summary.meters.append(e)
            elif kind in ROLE_NEWS or kind in ENDINGS:
                summary.opportunities.append(e)
            elif kind in PROMISES_KEPT:
                summary.promises_kept.append(e)
            else:
                summary.messages.append(e)
        summary.silence = self.waiting_on()
        summary.deadlines = self.deadlines()
        return summary

    def deadlines(self) -> list[str]:
        """Offers standing now, each with the week it lapses, soonest first."""
        s = self.state
        standing = sorted((last, oid) for oid in s.opportunities if (last := offer_deadline(s, oid)) is not None)
        return [f"The offer for {role_words(s.world, oid)} lapses unless you take it "
                + ("this week" if last == s.week else f"by the end of week {last}") + "."
                for last, oid in standing]

    # --- the debrief ------------------------------------------------------------------------
    def timeline(self, cid: str, meter: str) -> list[Point]:
        """A meter's value at the end of every week, rebuilt from the visible ledger."""
        entries = self.state.contacts[cid].ledger
        last_week = self.state.week
        points: list[Point] = []
        value = 0
        by_week: dict[int, int] = {}
        for e in entries:
            if e.meter == meter:
                by_week[e.week] = by_week.get(e.week, 0) + e.delta
        for week in range(0, last_week + 1):
            value += by_week.get(week, 0)
            points.append(Point(week, max(0, min(100, value))))
        return points

    def turning_points(self) -> list[Effect]:
        """Door changes, new cards, introductions, offers and the outcome, in order."""
        keep = {EffectKind.DOOR, EffectKind.LESSON, EffectKind.OFFER, EffectKind.INTERVIEW} | INTRODUCTIONS | ENDINGS
        return [e for e in self.journal() if e.kind in keep]

    def lesson_moment(self, lesson: str) -> Effect | None:
        """The effect that unlocked a lesson card (the visible change just before it)."""
        journal = self.journal()
        for i, e in enumerate(journal):
            if e.kind == EffectKind.LESSON and e.target == lesson:
                return journal[i - 1] if i else e
        return None


def new_session(world: World, campaign: str | None = None, seed: int | None = None,
                ironman: bool = False) -> Session:
    """A new game; the campaign defaults to the pack's first, the seed to a random one."""
    if campaign is None:
        campaign = next(iter(world.campaigns))
    if seed is None:
        import random

        seed = random.SystemRandom().randrange(1, 1_000_000)
    return Session(world, campaign, seed, ironman=ironman)

