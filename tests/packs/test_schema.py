"""The JSON Schemas authors' editors use: one per file, current, described, and precise.

The packs are checked against them with a real JSON Schema validator (jsonschema, a test
dependency), as an editor would check them, so a schema that rejects a valid pack or
buries a typo under a wall of messages fails here."""

from __future__ import annotations

import json
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from game.engine.world import Tuning
from game.packs.loader import core_pack_path
from game.packs.problems import line_of
from game.packs.scaffold import write_scaffold
from game.packs.schema import kinds, schema_file, schema_for, schema_texts

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "game" / "packs" / "schemas"
PACKS = [core_pack_path(), ROOT / "content" / "example-kitchens"]


def _kind_of(file: str) -> str | None:
    return next((kind for kind, (name, _model) in kinds().items() if name == file), None)


def _errors(kind: str, data: dict) -> list:
    return sorted(Draft202012Validator(schema_for(kind)).iter_errors(data), key=lambda e: list(e.absolute_path))


def _nodes(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _nodes(value, (*path, i))


def test_the_committed_schemas_are_current():
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in COMMITTED.iterdir()}
    assert on_disk == schema_texts(), "run: warm-intro pack schema -o game/packs/schemas"


def test_there_is_a_schema_for_every_file_a_pack_may_hold():
    from game.packs.layout import PACK_FILES

    assert sorted(name for name, _model in kinds().values()) == sorted(PACK_FILES)


@pytest.mark.parametrize("kind", list(kinds()))
def test_a_schema_has_no_null_branches_and_describes_every_key_and_name(kind):
    schema = schema_for(kind)
    Draft202012Validator.check_schema(schema)
    for path, node in _nodes(schema):
        assert {"type": "null"} not in node.get("anyOf", []), path
        if path and path[-1] == "properties":
            for key, prop in node.items():
                assert prop.get("description"), f"{kind}: {'.'.join(map(str, path))}.{key} has no description"
        if "enum" in node:
            assert len(node.get("enumDescriptions", [])) == len(node["enum"]), path


def test_the_tuning_schema_lists_every_number_with_its_default_and_range():
    props = schema_for("tuning")["properties"]["tuning"]["properties"]
    assert set(props) == set(Tuning.names())
    for f in fields(Tuning):
        prop = props[f.name]
        assert prop["default"] == f.default and prop["minimum"] <= f.default <= prop["maximum"]
    assert props["cost_meet"]["type"] == "integer" and props["cost_meet"]["minimum"] == 1
    assert props["hire_cold"]["type"] == "number" and props["hire_cold"]["maximum"] == 1


@pytest.mark.parametrize("folder", PACKS, ids=lambda p: p.name)
def test_the_shipped_packs_are_valid_under_their_schemas(folder):
    checked = 0
    for path in sorted(folder.glob("*.toml")):
        kind = _kind_of(path.name)
        assert kind is not None, path.name
        data = json.loads(json.dumps(tomllib.loads(path.read_text(encoding="utf-8"))))  # as an editor sees it
        assert [e.message for e in _errors(kind, data)] == [], path.name
        checked += 1
    assert checked >= 9


def _located(text: str, error) -> int | None:
    """The line an editor would mark: a wrong key is the error's instance, under its table's path."""
    if "propertyNames" in error.schema_path:
        return line_of(text, (*error.absolute_path, error.instance))
    return line_of(text, tuple(error.absolute_path))


def test_a_typo_is_one_precise_message():
    text = (core_pack_path() / "people.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    data["people"][2]["traits"]["folow_through"] = data["people"][2]["traits"].pop("follow_through")
    [error] = _errors("people", data)
    assert list(error.absolute_path) == ["people", 2, "traits"] and error.instance == "folow_through"
    assert "'folow_through' is not one of ['busyness', 'follow_through', 'generosity', 'face']" in error.message


def _two_typos(text: str, first: str, second: str) -> tuple[str, list[int]]:
    text = text.replace(first, first.replace("follow_through", "folow_through"), 1)
    text = text.replace(second, second.replace("generosity", "generosty"), 1)
    written = [n for n, line in enumerate(text.splitlines(), 1) if "folow_through" in line or "generosty" in line]
    return text, written


def test_two_typos_give_two_messages_each_with_its_line(tmp_path):
    folder = tmp_path / "corner"
    write_scaffold(folder)
    text = (folder / "people.toml").read_text(encoding="utf-8")
    text, written = _two_typos(text, "follow_through = 0.85", "generosity = 0.7")
    errors = _errors("people", tomllib.loads(text))
    assert len(errors) == 2 and len(written) == 2
    assert sorted(_located(text, e) for e in errors) == written


def test_two_typos_in_the_same_entry_give_two_messages_each_with_its_line():
    # one person, two wrong keys: one in their traits table, one of their own keys
    text = (core_pack_path() / "people.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    person = data["people"][0]
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip() == f'id = "{person["id"]}"')
    for n in range(start, len(lines)):
        if lines[n].startswith("title = "):
            lines[n] = lines[n].replace("title = ", "titel = ", 1)
        if lines[n].startswith("bio = "):
            lines[n] = lines[n].replace("bio = ", "biography = ", 1)
            break
    text = "\n".join(lines) + "\n"
    errors = _errors("people", tomllib.loads(text))
    assert sorted(e.instance for e in errors) == ["biography", "titel"]
    written = sorted(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(("biography", "titel")))
    assert len(written) == 2 and sorted(_located(text, e) for e in errors) == written


def test_two_typos_in_one_table_give_two_messages():
    text = (core_pack_path() / "people.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    traits = data["people"][1]["traits"]
    traits["folow_through"] = traits.pop("follow_through")
    traits["generosty"] = traits.pop("generosity")
    errors = _errors("people", data)
    assert sorted(e.instance for e in errors) == ["folow_through", "generosty"]
    assert all(list(e.absolute_path) == ["people", 1, "traits"] for e in errors)


def test_a_wrong_name_is_one_message_naming_the_allowed_ones():
    data = {"people": [{"id": "a", "name": "A", "archetype": "mentr", "field": "f"}]}
    [error] = _errors("people", data)
    assert "'mentr' is not one of" in error.message and "'mentor'" in error.message


def test_a_new_packs_files_point_at_the_schema_of_their_kind(tmp_path):
    folder = tmp_path / "corner"
    write_scaffold(folder)
    for path in sorted(folder.glob("*.toml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("#:schema ")
        assert target == f"./schemas/{schema_file(_kind_of(path.name))}"
        assert (folder / target).is_file()


def test_the_example_packs_headers_point_at_the_committed_schemas():
    for path in sorted((ROOT / "content" / "example-kitchens").glob("*.toml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"#:schema ../../game/packs/schemas/{schema_file(_kind_of(path.name))}", path.name
        assert (path.parent / first.removeprefix("#:schema ")).resolve().is_file()
