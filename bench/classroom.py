"""How long `warm-intro class report` takes on a class of 30 codes plus 3 bad ones.

Run from the repository root:  python bench/classroom.py [--runs N] [--keep FILE]

The class is played by the bots: 30 whole campaigns, mixed strategies from the built-in
bots and the gallery over the core campaigns, each shared as a replay code under a name,
then three codes a class really sends: one cut short in the copying, one with a character
changed, and one edited to a move the game refuses. The command runs in a fresh process
each time (import, pack load, every replay, the report printed); the figure is wall time
from spawn to exit. Prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STRATEGIES = ("patient", "pushy", "overclaimer", "passive", "random", "accept_and_chase", "eager_yes_then_withdraw",
              "never_thanks", "press_then_release", "patient_plus", "check_in_spam", "cold_applier")


def class_codes(n: int = 30) -> list[str]:
    """`n` lines "Student k (bot): CODE", then the three bad codes."""
    import json
    import zlib
    from base64 import urlsafe_b64decode, urlsafe_b64encode

    from game.demo.timeline import CODE_PREFIX, encode_replay
    from game.engine.replay import play_bot
    from game.engine.sim import BOTS, MAX_STEPS
    from game.packs.loader import load_core

    world = load_core()
    campaigns = sorted(world.campaigns)
    lines = []
    for i in range(n):
        bot = STRATEGIES[i % len(STRATEGIES)]
        state = play_bot(world, campaigns[i % len(campaigns)], 1000 + i, BOTS[bot], MAX_STEPS)
        lines.append(f"Student {i + 1} ({bot}): {encode_replay(state)}")
    good = lines[0].split(": ", 1)[1]
    flipped = good[:40] + ("A" if good[40] != "A" else "B") + good[41:]
    body = good[len(CODE_PREFIX):]
    data = json.loads(zlib.decompress(urlsafe_b64decode(body + "=" * (-len(body) % 4))))
    data["a"].insert(0, {"action": "accept_job", "opportunity": sorted(world.opportunities)[0]})
    edited = CODE_PREFIX + urlsafe_b64encode(zlib.compress(json.dumps(data).encode())).decode().rstrip("=")
    lines += [f"Cut short: {good[:len(good) // 2]}", f"One letter changed: {flipped}", f"Edited: {edited}"]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="FILE", help="also write the codes file here")
    args = parser.parse_args()
    lines = class_codes()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "codes.txt"
        path.write_text("# 30 students played by the bots, and three codes that went wrong\n" + "\n".join(lines) + "\n")
        times, out = [], None
        for _ in range(args.runs):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "game", "class", "report", str(path)],
                                 capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - start)
    assert out is not None
    bad = out.stdout.partition("Codes that could not be used")[2].strip().splitlines()[1:]
    print(f"class report, 30 codes + 3 bad, fresh process each run ({args.runs} runs): "
          f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    print(" ".join(out.stdout.partition("\n\n")[0].splitlines()[2:]))
    print("listed as unusable:")
    print("\n".join(bad))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
