"""The pack format: layering, cross-checks, dialogue, events and scenario tests.

The starter pack from `pack new` is the base of most tests here: small, valid, and
building on core, so each test can break exactly one thing.
"""

import shutil

import pytest

from game.engine.actions import Action
from game.engine.dialogue import line_for
from game.engine.kinds import EffectKind
from game.engine.rules import apply, new_game
from game.packs.loader import (
    PackError,
    check_pack,
    check_pack_layers,
    core_pack_path,
    load_pack,
    pack_digest,
)
from game.packs.scaffold import write_scaffold
from game.packs.scenarios import run_scenarios


@pytest.fixture
def starter(tmp_path):
    folder = tmp_path / "starter"
    write_scaffold(folder)
    return folder


def edit(path, old, new, count=1):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))


def lines_with(path, needle):
    return [n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]


def errors(folder, **kw):
    world, problems = check_pack(folder, **kw)
    return [p for p in problems if p.severity == "error"], [p for p in problems if p.severity == "warning"]


def test_the_starter_pack_is_valid_and_builds_on_core(starter):
    world = load_pack(starter)
    assert "ada-moreno" in world.people and "mark-oduya" in world.people
    assert [p[0] for p in world.packs] == ["core", "starter"]


def test_a_dozen_mistakes_give_a_dozen_located_messages(starter):
    edit(starter / "pack.toml", "format = 1", "format = 2")
    edit(starter / "people.toml", 'archetype = "connector"', 'archetype = "conector"')
    edit(starter / "people.toml", "kit-osei = 0.7", "kit-osie = 0.7")
    edit(starter / "people.toml", "busyness = 0.6", "bussyness = 0.6")
    edit(starter / "opportunities.toml", 'company = "corner-books"', 'company = "corner-book"')
    edit(starter / "opportunities.toml", "opens_week = 2", "opens_week = 2\ncloses_week = 1")
    edit(starter / "campaigns.toml", '{ id = "ada-moreno"', '{ id = "ada-morena"')
    edit(starter / "dialogue.toml", 'outcome = "advice"', 'outcome = "advise"')
    edit(starter / "dialogue.toml", "Ada pushes", "{contact.firstname} pushes")
    edit(starter / "dialogue.toml", "says Ada. \\\"Good.", "says {target.name}. \\\"Good.")
    edit(starter / "events.toml", 'lesson = "relationship-before-leverage"',
         'lesson = "relationship-before-leverage"\nchance = 0.0')
    edit(starter / "scenarios.toml", 'action = "end_week"', 'action = "end_weak"')
    errs, _warnings = errors(starter)
    text = "\n".join(map(str, errs))
    assert len(errs) == 12, text
    assert all(p.line for p in errs), text
    expect = {
        "pack.toml": ["less than or equal to 1"],
        "people.toml": ["did you mean 'connector'", "did you mean 'kit-osei'", "unknown key 'bussyness'"],
        "opportunities.toml": ["did you mean 'corner-books'", "closes in week 1, before it opens in week 2"],
        "campaigns.toml": ["did you mean 'ada-moreno'"],
        "dialogue.toml": ["did you mean 'advice'", "unknown placeholder {contact.firstname}",
                          "{target.name} has nothing to fill it"],
        "events.toml": ["never fires"],
        "scenarios.toml": ["did you mean 'end_week'"],
    }
    for file, needles in expect.items():
        mine = "\n".join(str(p) for p in errs if p.file == f"starter/{file}")
        for needle in needles:
            assert needle in mine, (file, needle, text)
    [bad] = [p for p in errs if "bussyness" in p.message]
    assert bad.line == lines_with(starter / "people.toml", "bussyness")[0] and bad.code == "P201"
    assert str(bad).startswith(f"starter/people.toml:{bad.line}: error[P201]: unknown key 'bussyness'")


def test_an_override_replaces_the_core_entry_by_id(starter):
    (starter / "people.toml").write_text((starter / "people.toml").read_text() + '''
[[people]]
id = "mark-oduya"
name = "Mark Oduya"
archetype = "executive"
field = "logistics"
bio = "In this pack, Mark keeps every promise."
traits = { busyness = 0.2, follow_through = 1.0, generosity = 0.9, face = 0.3 }
ties = { gordon-pike = 0.6, beatriz-santos = 0.5, colin-marsh = 0.7 }
volunteers_intro_to = "gordon-pike"
''')
    world = load_pack(starter)
    assert world.people["mark-oduya"].traits.follow_through == 1.0
    assert world.people["mark-oduya"].bio.startswith("In this pack")


