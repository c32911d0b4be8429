"""Engine benchmark: campaigns per second for a bot, on one core and on several, and the latency of one apply.

    python bench/engine.py [--strategy patient] [--games 400] [--campaign second-act] [--jobs N]

Each figure is printed beside its yardstick from the same run: campaigns per CPU-second
beside the goals (500, then 1,000), the wall rate beside the share of a core the machine
gave this process (other work on a shared machine shows there), and the rate on N
processes beside N times the one-core rate. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from multiprocessing import Pool

from game.engine.bots import STRATEGIES
from game.engine.rules import apply, new_game
from game.engine.sim import play
from game.engine.world import World
from game.packs.loader import load_core

GOAL, NEXT_GOAL = 500, 1000

_WORLD: World | None = None


def _init() -> None:
    global _WORLD
    _WORLD = load_core()


def _games(args: tuple[str, str, range]) -> int:
    campaign, strategy, seeds = args
    assert _WORLD is not None
    for seed in seeds:
        play(_WORLD, campaign, strategy, seed)
    return len(seeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", default="patient")
    parser.add_argument("--games", type=int, default=400)
    parser.add_argument("--campaign", default="second-act")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    world = load_core()

    rates, cpu_rates, shares = [], [], []
    for r in range(args.repeats):
        start, cpu = time.perf_counter(), time.process_time()
        for i in range(args.games):
            play(world, args.campaign, args.strategy, r * args.games + i)
        wall, used = time.perf_counter() - start, time.process_time() - cpu
        rates.append(args.games / wall)
        cpu_rates.append(args.games / used)
        shares.append(used / wall)
    per_core = max(cpu_rates)
    # CPU time is what one core spends; wall time also counts whatever else the machine is doing
    print(f"simulator, one core: {args.strategy} on {args.campaign}: {per_core:.0f} campaigns per CPU-second, "
          f"best of {args.repeats} (goal {GOAL}, next {NEXT_GOAL}: {per_core / GOAL:.2f}x the goal)")
    print(f"  wall: {max(rates):.0f} campaigns/s (runs: {', '.join(f'{x:.0f}' for x in rates)}); "
          f"the machine gave this process {min(100.0, 100 * max(shares)):.0f}% of a core")

    if args.jobs > 1:
        pieces = [(args.campaign, args.strategy, range(start, start + 25))
                  for start in range(0, args.games * args.jobs, 25)]
        with Pool(args.jobs, initializer=_init) as pool:
            pool.map(_games, pieces[: args.jobs])  # every worker has loaded its world and warmed up
            start = time.perf_counter()
            played = sum(pool.map(_games, pieces))
            wall = time.perf_counter() - start
        print(f"simulator, --jobs {args.jobs}: {played / wall:.0f} campaigns/s wall "
              f"({args.jobs} x the one-core rate would be {args.jobs * per_core:.0f}; "
              f"{played / wall / (args.jobs * per_core):.0%} of it)")

    bot = STRATEGIES[args.strategy]
    timings = []
    for seed in range(200):
        state = new_game(world, args.campaign, seed)
        while not state.over:
            action = bot(state)
            t0 = time.perf_counter_ns()
            state, _ = apply(state, action)
            timings.append(time.perf_counter_ns() - t0)
    timings.sort()
    p50 = timings[len(timings) // 2] / 1000
    p99 = timings[int(len(timings) * 0.99)] / 1000
    worst = timings[-1] / 1000
    print(f"apply: {len(timings)} actions; median {p50:.0f} us, p99 {p99:.0f} us, max {worst:.0f} us, "
          f"mean {statistics.fmean(timings) / 1000:.0f} us")


if __name__ == "__main__":
    main()
