"""The `warm-intro` command.

Imports are kept inside the commands so that starting the game does not pay for the
simulator, and the simulator does not pay for the terminal UI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from game.cli.parallel import Workers, add_jobs_option


def _parser(only_play: bool = False) -> argparse.ArgumentParser:
    """The command line. `only_play`: just the `play` command, for a command line that can
    only be `play` or nothing (the other commands' modules are then not imported at all)."""
    parser = argparse.ArgumentParser(
        prog="warm-intro",
        description="Warm Intro: a turn-based game about finding work through people.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play a campaign (the default)")
    play.add_argument("--campaign", help="campaign id (default: the pack's first campaign)")
    play.add_argument("--pack", help="a content pack folder to play instead of the core pack")
    play.add_argument("--seed", type=int, default=None, help="seed for a reproducible game")
    play.add_argument("--load", metavar="NAME", help="carry on a saved game (see `warm-intro saves list`)")
    play.add_argument("--ironman", action="store_true", help="a new game with no undo and no rewind")
    play.add_argument("--saves-dir", help="the saves folder (default: $WARM_INTRO_SAVES, else ./saves)")
    if only_play:
        return parser

    sim = sub.add_parser("sim", help="let strategy bots play many campaigns and compare them")
    sim.add_argument("--campaign", help="campaign id (with --lessons: every campaign if not given)")
    sim.add_argument("--strategy",
                     help="bot name, or several separated by commas: patient, pushy, overclaimer, passive, random, "
                          "or a gallery bot (bench/gallery.py lists them; an unknown name prints them all)")
    sim.add_argument("--runs", type=int, default=100, help="campaigns per strategy (default 100)")
    sim.add_argument("--seed", type=int, default=0, help="base seed (default 0)")
    sim.add_argument("--pack", help="a content pack folder instead of the core pack")
    sim.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    sim.add_argument("--save", metavar="NAME",
                     help="with --runs 1 and one strategy: save the bot's finished game to load and step through")
    sim.add_argument("--saves-dir", help="where --save writes (default: $WARM_INTRO_SAVES, else ./saves)")
    sim.add_argument("--lessons", action="store_true",
                     help="the lesson table: what each lesson's choice is worth, forked at the moment it comes up "
                          "(same seeds, paired differences with standard errors)")
    add_jobs_option(sim)

    from game.cli.demo import register as register_demo
    from game.cli.saves import register as register_saves

    register_saves(sub)
    register_demo(sub)
    from game.cli.pack import register as register_pack

    register_pack(sub)
    from game.serve import register as register_serve

    register_serve(sub)
    from game.cli.classroom import register as register_class

    register_class(sub)
    return parser


def _load_world(pack: str | None):
    from game.packs.loader import load_core, load_pack

    try:
        return load_pack(pack) if pack else load_core()
    except Exception as exc:
        # the problems' module loads only when there are problems (a cached pack has none)
        from game.packs.problems import PackError

        if not isinstance(exc, PackError):
            raise
        from game.cli.terminal import tell_pack_problems

        tell_pack_problems(f"warm-intro: the pack could not be loaded ({len(exc.problems)} problem(s)):", exc.problems)
        return None


def _sim_world(args: argparse.Namespace):
    """The pack `sim` plays, or the exit code when the arguments or the pack won't do."""
    if args.runs < 1:
        print("warm-intro sim: --runs must be at least 1", file=sys.stderr)
        return 2
    world = _load_world(args.pack)
    if world is None:
        return 1
    if args.campaign is not None and args.campaign not in world.campaigns:
        print(f"warm-intro sim: no campaign {args.campaign!r}; this pack has: {', '.join(world.campaigns)}",
              file=sys.stderr)
        return 2
    return world


def _sim(args: argparse.Namespace) -> int:
    from game.engine.sim import BOTS, simulate

    if args.lessons:
        return _lessons(args)
    if not args.campaign or not args.strategy:
        print("warm-intro sim: give --campaign and --strategy (or --lessons for the lesson table)", file=sys.stderr)
        return 2
    strategies = [s.strip() for s in args.strategy.split(",") if s.strip()]
    unknown = [s for s in strategies if s not in BOTS]
    if unknown or not strategies:
        print(f"warm-intro sim: unknown strategy {', '.join(unknown) or '(none)'}; "
              f"choose from: {', '.join(BOTS)}", file=sys.stderr)
        return 2
    world = _sim_world(args)
    if isinstance(world, int):
        return world

    if args.save is not None:
        return _sim_save(args, world, strategies)
    with Workers(world, args.jobs, args.pack) as gather:
        result = simulate(world, args.campaign, strategies, args.runs, args.seed, _progress("campaigns"), gather)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=False))
        return 0
    title = world.campaigns[args.campaign].title
    print(f"{title} ({args.campaign}) - {args.runs} runs per strategy, seed {args.seed}")
    width = max(12, *(len(name) for name in result["strategies"]))
    header = f"{'strategy':<{width}} {'hired':>6} {'fit':>6} {'weeks':>6} {'closed':>7} {'advocates':>10} {'score':>6}"
    print(header)
    print("-" * len(header))
    for name, row in result["strategies"].items():
        print(f"{name:<{width}} {row['hired_rate']:>6.0%} {row['mean_fit']:>6.2f} {row['mean_weeks']:>6.1f} "
              f"{row['mean_doors_closed']:>7.2f} {row['mean_advocates']:>10.2f} {row['mean_score']:>6.1f}")
    print("\nhired: share of runs that accepted a job; fit and weeks: over those runs;")
    print("closed and advocates: doors per run at the end; score: 0-100.")
    return 0