def test_a_duplicate_id_within_one_pack_is_an_error(starter):
    text = (starter / "fields.toml").read_text()
    (starter / "fields.toml").write_text(text + text.split("\n", 2)[2])
    errs, _ = errors(starter)
    assert [p.code for p in errs] == ["P302"] and "duplicate field id 'bookselling'" in errs[0].message


def test_builds_on_an_unknown_pack_and_on_itself(starter, tmp_path):
    edit(starter / "pack.toml", 'builds_on = [\n    "core",\n]', 'builds_on = ["core", "travel"]')
    errs, _ = errors(starter)
    assert any(p.code == "P109" and "'travel'" in p.message for p in errs)
    other = tmp_path / "travel"
    shutil.copytree(starter, other)
    edit(other / "pack.toml", 'id = "starter"', 'id = "travel"')
    edit(other / "pack.toml", 'builds_on = ["core", "travel"]', 'builds_on = ["starter"]')
    errs, _ = errors(starter, bases={"travel": other, "starter": starter})
    assert any(p.code == "P109" and "builds on itself" in p.message for p in errs), errs


def test_warnings_are_distinct_and_do_not_stop_loading(starter):
    (starter / "peopel.toml").write_text("")
    edit(starter / "people.toml", "[people.ties]\nsol-bernard = 0.6\nkit-osei = 0.7\n", "")
    edit(starter / "people.toml", "[people.ties]\nkit-osei = 0.8\n", "")
    world, problems = check_pack(starter)
    assert world is not None
    codes = sorted(p.code for p in problems)
    assert all(p.severity == "warning" for p in problems)
    assert "P107" in codes and "P304" in codes, problems
    assert any("did you mean 'people.toml'" in p.message for p in problems)


def test_unreachable_hidden_role_is_a_warning(starter):
    edit(starter / "opportunities.toml", "posted = true", "posted = false")
    edit(starter / "opportunities.toml", 'field = "bookselling"', 'field = "logistics"')
    edit(starter / "opportunities.toml", 'company = "corner-books"', 'company = "harbor-line"')
    edit(starter / "people.toml", "[people.ties]\nsol-bernard = 0.6\n", "[people.ties]\n")
    edit(starter / "people.toml", "[people.ties]\nkit-osei = 0.8\n", "")
    _world, problems = check_pack(starter)
    assert any(p.code == "P405" and "events-bookseller" in p.message for p in problems), problems


def test_dialogue_missing_for_an_outcome_is_a_warning(tmp_path):
    pack = tmp_path / "core-copy"
    shutil.copytree(core_pack_path(), pack)
    edit(pack / "dialogue.toml", 'id = "release-released"\naction = "release"\noutcome = "released"',
         'id = "release-released"\naction = "release"\noutcome = "released"\ncontact = "mark-oduya"')
    world, problems = check_pack(pack)
    assert world is not None
    [warning] = problems
    assert warning.code == "P504" and "'release' turning out 'released'" in warning.message


def test_a_failing_scenario_names_the_step_and_line(starter):
    edit(starter / "scenarios.toml", "at_least = 45", "at_least = 95")
    world, own = load_pack(starter), check_pack_layers(starter)[2]
    [result] = run_scenarios(world, own["scenarios"])
    [failure] = result.failures
    assert not result.passed and failure.code == "P802"
    assert "after the last step" in failure.message and "familiarity is" in failure.message and "expected at least 95" in failure.message
    assert failure.file == "starter/scenarios.toml" and failure.line


def test_a_refused_step_stops_the_scenario(starter):
    edit(starter / "scenarios.toml", 'action = "end_week"', 'action = "follow_up"\ncontact = "ada-moreno"')
    world, own = load_pack(starter), check_pack_layers(starter)[2]
    [result] = run_scenarios(world, own["scenarios"])
    assert result.failures[0].code == "P803" and "owes you nothing" in result.failures[0].message


