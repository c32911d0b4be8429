"""`warm-intro class`: the instructor's side of class mode.

`class report CODES.txt` replays every student's code and prints the class's results side by
side; `class code [SAVE]` prints a saved game's replay code, for a student to share.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def register(sub) -> None:
    cls = sub.add_parser("class", help="class mode: replay every student's code and see the class side by side")
    verbs = cls.add_subparsers(dest="verb", metavar="VERB")
    rep = verbs.add_parser("report", help="replay a file of replay codes and print the class's results")
    rep.add_argument("codes", metavar="CODES.txt",
                     help="one replay code a line, optionally after a name ('Ana: WI1-...'); blank lines and "
                          "# comments are skipped")
    rep.add_argument("--export", metavar="DIR",
                     help="also write the report (Markdown and self-contained HTML) to a new folder in DIR")
    rep.add_argument("--compare", action="append", default=[], metavar="A,B",
                     help="set two students' timelines side by side, by number or name, e.g. --compare 3,17")
    rep.add_argument("--pack", action="append", default=[], metavar="FOLDER",
                     help="a content pack the students played (core is always there); may be given again")
    code = verbs.add_parser("code", help="print a saved game's replay code, to share with your instructor")
    code.add_argument("save", nargs="?", help="the save's name or file (default: the latest save)")
    code.add_argument("--pack", help="the pack the game was played with, if not core")
    code.add_argument("--saves-dir", help="the saves folder (default: $WARM_INTRO_SAVES, else ./saves)")
    cls.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.verb == "report":
        return _report(args)
    if args.verb == "code":
        return _code(args)
    print("warm-intro class: give a verb: report CODES.txt, or code [SAVE]", file=sys.stderr)
    return 2


def load_class_worlds(packs: list[str]):
    """core and each pack given, with their demos: (worlds by pack id, [(demo, world)]), or None."""
    from game.demo.classroom import class_worlds
    from game.demo.script import DemoError
    from game.packs.loader import PackError

    try:
        return class_worlds(packs)
    except PackError as exc:
        from game.cli.terminal import tell_pack_problems

        tell_pack_problems("warm-intro class: a pack could not be loaded:", exc.problems)
        return None
    except DemoError as exc:
        print(f"warm-intro class: {exc}", file=sys.stderr)
        return None


def _report(args: argparse.Namespace) -> int:
    from game.cli.demo import _export_problem
    from game.demo import classroom

    path = Path(args.codes)
    try:
        text = classroom.read_codes_file(path)
    except (ValueError, OSError) as exc:
        print(f"warm-intro class: {exc}", file=sys.stderr)
        return 2
    if args.export and (problem := _export_problem(Path(args.export))) is not None:
        print(f"warm-intro class: --export {problem}", file=sys.stderr)
        return 2
    loaded = load_class_worlds(args.pack)
    if loaded is None:
        return 1
    worlds, demos = loaded
    entries = classroom.read_codes(text)
    if not entries:
        print(f"warm-intro class: {path} holds no codes (one a line, optionally 'Name: CODE')", file=sys.stderr)
        return 2
    rep = classroom.report(entries, worlds, demos, path.name)
    pairs = []
    for wanted in args.compare:
        found = _pair(rep, wanted)
        if isinstance(found, str):
            print(f"warm-intro class: --compare {found}", file=sys.stderr)
            return 2
        pairs.append(classroom.compare_students(*found))
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    for line in classroom.to_text(classroom.blocks(rep, pairs), max(60, min(width, 140))):
        print(line)
    if args.export:
        try:
            out = classroom.export(rep, Path(args.export), pairs)
        except OSError as exc:
            print(f"warm-intro class: could not write the report to {args.export}: {exc.strerror or exc}",
                  file=sys.stderr)
            return 1
        print(f"\nReport written to {out.folder}: {out.markdown.name} and {out.html.name}")
    return 0


def _pair(rep, wanted: str):
    """The two students `A,B` names (numbers or names), or what is wrong with it."""
    from game.demo.classroom import Student

    parts = [p.strip() for p in wanted.split(",")]
    if len(parts) != 2 or not all(parts):
        return f"takes two students, by number or name, like 3,17 (got {wanted!r})"
    found = []
    for part in parts:
        who = rep.find(part)
        if who is None:
            numbers = ", ".join(str(s.n) for s in rep.students)
            return f"there is no student {part!r}; the replayed students are {numbers or 'none'}"
        if not isinstance(who, Student):
            return f"#{who.entry.n} {who.entry.name}'s code could not be used: {who.reason}"
        found.append(who)
    if found[0] is found[1]:
        return f"give two different students (got {wanted!r})"
    return tuple(found)


def _code(args: argparse.Namespace) -> int:
    from game.demo.timeline import encode_replay
    from game.saves.files import SaveError, find_save, list_saves, load_save
    from game.saves.paths import saves_dir

    folder = saves_dir(args.saves_dir)
    try:
        if args.save:
            path = Path(args.save) if Path(args.save).is_file() else find_save(folder, args.save)
        else:
            latest = next((item for item in list_saves(folder) if not item.error), None)
            if latest is None:
                print(f"warm-intro class: no saved game in {folder} to take a code from", file=sys.stderr)
                return 1
            path = latest.path
        from game.cli import _load_world

        world = _load_world(args.pack)
        if world is None:
            return 1
        loaded = load_save(path, world)
    except SaveError as exc:
        print(f"warm-intro class: {exc.problem} {exc.advice}".rstrip(), file=sys.stderr)
        return 1
    print(encode_replay(loaded.state))
    return 0
