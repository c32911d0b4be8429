"""Hostile replay codes: each is refused with a clear message, within bounds of time and memory."""

from __future__ import annotations

import base64
import json
import zlib

import pytest

from game.demo.timeline import ReplayCodeError, decode_replay
from tests.hostile.conftest import bounded


def code_of(payload: bytes) -> str:
    return "WI1-" + base64.urlsafe_b64encode(zlib.compress(payload, 9)).decode().rstrip("=")


GAME = {"p": [["core", "0.1.0"]], "c": "second-act", "s": 7, "a": [{"action": "end_week"}]}


def test_a_good_code_still_reads():
    assert decode_replay(code_of(json.dumps(GAME).encode())).seed == 7


@pytest.mark.parametrize(("payload", "says"), [
    (b"[" * 300 + b"]" * 300, "nested 300 deep"),
    (b'{"p": [], "c": "x", "s": Infinity, "a": []}', "Infinity is not a number"),
    (b'{"p": [], "c": "x", "s": NaN, "a": []}', "NaN is not a number"),
    (b'{"p": [], "c": "x", "s": 1e400, "a": []}', "1e400 is not a number"),
    (b'{"p": [], "c": "x", "s": ' + b"9" * 5000 + b', "a": []}', "damaged"),
    (b'"just a string"', "holds no game"),
    (b'{"p": 5, "c": "x", "s": 1, "a": {}}', "damaged"),
])
def test_a_hostile_code_is_refused_with_a_reason(payload, says):
    with pytest.raises(ReplayCodeError, match=says):
        decode_replay(code_of(payload))


@pytest.mark.parametrize("code", ["WI1-!!!not base64", "WI1-" + "A" * 10, "nothing like a code"])
def test_garbage_is_refused(code):
    with pytest.raises(ReplayCodeError):
        decode_replay(code)


def test_a_very_long_code_is_refused_before_it_is_unpacked():
    with pytest.raises(ReplayCodeError, match="characters long"):
        decode_replay("WI1-" + "A" * 300_000)


BOMB = """
import base64, zlib
from game.demo.timeline import ReplayCodeError, decode_replay
packer = zlib.compressobj(9)
chunks = [packer.compress(b'{"a": "')] + [packer.compress(b"x" * 1_000_000) for _ in range(95)]
packed = b"".join(chunks) + packer.compress(b'"}') + packer.flush()
code = "WI1-" + base64.urlsafe_b64encode(packed).decode()
print(len(code))
try:
    decode_replay(code)
except ReplayCodeError as exc:
    print("refused:", exc)
"""


def test_a_decompression_bomb_is_stopped_at_the_cap(tmp_path):
    run = bounded(["-c", BOMB], tmp_path)
    assert run.returncode == 0 and "Traceback" not in run.stderr
    size, verdict = run.stdout.splitlines()
    assert int(size) < 200_000 and verdict.startswith("refused: the replay code unpacks to more than")
