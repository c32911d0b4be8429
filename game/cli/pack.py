"""`warm-intro pack`: check a pack, scaffold a new one, print the JSON Schema.

This module is imported when the command line is parsed, so it imports nothing heavy at
the top: the loader, pydantic and the simulator load only when a pack command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from game.cli.parallel import Workers, add_jobs_option


def register(subparsers) -> None:
    """Add the `pack` command and its subcommands to the `warm-intro` parser."""
    pack = subparsers.add_parser("pack", help="check, scaffold and describe content packs",
                                 description="Tools for content pack authors.")
    sub = pack.add_subparsers(dest="pack_command", metavar="SUBCOMMAND")
    pack.set_defaults(handler=_no_subcommand, pack_parser=pack)

    check = sub.add_parser("check", help="validate packs, run their scenario tests, optionally check balance",
                           description="Validate content packs: every problem at once, as FILE:LINE: "
                                       "severity[CODE]: message. Exit 0 if valid, 1 if there are problems, 2 "
                                       "on a usage error.")
    check.add_argument("paths", nargs="+", metavar="PATH", help="pack folders")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--balance", action="store_true",
                       help="play the strategy bots on each campaign and warn when the lessons stop holding")
    check.add_argument("--runs", type=int, default=100, help="bot runs per strategy for --balance (default 100)")
    check.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")
    check.add_argument("--watch", action="store_true",
                       help="keep watching the pack folders and check again when a file changes, printing only "
                            "what changed (Ctrl+C stops)")
    add_jobs_option(check)
    check.set_defaults(handler=_check)

    new = sub.add_parser("new", help="scaffold a new pack that builds on core",
                         description="Write a small, valid, commented pack that builds on core.")
    new.add_argument("path", metavar="PATH", help="a folder that does not exist yet (or is empty)")
    new.add_argument("--name", help="the pack's display name (default: from the folder name)")
    new.set_defaults(handler=_new)

    trace = sub.add_parser("trace", help="play a scenario step by step: effects and the state after each step",
                           description="Play one of a pack's scenario tests and print, for each step, what the game "
                                       "recorded (hidden effects too) and the state after it: the meters and doors "
                                       "of the people involved, the open question, promises and when they fall "
                                       "due, and the roles' stages. PACK is a pack folder, or 'core' for the "
                                       "shipped core pack. Without SCENARIO, list the pack's scenarios.")
    trace.add_argument("pack", metavar="PACK", help="a pack folder, or 'core'")
    trace.add_argument("scenario", nargs="?", metavar="SCENARIO", help="the scenario's id")
    trace.add_argument("--json", action="store_true", help="print one JSON object")
    trace.set_defaults(handler=_trace)

    graph = sub.add_parser("graph", help="who the player can reach in each campaign: ties, introductions, roles",
                           description="For each campaign: who the player knows at the start, everyone they can "
                                       "reach along ties and how, who each person can introduce (with tie "
                                       "strengths), the roles each hiring contact holds, and what is out of reach. "
                                       "PACK is a pack folder, or 'core'.")
    graph.add_argument("pack", metavar="PACK", help="a pack folder, or 'core'")
    graph.add_argument("--campaign", metavar="ID", help="only this campaign (default: the pack's own campaigns)")
    graph.add_argument("--svg", metavar="FILE", help="also write the campaign's graph as an SVG a browser opens")
    graph.add_argument("--json", action="store_true", help="print one JSON object")
    graph.set_defaults(handler=_graph)

    schema = sub.add_parser("schema", help="print or write the JSON Schemas of pack files, for editors",
                            description="One JSON Schema per pack file. With KIND, print that one (or write it to "
                                        "FILE with -o); with -o DIR and no KIND, write them all into DIR.")
    schema.add_argument("kind", nargs="?", metavar="KIND",
                        help="which file: pack, fields, companies, people, opportunities, campaigns, events, "
                             "dialogue, lessons, scenarios, tuning, demos")
    schema.add_argument("-o", "--output", metavar="PATH", help="write to PATH (a file with KIND, else a folder)")
    schema.set_defaults(handler=_schema)


def _no_subcommand(args: argparse.Namespace) -> int:
    args.pack_parser.print_help(sys.stderr)
    return 2


# --------------------------------------------------------------------------------------
# check


def _pack_id(folder: Path) -> str | None:
    """The id a pack folder declares, or None (the check itself reports what is wrong)."""
    from game.packs import guarded
    from game.packs.layout import MAX_FILE_BYTES

    try:
        data, _, _ = guarded.read_toml(folder / "pack.toml", MAX_FILE_BYTES, folder)
    except guarded.Refused:
        return None
    pid = data.get("id")
    return pid if isinstance(pid, str) else None


@dataclass
class CheckReport:
    """One check of the packs named on the command line, ready to print."""

    ok: bool
    problems: list  # game.packs.loader.Problem, in the order they are printed
    summaries: list[str]  # a line per pack (and its balance table)
    verdict: str
    scenarios: list[dict]
    balance: dict

    @property
    def code(self) -> int:
        return 0 if self.ok else 1

    def lines(self) -> list[str]:
        return [*map(str, self.problems), *self.summaries, self.verdict]


def _check(args: argparse.Namespace) -> int:
    if args.runs < 1:
        print("warm-intro pack check: --runs must be at least 1", file=sys.stderr)
        return 2
    if args.watch and args.json:
        print("warm-intro pack check: --watch prints what changed as text; leave out --json", file=sys.stderr)
        return 2
    folders = [Path(p) for p in args.paths]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        print(f"warm-intro pack check: no such pack folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.watch:
        import time

        return watch(lambda: check_report(args, folders), lambda: _stamps(folders), time.sleep, print)
    report = check_report(args, folders)
    if args.json:
        print(json.dumps({"ok": report.ok, "problems": [p.to_dict() for p in report.problems],
                          "scenarios": report.scenarios, "balance": report.balance}, indent=2))
    else:
        print("\n".join(report.lines()))
    return report.code


def check_report(args: argparse.Namespace, folders: list[Path]) -> CheckReport:
    """Check every pack folder: problems, scenarios, demos and (with --balance) the bots' games."""
    import contextlib
    import io

    from game.packs.loader import Problem, check_pack_layers
    from game.packs.scenarios import balance, run_scenarios

    # packs named together may build on each other by id
    bases = {pid: f for f in folders if (pid := _pack_id(f))}
    problems: list[Problem] = []
    scenarios: list[dict] = []
    balance_out: dict = {}
    summaries = []
    for folder in folders:
        world, found, own = check_pack_layers(folder, bases)
        problems += found
        # a pack that builds on others is checked on what it adds: its own scenarios and campaigns
        results = run_scenarios(world, own.get("scenarios", set())) if world is not None else []
        for r in results:
            problems += r.failures
            scenarios.append({"pack": world.pack_id, **r.to_dict()})
        demos_ok = 0
        if world is not None:
            from game.demo.script import read_demos

            demos, demo_problems = read_demos(folder, world)
            problems += demo_problems
            demos_ok = len(demos)
        if world is not None and args.balance:
            with Workers(world, args.jobs, folder, bases) as gather:
                report, warnings = balance(world, runs=args.runs, source=f"{folder.name}/campaigns.toml",
                                           campaigns=sorted(own.get("campaigns", set())), gather=gather,
                                           lines=_campaign_lines(folder), own_lines=own.get("lines"))
            balance_out[world.pack_id] = report
            problems += warnings
        summaries.append((folder, world, found, results, demos_ok))
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    ok = not errors and not (args.strict and warnings)
    # problems with the files themselves first: a misnamed file explains the errors after it
    ordered = sorted(problems, key=lambda p: (not p.code.startswith("P1"), p.severity != "error", p.file, p.line or 0))
    text = []
    for folder, world, _found, results, demos_ok in summaries:
        if world is None:
            continue
        passed = sum(r.passed for r in results)
        line = f"{folder.name}: {world.pack_id} {world.pack_version} - {len(world.people)} people, " \
               f"{len(world.campaigns)} campaigns"
        if results:
            line += f", scenarios {passed}/{len(results)} passed"
        if demos_ok:
            line += f", {demos_ok} demo{'s play' if demos_ok != 1 else ' plays'} as written"
        text.append(line)
        if world.pack_id in balance_out:
            table = io.StringIO()
            with contextlib.redirect_stdout(table):
                _print_balance(balance_out[world.pack_id])
            text += table.getvalue().splitlines()
    verdict = f"{'ok' if ok else 'problems found'}: {len(errors)} error(s), {len(warnings)} warning(s)"
    return CheckReport(ok, ordered, text, verdict, scenarios, balance_out)


