"""Running demos without a screen, and writing their debriefs to disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.demo.debrief import build, to_html, to_markdown
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


@dataclass
class Export:
    markdown: Path
    html: Path


def export_run(demo: Demo, world: World, run: Run, folder: Path) -> Export:
    """Write the debrief of a played demo as Markdown and self-contained HTML."""
    folder.mkdir(parents=True, exist_ok=True)
    debrief = build(run.state, replay_code=encode_replay(run.state))
    debrief.what_if = what_if(demo, world, run)
    debrief.title = f"{demo.title} ({debrief.title})"
    md = folder / f"{demo.id}.md"
    page = folder / f"{demo.id}.html"
    md.write_text(to_markdown(debrief), encoding="utf-8")
    page.write_text(to_html(debrief), encoding="utf-8")
    return Export(md, page)
