"""The moments from the source stories, played through the rules."""

import pytest

from game.engine import lessons as L
from game.engine.actions import Action
from game.engine.kinds import EffectKind
from game.engine.rules import apply, new_game
from game.engine.state import AVOIDING, CLOSED, CONNECTED, INTERVIEWING, OPP_KNOWN, SLIPPED
from tests.engine.steps import END, meet, play
from tests.engine.worlds import tiny_world


def weeks_until_slipped(state, by, limit=6):
    """End weeks (doing nothing else) until the promise by `by` has slipped."""
    for _ in range(limit):
        if any(m.by == by and m.status in SLIPPED for m in state.commitments.values()):
            return state
        state, _ = apply(state, END)
    return state


# --- the volunteered promise (core pack: Mark, the busy executive) -------------------------


def test_busy_executive_volunteers_an_introduction(world):
    state = new_game(world, "second-act", 1)
    state, _ = apply(state, meet("mark-oduya"))
    assert state.prompt is not None
    assert state.prompt.kind == "offer" and state.prompt.subject == "gordon-pike"


@pytest.mark.parametrize("seed", range(12))
def test_accepted_promise_slips_and_two_follow_ups_close_the_door(world, seed):
    state = new_game(world, "second-act", seed)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    assert state.contacts["mark-oduya"].embarrassment == 0
    state = weeks_until_slipped(state, "mark-oduya")
    promise = next(m for m in state.commitments.values() if m.by == "mark-oduya")
    if promise.status not in SLIPPED:
        # a rare week when he kept it: the introduction happened, and nothing is owed
        assert promise.status == "fulfilled"
        assert state.contacts["gordon-pike"].stage == CONNECTED
        return
    before = state.contacts["mark-oduya"].embarrassment
    state, fx = apply(state, Action("follow_up", contact="mark-oduya"))
    mark = state.contacts["mark-oduya"]
    assert mark.embarrassment > before
    assert mark.door == AVOIDING
    assert any(e.meter == "embarrassment" and e.lesson == L.CAUSED_COMMITMENT and e.visible for e in fx)
    state, fx = apply(state, Action("follow_up", contact="mark-oduya"))
    assert state.contacts["mark-oduya"].door == CLOSED
    assert any(e.kind == EffectKind.DOOR and e.after == CLOSED and e.lesson == L.CAUSED_COMMITMENT for e in fx)
    assert L.CAUSED_COMMITMENT in state.lessons
    state, _ = apply(state, END)
    assert state.contacts["mark-oduya"].door == CLOSED


def test_the_busy_executive_usually_lets_the_promise_slip(world):
    slipped = 0
    for seed in range(40):
        state = new_game(world, "second-act", seed)
        state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
        state = weeks_until_slipped(state, "mark-oduya", limit=4)
        slipped += any(m.status in SLIPPED for m in state.commitments.values())
    assert slipped >= 30


def test_the_slip_is_hidden_from_the_player(world):
    state = new_game(world, "second-act", 3)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    hidden = []
    for _ in range(4):
        state, fx = apply(state, END)
        hidden += [e for e in fx if e.target == "mark-oduya" and e.kind in (EffectKind.PROMISE_DOUBTED, EffectKind.PROMISE_FORGOTTEN, EffectKind.PROMISE_ABANDONED)]
    assert hidden and all(not e.visible for e in hidden)


@pytest.mark.parametrize("seed", range(6))
def test_asking_permission_never_embarrasses_the_executive(world, seed):
    state = new_game(world, "second-act", seed)
    state, _ = play(state, meet("mark-oduya"), Action("ask_permission"))
    assert not state.commitments
    assert state.tokens == {"gordon-pike": "mark-oduya"}
    assert state.contacts["gordon-pike"].stage == "known"
    for _ in range(6):
        state, _ = play(state, Action("check_in", contact="mark-oduya"), END)
        assert state.contacts["mark-oduya"].embarrassment == 0
    assert state.contacts["mark-oduya"].door not in (AVOIDING, CLOSED)


def test_mentioning_the_name_makes_reaching_out_warm(world):
    warm = cold = 0
    for seed in range(30):
        state = new_game(world, "second-act", seed)
        state, _ = play(state, meet("mark-oduya"), Action("ask_permission"),
                        Action("reach_out", contact="gordon-pike"))
        warm += state.contacts["gordon-pike"].stage == CONNECTED
        # declined, Gordon is only a name Mark mentioned: a cold note
        state = new_game(world, "second-act", seed)
        state, _ = play(state, Action("reflect"), Action("reflect"), meet("mark-oduya"), Action("decline_offer"))
        assert state.contacts["gordon-pike"].stage == "known"
        state, _ = apply(state, Action("reach_out", contact="gordon-pike"))
        cold += state.contacts["gordon-pike"].stage == CONNECTED
    assert warm >= 25
    assert cold <= 15