# --------------------------------------------------------------------------------------
# check --watch

POLL_SECONDS = 1.0


def _stamps(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Each pack file's modification time and size (the files of the folders named, not below them)."""
    out = {}
    for folder in folders:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            try:
                st = path.stat()
            except OSError:
                continue  # gone between listing and looking: the next round sees it
            if path.is_file():
                out[str(path)] = (st.st_mtime_ns, st.st_size)
    return out


def _problem_key(p) -> tuple:
    """A problem without its line: one that only moved down the file is not new."""
    return (p.file, p.path, p.code, p.severity, p.message)


def watch(check, stamps, sleep, emit, rounds: int | None = None) -> int:
    """Check, then poll the pack files' times once a second and check again whenever one changes,
    printing only what changed: problems fixed, problems new, a summary that moved. Ctrl+C
    stops it (exit code of the last check). `rounds` bounds the polls, for tests."""
    report = None
    try:  # Ctrl+C at any moment ends the watch with the last check's verdict
        report = check()
        for line in report.lines():
            emit(line)
        seen = stamps()
        n = 0
        emit(f"watching for changes (every {POLL_SECONDS:g} s; Ctrl+C stops)")
        while rounds is None or n < rounds:
            n += 1
            sleep(POLL_SECONDS)
            now = stamps()
            if now == seen:
                continue
            changed = sorted(Path(f).name for f in set(now) | set(seen) if now.get(f) != seen.get(f))
            seen = now
            before = report
            report = check()
            emit("")
            emit(f"-- changed: {', '.join(changed)}")
            old = {_problem_key(p) for p in before.problems}
            new = {_problem_key(p) for p in report.problems}
            fixed = [p for p in before.problems if _problem_key(p) not in new]
            added = [p for p in report.problems if _problem_key(p) not in old]
            for p in fixed:
                emit(f"fixed: {p}")
            for p in added:
                emit(f"new:   {p}")
            for line in report.summaries:
                if line not in before.summaries:
                    emit(line)
            if not fixed and not added:
                emit(f"nothing new; {report.verdict}")
            else:
                emit(report.verdict)
    except KeyboardInterrupt:
        emit("")
        if report is None:
            emit("stopped before the first check finished")
            return 1
        emit(f"stopped watching; {report.verdict}")
    assert report is not None
    return report.code


def _campaign_lines(folder: Path) -> dict[str, int]:
    """Each campaign's line in the pack's campaigns.toml, for the balance warnings."""
    from game.packs import guarded
    from game.packs.layout import MAX_FILE_BYTES
    from game.packs.problems import line_of

    try:
        data, text, _ = guarded.read_toml(folder / "campaigns.toml", MAX_FILE_BYTES, folder)
    except guarded.Refused:
        return {}
    entries = data.get("campaigns")
    if not isinstance(entries, list):
        return {}
    out = {}
    for n, entry in enumerate(entries):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            line = line_of(text, ("campaigns", n))
            if line is not None:
                out[entry["id"]] = line
    return out


def _print_balance(report: dict) -> None:
    print(f"  balance ({report['runs']} runs per strategy): hired rate, mean fit, doors closed")
    for cid, rows in report["campaigns"].items():
        cells = "  ".join(f"{name} {row['hired_rate']:>4.0%} {row['mean_fit']:.2f} {row['mean_doors_closed']:.1f}"
                          for name, row in rows.items())
        print(f"    {cid:<20} {cells}")
        for line in _explanation(report["explain"].get(cid), report["runs"]):
            print(f"      {line}")
    lessons = report.get("lessons", {})
    if lessons:
        print("  lessons: what each choice is worth in score points, the lesson's way minus the other (± one "
              "standard error), and how often it came up")
    for cid, forks in lessons.items():
        print(f"    {cid}")
        for row in forks:
            score = row["score"]
            print(f"      {row['lesson'] + ': ' + row['fork']:78.78} {score['diff']:+5.1f} ±{score['se']:.1f}"
                  f"  ({row['arose']:.0%})  {row['verdict']}")


def _explanation(explain: dict | None, runs: int) -> list[str]:
    """The balance report in words: roles taken, why games ended without a job, events fired."""
    if not explain:
        return []
    out = []
    for name, jobs in explain["jobs"].items():
        taken = ", ".join(f"{oid} {n}" for oid, n in jobs.items()) or "nothing"
        lost = explain["lost"][name]
        why = "; ".join(f"{n} {reason}" for reason, n in lost.items())
        out.append(f"{name}: hired into {taken}" + (f"; no job in {sum(lost.values())} of {runs}: {why}" if lost else ""))
    events = sorted({eid for fired in explain["events"].values() for eid in fired})
    for eid in events:
        shares = {name: fired[eid] / runs for name, fired in explain["events"].items()}
        if not any(shares.values()):
            out.append(f"event {eid}: never fired in any bot's game")
        else:
            out.append(f"event {eid}: fired in " + ", ".join(f"{name} {share:.0%}" for name, share in shares.items()))
    unseen = explain.get("lines_unseen", [])
    if unseen:
        shown = ", ".join(unseen[:UNSEEN_SHOWN]) + (f" and {len(unseen) - UNSEEN_SHOWN} more (all in --json)"
                                                    if len(unseen) > UNSEEN_SHOWN else "")
        out.append(f"dialogue: {len(unseen)} line{'s' if len(unseen) != 1 else ''} no bot's game showed "
                   f"(action/outcome/id): {shown}")
    return out


UNSEEN_SHOWN = 8  # lines never shown, listed by name before the rest are counted


# --------------------------------------------------------------------------------------
# trace


def _pack_folder(word: str, command: str) -> Path | None:
    """A pack folder named on the command line: a folder, or 'core' for the shipped core pack."""
    from game.packs.loader import core_pack_path

    folder = Path(word)
    if (folder / "pack.toml").is_file() or (folder.is_dir() and word != "core"):
        return folder
    if word == "core":
        return core_pack_path()
    print(f"warm-intro pack {command}: no such pack folder: {word} (a folder holding pack.toml, or 'core')",
          file=sys.stderr)
    return None


def _load_for(folder: Path, command: str):
    """The pack's World and the ids its own files define, or None after printing its problems."""
    from game.packs.loader import check_pack_layers

    world, problems, own = check_pack_layers(folder)
    if world is None:
        for p in problems:
            if p.severity == "error":
                print(p)
        print(f"warm-intro pack {command}: the pack has errors; fix them first (warm-intro pack check {folder})",
              file=sys.stderr)
        return None
    return world, own


def _trace(args: argparse.Namespace) -> int:
    from game.packs.trace import trace_lines, trace_scenario

    folder = _pack_folder(args.pack, "trace")
    if folder is None:
        return 2
    loaded = _load_for(folder, "trace")
    if loaded is None:
        return 1
    world, own = loaded
    by_id = {sc.id: sc for sc in world.scenarios}
    if args.scenario is None:
        mine = own.get("scenarios", set())
        print(f"scenarios of {world.pack_id} (warm-intro pack trace {args.pack} SCENARIO plays one):")
        for sc in [sc for sc in world.scenarios if sc.id in mine] or [None]:
            print(f"  {sc.id:<36} {sc.campaign}" if sc else "  none")
        base = [sc for sc in world.scenarios if sc.id not in mine]
        if base:
            print("and of the packs it builds on:")
            for sc in base:
                print(f"  {sc.id:<36} {sc.campaign}")
        return 0
    if args.scenario not in by_id:
        from game.packs.problems import suggest

        print(f"warm-intro pack trace: no scenario {args.scenario!r} in {world.pack_id}"
              f"{suggest(args.scenario, list(by_id))}; expected one of: {', '.join(by_id) or 'none'}", file=sys.stderr)
        return 2
    trace = trace_scenario(world, by_id[args.scenario])
    if args.json:
        print(json.dumps(trace.to_dict(), indent=2))
    else:
        print("\n".join(trace_lines(trace)))
    return 0 if trace.passed else 1


# --------------------------------------------------------------------------------------
# graph


def _graph(args: argparse.Namespace) -> int:
    from game.packs.graph import campaign_graph, graph_lines, graph_svg

    folder = _pack_folder(args.pack, "graph")
    if folder is None:
        return 2
    loaded = _load_for(folder, "graph")
    if loaded is None:
        return 1
    world, own = loaded
    if args.campaign is not None:
        if args.campaign not in world.campaigns:
            from game.packs.problems import suggest

            print(f"warm-intro pack graph: no campaign {args.campaign!r}{suggest(args.campaign, world.campaigns)}; "
                  f"expected one of: {', '.join(world.campaigns)}", file=sys.stderr)
            return 2
        chosen = [args.campaign]
    else:
        chosen = [c for c in world.campaigns if c in own.get("campaigns", set())] or list(world.campaigns)
    if args.svg and len(chosen) > 1:
        print(f"warm-intro pack graph: --svg draws one campaign; name it with --campaign (one of: "
              f"{', '.join(chosen)})", file=sys.stderr)
        return 2
    graphs = [campaign_graph(world, cid) for cid in chosen]
    if args.svg:
        try:
            Path(args.svg).write_text(graph_svg(graphs[0]), encoding="utf-8")
        except OSError as exc:
            print(f"warm-intro pack graph: cannot write {args.svg}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps({"pack": world.pack_id, "campaigns": [g.to_dict() for g in graphs]}, indent=2))
        return 0
    for n, g in enumerate(graphs):
        if n:
            print()
        print("\n".join(graph_lines(g)))
    if args.svg:
        print(f"\nwrote {args.svg}")
    return 0


# --------------------------------------------------------------------------------------
# schema


def _schema(args: argparse.Namespace) -> int:
    from game.packs.schema import kinds, schema_file, schema_text, schema_texts

    every = kinds()
    if args.kind is not None and args.kind not in every:
        from game.packs.problems import suggest

        print(f"warm-intro pack schema: no file kind {args.kind!r}{suggest(args.kind, every)}; expected one of: "
              f"{', '.join(every)}", file=sys.stderr)
        return 2
    if args.kind is None and not args.output:
        print("One JSON Schema per pack file (warm-intro pack schema KIND prints one; -o DIR writes them all):")
        for kind, (file, _model) in every.items():
            print(f"  {kind:<14} {file:<20} {schema_file(kind)}")
        return 0
    if args.kind is not None and not args.output:
        sys.stdout.write(schema_text(args.kind))
        return 0
    out = Path(args.output)
    try:
        if args.kind is not None:
            out.write_text(schema_text(args.kind), encoding="utf-8")
            print(f"wrote {out}")
            return 0
        out.mkdir(parents=True, exist_ok=True)
        for name, text in schema_texts().items():
            (out / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"warm-intro pack schema: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(every)} schemas into {out}")
    return 0


# --------------------------------------------------------------------------------------
# new


def _new(args: argparse.Namespace) -> int:
    from game.packs.scaffold import ScaffoldError, write_scaffold

    try:
        written = write_scaffold(Path(args.path), name=args.name)
    except ScaffoldError as exc:
        print(f"warm-intro pack new: {exc}", file=sys.stderr)
        return 2
    print(f"created {args.path}/ with {', '.join(written)}")
    print(f"next: warm-intro pack check {args.path}  (then read AUTHORING.md)")
    return 0
