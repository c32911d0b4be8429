"""`demo record`: a played game turned into a demo script for an instructor to edit.

The script is a `[[demos]]` entry of the game's campaign and seed, every move as a step
(a run of the same move as one step with `repeat`), and after each move that made a
turning point a marker with a caption to write: doors opening and shutting, promises
accepted and slipping, pressing, the interest question, introductions, offers. Each
marker checks what the game recorded there (a door's state, a lesson met), so `pack
check` keeps the story honest once the script is edited and placed in a pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tomli_w

from game.demo.debrief import turning_point_kind
from game.engine.actions import VOCABULARY, Action
from game.engine.kinds import EffectKind
from game.engine.replay import replay_states
from game.engine.state import Effect, State

# slipped promises are hidden from the player, so debrief turning points skip them; a demo
# wants them most of all (that is where an instructor turns on inner thoughts)
SLIPS = {EffectKind.PROMISE_FORGOTTEN: "slipped", EffectKind.PROMISE_ABANDONED: "dropped",
         EffectKind.PROMISE_DOUBTED: "doubted"}

PLACEHOLDER = "WRITE THE CAPTION"


@dataclass(frozen=True)
class Marker:
    id: str
    caption: str
    lesson: str
    doors: tuple[tuple[str, str], ...]  # (person, door) the marker expects
    lessons: tuple[str, ...]  # lessons unlocked by then, newly


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "moment"


def _who(state: State, target: str) -> str:
    if target in state.world.people:
        return state.world.people[target].name
    if target in state.world.opportunities:
        return state.world.opportunities[target].title
    return "you" if target == "player" else target


def _markers(before: State, after: State, effects: tuple[Effect, ...], used: set[str]) -> list[Marker]:
    """The turning points one move made, each a marker to caption."""
    out: list[Marker] = []
    for e in effects:
        kind = turning_point_kind(e) if e.visible else None
        if kind is not None and kind[0] == "outcome":
            kind = None
        slip = SLIPS.get(e.kind)
        if kind is None and slip is None:
            continue
        what, moment = kind if kind is not None else ("promise", slip or "")
        name = _who(after, e.target)
        base = f"week-{e.week}-{_slug(name.split()[0] if name else 'you')}-{_slug(moment)}"
        mid, n = base, 2
        while mid in used:
            mid, n = f"{base}-{n}", n + 1
        used.add(mid)
        hidden = "" if e.visible else " (hidden from the player: show it with `reveal = true` before this marker)"
        doors = ((e.target, str(after.contacts[e.target].door)),) if what == "door" else ()
        new_lessons = tuple(sorted(after.lessons - before.lessons)) if not out else ()
        out.append(Marker(mid, f"{PLACEHOLDER}. The game recorded: {e.cause}{hidden}", e.lesson, doors, new_lessons))
    return out


def _value(value: object) -> str:
    """A TOML value, written the way tomli_w writes it (strings escaped)."""
    return tomli_w.dumps({"v": value}).partition("=")[2].strip()


def _inline(table: dict[str, str]) -> str:
    return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in table.items()) + " }"


def _action_step(action: Action, repeat: int) -> list[str]:
    lines = ["[[demos.steps]]", f"action = {_value(action.name)}"]
    for key in VOCABULARY.get(action.name, ()):
        value = getattr(action, key, None)
        if value is not None:
            lines.append(f"{key} = {_value(value)}")
    if repeat > 1:
        lines.append(f"repeat = {repeat}")
    return lines


def record(state: State, demo_id: str, title: str = "", source: str = "") -> str:
    """The demo script (a `[[demos]]` entry in TOML) that plays `state`'s game again, move for move."""
    world = state.world
    camp = world.campaigns[state.campaign]
    moves = [node.action for node in state.history_nodes()]
    states = list(replay_states(world, state.campaign, state.seed, moves))
    nodes = list(state.history_nodes())
    used: set[str] = set()
    steps: list[list[str]] = []
    pending: tuple[Action, int] | None = None  # a run of one move, written once it ends

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            steps.append(_action_step(*pending))
            pending = None

    count = 0
    for i, node in enumerate(nodes):
        markers = _markers(states[i], states[i + 1], node.effects, used)
        if pending is not None and pending[0] == node.action:
            pending = (node.action, pending[1] + 1)
        else:
            flush()
            pending = (node.action, 1)
        if pending[1] == 60:  # the most a step may repeat
            flush()
        if markers:
            flush()
        for m in markers:
            count += 1
            lines = ["[[demos.steps]]", f"marker = {_value(m.id)}"]
            if m.lesson:
                lines.append(f"lesson = {_value(m.lesson)}")
            lines += [f"caption = {_value(m.caption)}", "pause = true"]
            if m.doors:
                lines.append(f"expect_doors = {_inline(dict(m.doors))}")
            if m.lessons:
                lines.append(f"expect_lessons = {_value(list(m.lessons))}")
            steps.append(lines)
    flush()
    head = [
        f"# A demo script recorded from {source or 'a saved game'}: {camp.title}, seed {state.seed}, "
        f"{len(moves)} moves to week {state.week}.",
        f"# Write each caption marked {PLACEHOLDER}, delete the markers you don't need, and add audience",
        "# choices (`choose`) where the class should decide. Place it in a pack's demos.toml;",
        "# `warm-intro pack check PACK` then checks that every marker still lands.",
        "[[demos]]",
        f"id = {_value(demo_id)}",
        f"title = {_value(title or f'{camp.title}, as it was played')}",
        f"blurb = {_value(f'{PLACEHOLDER}: a sentence on what the class will see.')}",
        f"campaign = {_value(state.campaign)}",
        f"seed = {state.seed}",
        f"minutes = {max(5, min(60, 2 * count + 5))}",
        'notes = """',
        "What to notice: WRITE THIS.",
        "",
        'What to ask: After the first turning point: "WRITE A QUESTION?"',
        "",
        "What to try: WRITE THIS.",
        '"""',
        "",
        "[[demos.steps]]",
        f"caption = {_value(f'{PLACEHOLDER}: where the story starts, in week 1 of {camp.title}.')}",
        "pause = true",
    ]
    return "\n".join(head + [line for step in steps for line in ("", *step)]) + "\n"


def demo_id_for(name: str) -> str:
    """A demo id from a save's name: "Second act, Tuesday" -> "second-act-tuesday"."""
    slug = _slug(name) or "recorded"
    return slug if slug[0].isalnum() else f"d-{slug}"


__all__ = ["PLACEHOLDER", "demo_id_for", "record"]
