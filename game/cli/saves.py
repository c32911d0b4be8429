"""`warm-intro saves list` and `warm-intro saves verify [NAME]`."""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    saves = sub.add_parser("saves", help="list saved games, or check that they replay exactly")
    saves.add_argument("--saves-dir", help="the saves folder (default: $WARM_INTRO_SAVES, else ./saves)")
    saves.add_argument("--pack", help="the content pack the saves were made with (default: core)")
    what = saves.add_subparsers(dest="saves_command", metavar="COMMAND")
    listing = what.add_parser("list", help="list saves, newest first (broken ones are listed with their problem)")
    verify = what.add_parser("verify", help="replay saves and compare them with their recorded state")
    for verb in (listing, verify):  # `saves list --saves-dir D` as well as `saves --saves-dir D list`
        verb.add_argument("--saves-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        verb.add_argument("--pack", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    verify.add_argument("name", nargs="?", help="one save (default: all of them)")
    verify.add_argument("--accept-unverified", action="store_true",
                        help="pass saves that replay but can't be checked against their record (another game "
                             "version or pack, or an older save format)")


def run(args: argparse.Namespace, load_world) -> int:
    from game.packs.guarded import printable
    from game.saves.files import SaveError, find_save, list_saves, load_save
    from game.saves.paths import saves_dir

    folder = saves_dir(args.saves_dir)
    command = args.saves_command or "list"
    if command == "list":
        items = list_saves(folder)
        if not items:
            print(f"No saves in {folder} yet.")
            return 0
        for item in items:
            if item.error:
                print(f"{item.name:<24} !! {item.error}")
            else:
                when = item.updated.replace("T", " ").rstrip("Z")
                print(f"{item.name:<24} {item.campaign:<16} week {item.week:<3} {when:<17}  {item.summary}")
        return 0
    world = load_world(args.pack)
    if world is None:
        return 1
    try:
        paths = [find_save(folder, args.name)] if args.name else [i.path for i in list_saves(folder)]
    except SaveError as exc:
        print(f"warm-intro saves: {exc}", file=sys.stderr)
        return 1
    if not paths:
        print(f"No saves in {folder} to verify.")
        return 0
    bad = 0
    for path in paths:
        name = printable(path.name)
        try:
            loaded = load_save(path, world)
        except SaveError as exc:
            bad += 1
            print(f"FAIL {name}: {exc.problem} {exc.advice}".rstrip())
            continue
        replayed = f"{len(loaded.save.actions)} actions replayed to week {loaded.state.week}"
        if loaded.unverified and not args.accept_unverified:
            bad += 1
            print(f"CAN'T VERIFY {name}: {replayed}, but not checked against its record. {loaded.unverified} "
                  "Pass --accept-unverified to accept it as it replays now.")
            continue
        note = f" ({' '.join(loaded.notes)})" if loaded.notes else ""
        print(f"ok   {name}: {replayed}{note}")
    return 1 if bad else 0
