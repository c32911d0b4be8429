"""`warm-intro demo`: list, play headless, export, and (on a terminal) present demos."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.state import Effect


def register(sub) -> None:
    demo = sub.add_parser("demo", help="scripted demos for workshops: list, present, or play headless")
    demo.add_argument("id", nargs="?", help="the demo to run (see --list); or `record` to turn a saved game into "
                                            "a demo script: demo record SAVE [-o FILE]")
    demo.add_argument("save", nargs="?", help=argparse.SUPPRESS)  # after `record`: the save's name or file
    demo.add_argument("--pack", help="a content pack folder with more demos (core's are always there)")
    demo.add_argument("--list", action="store_true", help="print each demo's id, pack and title, one a line")
    demo.add_argument("--headless", action="store_true", help="play the script without a screen and print it")
    demo.add_argument("--export", metavar="DIR", help="with --headless: write the debrief (Markdown, HTML, screenshots) to a new folder "
                           "in DIR, named from the demo, the path taken and the time")
    demo.add_argument("--choose", action="append", default=[], metavar="WHERE=KEY",
                      help="take another option at an audience choice, named by its step or by the marker "
                           "before it (the headless text prints both), e.g. --choose 'the-offer=B' or 'step 5=B'")
    demo.add_argument("--replay", metavar="CODE", help="open the session a debrief's replay code describes")
    demo.add_argument("-o", "--output", metavar="FILE", help="with record: write the script here, not to stdout")
    demo.add_argument("--demo-id", metavar="ID", help="with record: the new demo's id (default: from the save's name)")
    demo.add_argument("--saves-dir", help="with record: the saves folder (default: $WARM_INTRO_SAVES, else ./saves)")
    demo.add_argument("--notes", action="store_true",
                      help="the facilitator's notes, off the projector: run in a second terminal, it follows "
                           "the demo on stage (the beat, your note for it, the next beat, the time)")


def _demos(pack: str | None):
    from game.demo.script import DemoError, load_demos
    from game.packs.loader import PackError, core_pack_path, load_core, load_pack

    try:
        core = load_core()
        found = [(d, core) for d in load_demos(core_pack_path(), core)]
        if pack:
            world = load_pack(pack)
            found += [(d, world) for d in load_demos(Path(pack), world)]
    except PackError as exc:
        from game.cli.terminal import tell_pack_problems

        tell_pack_problems("warm-intro demo: the pack could not be loaded:", exc.problems)
        return None
    except DemoError as exc:
        print(f"warm-intro demo: {exc}", file=sys.stderr)
        return None
    return found


def run(args: argparse.Namespace) -> int:
    if args.id == "record":
        return _record(args)
    if args.save is not None:
        print(f"warm-intro demo: one demo at a time (got {args.id!r} and {args.save!r}); "
              "`demo record SAVE` turns a save into a script", file=sys.stderr)
        return 2
    found = _demos(args.pack)
    if found is None:
        return 1
    if args.notes:
        return _notes(args, found)
    if args.replay:
        return _replay(args, found)
    if args.list:
        for demo, _ in found:
            print(f"{demo.id}\t{demo.pack}\t{demo.title}")
        return 0
    if not args.id:
        if args.headless:
            print("warm-intro demo: --headless needs a demo id; see --list", file=sys.stderr)
            return 2
        return _present(None, found)
    matches = [(d, w) for d, w in found if d.id == args.id]
    if not matches:
        print(f"warm-intro demo: no demo called {args.id!r}; demos: {', '.join(d.id for d, _ in found)}",
              file=sys.stderr)
        return 2
    demo, world = matches[-1]
    from game.demo.script import ChoiceError, resolve_choices

    choices = _parse_choices(args.choose)
    if isinstance(choices, str):
        print(f"warm-intro demo: --choose {choices}", file=sys.stderr)
        return 2
    try:
        choices = resolve_choices(demo, choices)
    except ChoiceError as exc:
        print(f"warm-intro demo: --choose {exc}", file=sys.stderr)
        return 2
    if args.export and (problem := _export_problem(Path(args.export))) is not None:
        print(f"warm-intro demo: --export {problem}", file=sys.stderr)
        return 2
    if not args.headless:
        return _present(demo, found)
    return _headless(demo, world, choices, args.export)


def _parse_choices(items: list[str]) -> dict[str, str] | str:
    """`--choose` values as place -> key (a step, "step 5", or a marker, "the-offer"), or what is wrong."""
    choices: dict[str, str] = {}
    for item in items:
        where, sep, key = item.rpartition("=")
        if not sep or not where.strip():
            return f"takes WHERE=KEY, like 'step 5=B' or 'the-offer=B' (got {item!r})"
        choices[where.strip()] = key.strip().upper()
    return choices


def _choice_problem(demo, choices: dict[str, str]) -> str | None:
    """Why these answers (by step) do not fit this demo, or None."""
    from game.demo.script import ChoiceError, resolve_choices

    try:
        resolve_choices(demo, choices)
    except ChoiceError as exc:
        return str(exc)
    return None


def _export_problem(folder: Path) -> str | None:
    """Why the debrief cannot go to `folder` (a file is in the way, or it cannot be written), or None."""
    import os

    if folder.exists() and not folder.is_dir():
        return f"takes a folder to write the debrief into; {folder} is not a folder"
    parent = next((p for p in (folder, *folder.parents) if p.exists()), Path("."))
    if not parent.is_dir():
        return f"cannot make a folder inside {parent}, which is not a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot write to {parent}; choose a folder you can write to"
    return None


def _headless(demo, world, choices, export: str | None) -> int:
    from game.demo.script import choice_names, play
    from game.demo.session import export_run

    run = play(demo, world, choices)
    print(f"{demo.title} ({demo.id}, pack {demo.pack}) - {demo.campaign}, seed {demo.seed}")
    state_iter = iter(run.states)
    reveal = False
    names = choice_names(run.beats)
    for i, beat in enumerate(run.beats[: len(run.states)]):
        state = next(state_iter)
        if beat.kind == "reveal":
            reveal = beat.reveal
        if beat.kind == "caption":
            print(f"\n  {beat.caption}")
        elif beat.kind == "marker":
            print(f"\n  [{beat.marker}] {beat.caption}".rstrip())
        elif beat.kind == "reveal":
            print(f"  (inner thoughts {'on' if beat.reveal else 'off'})")
        elif beat.kind == "choose":
            named = f" or '{names[i]}=KEY'" if i in names else ""
            print(f"\n  ? {beat.caption}  (--choose '{beat.where}=KEY'{named})")
            for key, label in beat.options:
                mark = ">" if key == beat.default else " "
                print(f"    {mark} {key}. {label}")
        else:
            node = state.history
            seen = [e for e in node.effects if e.visible and _headline(e)]
            detail = "; ".join(_effect_text(e) for e in seen[:4])
            print(f"  week {node.week}: {beat.action.label()}" + (f" -> {detail}" if detail else ""))
            if reveal:
                for e in node.effects:
                    if not e.visible:
                        print(f"      (inner thoughts) {e.cause}")
    if run.failures:
        print("\nThe script no longer plays as written:", file=sys.stderr)
        for failure in run.failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(f"\nEvery marker landed. The game stands at week {run.state.week}.")
    if export:
        shots = _turning_point_shots(demo, world, choices)
        try:
            out = export_run(demo, world, run, Path(export), shots)
        except OSError as exc:
            print(f"warm-intro demo: could not write the debrief to {export}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        svgs = len(out.files) - 2
        print(f"Debrief written to {out.folder}: {out.markdown.name}, {out.html.name} and {svgs} screenshots")
    return 0


def _turning_point_shots(demo, world, choices) -> dict[int, str]:
    """The turning points drawn as the stage shows them; none (with a note) in a build without a screen."""
    try:
        from game.ui.presenter import turning_point_shots
    except ImportError:
        print("note: this build has no screen to draw the turning points; the debrief has no screenshots.",
              file=sys.stderr)
        return {}
    return turning_point_shots(demo, world, choices)


def _headline(e: Effect) -> bool:
    """The changes worth a line in the headless script: trust, embarrassment, doors, new people."""
    from game.engine.kinds import INTRODUCTIONS, EffectKind, Meter

    return (e.kind == EffectKind.CONTACT_METER and e.meter in (Meter.TRUST, Meter.EMBARRASSMENT)) \
        or e.kind == EffectKind.DOOR or e.kind in INTRODUCTIONS


def _effect_text(e: Effect) -> str:
    from game.engine.kinds import EffectKind

    if e.kind != EffectKind.CONTACT_METER:
        return e.cause
    sign = "+" if e.delta > 0 else ""
    return f"{sign}{e.delta} {e.meter} ({e.cause})"


def _notes(args: argparse.Namespace, found) -> int:
    """The notes view: it follows a stage of `args.id` (any demo's, without an id) on this computer."""
    from game.cli.terminal import needs_terminal

    if args.headless or args.export or args.replay or args.choose:
        print("warm-intro demo: --notes follows a demo on stage; it takes only a demo id", file=sys.stderr)
        return 2
    if args.id and not any(d.id == args.id for d, _ in found):
        print(f"warm-intro demo: no demo called {args.id!r}; demos: {', '.join(d.id for d, _ in found)}",
              file=sys.stderr)
        return 2
    if (code := needs_terminal("demo", "the notes view needs a terminal of its own")) is not None:
        return code
    try:
        from game.ui.presenter import follow_notes
    except ImportError:
        print("warm-intro demo: the notes view is not available in this build.", file=sys.stderr)
        return 2
    return follow_notes(args.id)


def _plays_as_coded(demo, world, replay) -> bool:
    """The demo, with the code's answers, still plays the code's moves (the script or pack may have changed)."""
    from game.demo.script import DemoError, play
    from game.demo.session import run_actions

    if _choice_problem(demo, replay.choices) is not None:
        return False
    try:
        run = play(demo, world, replay.choices)
    except DemoError:
        return False
    return (demo.campaign, demo.seed) == (replay.campaign, replay.seed) and run_actions(run) == replay.actions


def _present(demo, found, choices: dict[str, str] | None = None) -> int:
    from game.cli.terminal import needs_terminal

    if (code := needs_terminal("demo", "use --headless to play a demo as text")) is not None:
        return code
    try:
        from game.ui.presenter import present
    except ImportError:
        print("warm-intro demo: presenter mode is not available in this build; use --headless to play a demo "
              "as text, or --list to see them.", file=sys.stderr)
        return 2
    return present(demo, found, choices)


def _replay(args: argparse.Namespace, found) -> int:
    """A replay code: the same session again, headless (with --headless) or in presenter mode."""
    from game.demo.debrief import build
    from game.demo.session import new_export_folder, write_debrief
    from game.demo.timeline import ReplayCodeError, decode_replay, encode_replay, play_out
    from game.engine.actions import Impossible

    try:
        replay = decode_replay(args.replay)
    except ReplayCodeError as exc:
        print(f"warm-intro demo: {exc}", file=sys.stderr)
        return 2
    worlds = {}
    for _, world in found:
        worlds.setdefault(world.pack_id, world)
    pack_id = replay.packs[-1][0] if replay.packs else "core"
    world = worlds.get(pack_id)
    if world is None:
        print(f"warm-intro demo: this session was played with pack {pack_id!r}; load it with --pack", file=sys.stderr)
        return 1
    have = dict((p, v) for p, v, *_ in (getattr(world, "packs", ()) or ((world.pack_id, world.pack_version),)))
    for pid, version in replay.packs:
        if have.get(pid, version) != version:
            print(f"note: the session was played with {pid} {version}; this is {pid} {have[pid]}.", file=sys.stderr)
    if replay.demo:
        demo = next((d for d, w in reversed(found) if d.id == replay.demo and w is world), None)
        if demo is not None and _plays_as_coded(demo, world, replay):
            if args.headless:
                return _headless(demo, world, replay.choices, args.export)
            return _present(demo, found, replay.choices)
        print(f"note: this code was made by the demo {replay.demo!r}, which "
              f"{'this pack no longer plays the same way' if demo else 'is not in this pack'}; "
              "opening the session without its script.", file=sys.stderr)
    try:
        states = play_out(world, replay.campaign, replay.seed, replay.actions)
    except (Impossible, KeyError) as exc:
        print(f"warm-intro demo: the session can't be replayed with this pack: {exc}", file=sys.stderr)
        return 1
    final = states[-1]
    if not args.headless:
        from game.cli.terminal import needs_terminal

        if (code := needs_terminal("demo", "add --headless to replay the session as text")) is not None:
            return code
        try:
            from game.ui.presenter import present_replay
        except ImportError:
            pass
        else:
            return present_replay(world, replay)
    title = world.campaigns[replay.campaign].title
    print(f"{title} ({replay.campaign}), seed {replay.seed}: {len(replay.actions)} actions, now week {final.week}")
    for node in final.history_nodes():
        print(f"  week {node.week}: {node.action.label()}")
    if args.export:
        root = Path(args.export)
        if (problem := _export_problem(root)) is not None:
            print(f"warm-intro demo: --export {problem}", file=sys.stderr)
            return 2
        debrief = build(final, replay_code=encode_replay(final))
        try:
            out = write_debrief(debrief, new_export_folder(root, f"replay-{replay.campaign}"), "replay")
        except OSError as exc:
            print(f"warm-intro demo: could not write the debrief to {root}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"Debrief written to {out.folder}: {out.markdown.name} and {out.html.name}")
    return 0


def _record(args: argparse.Namespace) -> int:
    """`demo record SAVE`: the saved game as a demo script to edit, on stdout or in `-o FILE`."""
    from game.cli import _load_world
    from game.demo.record import demo_id_for, record
    from game.saves.files import SaveError, find_save, load_save
    from game.saves.paths import saves_dir

    if not args.save:
        print("warm-intro demo: record needs a saved game: demo record SAVE [-o FILE] "
              "(`warm-intro saves list` shows them)", file=sys.stderr)
        return 2
    demo_id = args.demo_id or demo_id_for(Path(args.save).stem if args.save.endswith(".toml") else args.save)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", demo_id):
        print(f"warm-intro demo: --demo-id {demo_id!r}: an id is lower-case letters, digits, - and _", file=sys.stderr)
        return 2
    given = Path(args.save)
    try:
        path = given if given.is_file() else find_save(saves_dir(args.saves_dir), args.save)
    except SaveError as exc:
        print(f"warm-intro demo: {exc.problem} {exc.advice}".rstrip(), file=sys.stderr)
        return 1
    world = _load_world(args.pack)
    if world is None:
        return 1
    try:
        state = load_save(path, world).state
    except SaveError as exc:
        print(f"warm-intro demo: {path.name}: {exc.problem} {exc.advice}".rstrip(), file=sys.stderr)
        return 1
    if not state.steps:
        print(f"warm-intro demo: {path.name} has no moves yet; play a little first", file=sys.stderr)
        return 1
    script = record(state, demo_id, source=path.name)
    if not args.output:
        print(script, end="")
        return 0
    out = Path(args.output)
    if out.exists():
        print(f"warm-intro demo: {out} already exists; record writes a new file (or leave out -o for stdout)",
              file=sys.stderr)
        return 2
    try:
        out.write_text(script, encoding="utf-8")
    except OSError as exc:
        print(f"warm-intro demo: could not write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Demo script {demo_id!r} written to {out}: add it to a pack's demos.toml, write its captions, "
          "and `warm-intro pack check PACK` checks it.", file=sys.stderr)
    return 0
