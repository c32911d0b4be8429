"""Demo scripts: scripted sessions an instructor presents, written as data in a pack.

A pack's `demos.toml` holds `[[demos]]`, each a campaign, a seed and a list of steps. A
step is one of:

- an action in its public form: `action = "meet"`, `contact = "mark-oduya"`, `choice = "advice"`
  (the same form scenario tests use), optionally repeated with `repeat = N`;
- a caption (`caption = "..."`) for the class to read, optionally with `pause = true`;
- a marker naming a turning point (`marker = "the-door-shuts"`), with expectations that a
  headless run checks (`expect_doors = { mark-oduya = "closed" }`, `expect_lessons = [...]`);
- a reveal switch (`reveal = true` or `false`) that shows or hides contacts' inner thoughts;
- an audience choice (`choose = "..."` with `[[demos.steps.options]]`, each with a key, a
  label and the steps it leads to); a headless run takes the option named `default`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from game.engine.actions import VOCABULARY, Action, Impossible, action_from_dict
from game.engine.rules import apply, new_game
from game.engine.state import State
from game.engine.world import Expectation, World
from game.packs.demos import DemosFile, OptionModel, StepModel, demo_keys

__all__ = ["DEMOS_FILE", "Beat", "ChoiceError", "Demo", "DemoError", "DemosFile", "OptionModel", "Run", "StepModel",
           "beats", "check_demo", "check_demo_located", "choice_names", "load_demos", "marker_title", "play",
           "read_demos", "resolve_choices"]

DEMOS_FILE = "demos.toml"


class DemoError(Exception):
    """A demo script that cannot be loaded or played, with where and why."""


# --- the runtime form ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Beat:
    """One thing that happens on screen when the presenter steps forward."""

    kind: Literal["action", "caption", "marker", "reveal", "choose"]
    action: Action | None = None
    caption: str = ""
    pause: bool = False
    marker: str = ""
    expect_doors: tuple[tuple[str, str], ...] = ()
    expect_lessons: tuple[str, ...] = ()
    expect_roles: tuple[tuple[str, str], ...] = ()
    reveal: bool = False
    options: tuple[tuple[str, str], ...] = ()  # (key, label)
    default: str = ""
    where: str = ""  # "step 4", "step 6, option B, step 2": for messages
    loc: tuple[str | int, ...] = ()  # the step's key path in its demo, ("steps", 5, "options", 1, "steps", 1)
    lesson: str = ""
    note: str = ""

    @property
    def title(self) -> str:
        """A turning point's name for people: the caption's first clause, else the marker id in words."""
        return marker_title(self.caption, self.marker)


TITLE_LENGTH = 80  # a title has to fit a border line at 120 columns and a row of the jump menu


def marker_title(caption: str, marker: str = "") -> str:
    """The first sentence or clause of a caption ("Mark is relieved"), short enough for a heading."""
    text = " ".join(caption.split())
    if not text:
        return marker.replace("-", " ").replace("_", " ").capitalize()
    cut = re.search(r"[.!?:;](\s|$)", text)
    first = text[: cut.start()] if cut else text
    if len(first) > TITLE_LENGTH:
        comma = first.rfind(",", 0, TITLE_LENGTH)
        first = first[:comma] if comma > 0 else first[: first.rfind(" ", 0, TITLE_LENGTH - 1)] + "…"
    return first.rstrip(" ,")


@dataclass(frozen=True)
class Demo:
    id: str
    pack: str
    title: str
    blurb: str
    campaign: str
    seed: int
    minutes: int
    notes: str
    steps: tuple[StepModel, ...]


def _action_of(step: StepModel) -> Action:
    data = {"action": step.action}
    for key in VOCABULARY.get(step.action or "", ()):
        value = getattr(step, key)
        if value is not None:
            data[key] = value
    extra = [k for k in ("contact", "target", "opportunity", "field", "choice")
             if getattr(step, k) is not None and k not in VOCABULARY.get(step.action or "", ())]
    if extra:
        raise ValueError(f"action {step.action!r} does not take {', '.join(extra)}")
    return action_from_dict(data)


def beats(demo: Demo, choices: dict[str, str] | None = None) -> list[Beat]:
    """The demo unrolled into beats, taking `choices` (choose step 'where' -> key) or the defaults."""
    choices = choices or {}
    out: list[Beat] = []

    def walk(steps, prefix: str, at: tuple[str | int, ...]) -> None:
        for i, step in enumerate(steps, 1):
            where = f"{prefix}step {i}"
            loc = (*at, i - 1)
            if step.caption is not None or step.marker is not None:
                out.append(Beat("marker" if step.marker else "caption", caption=step.caption or "",
                                pause=step.pause, marker=step.marker or "",
                                expect_doors=tuple(sorted(step.expect_doors.items())),
                                expect_lessons=tuple(step.expect_lessons),
                                expect_roles=tuple(sorted(step.expect_roles.items())), where=where, loc=loc,
                                lesson=step.lesson or "", note=step.note or ""))
                note = ""  # said once, on the first beat the step makes
            else:
                note = step.note or ""
            if step.reveal is not None:
                out.append(Beat("reveal", reveal=step.reveal, where=where, loc=loc, note=note))
                note = ""
            if step.action is not None:
                action = _action_of(step)
                out.extend(Beat("action", action=action, where=where, loc=loc, note=note if n == 0 else "")
                           for n in range(step.repeat))
            if step.choose is not None:
                key = choices.get(where, step.default)
                out.append(Beat("choose", caption=step.choose, options=tuple((o.key, o.label) for o in step.options),
                                default=key, where=where, loc=loc, note=note))
                n, chosen = next((n, o) for n, o in enumerate(step.options) if o.key == key)
                walk(chosen.steps, f"{where}, option {key}, ", (*loc, "options", n, "steps"))

    walk(demo.steps, "", ("steps",))
    return out


class ChoiceError(ValueError):
    """An answer asked for at an audience choice the demo does not have, or with a key it does not offer."""


def choice_names(run_beats: list[Beat]) -> dict[int, str]:
    """The marker that names each audience choice, by the choice's index in `run_beats`.

    A choice is named by the turning point it belongs to: the last marker before it, as long
    as no other choice stands between them ("the-offer" names the question Mark's offer
    raises). A choice with no marker before it is named by its step alone.
    """
    names: dict[int, str] = {}
    marker = ""
    for i, beat in enumerate(run_beats):
        if beat.kind == "marker":
            marker = beat.marker
        elif beat.kind == "choose":
            if marker:
                names[i] = marker
            marker = ""
    return names


def resolve_choices(demo: Demo, asked: dict[str, str]) -> dict[str, str]:
    """`asked` (a choice's step, "step 5", or its marker, "the-offer" -> key) as the demo keeps
    answers: by step. Raises ChoiceError naming what could be passed instead.

    Choices are followed the way the demo plays them, one at a time, since a choice inside
    an option only exists once that option is taken.
    """
    taken: dict[str, str] = {}
    used: set[str] = set()
    while True:
        run_beats = beats(demo, taken)
        names = choice_names(run_beats)
        asked_here = [(i, b) for i, b in enumerate(run_beats) if b.kind == "choose"]
        found = None
        for i, beat in asked_here:
            if beat.where in taken:
                continue
            for name in (beat.where, names.get(i)):
                if name is not None and name in asked and name not in used:
                    found = (beat, name)
                    break
            if found:
                break
        if found is None:
            break
        beat, name = found
        keys = [key for key, _ in beat.options]
        key = asked[name]
        if key not in keys:
            called = f"{name!r}" + (f" ({beat.where})" if name != beat.where else "")
            raise ChoiceError(f"{called} has options {', '.join(keys)}, not {key!r}")
        used.add(name)
        taken[beat.where] = key
    unknown = [name for name in asked if name not in used]
    for name in unknown:
        twice = next((b.where for i, b in asked_here if name in (b.where, names.get(i))), None)
        if twice is not None:
            raise ChoiceError(f"{name!r} names the choice at {twice}, which is already answered; answer it once")
    if unknown:
        places = [f"{b.where!r}" + (f" or {names[i]!r}" if i in names else "") for i, b in asked_here]
        raise ChoiceError(f"{unknown[0]!r} is not an audience choice in {demo.id!r}; "
                          f"its choices are: {', '.join(places) or 'none'}")
    return taken


def read_demos(folder: Path, world: World) -> tuple[list[Demo], list]:
    """A pack folder's demos and every problem with them, as pack problems (file, line, code)."""
    from game.packs.guarded import Refused, Why, read_toml
    from game.packs.layout import MAX_FILE_BYTES
    from game.packs.problems import Problem, line_of, path_text
    from game.packs.read import refusal_problems, schema_problems

    rel = f"{folder.name}/{DEMOS_FILE}"
    try:
        data, text, _ = read_toml(folder / DEMOS_FILE, MAX_FILE_BYTES, folder)
    except Refused as exc:
        if exc.why == Why.MISSING:
            return [], []
        return [], refusal_problems(rel, exc, code="P851")
    try:
        parsed = DemosFile.model_validate(data)
    except ValidationError as exc:
        # the same words and did-you-means as every other pack file, under the demos' code
        return [], [dataclasses.replace(p, code="P851") for p in schema_problems(rel, text, exc, keys=demo_keys())]
    from game.packs.demos import check_references

    unknown = check_references(rel, text, parsed, world)
    demos, problems = [], []
    for i, model in enumerate(parsed.demos):
        demo = Demo(model.id, world.pack_id, model.title, model.blurb, model.campaign, model.seed, model.minutes,
                    model.notes, tuple(model.steps))
        if i in unknown:  # named something the pack does not have: said where, and not played
            problems += unknown[i]
            continue
        try:
            found = check_demo_located(demo, world)
        except ValueError as exc:
            found = [((), str(exc))]
        for loc, message in found:
            path = ("demos", i, *loc)
            problems.append(Problem(rel, line_of(text, path), path_text(path), f"demo {model.id!r}: {message}",
                                    code="P852"))
        if not found:
            demos.append(demo)
    return demos, problems


def load_demos(folder: Path, world: World) -> list[Demo]:
    """The demos of one pack folder (none if it has no demos.toml). Raises DemoError."""
    demos, problems = read_demos(folder, world)
    if problems:
        raise DemoError("; ".join(str(p) for p in problems))
    return demos


# --- playing ------------------------------------------------------------------------------------


@dataclass
class Run:
    """A demo played without a screen: the final state and how each marker landed."""

    demo: Demo
    state: State
    beats: list[Beat]
    states: list[State] = field(default_factory=list)  # the state after each beat
    failures: list[str] = field(default_factory=list)
    failed_at: list[tuple[str | int, ...]] = field(default_factory=list)  # the step of each failure
    forks: list[Beat] = field(default_factory=list)


def run_actions(run: Run) -> list[Action]:
    """The moves a run played, in order (up to where it stopped, if a step was refused)."""
    return [b.action for b in run.beats if b.kind == "action" and b.action is not None][: run.state.steps]


def _check_marker(beat: Beat, state: State) -> list[str]:
    """A marker's expectations, judged by the same checker as a pack's scenario tests."""
    from game.packs.scenarios import failed_expectations

    expect = Expectation(doors=tuple((cid, (door,)) for cid, door in beat.expect_doors),
                         opportunities=tuple((oid, (stage,)) for oid, stage in beat.expect_roles),
                         lessons=beat.expect_lessons)
    return [f"{beat.where} (marker {beat.marker!r}): {problem}" for problem in failed_expectations(state, expect)]


def play(demo: Demo, world: World, choices: dict[str, str] | None = None) -> Run:
    """Play a demo from start to end; record every state and whether the markers landed."""
    if demo.campaign not in world.campaigns:
        raise DemoError(f"demo {demo.id!r}: no campaign {demo.campaign!r} in pack {world.pack_id!r}")
    state = new_game(world, demo.campaign, demo.seed)
    run = Run(demo, state, beats(demo, choices))
    for beat in run.beats:
        if beat.kind == "action":
            try:
                state, _ = apply(state, beat.action)
            except Impossible as exc:
                run.failures.append(f"{beat.where}: {beat.action.label()} is not possible then: {exc}")
                run.failed_at.append(beat.loc)
                break
        elif beat.kind == "marker":
            missed = _check_marker(beat, state)
            run.failures += missed
            run.failed_at += [beat.loc] * len(missed)
        elif beat.kind == "choose":
            run.forks.append(beat)
        run.states.append(state)
    run.state = state
    return run


def check_demo(demo: Demo, world: World) -> list[str]:
    """Every path through the demo plays and every marker lands; the problems found, if any."""
    return [message for _loc, message in check_demo_located(demo, world)]


def check_demo_located(demo: Demo, world: World) -> list[tuple[tuple[str | int, ...], str]]:
    """Like check_demo, each problem with the key path of its step in the demo (() for the demo itself)."""
    if demo.campaign not in world.campaigns:
        return [(("campaign",), f"no campaign {demo.campaign!r} (campaigns: {', '.join(world.campaigns)})")]
    problems: list[tuple[tuple[str | int, ...], str]] = []
    try:
        paths = _all_choices(demo)
    except ValueError as exc:
        return [((), str(exc))]
    for choices in paths:
        run = play(demo, world, choices)
        label = ", ".join(f"{w}: {k}" for w, k in sorted(choices.items()))
        problems += [(loc, f"{p}" + (f" (with {label})" if label else ""))
                     for loc, p in zip(run.failed_at, run.failures, strict=True)]
    return problems


def _all_choices(demo: Demo) -> list[dict[str, str]]:
    """Every combination of audience choices (each choose step taken every way once)."""
    paths: list[dict[str, str]] = [{}]
    done = False
    while not done:
        done = True
        new_paths = []
        for choices in paths:
            fork = next((b for b in beats(demo, choices) if b.kind == "choose" and b.where not in choices), None)
            if fork is None:
                new_paths.append(choices)
                continue
            done = False
            new_paths += [{**choices, fork.where: key} for key, _ in fork.options]
        paths = new_paths
        if len(paths) > 64:
            raise ValueError("too many audience choices: a demo may branch into at most 64 paths")
    return paths
