"""Fuzzing the loader: whatever is thrown at it, the answer is a World or located problems.

Arbitrary bytes, arbitrary TOML and mutated valid packs. Never a traceback, never a hang.
Runs under the hypothesis profiles in tests/conftest.py ("ci" by default; "soak" for long
local runs: HYPOTHESIS_PROFILE=soak python -m pytest tests/packs/test_fuzz.py).
"""

from __future__ import annotations

import shutil
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from game.packs.loader import MAX_FILE_BYTES, check_pack, core_pack_path
from game.packs.models import FILES
from game.packs.scenarios import run_scenarios

NAMES = ["pack.toml", *FILES]
CORE = core_pack_path()
CORE_DATA = {name: tomllib.loads((CORE / name).read_text(encoding="utf-8")) for name in NAMES if (CORE / name).exists()}


def _check_outcome(folder: Path) -> None:
    started = time.perf_counter()
    world, problems = check_pack(folder)
    assert time.perf_counter() - started < 10, "the loader must never hang"
    for p in problems:
        assert isinstance(p.file, str) and p.file and p.message and p.severity in ("error", "warning"), p
        assert p.code.startswith("P"), p
        assert p.line is None or p.line >= 1, p
        str(p)
    if world is None:
        assert any(p.severity == "error" for p in problems)
    else:
        assert not any(p.severity == "error" for p in problems)
        for result in run_scenarios(world):
            assert all(f.code.startswith("P8") for f in result.failures)


def _with_files(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "fuzzed"
        shutil.copytree(CORE, folder)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        _check_outcome(folder)


@given(st.sampled_from(NAMES), st.binary(max_size=2000))
def test_arbitrary_bytes(name, data):
    _with_files({name: data})


scalars = st.one_of(st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["core", "mark-oduya", "logistics", "second-act", "meet",
                                                           "{contact.first_name}", "advice", "open"]))
keys = st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(
    ["id", "name", "people", "campaigns", "lines", "events", "scenarios", "steps", "expect", "when", "ties",
     "traits", "variants", "action", "outcome", "contact", "effects", "builds_on", "tuning", "format"]))
toml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


@given(st.sampled_from(NAMES), st.dictionaries(keys, toml_values, max_size=5))
def test_arbitrary_toml(name, doc):
    _with_files({name: tomli_w.dumps(doc).encode()})


def _mutate(value, data, depth=0):
    """One random change somewhere inside a parsed TOML value."""
    if isinstance(value, dict) and value:
        key = data.draw(st.sampled_from(sorted(value)))
        action = data.draw(st.sampled_from(["drop", "replace", "recurse", "rename"]))
        out = dict(value)
        if action == "drop":
            del out[key]
        elif action == "replace":
            out[key] = data.draw(toml_values)
        elif action == "rename":
            out[data.draw(keys)] = out.pop(key)
        else:
            out[key] = _mutate(out[key], data, depth + 1)
        return out
    if isinstance(value, list) and value:
        i = data.draw(st.integers(0, len(value) - 1))
        action = data.draw(st.sampled_from(["drop", "duplicate", "recurse", "replace"]))
        out = list(value)
        if action == "drop":
            del out[i]
        elif action == "duplicate":
            out.append(out[i])
        elif action == "replace":
            out[i] = data.draw(toml_values)
        else:
            out[i] = _mutate(out[i], data, depth + 1)
        return out
    return data.draw(toml_values)


@given(st.data())
def test_mutated_valid_packs(data):
    files = {}
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(sorted(CORE_DATA)))
        doc = files.get(name, CORE_DATA[name])
        mutated = _mutate(doc, data)
        if not isinstance(mutated, dict):
            mutated = {"value": mutated}
        files[name] = mutated
    encoded = {}
    for name, doc in files.items():
        try:
            encoded[name] = tomli_w.dumps(doc).encode()
        except (TypeError, ValueError):
            encoded[name] = repr(doc).encode()[:MAX_FILE_BYTES]
    _with_files(encoded)
