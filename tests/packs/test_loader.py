"""Loading packs: the core pack loads, and a broken pack gets located, readable messages."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from game.packs.loader import PackError, core_pack_path, load_pack


@pytest.fixture
def pack(tmp_path):
    """A writable copy of the core pack."""
    dest = tmp_path / "mypack"
    shutil.copytree(core_pack_path(), dest)
    return dest


def problems_of(folder):
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return caught.value.problems


def line_of(path, needle):
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_core_pack_has_what_the_first_campaign_needs(world):
    assert len(world.people) >= 12
    assert len(world.fields) >= 2
    assert all(p.ties for p in world.people.values())
    assert any(not o.posted for o in world.opportunities.values())
    assert any(o.posted for o in world.opportunities.values())
    execs = [p for p in world.people.values() if p.archetype == "executive" and p.volunteers_intro_to]
    assert execs and execs[0].traits.busyness >= 0.8 and execs[0].traits.generosity >= 0.8
    hiring = {o.hiring_contact for o in world.opportunities.values()}
    connectors = [p for p in world.people.values() if p.archetype == "connector"]
    assert any(any(t in hiring for t, _ in c.ties) for c in connectors)


def test_ties_run_both_ways(world):
    for person in world.people.values():
        for other, strength in person.ties:
            assert world.people[other].tie_strength(person.id) > 0, (person.id, other)
            assert 0 < strength <= 1


def test_a_misspelt_key_is_reported_on_its_line(pack):
    people = pack / "people.toml"
    people.write_text(people.read_text().replace("busyness = 0.92", "bussyness = 0.92", 1))
    [problem] = problems_of(pack)
    assert problem.file == "mypack/people.toml"
    assert problem.line == line_of(people, "bussyness")
    assert "bussyness" in problem.message and problem.path == "people[1].traits.bussyness"


def test_every_problem_is_reported_at_once_with_suggestions(pack):
    people = pack / "people.toml"
    text = people.read_text()
    text = text.replace("ties = { gordon-pike = 0.6,", "ties = { gordon-pyke = 0.6,")
    text = text.replace('archetype = "peer"', 'archetype = "friend"', 1)
    people.write_text(text)
    opps = pack / "opportunities.toml"
    opps.write_text(opps.read_text().replace('hiring_contact = "colin-marsh"', 'hiring_contact = "colin-march"'))
    found = problems_of(pack)
    messages = "\n".join(str(p) for p in found)
    assert len(found) == 3, messages
    assert "did you mean 'gordon-pike'?" in messages
    assert "did you mean 'colin-marsh'?" in messages
    assert "unknown archetype 'friend'" in messages and "expected one of" in messages
    assert all(p.line for p in found), messages


def test_a_value_out_of_range_names_the_value(pack):
    people = pack / "people.toml"
    people.write_text(people.read_text().replace("generosity = 0.9,", "generosity = 1.5,", 1))
    [problem] = problems_of(pack)
    assert "1.5" in problem.message and "less than or equal to 1" in problem.message
    assert problem.line == line_of(people, "generosity = 1.5")


def test_toml_syntax_errors_carry_their_line(pack):
    (pack / "fields.toml").write_text('[[fields]]\nid = "a"\nname = "A\n')
    [problem] = problems_of(pack)
    assert problem.line == 3 and "TOML syntax" in problem.message
    assert str(problem).startswith("mypack/fields.toml:3: error[P101]: TOML syntax")


def test_a_missing_pack_file_and_a_non_utf8_file(pack):
    (pack / "pack.toml").unlink()
    (pack / "companies.toml").write_bytes(b"\xff\xfe not text")
    messages = [str(p) for p in problems_of(pack)]
    assert any("pack.toml" in m and "missing" in m for m in messages)
    assert any("companies.toml" in m and "UTF-8" in m for m in messages)


def test_a_file_that_links_outside_the_pack_is_refused(pack, tmp_path):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text((pack / "fields.toml").read_text())
    (pack / "fields.toml").unlink()
    (pack / "fields.toml").symlink_to(outside)
    messages = [str(p) for p in problems_of(pack)]
    assert any("outside the pack" in m for m in messages)


def test_an_oversized_file_is_refused(pack):
    (pack / "fields.toml").write_text("# padding\n" * 200_000)
    messages = [str(p) for p in problems_of(pack)]
    assert any("limit" in m for m in messages)


def test_unknown_tuning_values_are_caught(pack):
    (pack / "tuning.toml").write_text("[tuning]\npress_familiarty = 30\n")
    [problem] = problems_of(pack)
    assert "did you mean 'press_familiarity'?" in problem.message and problem.line == 2


@pytest.mark.parametrize("line, says", [
    ("familiarity_fade_after = nan", "must be a finite number"),
    ("cost_meet = inf", "must be a finite number"),
    ("cost_research = 0", "must be from 1 to 40"),  # a free action could be taken for ever
    ("cost_meet = 2.9", "counts whole hours"),
    ("hire_cold = 5", "must be from 0.0 to 1.0"),
    ("closed_trust = -50", "must be from 0 to 100"),
    ("meet_advice_unprepared_trust = 3", "must be from -100 to 0"),  # a loss stays a loss
    ('cost_apply = "2"', "written without quotes; got '2'"),
    ("reach_out_chance = true", "written without quotes; got True"),
    ("avoid_exit = 70", "avoid_exit (70) must not be above avoid_enter (60)"),
])
def test_every_tuning_value_is_checked_where_it_stands(pack, line, says):
    (pack / "tuning.toml").write_text(f"[tuning]\npress_familiarity = 30\n{line}\n")
    [problem] = problems_of(pack)
    assert says in problem.message and problem.line == 3 and problem.file.endswith("tuning.toml"), str(problem)


def test_every_tuning_mistake_is_reported_at_once(pack):
    (pack / "tuning.toml").write_text('[tuning]\ncost_apply = "2"\ncost_meet = 0\nhire_cold = 2\n')
    assert [p.line for p in problems_of(pack)] == [2, 3, 4]


def test_every_default_passes_its_own_check():
    from dataclasses import fields

    from game.engine.world import Tuning
    from game.packs.tuning import ORDERED, check_value

    t = Tuning()
    assert all(check_value(f.name, f.default) == f.default for f in fields(Tuning))
    assert all(getattr(t, low) <= getattr(t, high) for low, high, _ in ORDERED)


def test_a_pack_may_override_tuning(pack):
    (pack / "tuning.toml").write_text("[tuning]\npress_familiarity = 30\nhire_cold = 0.2\n")
    world = load_pack(pack)
    assert world.tuning.press_familiarity == 30 and world.tuning.hire_cold == 0.2


def test_the_core_pack_ships_inside_the_wheel(tmp_path):
    root = core_pack_path().parents[1]
    if not (root / "pyproject.toml").exists():
        pytest.skip("running from an installed wheel: the pack was found there already")
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(root)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    [wheel] = tmp_path.glob("warm_intro-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "game/content/core/pack.toml" in names and "game/content/core/people.toml" in names


@pytest.mark.parametrize("file, key, typo, meant", [
    ("campaigns.toml", "runway_weeks = ", "runway_week = ", "runway_weeks"),
    ("people.toml", "follow_through = ", "folow_through = ", "follow_through"),
])
def test_a_misspelt_key_gets_a_did_you_mean(pack, file, key, typo, meant):
    path = pack / file
    text = path.read_text()
    path.write_text(text.replace(key, typo, 1))
    [problem] = problems_of(pack)
    assert f"did you mean {meant!r}?" in problem.message and problem.code == "P201"
    assert problem.line == line_of(path, typo.split(" ")[0])


def _mark_in_a_pack_of_mine(tmp_path, header=""):
    """Problems of a pack building on core whose people.toml holds core's Mark, its id line
    followed by `header` lines."""
    from game.packs.loader import check_pack_layers

    pack = tmp_path / "mine"
    pack.mkdir(exist_ok=True)
    (pack / "pack.toml").write_text('id = "mine"\nname = "Mine"\nversion = "1"\nbuilds_on = ["core"]\n')
    core_people = (core_pack_path() / "people.toml").read_text()
    start = core_people.index('[[people]]\nid = "mark-oduya"')
    mark = core_people[start:core_people.index("[[people]]", start + 1)]
    (pack / "people.toml").write_text(mark.replace('id = "mark-oduya"\n', header or 'id = "mark-oduya"\n', 1))
    return check_pack_layers(pack, {})[1]


def test_replacing_a_base_pack_entry_is_never_silent(tmp_path):
    problems = _mark_in_a_pack_of_mine(tmp_path)
    [warning] = [p for p in problems if p.code == "P310"]
    assert warning.severity == "warning" and "replaces core's person 'mark-oduya'" in warning.message
    assert warning.line == 2  # the id line
    assert "or say `replaces = true` if that is what you mean" in warning.message


def test_a_replacement_that_says_so_is_quiet_and_one_with_nothing_to_replace_is_named(tmp_path):
    problems = _mark_in_a_pack_of_mine(tmp_path, 'id = "mark-oduya"\nreplaces = true\n')
    assert not [p for p in problems if p.code in ("P310", "P311")]
    problems = _mark_in_a_pack_of_mine(tmp_path, 'id = "mark-odoya"\nreplaces = true\n')
    [warning] = [p for p in problems if p.code == "P311"]
    assert warning.severity == "warning" and warning.line == 3  # the replaces line
    assert "'mark-odoya' says it replaces a base pack's person, but no pack this one builds on has one" in warning.message


@pytest.mark.parametrize("key", ["people", "opportunities"])
def test_an_empty_campaign_list_is_a_slip_not_everyone(pack, key):
    path = pack / "campaigns.toml"
    text = path.read_text()
    start = text.index(f"{key} = [")
    path.write_text(text[:start] + f"{key} = []" + text[text.index("]", start) + 1:])
    found = [p for p in problems_of(pack) if p.code == "P407"]
    assert len(found) == 1 and f"an empty {key} list" in found[0].message
    assert found[0].line == line_of(path, f"{key} = []")


def test_a_misspelt_key_and_an_unknown_person_in_one_entry_are_both_reported_at_once(tmp_path):
    from game.packs.loader import check_pack

    pack = tmp_path / "kitchens"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content" / "example-kitchens", pack)
    opportunities = pack / "opportunities.toml"
    opportunities.write_text(opportunities.read_text(encoding="utf-8")
                             .replace('blurb = "Weddings', 'blurbb = "Weddings')
                             .replace('hiring_contact = "elise-fournier"', 'hiring_contact = "elise-fournie"'),
                             encoding="utf-8")
    world, problems = check_pack(pack)
    assert world is None
    assert sorted(p.code for p in problems) == ["P201", "P301"], [str(p) for p in problems]
    assert all(p.line for p in problems) and "did you mean 'elise-fournier'" in " ".join(map(str, problems))


def test_an_entry_with_a_wrong_value_is_still_left_out_of_the_cross_checks(tmp_path):
    from game.packs.loader import check_pack

    pack = tmp_path / "kitchens"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content" / "example-kitchens", pack)
    opportunities = pack / "opportunities.toml"
    opportunities.write_text(opportunities.read_text(encoding="utf-8")
                             .replace("appeal = 0.45", 'appeal = "high"')
                             .replace('hiring_contact = "elise-fournier"', 'hiring_contact = "elise-fournie"'),
                             encoding="utf-8")
    _world, problems = check_pack(pack)
    # what the entry means is unsure, so it is not guessed at: one message, for the value
    assert [p.code for p in problems if p.severity == "error"] == ["P203"], [str(p) for p in problems]
