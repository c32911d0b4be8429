"""What a state's sight remembers is what the rules would say: kept once per state, never different.

The sight (game.engine.sight) answers the bots' questions about a finished state once and
shares the answers; these tests ask the rules themselves the same questions along random
games and compare, and check that a new state never inherits its parent's answers.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import sight
from game.engine.actions import Action
from game.engine.bots import PATIENT_MOVES, _patient_moves
from game.engine.kinds import APPLIED, INTERVIEWING, OFFER, OPP_KNOWN
from game.engine.rules import apply, check, estimated_fit, legal_actions, new_game
from game.engine.sim import BOTS
from game.packs.loader import load_core

WORLD = load_core()
NAMES = sorted(BOTS)


def _states(campaign, bot, seed, limit=400):
    state = new_game(WORLD, campaign, seed)
    for _ in range(limit):
        yield state
        if state.over:
            return
        state, _ = apply(state, BOTS[bot](state))


def _candidates(state):
    """Actions worth asking about: every legal one, and every entry the board could list."""
    out = list(legal_actions(state))
    out += [Action("meet", contact=cid, choice="advice") for cid in state.contacts]
    out += [Action(n, contact=cid) for cid in state.contacts for n in ("thank", "check_in", "release", "follow_up")]
    out += [Action("apply", opportunity=oid) for oid in state.opportunities]
    out += [Action("end_week"), Action("reflect"), Action("accept_offer")]
    return out


@settings(max_examples=15)
@given(st.sampled_from(sorted(WORLD.campaigns)), st.sampled_from(NAMES), st.integers(0, 10_000))
def test_the_sight_of_a_state_says_what_the_rules_say(campaign, bot, seed):
    for state in _states(campaign, bot, seed, limit=60):
        if not state.over:
            BOTS[bot](state)  # a bot has looked: the answers it left behind must hold
        for action in _candidates(state):
            assert sight.reason(state, action) == check(state, action)
        assert sight.legal(state) == legal_actions(state)
        for cid in state.contacts:
            assert sight.owed(state, cid) == state.outstanding_commitments(cid)
        for stages in ((OFFER,), (OPP_KNOWN,), (OPP_KNOWN, APPLIED, INTERVIEWING, OFFER)):
            assert list(sight.roles_at(state, *stages)) == [oid for oid, o in state.opportunities.items()
                                                            if o.stage in stages]
        for oid in state.opportunities:
            assert sight.fit(state, oid) == estimated_fit(state, oid)


def test_a_new_state_starts_without_its_parents_judgements(world):
    state = new_game(world, "second-act", 1)
    sight.legal(state)
    after, _ = apply(state, Action("reflect"))
    assert state.sight is not None and state.sight.legal is not None
    assert after.sight is None or (after.sight.legal is None and not after.sight.reasons)
    assert sight.legal(after) == legal_actions(after)


def test_a_move_keeps_only_the_answers_about_what_it_left_alone(world):
    state = new_game(world, "second-act", 1)
    cid = sight.connected(state)[0]
    sight.roles_at(state, OPP_KNOWN)
    for oid in state.opportunities:
        sight.fit(state, oid)
    # a meeting moves goals (clarity) and one person's meters, no role, no door
    after, _ = apply(state, Action("meet", contact=cid, choice="advice"))
    assert after.sight is not None
    assert after.clarity != state.clarity and not after.sight.fits
    assert after.opportunities is state.opportunities and after.sight.stages is state.sight.stages
    assert after.contacts[cid].door == state.contacts[cid].door
    assert after.sight.connected == state.sight.connected
    # a door that moves takes the list of who is reachable with it
    closing = state
    while closing.contacts[cid].door not in ("closed", "avoiding"):
        closing, _ = apply(closing, Action("end_week") if sight.reason(closing, Action("check_in", contact=cid))
                           else Action("check_in", contact=cid))
        sight.connected(closing)
    assert cid not in sight.connected(closing)


def test_apply_refuses_what_the_rules_refuse_even_after_a_bot_has_looked(world):
    import pytest

    from game.engine.actions import Impossible

    state = new_game(world, "second-act", 1)
    taken = Action("meet", contact="mark-oduya", choice="advice")
    assert sight.reason(state, taken) is None
    state, _ = apply(state, taken)
    with pytest.raises(Impossible):
        apply(state, taken)  # no second meeting in a week, whatever was remembered before


def test_the_patient_player_only_wishes_for_moves_it_knows_the_cost_of(world):
    """The patient bot ends the week without weighing its wishes once the week has less time
    left than the cheapest of PATIENT_MOVES; that is right only if those are all it wishes for."""
    for campaign in sorted(world.campaigns):
        for seed in range(6):
            for state in _states(campaign, "patient", seed):
                if state.prompt is None and not state.over:
                    full = state.copy()
                    full.hours_left = 99  # every wish, affordable or not
                    assert {a.name for a in _patient_moves(full)} <= set(PATIENT_MOVES)


def _every_entry_judged(state):
    """legal_actions as plainly as it can be said: every entry, every choice, each asked of check."""
    from game.engine.kinds import CLOSED, HIDDEN, UNKNOWN
    from game.engine.rules.actions import RULES, Scope, by_scope

    if state.over:
        return []
    if state.prompt is not None:
        return [a for a in legal_actions(state) if check(state, a) is None]
    listed = [a for r in by_scope(Scope.SELF) for a in r.entries(state, None)]
    for cid, c in state.contacts.items():
        if c.stage != UNKNOWN and c.door != CLOSED:
            listed += [a for r in by_scope(Scope.CONTACT) for a in r.entries(state, cid)]
    for oid, o in state.opportunities.items():
        if o.stage != HIDDEN:
            listed += [a for r in by_scope(Scope.OPPORTUNITY) for a in r.entries(state, oid)]
    listed += [a for r in by_scope(Scope.WEEK) for a in r.entries(state, None)]
    out = []
    for a in listed:
        rule = RULES[a.name]
        choices = [a._replace(choice=ch) for ch in rule.choices] if rule.choices and a.choice is None else [a]
        out += [c for c in choices if check(state, c) is None]
    return out


@settings(max_examples=15)
@given(st.sampled_from(sorted(WORLD.campaigns)), st.sampled_from(NAMES), st.integers(0, 10_000))
def test_legal_actions_are_every_entry_that_check_allows(campaign, bot, seed):
    """legal_actions judges a meeting once for all its approaches: it must list exactly what
    asking check of every entry and every approach would."""
    for state in _states(campaign, bot, seed, limit=80):
        assert legal_actions(state) == _every_entry_judged(state)


def test_what_is_kept_for_the_whole_game_is_what_the_world_says(world):
    """State.fixed is worked out once at the start: each role's true fit and who is hiring,
    the same in every later state, and the same as working them out afresh."""
    from game.engine.rules.derived import true_fit

    for campaign in sorted(world.campaigns):
        states = list(_states(campaign, "patient", 3))
        start = states[0]
        assert all(state.fixed is start.fixed for state in states)
        assert dict(start.fixed.fits) == {oid: true_fit(world, campaign, oid) for oid in start.opportunities}
        assert start.fixed.hiring == {world.opportunities[oid].hiring_contact for oid in start.opportunities}
