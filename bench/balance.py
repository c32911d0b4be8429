"""How long an author waits for the whole balance picture: the strategy gallery and the lesson table.

    python bench/balance.py [--runs 500] [--lesson-runs 100] [--jobs N]

Runs what an author runs, each in a fresh process, on every core campaign:

  gallery   python bench/gallery.py --runs R --seeds 1 --jobs N   (every bot, R runs each)
  lessons   warm-intro sim --lessons --runs L --jobs N              (every lesson's fork, L runs)

and prints each wall time and their sum beside the goal (under 60 s on 2 cores), with the
number of cores this machine has. The gallery's own balance judgement is printed after
the figures. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_S = 60.0


def _timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):  # the gallery exits 1 when its judgement fails: still a result
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return wall, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500, help="gallery runs per bot and campaign")
    parser.add_argument("--lesson-runs", type=int, default=100, help="lesson-table runs per campaign")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    jobs = str(args.jobs)
    gallery, report = _timed([sys.executable, "bench/gallery.py", "--runs", str(args.runs), "--seeds", "1",
                              "--jobs", jobs])
    lessons, _ = _timed([sys.executable, "-m", "game", "sim", "--lessons", "--runs", str(args.lesson_runs),
                         "--jobs", jobs])
    total = gallery + lessons
    print(f"balance picture on {args.jobs} processes ({os.cpu_count()} cores here), wall time:")
    print(f"  gallery, {args.runs} runs per bot and campaign   {gallery:6.1f} s")
    print(f"  lesson table, {args.lesson_runs} runs per campaign      {lessons:6.1f} s")
    print(f"  both                                   {total:6.1f} s   goal under {GOAL_S:.0f} s on 2 cores "
          f"({total / GOAL_S:.2f}x the goal)")
    verdict = [line for line in report.splitlines() if line.startswith(("ok:", "FAIL"))]
    # one seed of R runs is what the timing covers; the judgement of record pools four seeds
    # (bench/gallery.py's default), where each paired difference is about half as uncertain
    print(f"gallery judgement at {args.runs} runs per bot (bench/gallery.py pools 4 seeds for the one of record):",
          *verdict, sep="\n  ")


if __name__ == "__main__":
    main()
