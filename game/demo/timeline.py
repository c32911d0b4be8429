"""Timelines: a session as a list of actions from a seed, replay codes, and comparisons.

A timeline is just (campaign, seed, actions); every state along it is a replay. Two
timelines from the same seed can be compared step by step: where they first part ways,
each contact's meters week by week, and which doors each one opened or shut.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field

from game.engine.actions import Action, action_from_dict
from game.engine.bots import STRATEGIES
from game.engine.replay import play_bot, replay_states
from game.engine.sim import MAX_STEPS
from game.engine.state import UNKNOWN, State
from game.engine.world import World

CODE_PREFIX = "WI1-"


class ReplayCodeError(ValueError):
    """A replay code that cannot be read."""


def encode_replay(state: State) -> str:
    """A compact code for a session: pack versions, campaign, seed and steps."""
    packs = getattr(state.world, "packs", ()) or ((state.world.pack_id, state.world.pack_version, ""),)
    payload = {
        "p": [[pid, version] for pid, version, *_ in packs],
        "c": state.campaign,
        "s": state.seed,
        "a": [a.to_dict() for a in (node.action for node in state.history_nodes())],
    }
    raw = zlib.compress(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode(), 9)
    return CODE_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


@dataclass(frozen=True)
class Replay:
    packs: list[tuple[str, str]]
    campaign: str
    seed: int
    actions: list[Action]


def decode_replay(code: str) -> Replay:
    code = code.strip()
    if not code.startswith(CODE_PREFIX):
        raise ReplayCodeError(f"a replay code starts with {CODE_PREFIX!r}")
    body = code[len(CODE_PREFIX):]
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)), bufsize=1 << 16)
        data = json.loads(raw)
        actions = [action_from_dict(a) for a in data["a"]]
        return Replay([(str(p), str(v)) for p, v in data["p"]], str(data["c"]), int(data["s"]), actions)
    except (ValueError, KeyError, TypeError, zlib.error) as exc:
        raise ReplayCodeError(f"the replay code is damaged or incomplete ({exc})") from None


def play_out(world: World, campaign: str, seed: int, actions: list[Action]) -> list[State]:
    """Every state along a timeline, the start included."""
    return list(replay_states(world, campaign, seed, actions))


def bot_actions(world: World, campaign: str, seed: int, strategy: str) -> list[Action]:
    """The actions a strategy bot takes in a whole campaign."""
    final = play_bot(world, campaign, seed, STRATEGIES[strategy], MAX_STEPS)
    return [node.action for node in final.history_nodes()]


@dataclass
class Side:
    label: str
    actions: list[Action]
    final: State
    weekly: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # cid -> meter -> value per week
    doors: dict[str, str] = field(default_factory=dict)  # cid -> door at the end (people met only)


@dataclass
class Comparison:
    campaign: str
    seed: int
    a: Side
    b: Side
    diverge_step: int | None  # 0-based index of the first action that differs; None if identical
    diverge_week: int | None
    people: list[str]  # everyone either side came to know, by name order

    def door_differences(self) -> list[tuple[str, str, str]]:
        """(person, door in A, door in B) wherever the two endings differ."""
        out = []
        for cid in self.people:
            da, db = self.a.doors.get(cid, "never met"), self.b.doors.get(cid, "never met")
            if da != db:
                out.append((cid, da, db))
        return out


def _weekly(states: list[State], people: list[str]) -> dict[str, dict[str, list[int]]]:
    """Meters at the start of every week (and at the end), per person."""
    snaps = []
    week = 0
    for s in states:
        if s.week != week:
            snaps.append(s)
            week = s.week
    snaps.append(states[-1])
    out: dict[str, dict[str, list[int]]] = {}
    for cid in people:
        out[cid] = {m: [getattr(s.contacts[cid], m) for s in snaps] for m in ("trust", "embarrassment")}
    return out


def compare(world: World, campaign: str, seed: int, a: tuple[str, list[Action]],
            b: tuple[str, list[Action]]) -> Comparison:
    """Two timelines from the same seed, side by side."""
    sa = play_out(world, campaign, seed, a[1])
    sb = play_out(world, campaign, seed, b[1])
    diverge = next((i for i, (x, y) in enumerate(zip(a[1], b[1], strict=False)) if x != y), None)
    if diverge is None and len(a[1]) != len(b[1]):
        diverge = min(len(a[1]), len(b[1]))
    week = sa[diverge].week if diverge is not None and diverge < len(sa) else None
    known = {cid for s in (sa[-1], sb[-1]) for cid, c in s.contacts.items() if c.stage != UNKNOWN}
    people = sorted(known, key=lambda cid: world.people[cid].name)
    side_a = Side(a[0], a[1], sa[-1], _weekly(sa, people),
                  {cid: c.door for cid, c in sa[-1].contacts.items() if c.stage != UNKNOWN})
    side_b = Side(b[0], b[1], sb[-1], _weekly(sb, people),
                  {cid: c.door for cid, c in sb[-1].contacts.items() if c.stage != UNKNOWN})
    return Comparison(campaign, seed, side_a, side_b, diverge, week, people)


def compare_bots(world: World, campaign: str, seed: int, first: str = "patient", second: str = "pushy") -> Comparison:
    """The built-in comparison: two strategies play the same world from the same seed."""
    return compare(world, campaign, seed, (first, bot_actions(world, campaign, seed, first)),
                   (second, bot_actions(world, campaign, seed, second)))
