"""Timelines: a session as a list of actions from a seed, replay codes, and comparisons.

A timeline is just (campaign, seed, actions); every state along it is a replay. Two
timelines from the same seed can be compared step by step: where they first part ways,
each contact's meters week by week, and which doors each one opened or shut.
"""

from __future__ import annotations

import base64
import json
import math
import re
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


def encode_replay(state: State, demo: str = "", choices: dict[str, str] | None = None) -> str:
    """A compact code for a session: pack versions, campaign, seed and steps; for a presented
    demo, also the demo's id and the class's answers, so the code reopens the demo itself."""
    packs = getattr(state.world, "packs", ()) or ((state.world.pack_id, state.world.pack_version, ""),)
    payload: dict = {
        "p": [[pid, version] for pid, version, *_ in packs],
        "c": state.campaign,
        "s": state.seed,
        "a": [a.to_dict() for a in (node.action for node in state.history_nodes())],
    }
    if demo:
        payload["d"] = demo
        payload["k"] = dict(sorted((choices or {}).items()))
    raw = zlib.compress(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode(), 9)
    return CODE_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


@dataclass(frozen=True)
class Replay:
    packs: list[tuple[str, str]]
    campaign: str
    seed: int
    actions: list[Action]
    demo: str = ""  # a presented demo's id (codes made before demos were carried have none)
    choices: dict[str, str] = field(default_factory=dict)  # the class's answers: choose step -> key


# A code is read with limits, since anyone can paste one: a long game is a few thousand
# characters that unpack to some tens of kilobytes, nested three deep ({"a": [{...}]}).
MAX_CODE_CHARS = 200_000
MAX_UNPACKED_BYTES = 2_000_000
MAX_CODE_DEPTH = 8
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))


def decode_replay(code: str) -> Replay:
    """The session a replay code holds; ReplayCodeError, saying why, for anything else."""
    code = code.strip()
    if not code.startswith(CODE_PREFIX):
        raise ReplayCodeError(f"a replay code starts with {CODE_PREFIX!r}")
    if len(code) > MAX_CODE_CHARS:
        raise ReplayCodeError(f"the replay code is {len(code)} characters long, far more than any game")
    body = code[len(CODE_PREFIX):]
    try:
        data = _parse(_unpack(body))
        actions = [action_from_dict(a) for a in data["a"]]
        demo = data.get("d", "")
        choices = data.get("k", {})
        if not isinstance(demo, str) or not isinstance(choices, dict) \
                or not all(isinstance(k, str) and isinstance(v, str) for k, v in choices.items()):
            raise ReplayCodeError("the replay code's demo is damaged")
        return Replay([(str(p), str(v)) for p, v in data["p"]], str(data["c"]), int(data["s"]), actions,
                      demo, dict(choices))
    except ReplayCodeError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError, zlib.error) as exc:
        raise ReplayCodeError(f"the replay code is damaged or incomplete ({exc})") from None


def _unpack(body: str) -> bytes:
    """The code's JSON, inflated no further than MAX_UNPACKED_BYTES."""
    inflater = zlib.decompressobj()
    raw = inflater.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)), MAX_UNPACKED_BYTES + 1)
    if len(raw) > MAX_UNPACKED_BYTES or inflater.unconsumed_tail:
        raise ReplayCodeError(f"the replay code unpacks to more than {MAX_UNPACKED_BYTES} bytes, far more than any game")
    if not inflater.eof:
        # the stream ends in a checksum of everything before it: without it the code was cut
        # short (its moves may have come through whole, but nothing proves they did)
        raise ReplayCodeError("the replay code is cut short: its last characters are missing")
    return raw


def _parse(raw: bytes) -> dict:
    """JSON no deeper than MAX_CODE_DEPTH, with finite numbers only (checked before json reads it)."""
    depth = deepest = 0
    for bracket in _STRING.sub(b'""', raw).translate(None, _NOT_BRACKETS):
        depth += 1 if bracket in b"[{" else -1
        deepest = max(deepest, depth)
    if deepest > MAX_CODE_DEPTH:
        raise ReplayCodeError(f"the replay code is nested {deepest} deep; a real one is at most {MAX_CODE_DEPTH}")

    def finite(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(f"{text} is not a number a game uses")
        return value

    def refuse(text: str) -> float:
        raise ValueError(f"{text} is not a number a game uses")

    data = json.loads(raw, parse_constant=refuse, parse_float=finite)
    if not isinstance(data, dict):
        raise ReplayCodeError("the replay code holds no game")
    return data


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
