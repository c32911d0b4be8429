"""`pack check --balance` says something: one warning where one is due, at the campaign's
line, and the bots' games in words (roles taken, why games ended without a job, events
fired); a campaign nobody can win is warned about without playing it."""

from __future__ import annotations

import json

from game.cli import main
from game.packs.loader import check_pack
from game.packs.scaffold import write_scaffold


def _pack(tmp_path, edit=("", "")):
    folder = tmp_path / "corner"
    write_scaffold(folder)
    (folder / "demos.toml").unlink()
    text = (folder / "campaigns.toml").read_text(encoding="utf-8")
    (folder / "campaigns.toml").write_text(text.replace(*edit), encoding="utf-8")
    return folder


def _check(capsys, folder, *more):
    code = main(["pack", "check", str(folder), "--balance", "--runs", "4", "--jobs", "1", *more])
    return code, capsys.readouterr().out


def test_when_nobody_wins_there_is_one_warning_at_the_campaigns_line(tmp_path, capsys):
    folder = _pack(tmp_path, ("runway_weeks = 12", "runway_weeks = 1"))
    code, out = _check(capsys, folder, "--json")
    balance = [p for p in json.loads(out)["problems"] if p["code"] in ("P901", "P902")]
    assert [(p["code"], p["line"]) for p in balance] == [("P902", 6)]


def test_the_bots_games_are_told_in_words(tmp_path, capsys):
    folder = _pack(tmp_path)
    code, out = _check(capsys, folder)
    assert code == 0, out
    lines = out.splitlines()
    patient = next(line.strip() for line in lines if line.strip().startswith("patient: hired into"))
    assert "events-bookseller" in patient or "no job in 4 of 4" in patient
    assert any(line.strip().startswith("event book-club-night: fired in patient") for line in lines)


def test_the_json_report_carries_roles_reasons_and_events(tmp_path, capsys):
    folder = _pack(tmp_path, ("runway_weeks = 12", "runway_weeks = 3"))
    _, out = _check(capsys, folder, "--json")
    explain = json.loads(out)["balance"]["corner"]["explain"]["first-chapter"]
    assert set(explain) == {"jobs", "lost", "events", "lines_unseen"}
    assert set(explain["events"]["patient"]) == {"book-club-night"}
    games = {name: sum(explain["jobs"][name].values()) + sum(explain["lost"][name].values())
             for name in explain["jobs"]}
    assert games == {"patient": 4, "pushy": 4, "overclaimer": 4}


def test_a_role_that_opens_after_the_runway_makes_the_campaign_unwinnable(tmp_path):
    folder = _pack(tmp_path)
    opps = (folder / "opportunities.toml").read_text(encoding="utf-8")
    (folder / "opportunities.toml").write_text(opps.replace("opens_week = 2", "opens_week = 20"), encoding="utf-8")
    _, problems = check_pack(folder)
    [unwinnable] = [p for p in problems if p.code == "P408"]
    assert unwinnable.severity == "warning" and unwinnable.line == 6
    assert "'first-chapter' can never be won: 'events-bookseller' opens in week 20" in unwinnable.message


def test_the_packs_own_lines_no_bot_game_showed_are_named(tmp_path, capsys):
    """A line written for a moment the bots never reach is dead text an author should hear
    of; a line the bots' games did show, and core's own lines, are not listed."""
    folder = _pack(tmp_path)
    dialogue = folder / "dialogue.toml"
    dialogue.write_text(dialogue.read_text(encoding="utf-8") + '''
[[lines]]
id = "withdraw-never-here"
action = "withdraw"
outcome = "withdrew"
variants = ["\\"I understand. Thanks for telling me straight.\\""]
''', encoding="utf-8")
    code, out = _check(capsys, folder, "--json")
    assert code == 0, out
    report = json.loads(out)["balance"]
    unseen = [u for explain in next(iter(report.values()))["explain"].values() for u in explain["lines_unseen"]]
    assert "withdraw/withdrew/withdraw-never-here" in unseen
    assert "meet/advice/ada-advice" not in unseen  # the patient bot asks Ada for advice
    assert all(u.split("/")[2] in dialogue.read_text(encoding="utf-8") for u in unseen), unseen
    code, out = _check(capsys, folder)
    assert "no bot's game showed (action/outcome/id): " in out and "withdraw-never-here" in out
