"""How fast packs load and validate, next to how long the game takes to start.

Run from the repository root:  python bench/packs.py [--runs N] [--people N]

1. Loading and validating the core pack, in a fresh process each time: the time of
   `python -c "import game.packs.loader as l; l.load_core()"` minus a bare interpreter,
   set against a minimal Textual app reaching its first frame (headless, 80x24), which is
   the floor for the game's own startup.
2. In-process: check_pack on the core pack once modules are imported.
3. A generated pack of N people (default 2,000) with companies, roles, ties and a campaign:
   the time to validate it (check_pack, cross-checks included).

Prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_APP = r"""
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("hello")

app = Minimal()

def first_frame():
    app.exit()

app.call_later(lambda: app.call_after_refresh(first_frame))
app.run(headless=True, size=(80, 24))
"""

LOAD_CORE = "import game.packs.loader as l; l.load_core()"
ENGINE = "import game.engine"  # the rules: every way of playing imports them anyway


def _env() -> dict[str, str]:
    """Like a player's install: Python may keep compiled bytecode (installed packages
    already have theirs), so no module is recompiled on every start."""
    import os

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=_env())
    return time.perf_counter() - start


def generate(folder: Path, people: int) -> None:
    """A large, valid pack that builds on nothing: fields, companies, people in a ring of ties, roles."""
    import tomli_w

    folder.mkdir(parents=True, exist_ok=True)
    fields = [{"id": f"field-{i}", "name": f"Field {i}"} for i in range(10)]
    companies = [{"id": f"company-{i}", "name": f"Company {i}", "field": f"field-{i % 10}"} for i in range(100)]
    archetypes = ["connector", "peer", "hiring_manager", "mentor", "executive", "gatekeeper", "recruiter"]
    persons = []
    for i in range(people):
        persons.append({
            "id": f"person-{i}", "name": f"Person Number{i}", "archetype": archetypes[i % len(archetypes)],
            "field": f"field-{i % 10}", "company": f"company-{i % 100}", "bio": "Generated for the benchmark.",
            "traits": {"busyness": 0.5, "follow_through": 0.7, "generosity": 0.6, "face": 0.4},
            "ties": {f"person-{(i + 1) % people}": 0.5, f"person-{(i + 7) % people}": 0.3},
        })
    roles = [{"id": f"role-{i}", "title": f"Role {i}", "company": f"company-{i % 100}", "field": f"field-{i % 10}",
              "hiring_contact": f"person-{(i * 7 + 2) % people}", "posted": i % 2 == 0} for i in range(200)]
    campaign = {"id": "big", "title": "Big", "runway_weeks": 26,
                "contacts": [{"id": "person-0", "familiarity": 30, "trust": 60}]}
    (folder / "pack.toml").write_text(tomli_w.dumps({"id": "big", "name": "Big", "version": "1", "format": 1}))
    for name, key, items in (("fields.toml", "fields", fields), ("companies.toml", "companies", companies),
                             ("people.toml", "people", persons), ("opportunities.toml", "opportunities", roles),
                             ("campaigns.toml", "campaigns", [campaign])):
        (folder / name).write_text(tomli_w.dumps({key: items}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per measurement (default 7)")
    parser.add_argument("--people", type=int, default=2000, help="people in the generated pack (default 2000)")
    args = parser.parse_args()

    for code in ("pass", ENGINE, LOAD_CORE, MINIMAL_APP):
        _wall(code)  # warm the disk cache, the .pyc files and the pack cache
    bare, engine, core, app = [], [], [], []
    for _ in range(args.runs):
        bare.append(_wall("pass"))
        engine.append(_wall(ENGINE))
        core.append(_wall(LOAD_CORE))
        app.append(_wall(MINIMAL_APP))
    bare_m, engine_m, core_m, app_m = (statistics.median(x) for x in (bare, engine, core, app))
    load_cost = core_m - bare_m
    pack_cost = core_m - engine_m
    app_cost = app_m - bare_m
    print(f"fresh processes, median of {args.runs}:")
    print(f"  bare interpreter                         {bare_m * 1000:7.1f} ms")
    print(f"  import game.engine (the rules)           {engine_m * 1000:7.1f} ms  (+{(engine_m - bare_m) * 1000:.1f} ms)")
    print(f"  import loader + load_core()              {core_m * 1000:7.1f} ms  (+{load_cost * 1000:.1f} ms)")
    print(f"  minimal Textual app to first frame       {app_m * 1000:7.1f} ms  (+{app_cost * 1000:.1f} ms)")
    print(f"  load_core() with its imports = {load_cost / app_cost:.1%} of a minimal Textual app's startup")
    print(f"  of which the pack itself (beyond the engine's imports) = {pack_cost * 1000:.1f} ms, "
          f"{pack_cost / app_cost:.1%}")
    print("  (load_core reads a validated copy from the cache folder once the pack has been validated;")
    print("   a cold, uncached validation is the in-process figure below plus pydantic's import)")

    from game.packs.loader import check_pack, core_pack_path

    check_pack(core_pack_path())
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        check_pack(core_pack_path())
        times.append(time.perf_counter() - t0)
    print(f"in-process check_pack(core), modules already imported: {statistics.median(times) * 1000:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "big"
        generate(folder, args.people)
        size = sum(p.stat().st_size for p in folder.iterdir())
        times = []
        for _ in range(max(3, args.runs // 2)):
            t0 = time.perf_counter()
            world, problems = check_pack(folder)
            times.append(time.perf_counter() - t0)
        assert world is not None, [str(p) for p in problems[:5]]
        print(f"generated pack: {len(world.people)} people, {len(world.opportunities)} roles, "
              f"{size / 1000:.0f} kB of TOML, {len(problems)} warnings")
        print(f"  check_pack (parse, validate, cross-check): median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
