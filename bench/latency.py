"""Key -> next frame, late in a long game: the board, the end of a week, and each view.

Run from the repository root:  python bench/latency.py [--rounds N] [--size 80x24]

The game is the one in bench/long_game.py (second-act, week 21, about 300 journal entries),
saved and loaded as a player would (`play --load`). Each round starts a fresh app on that save
(so "first open" is measured every round) and plays, through real key presses:

  board        moving through the people list and the actions (↑ ↓ Tab), and one action
  end of week  n (and y when it asks), the week's summary appearing; Enter closing it
  open/close   w (network), c (codex), j (journal), each opened and closed twice;
               in the journal: PgUp, ↑, Home, End

A key's time runs from its press to the next frame Textual composes, turned into terminal
output (as a real terminal would be sent it). Prints p50/p95/max beside the targets
(every key p95 < 50 ms; network, codex and journal open in < 100 ms). Not a timed test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_game import save_long_game  # noqa: E402

TARGETS = {"open": 100.0}  # ms; anything else: 50 ms at p95
KEY_TARGET = 50.0


class Frames:
    """Timestamps of the frames an app sends to its terminal."""

    def __init__(self, app) -> None:
        self.times: list[float] = []
        self.cpu: list[float] = []
        original = app._display

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is not None and not app._batch_count:
                renderable.render_segments(app.console)  # the work of writing it to a terminal
                self.times.append(time.perf_counter())
                self.cpu.append(time.process_time())

        app._display = display


async def timed(pilot, frames: Frames, key: str) -> tuple[float, float]:
    """Press a key; milliseconds until the next frame, and of processor time the process used
    meanwhile (less swayed by a loaded machine). (0, 0) if the app settles without a frame."""
    seen = len(frames.times)
    start, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    deadline = time.perf_counter() + 2.0
    while len(frames.times) == seen and time.perf_counter() < deadline:
        await asyncio.sleep(0.0005)
    if len(frames.times) == seen:
        return 0.0, 0.0  # nothing to redraw (e.g. ↑ at the top of a list)
    return (frames.times[seen] - start) * 1000, (frames.cpu[seen] - cpu) * 1000


async def settle(pilot) -> None:
    await pilot.pause()
    await asyncio.sleep(0.05)  # let follow-up frames (scroll ends, footers) pass before the next key


Results = dict[str, list[tuple[float, float]]]


async def one_round(path: Path, size: tuple[int, int], results: Results) -> None:
    from game.ui.app import WarmIntroApp
    from game.ui.screens.board import BoardScreen
    from game.ui.screens.confirm import ConfirmScreen
    from game.ui.screens.week_summary import WeekSummaryScreen

    def add(what: str, ms: tuple[float, float]) -> None:
        if ms[0]:
            results.setdefault(what, []).append(ms)

    app = WarmIntroApp(load=path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await asyncio.sleep(1.7)  # the warm-up a player's first second gives (see WarmIntroApp)
        frames = Frames(app)
        first = True
        for _ in range(3):  # three weeks: 21 -> 24
            for key in ["down"] * 6 + ["up"] * 3 + ["tab"] + ["down"] * 3 + ["up"] + ["shift+tab"]:
                add("board: ↑ ↓ Tab", await timed(pilot, frames, key))
                await settle(pilot)
            for key, name in (("w", "network"), ("c", "codex"), ("j", "journal")):
                for again in (False, True):
                    label = "first open" if first and not again else "open"
                    add(f"{label}: {name}", await timed(pilot, frames, key))
                    await settle(pilot)
                    if name == "journal" and not again:
                        for scroll in ("pageup", "pageup", "up", "home", "end"):
                            add("journal: PgUp ↑ Home End", await timed(pilot, frames, scroll))
                            await settle(pilot)
                    add(f"close: {name}", await timed(pilot, frames, "escape"))
                    await settle(pilot)
            first = False
            assert isinstance(app.screen, BoardScreen), app.screen
            add("end of week: n", await timed(pilot, frames, "n"))
            await settle(pilot)
            if isinstance(app.screen, ConfirmScreen):
                add("end of week: n", await timed(pilot, frames, "n"))  # n again: yes, end it
                await settle(pilot)
            if isinstance(app.screen, WeekSummaryScreen):
                add("end of week: Enter closes the summary", await timed(pilot, frames, "enter"))
                await settle(pilot)
            if app.session.state.over:
                break


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, round(len(values) * 0.95) - 1)]


def report(results: Results, size: tuple[int, int], rounds: int, entries: int) -> None:
    print(f"key -> next frame, week 21 of second-act ({entries} journal entries), {size[0]}x{size[1]}, "
          f"{rounds} rounds (ms; cpu: processor time used meanwhile):")
    print(f"  {'':<38} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7}  {'cpu p50':>7} {'cpu p95':>7}   target")
    for what, got in results.items():
        wall = sorted(t for t, _ in got)
        cpu = [c for _, c in got]
        target = TARGETS["open"] if "open:" in what else KEY_TARGET
        ok = "ok" if _p95(wall) < target else "OVER"
        print(f"  {what:<38} {len(wall):4d} {statistics.median(wall):7.1f} {_p95(wall):7.1f} {wall[-1]:7.1f}  "
              f"{statistics.median(cpu):7.1f} {_p95(cpu):7.1f}   p95 < {target:.0f}  {ok}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="fresh apps on the save (default 5)")
    parser.add_argument("--size", default="80x24", help="terminal size (default 80x24)")
    args = parser.parse_args()
    size = tuple(int(x) for x in args.size.split("x"))
    work = Path(tempfile.mkdtemp(prefix="warm-intro-latency-"))
    os.environ["WARM_INTRO_SAVES"] = str(work)
    path = save_long_game(work)
    from game.packs.loader import load_core
    from game.saves.files import load_save

    entries = len([e for e in load_save(path, load_core()).state.journal() if e.visible])
    results: Results = {}
    for _ in range(args.rounds):
        asyncio.run(one_round(path, size, results))
        for name in list(work.glob("*.toml")):  # back to week 21 for the next round
            if name != path:
                name.unlink()
        save_long_game(work)
    report(results, size, args.rounds, entries)  # type: ignore[arg-type]  # "80x24" gives two numbers
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
