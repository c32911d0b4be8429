"""The debrief and the timelines an instructor works with, read from real games."""

import re

import pytest

from game.demo.debrief import (
    build,
    lesson_title,
    meter_series,
    to_html,
    to_markdown,
    turning_points,
)
from game.demo.timeline import (
    ReplayCodeError,
    bot_actions,
    compare,
    compare_bots,
    decode_replay,
    encode_replay,
    play_out,
)
from game.engine.actions import Action
from game.engine.rules import apply, new_game
from game.engine.state import state_hash


def slipped_promise_game(world):
    """Accept the executive's offer, wait, and follow up twice: the essay's story."""
    state = new_game(world, "second-act", 1)
    for a in [Action("meet", contact="mark-oduya", choice="advice"), Action("accept_offer")]:
        state, _ = apply(state, a)
    while not any(m.status in ("forgotten", "abandoned") for m in state.commitments.values()):
        state, _ = apply(state, Action("end_week"))
    for _ in range(2):
        state, _ = apply(state, Action("follow_up", contact="mark-oduya"))
    return state


def test_turning_points_tell_the_slipped_promise_story(world):
    state = slipped_promise_game(world)
    points = turning_points(state)
    kinds = [p.kind for p in points if p.who == "Mark Oduya"]
    assert "promise" in kinds and "door" in kinds
    closing = [p for p in points if p.kind == "door" and "never speak to you again" in p.what]
    assert closing and closing[0].lesson == "caused-commitment"
    assert all(p.step >= 1 for p in points)


def test_series_come_from_the_ledger(world):
    state = slipped_promise_game(world)
    series = meter_series(state, "mark-oduya")
    assert series["trust"][0] == (0, 50)
    assert series["embarrassment"][-1][1] == state.contacts["mark-oduya"].embarrassment
    assert series["trust"][-1][1] == state.contacts["mark-oduya"].trust


def test_questions_are_written_from_the_session(world):
    d = build(slipped_promise_game(world))
    text = " ".join(d.questions)
    assert "Mark Oduya" in text and "shut the door" in text
    assert d.questions[-1].startswith("If you could replay one moment")


def test_exports_carry_the_story_and_the_replay_code(world):
    state = slipped_promise_game(world)
    d = build(state, replay_code=encode_replay(state))
    md = to_markdown(d)
    title = lesson_title(state, "caused-commitment")  # the pack's own card title
    assert "# Debrief: Second Act" in md and "Mark Oduya" in md and title in md
    assert md.count(title) >= 2  # the same name in the story and in the lessons
    assert "0 turning points" not in md
    assert d.replay_code in md
    page = to_html(d)
    assert page.startswith("<!doctype html>") and "<svg" in page and "Mark Oduya" in page
    assert not re.search(r"(src|href)=\"https?://", page)  # self-contained: nothing from elsewhere
    assert "@import" not in page and "<script" not in page


def test_replay_codes_round_trip(world):
    state = slipped_promise_game(world)
    code = encode_replay(state)
    replay = decode_replay(code)
    assert replay.campaign == "second-act" and replay.seed == 1
    again = play_out(world, replay.campaign, replay.seed, replay.actions)[-1]
    assert state_hash(again) == state_hash(state)


@pytest.mark.parametrize("bad", ["", "hello", "WI1-", "WI1-!!!!", "WI1-eJwLAAAA"])
def test_damaged_replay_codes_are_refused_clearly(bad):
    with pytest.raises(ReplayCodeError):
        decode_replay(bad)


def test_comparing_patient_and_pushy_from_one_seed(world):
    c = compare_bots(world, "second-act", 3)
    assert c.a.label == "patient" and c.b.label == "pushy"
    assert c.diverge_step is not None and c.diverge_week is not None
    assert c.a.final.seed == c.b.final.seed == 3
    diffs = c.door_differences()
    assert diffs
    assert any(door == "closed" for _, _, door in diffs)
    for cid in c.people:
        assert len(c.a.weekly[cid]["trust"]) >= 2


def test_a_what_if_fork_diverges_where_the_choice_differs(world):
    base = bot_actions(world, "second-act", 2, "patient")
    fork_at = next(i for i, a in enumerate(base) if a.name == "ask_permission")
    other = base[:fork_at] + [Action("accept_offer")]
    c = compare(world, "second-act", 2, ("asked permission", base[: fork_at + 1]), ("accepted", other))
    assert c.diverge_step == fork_at
