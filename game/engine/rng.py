"""Keyed randomness.

A roll is drawn from a stream named by (seed, week, what, who) rather than from one
sequential generator, so inserting an action somewhere does not reshuffle every later
roll. Same key, same number, in any process on any machine.
"""

from hashlib import blake2b

_SCALE = float(1 << 64)


def roll(seed: int, week: int, what: str, who: str = "") -> float:
    """A uniform number in [0, 1) fixed by its key."""
    key = f"{seed}|{week}|{what}|{who}".encode()
    return int.from_bytes(blake2b(key, digest_size=8).digest(), "big") / _SCALE


def chance(p: float, seed: int, week: int, what: str, who: str = "") -> bool:
    """True with probability p, decided by the keyed roll."""
    if p <= 0.0:
        return False
    if p >= 1.0:
        return True
    return roll(seed, week, what, who) < p