def test_releasing_a_slipped_promise_lets_the_door_reopen(world):
    state = new_game(world, "second-act", 1)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    state = weeks_until_slipped(state, "mark-oduya")
    state, _ = apply(state, Action("follow_up", contact="mark-oduya"))
    assert state.contacts["mark-oduya"].door == AVOIDING
    state, fx = apply(state, Action("release", contact="mark-oduya"))
    assert any(e.meter == "trust" and e.delta > 0 for e in fx)  # he appreciates the grace
    # let off after it slipped, the weight stops growing and fades with time: it does not vanish
    for _ in range(8):
        state, fx = apply(state, END)
        assert not [e for e in fx if e.target == "mark-oduya" and e.meter == "embarrassment" and e.delta > 0]
    assert state.contacts["mark-oduya"].door not in (AVOIDING, CLOSED)
    assert state.contacts["gordon-pike"].stage == "known"  # you may reach him yourself


# --- asking before there is a relationship -------------------------------------------------


def test_asking_a_stranger_for_an_introduction_is_pressing():
    world = tiny_world(cora_trust=45, cora_familiarity=10, knowledge=50)
    state = new_game(world, "test", 0)
    state, _ = apply(state, meet("cora"))  # she mentions Hank
    state, _ = apply(state, END)
    before = state.contacts["cora"].trust
    state, fx = apply(state, Action("ask_intro", contact="cora", target="hank"))
    assert state.contacts["cora"].trust < before
    assert any(e.lesson == L.RELATIONSHIP_BEFORE_LEVERAGE and e.delta < 0 for e in fx)
    assert state.contacts["hank"].stage != CONNECTED


def test_the_same_ask_from_a_warm_contact_just_happens():
    world = tiny_world()
    state = new_game(world, "test", 0)
    state, _ = apply(state, meet("cora"))
    before = state.contacts["cora"].trust
    state, _ = apply(state, Action("ask_intro", contact="cora", target="hank"))
    assert state.contacts["hank"].stage == CONNECTED
    assert state.contacts["hank"].introduced_by == "cora"
    assert state.contacts["cora"].trust >= before
    assert not state.commitments  # no lingering debt


# --- the interest question ------------------------------------------------------------------


def _introduced_to_hank(**kw):
    world = tiny_world(**kw)
    state = new_game(world, "test", 0)
    state, _ = play(state, meet("cora"), Action("ask_intro", contact="cora", target="hank"), END)
    state, _ = apply(state, meet("hank"))
    assert state.prompt is not None and state.prompt.kind == "interest"
    assert state.prompt.subject == "analyst"
    return state


def test_an_uninformed_yes_turns_the_talk_into_an_interview():
    state = _introduced_to_hank()
    state, fx = apply(state, Action("answer_interest", choice="eager_yes"))
    o = state.opportunities["analyst"]
    assert o.stage == INTERVIEWING and o.interview_mode == "overclaimed"
    assert state.contacts["hank"].guide_lost and not state.contacts["hank"].guide
    assert any(e.kind == EffectKind.INTERVIEW for e in fx)


def test_withdrawing_after_an_eager_yes_embarrasses_the_introducer():
    state = _introduced_to_hank()
    state, _ = apply(state, Action("answer_interest", choice="eager_yes"))
    cora_before = state.contacts["cora"]
    hank_trust = state.contacts["hank"].trust
    state, fx = apply(state, Action("withdraw", opportunity="analyst"))
    assert state.contacts["hank"].trust < hank_trust
    assert state.contacts["cora"].embarrassment > cora_before.embarrassment
    assert state.contacts["cora"].generosity_penalty > cora_before.generosity_penalty
    assert any(e.target == "cora" and e.lesson == L.HONEST_INTEREST for e in fx)


def test_an_informed_yes_is_not_punished():
    state = _introduced_to_hank(knowledge=80, clarity=80)
    trust = state.contacts["hank"].trust
    state, _ = apply(state, Action("answer_interest", choice="eager_yes"))
    assert state.opportunities["analyst"].interview_mode is None or state.opportunities["analyst"].interview_mode == "informed"
    assert state.contacts["hank"].trust >= trust


def test_exploring_builds_trust_and_a_better_role_can_surface():
    state = _introduced_to_hank()
    trust = state.contacts["hank"].trust
    state, _ = apply(state, Action("answer_interest", choice="explore"))
    assert state.contacts["hank"].trust > trust
    assert state.contacts["hank"].guide
    assert state.opportunities["analyst"].stage == OPP_KNOWN
    state, _ = apply(state, Action("thank", contact="hank"))  # and tell him what you did with it
    surfaced = None
    for week in range(12):
        state, _ = play(state, Action("meet", contact="hank", choice="learn"), END) if week % 2 else play(state, END)
        if state.opportunities["planner"].stage != "hidden":
            surfaced = week
            break
    assert surfaced is not None, "the guide never pointed to the better role"
    assert state.opportunities["planner"].referred
    assert state.contacts["zed"].stage == CONNECTED


# --- decisions come with their reasons -----------------------------------------------------


def test_a_hiring_decision_is_the_sum_of_its_reasons(world):
    from game.engine.rules import hire_chance, hire_reasons

    state = new_game(world, "second-act", 0)
    state, _ = apply(state, Action("research", field="logistics"))
    oid = "senior-dispatcher"
    reasons = hire_reasons(state, oid)
    assert any("stranger" in text for text, _ in reasons)
    assert hire_chance(state, oid) == pytest.approx(max(0.02, min(0.95, sum(w for _, w in reasons))))
