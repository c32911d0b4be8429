"""Packs with thousands of problems are reported in time linear in their size, every problem on its line.

Reporting once split the whole file for each problem and compared each new problem with
every earlier one: 10,000 duplicate ids took 40 s. The checks here run `pack check` in a
bounded child (a few CPU seconds, see conftest), generous next to the 2 s the fixed
version needs on a laptop, so a return of the quadratic cost fails instead of hanging.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.conftest import game

HEADER = 'id = "{id}"\nname = "Hostile"\nversion = "1"\nformat = 1\nbuilds_on = ["core"]\n'


def make_pack(folder: Path, **files: str) -> Path:
    folder.mkdir()
    (folder / "pack.toml").write_text(HEADER.format(id=folder.name))
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(text)
    return folder


def check(pack: Path) -> list[dict]:
    done = game("pack", "check", "--json", str(pack), cwd=pack.parent)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)["problems"]


def test_ten_thousand_duplicate_ids_are_each_reported_on_their_line(tmp_path):
    entry = '[[fields]]\nid = "same"\nname = "Field {n}"\n\n'
    pack = make_pack(tmp_path / "dups", fields="".join(entry.format(n=n) for n in range(10_000)))
    found = check(pack)
    assert len(found) == 9_999 and {p["code"] for p in found} == {"P302"}
    # entry n starts on line 4n + 1; its id is the line after
    assert [p["line"] for p in found[:3]] == [6, 10, 14] and found[-1]["line"] == 4 * 9_999 + 2
    assert "the first is on line 1" in found[-1]["message"]


def test_forty_thousand_wrong_types_are_reported(tmp_path):
    person = ('[[people]]\nid = "p{n}"\nname = 5\narchetype = 7\nfield = 1\ncompany = 2\nbio = 3\ntraits = 4\n'
              'ties = 5\ntitle = 6\n' + "".join(f"extra{k} = 1\n" for k in range(11)) + "\n")
    pack = make_pack(tmp_path / "wrong", people="".join(person.format(n=n) for n in range(2_000)))
    found = check(pack)
    assert len(found) >= 36_000
    lines = Path(pack / "people.toml").read_text().splitlines()
    for p in found[::997]:  # each problem names the line of its key
        key = p["path"].rsplit(".", 1)[-1]
        assert lines[p["line"] - 1].startswith(f"{key} ="), p


@pytest.mark.parametrize("many", [10_000])
def test_thousands_of_unknown_names_are_reported(tmp_path, many):
    people = "".join(f'[[people]]\nid = "p{n}"\nname = "P"\narchetype = "peer"\nfield = "logistics"\n'
                     f'ties = {{ x{n} = 0.5 }}\n' for n in range(many))
    pack = make_pack(tmp_path / "names", people=people)
    found = check(pack)
    unknown = [p for p in found if p["code"] == "P301" and "unknown person" in p["message"]]
    assert len(unknown) == many
    assert unknown[0]["line"] == 6 and "unknown person 'x0'" in unknown[0]["message"]


def test_a_typo_still_gets_a_suggestion(tmp_path):
    pack = make_pack(tmp_path / "typo", people='[[people]]\nid = "p"\nname = "P"\narchetype = "peer"\n'
                                               'field = "logistics"\nties = { mark-oduyaa = 0.5 }\n')
    [problem] = [p for p in check(pack) if p["code"] == "P301" and "person" in p["message"]]
    assert "did you mean 'mark-oduya'?" in problem["message"] and problem["line"] == 6
