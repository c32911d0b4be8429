"""A fingerprint of the engine's behaviour, to prove a refactor changed nothing.

    python bench/fingerprint.py > before.json   # before the change
    python bench/fingerprint.py > after.json    # after it
    diff before.json after.json                 # no output: same play, seed for seed

For every core campaign and built-in bot it plays `--seeds` games and hashes every list of
legal actions, every effect (kind, meter, numbers, words, lesson, visibility), every
outcome, the final state hash and the score. Prints JSON; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys

from game.engine.bots import STRATEGIES
from game.engine.rules import apply, legal_actions, new_game, score
from game.engine.state import State, state_hash
from game.packs.loader import load_core


def _game(h: hashlib.blake2b, state: State, bot: str) -> None:
    while not state.over:
        action = STRATEGIES[bot](state)
        h.update(repr([json.dumps(a.to_dict(), sort_keys=True) for a in legal_actions(state)]).encode())
        state, effects = apply(state, action)
        for e in effects:
            h.update(json.dumps(e.to_dict(), sort_keys=True).encode())
        assert state.history is not None
        h.update(str(state.history.outcome).encode())
    h.update(state_hash(state).encode())
    h.update(str(score(state)).encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=40)
    args = parser.parse_args()
    world = load_core()
    out = {}
    for campaign in sorted(world.campaigns):
        for bot in sorted(STRATEGIES):
            h = hashlib.blake2b(digest_size=16)
            for seed in range(args.seeds):
                _game(h, new_game(world, campaign, seed), bot)
            out[f"{campaign}/{bot}"] = h.hexdigest()
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
