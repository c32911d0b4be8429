"""Saves benchmark: time to save a whole 26-week game, and to load it with verification.

    python bench/saves.py

Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from game.engine.sim import play
from game.packs.loader import load_core
from game.saves.files import load_save, save_game


def main() -> None:
    world = load_core()
    # a game that runs its full course: the longest log a campaign produces
    state = next(r.final_state for seed in range(50)
                 if (r := play(world, "second-act", "pushy", seed, keep_state=True)).final_state.week > 26)
    with tempfile.TemporaryDirectory() as folder:
        saves, loads = [], []
        for _ in range(30):
            t0 = time.perf_counter()
            path = save_game(Path(folder), state, "bench")
            saves.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            load_save(path, world)
            loads.append(time.perf_counter() - t0)
        size = path.stat().st_size
    print(f"game: {state.steps} actions over {state.week - 1} weeks; save file {size} bytes")
    print(f"save (atomic write, fsync, backup): median {statistics.median(saves) * 1000:.1f} ms, "
          f"max {max(saves) * 1000:.1f} ms")
    print(f"load with replay verification: median {statistics.median(loads) * 1000:.1f} ms, "
          f"max {max(loads) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
