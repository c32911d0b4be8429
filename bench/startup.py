"""How fast the game starts and answers, next to a minimal Textual app on the same machine.

Run from the repository root:  python bench/startup.py [--runs N]

1. Time from launch to first frame: each app runs in a fresh Python process (headless) and
   reports the moment its first screen has been drawn; the clock starts just before the
   process is spawned. The minimal app is a single Static in a bare App.
2. Applying an action and refreshing the board: in-process, on a running board, for a
   sequence of ordinary actions (engine apply + every board widget redrawn + one frame).

Prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time

CHILD = r"""
import sys, time
which = sys.argv[1]
if which == "minimal":
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("hello")
    app = Minimal()
else:
    from game.ui.app import WarmIntroApp
    if which == "title":
        app = WarmIntroApp()
    else:
        app = WarmIntroApp(play=True, seed=1)

def first_frame():
    print(time.time(), flush=True)
    app.exit()

def mounted():
    app.call_after_refresh(first_frame)

app.call_later(mounted)
app.run(headless=True, size=(80, 24))
"""


def first_frame(which: str) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, which], capture_output=True, text=True,
                         env=_env(), check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def _env() -> dict[str, str]:
    import os
    import tempfile

    env = dict(os.environ)
    env["WARM_INTRO_SAVES"] = tempfile.mkdtemp(prefix="warm-intro-bench-")
    # like a player's install: compiled bytecode is kept (installed packages such as Textual
    # already have theirs), so the game is not recompiled from source on every launch
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


async def action_times(count: int) -> list[float]:
    """From taking an action on the board to the next frame being composed with its result.

    The clock stops when Textual hands the composed frame to the display (App._display),
    so it counts the engine, every widget update, layout and rendering, and nothing else.
    """
    import os
    import tempfile

    os.environ["WARM_INTRO_SAVES"] = tempfile.mkdtemp(prefix="warm-intro-bench-")
    from game.engine import Action
    from game.engine.rules import check
    from game.ui.app import WarmIntroApp

    app = WarmIntroApp(play=True, seed=1)
    frames: list[float] = []
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        original = app._display

        def display(screen, renderable) -> None:
            if renderable is not None:
                frames.append(time.perf_counter())
            original(screen, renderable)

        app._display = display
        board = app.screen
        plan = [Action("research", field="ux-research"), Action("reflect"), Action("check_in", contact="priya-raman"),
                Action("check_in", contact="lena-brooks"), Action("end_week")]
        while len(times) < count and not app.session.state.over:
            for action in plan:
                if check(app.session.state, action) is not None:
                    continue
                seen = len(frames)
                t0 = time.perf_counter()
                if action.name == "end_week":
                    app.perform(action)
                    board.refresh_board()
                else:
                    board.do(action)
                while len(frames) == seen:
                    await asyncio.sleep(0.001)
                times.append(frames[seen] - t0)
                await pilot.pause()  # let the rest settle before the next action
                while app.screen is not board:  # a week summary: close it
                    app.pop_screen()
                    await pilot.pause()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each app (default 7)")
    parser.add_argument("--actions", type=int, default=40, help="actions to time (default 40)")
    args = parser.parse_args()

    first_frame("minimal")  # warm the disk cache for both
    first_frame("title")
    results: dict[str, list[float]] = {"minimal": [], "title": [], "play": []}
    for _ in range(args.runs):
        for which in results:  # interleaved, so both see the same machine
            results[which].append(first_frame(which))
    base = statistics.median(results["minimal"])
    print(f"launch to first frame, median of {args.runs} (80x24, headless):")
    for which, label in (("minimal", "minimal Textual app"), ("title", "warm-intro (title screen)"),
                         ("play", "warm-intro play (board)")):
        med = statistics.median(results[which])
        print(f"  {label:<28} {med * 1000:7.1f} ms   {med / base:4.2f}x minimal")

    times = asyncio.run(action_times(args.actions))
    times_ms = sorted(t * 1000 for t in times)
    p95 = times_ms[max(0, round(len(times_ms) * 0.95) - 1)]
    print(f"apply an action + refresh the board, to the next frame ({len(times_ms)} actions, 120x40):")
    print(f"  median {statistics.median(times_ms):6.1f} ms   p95 {p95:6.1f} ms   max {times_ms[-1]:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
