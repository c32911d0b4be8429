"""`warm-intro pack trace`: a scenario step by step, with what the game recorded and where things stand."""

import json
import shutil

from game.cli import main
from game.packs.loader import core_pack_path, load_core
from game.packs.trace import trace_lines, trace_scenario

EXAMPLE = core_pack_path().parent / "example-kitchens"


def run(capsys, *argv):
    code = main(["pack", "trace", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _scenario(world, sid):
    return next(sc for sc in world.scenarios if sc.id == sid)


def test_the_slipped_promise_is_traced_with_its_hidden_drop_and_due_week():
    world = load_core()
    trace = trace_scenario(world, _scenario(world, "the-promise-that-slipped"))
    assert trace.passed
    accepted = next(s for s in trace.steps if s.action and s.action["action"] == "accept_offer")
    [promise] = accepted.after.promises
    assert (promise.by, promise.status, promise.made_week, promise.due_from_week) == ("victor-almeida", "pending", 1, 2)
    dropped = [e for s in trace.steps for e in s.effects if e.kind == "promise_abandoned"]
    assert dropped and not dropped[0].visible
    last = [s for s in trace.steps if s.after is not None][-1]
    assert {p.id: p.door for p in last.after.people}["victor-almeida"] == "closed"


def test_the_text_reads_at_80_columns_and_names_causes_and_state():
    world = load_core()
    lines = trace_lines(trace_scenario(world, _scenario(world, "the-promise-that-slipped")))
    assert all(len(line) <= 80 for line in lines)
    text = " ".join(" ".join(lines).split())  # as read, across the wrapped lines
    assert "(hidden): Victor realised" in text and "from the end of week 2" in text
    assert "open question (offer): victor-almeida offers to introduce nadia-petrov" in text
    assert "door avoiding -> closed" in text and text.rstrip().endswith("passed")


def test_cli_traces_core_by_name_and_an_example_pack_as_json(capsys):
    code, out, _ = run(capsys, "core", "mark-offers-an-introduction")
    assert code == 0 and "step 1 (core/scenarios.toml:" in out and "heard_of colin-marsh" in out
    code, out, _ = run(capsys, str(EXAMPLE), "use-my-name", "--json")
    data = json.loads(out)
    assert code == 0 and data["passed"] and data["scenario"] == "use-my-name"
    step = data["steps"][0]
    assert step["action"] == {"action": "meet", "contact": "marco-bellini", "choice": "learn"}
    assert step["after"]["prompt"] == {"kind": "offer", "contact": "marco-bellini", "subject": "hana-sato"}
    assert {"week", "target", "kind", "cause", "lesson", "visible"} <= set(step["effects"][0])


def test_cli_lists_scenarios_and_suggests_a_near_miss(capsys):
    code, out, _ = run(capsys, "core")
    assert code == 0 and "the-promise-that-slipped" in out
    code, _, err = run(capsys, "core", "the-promise-that-sliped")
    assert code == 2 and "did you mean 'the-promise-that-slipped'" in err
    assert run(capsys, "no-such-pack-here", "x")[0] == 2


def test_a_failing_scenario_shows_where_it_stopped_and_exits_1(capsys, tmp_path):
    pack = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, pack)
    scenarios = pack / "scenarios.toml"
    scenarios.write_text(scenarios.read_text(encoding="utf-8").replace(
        'expect = { last_outcome = "warm_reply" }', 'expect = { last_outcome = "no_reply" }'), encoding="utf-8")
    code, out, _ = run(capsys, str(pack), "use-my-name")
    assert code == 1 and "EXPECTED, NOT SO: the last action turned out 'warm_reply'; expected 'no_reply'" in " ".join(out.split())
    assert out.rstrip().endswith("failed")


def test_a_refused_step_is_the_last_one_shown(capsys, tmp_path):
    pack = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, pack)
    scenarios = pack / "scenarios.toml"
    scenarios.write_text(scenarios.read_text(encoding="utf-8").replace(
        '{ action = "ask_permission" },', '{ action = "follow_up", contact = "marco-bellini" },', 1),
        encoding="utf-8")
    code, out, _ = run(capsys, str(pack), "use-my-name")
    assert code == 1 and "REFUSED:" in out and "reach_out" not in out.split("REFUSED:")[1]
