"""An author's view of a scenario: each step, what the game recorded, and where things stand.

`warm-intro pack trace PACK SCENARIO` plays a scenario the way `pack check` does and shows,
after each step, the effects with their causes (hidden ones too, marked as hidden: an author
needs the inner thoughts) and the state of what the step touched: the meters and doors of
the people involved, the open question, every promise with the week from which it can be
kept or slip, and each role's stage. Expectations are checked where they stand, so a
failing scenario can be read step by step up to where it stopped teaching what it should.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from game.engine.actions import Impossible, action_from_dict
from game.engine.kinds import CONNECTED, FULFILLED, PENDING, RELEASED, EffectKind, Stage
from game.engine.rules import apply, new_game
from game.engine.state import Effect, State
from game.engine.world import ScenarioDef, World
from game.packs.scenarios import failed_expectations

WIDTH = 80


@dataclass(frozen=True, slots=True)
class Person:
    """One person's meters and door after a step (stage only until the player is in touch)."""

    id: str
    stage: str
    door: str | None
    trust: int
    familiarity: int
    embarrassment: int

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "stage": self.stage}
        if self.door is not None:
            out |= {"door": self.door, "trust": self.trust, "familiarity": self.familiarity,
                    "embarrassment": self.embarrassment}
        return out


@dataclass(frozen=True, slots=True)
class Promise:
    """A promise as the game holds it, with what the player cannot see (it is the author's view)."""

    by: str
    kind: str
    to: str
    asked: bool
    oversteps: bool
    made_week: int
    status: str
    due_from_week: int  # the first end of week at which it can be kept, slip or be dropped
    latent: int

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "kind": self.kind, "to": self.to, "asked": self.asked, "oversteps": self.oversteps,
                "made_week": self.made_week, "status": self.status, "due_from_week": self.due_from_week,
                "latent_embarrassment": self.latent}


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Where things stand after a step."""

    week: int
    hours_left: int
    runway: int
    clarity: int
    reputation: int
    knowledge: tuple[tuple[str, int], ...]
    outcome: str
    prompt: tuple[str, str, str] | None  # kind, who asks, about whom or what
    people: tuple[Person, ...]
    promises: tuple[Promise, ...]
    roles: tuple[tuple[str, str], ...]  # role id, stage

    def to_dict(self) -> dict[str, Any]:
        return {"week": self.week, "hours_left": self.hours_left, "runway": self.runway, "clarity": self.clarity,
                "reputation": self.reputation, "knowledge": dict(self.knowledge), "outcome": self.outcome,
                "prompt": None if self.prompt is None else dict(zip(("kind", "contact", "subject"), self.prompt,
                                                                    strict=True)),
                "people": [p.to_dict() for p in self.people], "promises": [m.to_dict() for m in self.promises],
                "roles": dict(self.roles)}


@dataclass(slots=True)
class TraceStep:
    """One step of a scenario (one repetition of a repeated action), as played."""

    number: int  # the step's place in the scenario, from 1
    repeat: tuple[int, int]  # (this repetition, of how many)
    line: int | None
    action: dict[str, str] | None  # None for a step that only checks expectations
    outcome: str | None
    week: int  # the week the action was taken in
    effects: tuple[Effect, ...] = ()
    refused: str | None = None
    after: Snapshot | None = None
    failed: list[str] = field(default_factory=list)  # expectations that did not hold after it

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"step": self.number, "line": self.line, "week": self.week}
        if self.repeat[1] > 1:
            out["repeat"] = {"n": self.repeat[0], "of": self.repeat[1]}
        if self.action is not None:
            out["action"] = self.action
            out["outcome"] = self.outcome
            out["effects"] = [e.to_dict() for e in self.effects]
        if self.refused is not None:
            out["refused"] = self.refused
        if self.after is not None:
            out["after"] = self.after.to_dict()
        out["failed"] = self.failed
        return out


@dataclass(slots=True)
class Trace:
    scenario: ScenarioDef
    start: Snapshot
    steps: list[TraceStep]

    @property
    def passed(self) -> bool:
        return not any(s.failed or s.refused for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        sc = self.scenario
        return {"scenario": sc.id, "title": sc.title, "campaign": sc.campaign, "seed": sc.seed, "source": sc.source,
                "passed": self.passed, "start": self.start.to_dict(), "steps": [s.to_dict() for s in self.steps]}


def _involved(state: State, action: dict[str, str] | None, effects: tuple[Effect, ...]) -> list[str]:
    """The people a step is about: those it names, those it changed, and whoever a question concerns."""
    ids: list[str] = []
    if action is not None:
        ids += [action[k] for k in ("contact", "target") if k in action]
    ids += [e.target for e in effects if e.target in state.contacts]
    if state.prompt is not None:
        ids += [state.prompt.contact, state.prompt.subject]
    ids += [m.by for m in state.commitments.values() if m.outstanding]
    seen: dict[str, None] = {}
    for cid in ids:
        if cid in state.contacts:
            seen.setdefault(cid, None)
    return list(seen)


def snapshot(state: State, people: list[str]) -> Snapshot:
    """Where things stand, for the people named (every promise and role, always)."""
    persons = []
    for cid in people:
        c = state.contacts[cid]
        connected = c.stage == CONNECTED
        persons.append(Person(cid, str(c.stage), str(c.door) if connected else None, c.trust, c.familiarity,
                              c.embarrassment))
    promises = tuple(Promise(m.by, str(m.kind), m.to, m.asked, m.oversteps, m.week, str(m.status), m.week + 1,
                             m.latent) for _, m in sorted(state.commitments.items()))
    prompt = None if state.prompt is None else (str(state.prompt.kind), state.prompt.contact, state.prompt.subject)
    return Snapshot(state.week, state.hours_left, state.runway, state.clarity, state.reputation,
                    tuple(sorted(state.knowledge.items())), str(state.outcome or "playing"), prompt, tuple(persons), promises,
                    tuple((oid, str(o.stage)) for oid, o in sorted(state.opportunities.items())))


def trace_scenario(world: World, sc: ScenarioDef) -> Trace:
    """Play a scenario step by step, keeping what each step did; stop at a refused step."""
    state = new_game(world, sc.campaign, sc.seed)
    start_people = [cid for cid, c in state.contacts.items() if c.stage != Stage.UNKNOWN]
    trace = Trace(sc, snapshot(state, start_people), [])
    for n, step in enumerate(sc.steps, 1):
        if not step.action:
            done = TraceStep(n, (1, 1), step.line, None, None, state.week)
            if step.expect is not None:
                done.failed = [f"{m} (week {state.week})" for m in failed_expectations(state, step.expect)]
            trace.steps.append(done)
            continue
        public = dict(step.action)
        action = action_from_dict(public)
        for rep in range(1, step.repeat + 1):
            done = TraceStep(n, (rep, step.repeat), step.line, public, None, state.week)
            trace.steps.append(done)
            try:
                state, effects = apply(state, action)
            except Impossible as exc:
                done.refused = str(exc)
                return trace
            done.effects = tuple(effects)
            done.outcome = str(state.history.outcome) if state.history is not None else None
            done.after = snapshot(state, _involved(state, public, done.effects))
        if step.expect is not None:
            done.failed = [f"{m} (week {state.week})" for m in failed_expectations(state, step.expect)]
    return trace


# --------------------------------------------------------------------------------------
# in words, at 80 columns


def _wrap(text: str, indent: int, hang: int = 4) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent, subsequent_indent=" " * (indent + hang),
                         break_on_hyphens=False) or [" " * indent]


def _effect(e: Effect) -> str:
    hidden = "" if e.visible else " (hidden)"
    lesson = f" [{e.lesson}]" if e.lesson else ""
    if e.kind in (EffectKind.CONTACT_METER, EffectKind.PLAYER_METER, EffectKind.KNOWLEDGE):
        who = "you" if e.target == "player" else e.target
        what = f"knowledge:{e.meter}" if e.kind == EffectKind.KNOWLEDGE else str(e.meter)
        span = f" ({e.before} -> {e.after})" if e.before is not None else ""
        return f"{who} {what} {e.delta:+d}{span}{hidden}: {e.cause}{lesson}"
    if e.kind == EffectKind.DOOR:
        return f"{e.target} door {e.before} -> {e.after}{hidden}: {e.cause}{lesson}"
    if e.kind == EffectKind.LESSON:
        return f"lesson unlocked: {e.target}"
    if e.kind == EffectKind.EVENT:
        return f"event {e.after} fired{hidden}: {e.cause}{lesson}"
    return f"{e.kind} {e.target}{hidden}: {e.cause}{lesson}"


def _action_words(action: dict[str, str]) -> str:
    public = action_from_dict(action).to_dict()  # parameters in their usual order: contact, target, ...
    return " ".join(public.values())


def _state_lines(s: Snapshot, indent: int, before: Snapshot | None = None) -> list[str]:
    """A snapshot in words. With `before`, settled promises and roles are shown only where they changed."""
    out = _wrap(f"week {s.week}, {s.hours_left} hours left, runway {s.runway}, clarity {s.clarity}, "
                f"reputation {s.reputation}" + ("" if s.outcome == "playing" else f", campaign {s.outcome}"), indent)
    if s.knowledge and (before is None or before.knowledge != s.knowledge):
        out += _wrap("knowledge: " + ", ".join(f"{fid} {n}" for fid, n in s.knowledge), indent)
    for p in s.people:
        if p.door is None:
            out.append(f"{' ' * indent}{p.id:<22} {p.stage}")
        else:
            out.append(f"{' ' * indent}{p.id:<22} {p.door:<9} trust {p.trust:>3}  fam {p.familiarity:>3}  "
                       f"emb {p.embarrassment:>3}")
    if s.prompt is not None:
        kind, who, about = s.prompt
        question = f"offers to introduce {about}" if kind == "offer" else f"asks if you are interested in {about}"
        out += _wrap(f"open question ({kind}): {who} {question}", indent)
    was = {(m.by, m.to, m.made_week): m.status for m in before.promises} if before is not None else {}
    for m in s.promises:
        settled = m.status in (str(FULFILLED), str(RELEASED))
        if before is not None and settled and was.get((m.by, m.to, m.made_week)) == m.status:
            continue
        how = "asked for" if m.asked else "volunteered"
        over = ", oversteps" if m.oversteps else ""
        if m.status == str(PENDING):
            when = f"pending: kept, slips or is dropped from the end of week {m.due_from_week}"
        else:
            when = m.status + (f" (hidden embarrassment {m.latent} waiting)" if m.latent else "")
        out += _wrap(f"promise: {m.by} -> {m.kind} to {m.to} ({how}{over}), made week {m.made_week}; {when}", indent)
    if before is None:
        if s.roles:
            out += _wrap("roles: " + ", ".join(f"{oid} {stage}" for oid, stage in s.roles), indent)
    else:
        old = dict(before.roles)
        moved = [f"{oid} {old.get(oid, '-')} -> {stage}" for oid, stage in s.roles if old.get(oid) != stage]
        if moved:
            out += _wrap("roles: " + ", ".join(moved), indent)
    return out


def trace_lines(trace: Trace) -> list[str]:
    """The trace in words, no line longer than 80 columns (ids longer than a line excepted)."""
    sc = trace.scenario
    out = _wrap(f"{sc.id}: {sc.title}" if sc.title else sc.id, 0)
    out += _wrap(f"campaign {sc.campaign}, seed {sc.seed}, {sc.source}", 2)
    out += ["  at the start:", *_state_lines(trace.start, 4)]
    last = trace.start
    for st in trace.steps:
        where = f" ({sc.source}:{st.line})" if st.line else ""
        out.append("")
        if st.action is None:
            out += _wrap(f"step {st.number}{where}: check", 0)
        else:
            rep = f" [{st.repeat[0]}/{st.repeat[1]}]" if st.repeat[1] > 1 else ""
            head = f"step {st.number}{rep}{where}, week {st.week}: {_action_words(st.action)}"
            out += _wrap(head + (f" -> {st.outcome}" if st.outcome else ""), 0)
        if st.refused is not None:
            out += _wrap(f"REFUSED: {st.refused}", 2)
            break
        for e in st.effects:
            out += _wrap(_effect(e), 2)
        if st.after is not None:
            out += ["  after:", *_state_lines(st.after, 4, last)]
            last = st.after
        for message in st.failed:
            out += _wrap(f"EXPECTED, NOT SO: {message}", 2)
        if not st.failed and (st.action is None or _has_expect(sc, st)):
            out.append("  expectations hold")
    out += ["", "passed" if trace.passed else "failed"]
    return out


def _has_expect(sc: ScenarioDef, st: TraceStep) -> bool:
    return sc.steps[st.number - 1].expect is not None and st.repeat[0] == st.repeat[1]
