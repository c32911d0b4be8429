"""Running demos without a screen, and writing their debriefs to disk."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.demo import story
from game.demo.debrief import Debrief, to_html, to_markdown
from game.demo.script import Demo, Run, run_actions

__all__ = ["Export", "export_run", "new_export_folder", "path_name", "run_actions", "write_debrief"]
from game.engine.world import World


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


@dataclass
class Export:
    folder: Path
    markdown: Path
    html: Path
    files: list[Path]


def export_run(demo: Demo, world: World, run: Run, root: Path, shots: dict[int, str] | None = None,
               screens: dict[str, str] | None = None, when: datetime | None = None,
               shown: dict[str, str] | None = None, reached: set[str] | None = None,
               shown_shots: dict[int, str] | None = None) -> Export:
    """Write the debrief of a presented demo into a new folder under `root`: Markdown, self-contained
    HTML, and the SVG screenshots.

    `run` is the class's timeline and `shots` its turning points' screenshots (by beat index);
    `shown` the answers of a timeline the presenter forked to afterwards, with `shown_shots`;
    `screens` other screens seen (the comparison, the debrief) by name.
    """
    class_choices = {fork.where: fork.default for fork in run.forks}
    name = run_folder_name(demo, run)
    if shown is not None and any(shown.get(w, k) != k for w, k in class_choices.items()):
        name += "-then-" + "-".join(shown.get(w, k) for w, k in class_choices.items())
    folder = new_export_folder(root, name, when)
    told = story.tell(demo, world, class_choices, shown, shots, reached, shown_shots)
    files = [(m.file, m.svg) for m in told.moments if m.file]
    files += [(m.file, m.svg) for o in told.others for m in o.moments if m.file]
    for title, svg in (screens or {}).items():
        told.screens.append((title.capitalize(), f"{_slug(title)}.svg", svg))
        files.append((f"{_slug(title)}.svg", svg))
    laid_out = story.blocks(told)
    md, page = folder / f"{demo.id}.md", folder / f"{demo.id}.html"
    md.write_text(story.to_markdown(laid_out), encoding="utf-8")
    page.write_text(story.to_html(laid_out), encoding="utf-8")
    written = [md, page]
    for file, svg in files:
        path = folder / file
        path.write_text(svg, encoding="utf-8")
        written.append(path)
    return Export(folder, md, page, written)


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
