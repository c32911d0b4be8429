"""Engine benchmark: campaigns per second for a bot, and the latency of a single apply.

    python bench/engine.py [--strategy patient] [--games 400] [--campaign second-act]

Runs on one core (the simulator is single-threaded). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time

from game.engine.bots import STRATEGIES
from game.engine.rules import apply, new_game
from game.engine.sim import play
from game.packs.loader import load_core


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", default="patient")
    parser.add_argument("--games", type=int, default=400)
    parser.add_argument("--campaign", default="second-act")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    world = load_core()

    rates, cpu_rates = [], []
    for r in range(args.repeats):
        start, cpu = time.perf_counter(), time.process_time()
        for i in range(args.games):
            play(world, args.campaign, args.strategy, r * args.games + i)
        rates.append(args.games / (time.perf_counter() - start))
        cpu_rates.append(args.games / (time.process_time() - cpu))
    # CPU time is what one core spends; wall time also counts whatever else the machine is doing
    print(f"simulator: {args.strategy} on {args.campaign}: "
          f"{max(rates):.0f} campaigns/s wall, {max(cpu_rates):.0f} per CPU-second, best of {args.repeats} "
          f"(wall runs: {', '.join(f'{x:.0f}' for x in rates)})")

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
