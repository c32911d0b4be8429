"""The strategy gallery against `patient`, pooled over seeds, on every core campaign.

    python bench/gallery.py [--runs 500] [--seeds 4] [--campaign C]

For each bot: mean score, hire rate, mean fit, doors closed and advocates, pooled over
`--seeds` base seeds x `--runs` runs (every bot plays the same worlds), and its score
minus patient's. Marks a gallery bot that comes within 5 points of patient, and a bot that
never gets a job yet scores above 10. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

from game.engine.bots import STRATEGIES
from game.engine.gallery import ALIGNED, GALLERY
from game.engine.sim import play, run_seed
from game.packs.loader import load_core


def pooled(world, campaign: str, bot: str, seeds: int, runs: int) -> dict[str, float]:
    results = [play(world, campaign, bot, run_seed(seed, i)) for seed in range(seeds) for i in range(runs)]
    hired = [r for r in results if r.hired]
    n = len(results)
    return {
        "score": sum(r.score for r in results) / n,
        "hired": len(hired) / n,
        "fit": sum(r.fit or 0.0 for r in hired) / len(hired) if hired else 0.0,
        "closed": sum(r.doors_closed for r in results) / n,
        "advocates": sum(r.advocates for r in results) / n,
        "score_no_job": max((r.score for r in results if not r.hired), default=0),
        "mean_score_no_job": (sum(r.score for r in results if not r.hired) / (n - len(hired))) if n > len(hired) else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--campaign", action="append")
    args = parser.parse_args()
    world = load_core()
    bots = [*STRATEGIES, *ALIGNED, *GALLERY]
    for campaign in args.campaign or sorted(world.campaigns):
        started = time.perf_counter()
        rows = {bot: pooled(world, campaign, bot, args.seeds, args.runs) for bot in bots}
        base = rows["patient"]["score"]
        print(f"\n{campaign}: {args.seeds} seeds x {args.runs} runs per bot ({time.perf_counter() - started:.0f} s)")
        print(f"{'bot':26} {'score':>6} {'vs patient':>10} {'hired':>6} {'fit':>5} {'closed':>6} {'advocates':>9}")
        for bot, r in sorted(rows.items(), key=lambda kv: -kv[1]["score"]):
            flags = []
            if bot in GALLERY and r["score"] > base - 5:
                flags.append("within 5 of patient")
            if r["hired"] == 0 and r["score"] > 10:
                flags.append("no job, scores > 10")
            print(f"{bot:26} {r['score']:6.1f} {r['score'] - base:+10.1f} {r['hired']:6.0%} {r['fit']:5.2f} "
                  f"{r['closed']:6.2f} {r['advocates']:9.2f}  {'; '.join(flags)}")


if __name__ == "__main__":
    main()