def _progress(what: str) -> Callable[[int, int], None] | None:
    """Progress on stderr, when it is a terminal: the pieces played so far, on every process.
    The line is wiped once all are played, so the table starts on a clean screen."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        text = "\r\x1b[K" if done == total else f"\r  playing {done}/{total} {what}"
        print(text, end="", file=sys.stderr, flush=True)
    return show


def _cell(row: dict, metric: str, scale: float = 1.0) -> str:
    d = row[metric]
    return f"{d['diff'] * scale:+6.1f}±{d['se'] * scale:<4.1f}"


def _lessons(args: argparse.Namespace) -> int:
    """`sim --lessons`: the paired lesson table for one campaign or all of them."""
    from game.engine.paired import lesson_table

    world = _sim_world(args)
    if isinstance(world, int):
        return world
    campaigns = [args.campaign] if args.campaign else list(world.campaigns)
    with Workers(world, args.jobs, args.pack) as gather:
        tables = [lesson_table(world, c, args.runs, args.seed, _progress(f"lesson forks on {c}"), gather) for c in campaigns]
    if args.json:
        print(json.dumps(tables if args.campaign is None else tables[0], indent=2))
        return 0
    for table in tables:
        print(f"\n{table['campaign']}: {args.runs} runs, seed {args.seed}. Each row is A minus B on the same seeds "
              "(± one standard error), over the runs where the choice came up.")
        print(f"{'lesson: A vs B':62} {'arose':>5} {'hired':>12} {'score':>12} {'trust':>12} {'embarr.':>12} "
              f"{'B shut':>6}  verdict")
        for row in table["forks"]:
            print(f"{row['lesson'] + ': ' + row['fork']:62.62} {row['arose']:5.0%} {_cell(row, 'hired', 100):>12} "
                  f"{_cell(row, 'score'):>12} {_cell(row, 'trust'):>12} {_cell(row, 'embarrassment'):>12} "
                  f"{row['b_shut']:6.0%}  {row['verdict']}")
    print("\nhired in points of hire rate; trust and embarrassment of the person the choice was about, at the end; "
          "B shut: share of B games where that person avoids you or has shut the door; verdict: the score "
          "difference is at least two standard errors the lesson's way (teaches), the other way (backwards), "
          "or neither (unclear).")
    return 0


def _sim_save(args: argparse.Namespace, world, strategies: list[str]) -> int:
    """Save one bot game as an ordinary save (the seed is used as given)."""
    from game.engine.sim import play
    from game.saves.files import check_name, save_game
    from game.saves.paths import saves_dir

    if args.runs != 1 or len(strategies) != 1:
        print("warm-intro sim: --save needs --runs 1 and exactly one strategy", file=sys.stderr)
        return 2
    try:
        name = check_name(args.save)
    except ValueError as exc:
        print(f"warm-intro sim: {exc}", file=sys.stderr)
        return 2
    result = play(world, args.campaign, strategies[0], args.seed, keep_state=True)
    path = save_game(saves_dir(args.saves_dir), result.final_state, name)
    outcome = "hired" if result.hired else "not hired"
    print(f"{strategies[0]} played {args.campaign} (seed {args.seed}): {outcome} after {result.weeks} weeks, "
          f"{result.doors_closed} doors closed. Saved as {name!r} in {path.parent}.")
    return 0


def _play(args: argparse.Namespace) -> int:
    """`warm-intro` opens the title screen; `warm-intro play` goes straight into a game."""
    import gc

    # What is made from here to the first frame (modules, the pack, a loaded game) lasts as
    # long as the app: the collector would only walk it again and again. It is held off until
    # then (the app freezes all of it out of the collector's sight, and lets it run again,
    # once the first frame is up), or until the command gives up before opening the screen.
    gc.disable()
    try:
        return _open_the_game(args)
    finally:
        gc.enable()


def _open_the_game(args: argparse.Namespace) -> int:
    from game.ui.app import WarmIntroApp

    direct = args.command == "play"
    pack = getattr(args, "pack", None)
    saves_override = getattr(args, "saves_dir", None)
    if saves_override:
        import os

        os.environ["WARM_INTRO_SAVES"] = saves_override  # settings and saves share the folder
    load_path = loaded = None
    if getattr(args, "load", None) == "":
        print("warm-intro play: --load needs the name of a save; `warm-intro saves list` shows them",
              file=sys.stderr)
        return 2
    if getattr(args, "load", None):
        from game.saves.files import SaveError, find_save, load_save, pack_of, read_toml
        from game.saves.paths import saves_dir

        try:
            load_path = find_save(saves_dir(), args.load)
            table = read_toml(load_path)
            made = pack_of(table)
        except SaveError as exc:
            print(f"warm-intro play: {exc.problem} {exc.advice}".rstrip(), file=sys.stderr)
            return 1
        world = _load_world(pack)
        if world is None:
            return 1
        if made not in (None, world.pack_id):
            print(f"warm-intro play: {load_path.name} was made with pack {made!r}; "
                  "add --pack with that pack's folder.", file=sys.stderr)
            return 1
        try:
            loaded = load_save(load_path, world, table)  # check it before the screen takes over (which then uses it)
        except SaveError as exc:
            print(f"warm-intro play: {load_path.name}: {exc.problem} {exc.advice}".rstrip(), file=sys.stderr)
            return 1
    campaign = getattr(args, "campaign", None)
    worlds = None
    if direct or pack:
        # check the pack and campaign before the screen takes over, so errors stay readable
        world = _load_world(pack)
        if world is None:
            return 1
        if campaign is not None and campaign not in world.campaigns:
            print(f"warm-intro play: no campaign {campaign!r}; this pack has: {', '.join(world.campaigns)}",
                  file=sys.stderr)
            return 2
        worlds = [world]
        if pack:
            from game.packs.loader import load_core

            worlds.insert(0, load_core())
    from game.cli.terminal import needs_terminal

    if (code := needs_terminal(args.command or "play", "use `warm-intro sim` or `warm-intro demo --headless` "
                                                        "to play without one")) is not None:
        return code
    app = WarmIntroApp(pack=pack, campaign=campaign, seed=getattr(args, "seed", None),
                       play=direct, worlds=worlds, load=load_path, loaded=loaded, ironman=getattr(args, "ironman", False))
    app.run()
    from game.ui.app import exit_code

    return exit_code(app)


def main(argv: list[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # a full disk or a closed pipe shows here rather than at exit
    except OSError as exc:
        from game.cli.terminal import is_output_error, output_failed

        if not is_output_error(exc):
            raise
        return output_failed(exc)
    return code


def _main(argv: list[str] | None) -> int:
    words = sys.argv[1:] if argv is None else argv
    # `warm-intro` and `warm-intro play ...` start the game: their parser needs no other
    # command (nothing else it could print: `play`'s own help and errors are its own)
    args = _parser(only_play=not words or words[0] == "play").parse_args(argv)
    if args.command == "sim":
        return _sim(args)
    if args.command in ("pack", "class"):
        return args.handler(args)
    if args.command == "demo":
        from game.cli.demo import run as run_demo

        return run_demo(args)
    if args.command == "serve":
        from game.serve import run as run_serve

        return run_serve(args)
    if args.command == "saves":
        from game.cli.saves import run as run_saves

        return run_saves(args, _load_world)
    return _play(args)


if __name__ == "__main__":
    raise SystemExit(main())