def test_digest_is_stable_and_follows_the_content(starter):
    first = pack_digest(starter)
    assert first == pack_digest(starter) == load_pack(starter).packs[-1][2]
    edit(starter / "fields.toml", "Shelves", "Shelving")
    assert pack_digest(starter) != first


# --- dialogue and events in play ------------------------------------------------------------


def test_the_most_specific_line_is_said_and_placeholders_are_filled(world):
    state = new_game(world, "the-favour", 0)
    after, _ = apply(state, Action("meet", contact="grace-kim", choice="advice"))
    said = line_for(state, after)
    # Grace is a connector: she speaks in the connectors' voice, not the plain fallback
    voice = next(line for line in world.dialogue[("meet", "advice_unprepared")] if line.id.endswith("-connector"))
    assert said in [v.replace("{contact.first_name}", "Grace") for v in voice.variants]
    assert line_for(state, after) == said  # keyed: same game, same words
    # Victor's own line for an accepted offer
    s1, _ = apply(state, Action("meet", contact="victor-almeida", choice="advice"))
    s2, _ = apply(s1, Action("accept_offer"))
    assert "Victor" in line_for(s1, s2) and "{" not in line_for(s1, s2)


def test_a_condition_on_the_speaker_picks_the_warm_line(world):
    state = new_game(world, "second-act", 0)
    c = state.contacts["priya-raman"]
    c.trust, c.familiarity = 80, 60
    c.door = "advocate"
    for field in ("logistics",):
        state.knowledge[field] = 90
    state.clarity = 60
    after, _ = apply(state, Action("meet", contact="priya-raman", choice="advice"))
    assert after.history.outcome == "advice"
    # a mood beats a voice: Priya is a connector, but the warm line wins while she is warm
    warm = [v.replace("{contact.first_name}", "Priya") for v in
            next(line for line in world.dialogue[("meet", "advice")] if line.id == "meet-advice-warm").variants]
    assert line_for(state, after) in warm


def test_an_event_fires_once_with_its_lesson_and_cause(world):
    state = new_game(world, "the-favour", 0)
    state, _ = apply(state, Action("meet", contact="owen-fairweather", choice="advice"))
    state, _ = apply(state, Action("thank", contact="owen-fairweather"))
    state, fx = apply(state, Action("end_week"))
    fired = [e for e in fx if e.kind == EffectKind.EVENT]
    assert [e.after for e in fired] == ["owen-passes-it-on"]
    assert all(e.lesson == "close-the-loop" for e in fired)
    assert any(e.target == "owen-fairweather" and e.meter == "trust" and e.lesson == "close-the-loop" for e in fx)
    state, fx = apply(state, Action("end_week"))
    assert not [e for e in fx if e.kind == EffectKind.EVENT and e.after == "owen-passes-it-on"]


def test_loading_a_missing_folder_is_a_located_problem(tmp_path):
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path / "nope")
    assert caught.value.problems[0].code == "P106"


def test_the_loader_and_the_models_agree_on_the_files():
    from game.packs import loader, models

    assert tuple(models.FILES) == loader.FILES


def test_a_cached_core_is_the_same_world_and_skips_pydantic(tmp_path, monkeypatch):
    import json
    import subprocess
    import sys

    from game.packs import cache

    world = load_pack(core_pack_path())
    assert cache.loads(json.dumps(cache.encode(world))) == world
    monkeypatch.setenv("WARM_INTRO_CACHE", str(tmp_path))
    probe = ("import sys, game.packs.loader as l; w = l.load_core(); "
             "print(len(w.people), 'pydantic' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert first.stdout.split() == [str(len(world.people)), "True"]
    assert second.stdout.split() == [str(len(world.people)), "False"]
    # a damaged cache file is ignored, not trusted
    [cached] = tmp_path.glob("pack-*.json")
    cached.write_text("{not json")
    assert cache.read(core_pack_path()) is None


def test_a_person_without_an_id_is_one_problem_not_a_crash(tmp_path):
    # found by the fuzz soak: a campaign still listing someone whose entry is broken
    pack = tmp_path / "core-copy"
    shutil.copytree(core_pack_path(), pack)
    edit(pack / "people.toml", 'id = "rosa-lindgren"\n', "")
    world, problems = check_pack(pack)
    assert world is None
    assert any(p.code == "P202" and "'id'" in p.message for p in problems), problems
