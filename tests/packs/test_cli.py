"""`warm-intro pack`: check, new and schema, driven through the real command line."""

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.packs.loader import core_pack_path
from game.packs.schema import schema_texts


def run(capsys, *argv):
    code = main(["pack", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_core_passes(capsys):
    code, out, _ = run(capsys, "check", str(core_pack_path()))
    assert code == 0 and "scenarios 9/9 passed" in out and out.strip().endswith("0 error(s), 0 warning(s)")


def test_check_json_has_the_documented_shape(capsys, tmp_path):
    pack = tmp_path / "broken"
    shutil.copytree(core_pack_path(), pack)
    people = pack / "people.toml"
    people.write_text(people.read_text().replace('field = "data"', 'field = "dta"', 1))
    code, out, _ = run(capsys, "check", str(pack), "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert set(data) == {"ok", "problems", "scenarios", "balance"}
    [problem] = data["problems"]
    assert set(problem) == {"file", "line", "path", "code", "severity", "message"}
    assert problem["code"] == "P301" and "did you mean 'data'" in problem["message"] and problem["line"]


def test_usage_errors_exit_2(capsys, tmp_path):
    assert run(capsys, "check", str(tmp_path / "nowhere"))[0] == 2
    assert run(capsys)[0] == 2
    with pytest.raises(SystemExit) as caught:
        main(["pack", "check"])
    assert caught.value.code == 2


def test_new_writes_a_valid_commented_pack_that_checks_clean(capsys, tmp_path):
    target = tmp_path / "corner-shop"
    code, out, _ = run(capsys, "new", str(target))
    assert code == 0 and "created" in out
    people = (target / "people.toml").read_text()
    assert people.startswith("#:schema ./schemas/people.schema.json\n") and "# A connector" in people
    assert {p.name: p.read_text() for p in (target / "schemas").iterdir()} == schema_texts()
    code, out, _ = run(capsys, "check", str(target))
    assert code == 0, out
    assert "scenarios 1/1 passed" in out


def test_new_refuses_a_folder_with_files_in_it(capsys, tmp_path):
    (tmp_path / "x.txt").write_text("hi")
    code, _, err = run(capsys, "new", str(tmp_path))
    assert code == 2 and "not empty" in err


def test_schema_to_a_file(capsys, tmp_path):
    code, _, _ = run(capsys, "schema", "people", "-o", str(tmp_path / "s.json"))
    assert code == 0 and json.loads((tmp_path / "s.json").read_text())["title"].endswith("people.toml")


def test_schema_writes_every_kind_into_a_folder(capsys, tmp_path):
    code, out, _ = run(capsys, "schema", "-o", str(tmp_path / "schemas"))
    assert code == 0 and "wrote 12 schemas" in out
    assert {p.name for p in (tmp_path / "schemas").iterdir()} == set(schema_texts())


def test_schema_of_an_unknown_kind_suggests_one(capsys):
    code, _, err = run(capsys, "schema", "peopel")
    assert code == 2 and "did you mean 'people'?" in err


def test_balance_warns_when_pressing_pays(capsys, tmp_path):
    pack = tmp_path / "generous"
    shutil.copytree(core_pack_path(), pack)
    (pack / "scenarios.toml").unlink()  # they expect pressing to cost trust
    # nobody minds being pressed: asking early costs no trust at all
    (pack / "tuning.toml").write_text("[tuning]\npress_familiarity = 0\npress_trust = 0\nhire_cold = 0.9\n")
    code, out, _ = run(capsys, "check", str(pack), "--balance", "--runs", "15", "--json", "--jobs", "1")
    data = json.loads(out)
    assert code == 0  # warnings only
    codes = {p["code"] for p in data["problems"]}
    assert "P901" in codes, data["balance"]
    assert set(data["balance"]["core"]["campaigns"]) == {"second-act", "the-favour", "the-question"}


def test_the_authoring_guide_has_the_tuning_table_of_the_model():
    from game.engine.world import Tuning
    from game.packs.tuning import MEANINGS, reference_table

    assert set(MEANINGS) == set(Tuning.names()), "describe every Tuning name in game/packs/tuning.py MEANINGS"
    guide = (Path(__file__).resolve().parents[2] / "AUTHORING.md").read_text(encoding="utf-8")
    start = guide.index("<!-- tuning:begin")
    block = guide[guide.index("\n", start) + 1:guide.index("<!-- tuning:end -->")].strip()
    assert block == reference_table(), "regenerate the table: python -c 'from game.packs.tuning import " \
        "reference_table; print(reference_table())'"
    rows = [line.split(" | ") for line in block.splitlines()[2:]]
    assert [row[0].strip("| `") for row in rows] == list(Tuning.names())


def test_authoring_guide_covers_every_name_an_author_can_write():
    from game.engine.actions import OUTCOMES
    from game.engine.dialogue import PLACEHOLDERS
    from game.engine.world import Tuning
    from game.packs import models
    from game.packs.loader import CODES

    guide = (Path(__file__).resolve().parents[2] / "AUTHORING.md").read_text(encoding="utf-8")
    names = set(CODES) | set(Tuning.names()) | {"{" + p + "}" for p in PLACEHOLDERS}
    names |= {f"`{a}`" for a in OUTCOMES} | {f"`{o}`" for outs in OUTCOMES.values() for o in outs}
    for model in (models.PackInfo, models.PersonEntry, models.OpportunityEntry, models.CampaignEntry,
                  models.EventEntry, models.EventEffectEntry, models.LineEntry, models.LessonCardEntry,
                  models.ScenarioEntry, models.StepEntry, models.ExpectEntry, models.ConditionEntry,
                  models.TraitsEntry, models.StartContactEntry):
        names |= {f"`{key}`" for key in model.model_fields if key not in ("id", "name")}
    missing = sorted(n for n in names if n not in guide)
    assert not missing, missing
