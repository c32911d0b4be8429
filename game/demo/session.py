"""Running demos without a screen, and writing their debriefs to disk."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.demo.debrief import Debrief, Scene, build, to_html, to_markdown
from game.demo.script import Demo, Run, play
from game.demo.timeline import compare, encode_replay
from game.engine.world import World


def run_actions(run: Run) -> list:
    return [b.action for b in run.beats if b.kind == "action" and b.action is not None][: run.state.steps]


def what_if(demo: Demo, world: World, run: Run) -> list[str]:
    """For each audience choice, how the other answer would have ended, in plain words."""
    lines = []
    for fork in run.forks:
        for key, label in fork.options:
            if key == fork.default:
                continue
            other = play(demo, world, {fork.where: key})
            c = compare(world, demo.campaign, demo.seed, (f"option {fork.default}", run_actions(run)),
                        (f"option {key}", run_actions(other)))
            chosen = dict(fork.options)[fork.default]
            head = f"At \"{fork.caption}\" the class chose {fork.default}: {chosen}. With {key}: {label}"
            diffs = [f"{world.people[cid].name} would be {db} instead of {da}" for cid, da, db in c.door_differences()
                     if "never met" not in (da, db)]
            for cid in c.people:
                ea, eb = c.a.final.contacts[cid].embarrassment, c.b.final.contacts[cid].embarrassment
                if abs(ea - eb) >= 10:
                    diffs.append(f"{world.people[cid].name}'s embarrassment would be {eb} instead of {ea}")
                sa, sb = c.a.final.contacts[cid].stage, c.b.final.contacts[cid].stage
                if sa != sb and "connected" in (sa, sb):
                    name = world.people[cid].name
                    diffs.append(f"you would be in touch with {name}" if sb == "connected"
                                 else f"you would never have spoken to {name}")
            if c.diverge_week is not None:
                head += f" — the stories part in week {c.diverge_week}"
            lines.append(head + (": " + "; ".join(diffs) + "." if diffs else ", and every door ends the same."))
    return lines


def path_name(run: Run) -> str:
    """The path a run took, as the answers at its audience choices: "A", "B-A"; "" with no choice."""
    return "-".join(fork.default for fork in run.forks)


def new_export_folder(root: Path, name: str, when: datetime | None = None) -> Path:
    """A new folder under `root` for one export, named `name` and the minute: never one used before.

    A second export in the same minute gets `-2`, then `-3`: an export never overwrites another.
    """
    when = when or datetime.now()
    base = f"{name}-{when:%Y-%m-%d-%H%M}"
    root.mkdir(parents=True, exist_ok=True)
    for n in itertools.count(1):
        folder = root / (base if n == 1 else f"{base}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise AssertionError("unreachable")


def run_folder_name(demo: Demo, run: Run) -> str:
    """`eager-yes-A`: the demo and the path the class took."""
    return "-".join(part for part in (demo.id, path_name(run)) if part)


def scenes(run: Run, shots: dict[int, str]) -> list[Scene]:
    """The run's turning points that have a screenshot (by beat index), in the order shown."""
    out = []
    for n, (i, beat) in enumerate(((i, b) for i, b in enumerate(run.beats) if b.kind == "marker"), 1):
        if i in shots:
            out.append(Scene(beat.title, beat.caption, f"turning-point-{n}-{beat.marker}.svg", shots[i]))
    return out


@dataclass
class Export:
    folder: Path
    markdown: Path
    html: Path
    files: list[Path]


def export_run(demo: Demo, world: World, run: Run, root: Path, shots: dict[int, str] | None = None,
               screens: dict[str, str] | None = None, when: datetime | None = None) -> Export:
    """Write the debrief of a played demo into a new folder under `root`: Markdown, self-contained
    HTML, and the SVG screenshots, the turning points' (`shots`, by beat index) and other `screens`'."""
    folder = new_export_folder(root, run_folder_name(demo, run), when)
    debrief = build(run.state, replay_code=encode_replay(run.state))
    debrief.what_if = what_if(demo, world, run)
    debrief.title = f"{demo.title} ({debrief.title})"
    debrief.presented = True
    debrief.scenes = scenes(run, shots or {})
    return write_debrief(debrief, folder, demo.id, screens)


def write_debrief(debrief: Debrief, folder: Path, stem: str, screens: dict[str, str] | None = None) -> Export:
    """The debrief's files in `folder`: `stem`.md, `stem`.html, and one SVG per scene and screen."""
    md, page = folder / f"{stem}.md", folder / f"{stem}.html"
    md.write_text(to_markdown(debrief), encoding="utf-8")
    page.write_text(to_html(debrief), encoding="utf-8")
    files = [md, page]
    named = [(s.file, s.svg) for s in debrief.scenes] + [(f"{_slug(n)}.svg", svg) for n, svg in (screens or {}).items()]
    for name, svg in named:
        path = folder / name
        path.write_text(svg, encoding="utf-8")
        files.append(path)
    return Export(folder, md, page, files)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "screen"
