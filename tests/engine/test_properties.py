"""What must hold in every game (DESIGN §1.5), checked on random play with hypothesis."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from game.engine.actions import OUTCOMES, VOCABULARY, Action
from game.engine.bots import STRATEGIES
from game.engine.lessons import LESSONS
from game.engine.rules import apply, check, is_pressing, knowable_interest, legal_actions, new_game
from game.engine.state import CLOSED, METERS, SLIPPED, UNKNOWN, state_hash
from game.packs.loader import load_core

WORLD = load_core()
CAMPAIGN = "second-act"
BOTS = sorted(n for n in STRATEGIES if n != "random")

# a move is either "let this bot play n actions" or "take the k-th legal action"
moves = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(BOTS), st.integers(min_value=1, max_value=40)),
        st.integers(min_value=0, max_value=10_000),
    ),
    min_size=1,
    max_size=40,
)


def choose(state, move):
    if isinstance(move, str):
        return STRATEGIES[move](state)
    actions = legal_actions(state)
    return actions[move % len(actions)]


def run(seed, plan):
    """Yield (before, action, after, effects) for a game played by the plan."""
    state = new_game(WORLD, CAMPAIGN, seed)
    for move in plan:
        steps = [move[0]] * move[1] if isinstance(move, tuple) else [move]
        for step in steps:
            if state.over:
                return
            action = choose(state, step)
            after, effects = apply(state, action)
            yield state, action, after, effects
            state = after


def branch_checks(before, seen):
    """At every moment one of the §1.5 rules speaks about, branch off and check the rule."""
    if before.prompt is not None and before.prompt.kind == "offer":
        who = before.prompt.contact
        after, _ = apply(before, Action("ask_permission"))
        assert after.contacts[who].embarrassment <= before.contacts[who].embarrassment
        assert len(after.commitments) == len(before.commitments)
        seen["ask_permission"] += 1
    if before.prompt is not None and before.prompt.kind == "interest":
        who, oid = before.prompt.contact, before.prompt.subject
        after, _ = apply(before, Action("answer_interest", choice="explore"))
        assert after.contacts[who].trust >= before.contacts[who].trust
        seen["explore"] += 1
        after, _ = apply(before, Action("answer_interest", choice="eager_yes"))
        field = WORLD.opportunities[oid].field
        if knowable_interest(before, field) < WORLD.tuning.honest_threshold:
            assert after.opportunities[oid].interview_mode == "overclaimed"
            assert after.opportunities[oid].stage == "interviewing"
            seen["overclaim"] += 1
    if before.prompt is not None:
        return
    for action in legal_actions(before):
        cid = action.contact
        if action.name in ("ask_intro", "ask_referral") and is_pressing(before, cid):
            after, _ = apply(before, action)
            assert after.contacts[cid].trust <= before.contacts[cid].trust
            if before.contacts[cid].familiarity < WORLD.tuning.press_familiarity:
                seen["press"] += 1
        if action.name == "follow_up":
            promise = before.outstanding_commitments(cid)[0]
            if promise.status in SLIPPED and before.contacts[cid].embarrassment < 100:
                after, _ = apply(before, action)
                assert after.contacts[cid].embarrassment > before.contacts[cid].embarrassment
                seen["follow_up_slipped"] += 1


def check_invariants(state):
    for cid, c in state.contacts.items():
        for meter in METERS:
            value = getattr(c, meter)
            assert 0 <= value <= 100, (cid, meter, value)
            # the ledger is the meter: nothing changes without an itemised cause
            assert sum(e.delta for e in c.ledger if e.meter == meter) == value, (cid, meter)
    for effect in state.history.effects if state.history else ():
        assert effect.cause.strip()
        assert effect.lesson in LESSONS
    assert 0 <= state.clarity <= 100 and 0 <= state.reputation <= 100
    assert state.hours_left >= 0


@given(seed=st.integers(0, 2**32), plan=moves)
def test_meters_stay_in_range_and_every_change_has_a_cause(seed, plan):
    for _, _, after, effects in run(seed, plan):
        check_invariants(after)
        for e in effects:
            assert e.cause and e.lesson in LESSONS
            if e.target in after.contacts and after.contacts[e.target].stage == UNKNOWN:
                assert not e.visible  # nobody sees changes in people they have never heard of


@given(seed=st.integers(0, 2**32), plan=moves)
def test_every_action_reports_one_of_its_documented_outcomes(seed, plan):
    for _, action, after, _ in run(seed, plan):
        assert after.history.outcome in OUTCOMES[action.name], (action, after.history.outcome)


@given(seed=st.integers(0, 2**32), plan=moves)
def test_a_closed_door_never_reopens_and_nothing_reaches_through_it(seed, plan):
    closed: set[str] = set()
    for _, _, after, _ in run(seed, plan):
        now = {cid for cid, c in after.contacts.items() if c.door == CLOSED}
        assert closed <= now
        closed = now
        for cid in closed:
            for name in ("meet", "check_in", "thank", "follow_up", "release", "reach_out"):
                action = Action(name, contact=cid, choice="advice" if name == "meet" else None)
                assert check(after, action) is not None
            assert all(a.contact != cid for a in legal_actions(after))


@given(seed=st.integers(0, 2**32), plan=moves)
def test_same_inputs_give_the_same_game(seed, plan):
    first = [state_hash(after) for _, _, after, _ in run(seed, plan)]
    second = [state_hash(after) for _, _, after, _ in run(seed, plan)]
    assert first == second


@given(seed=st.integers(0, 2**32), plan=moves)
def test_the_rules_on_answers_and_asks_hold_whenever_they_come_up(seed, plan):
    seen = Counter()
    for before, _, _, _ in run(seed, plan):
        branch_checks(before, seen)


def test_every_rule_of_answers_and_asks_is_reached_along_bot_games():
    """The same checks along whole bot games, so each rule is known to be exercised."""
    seen = Counter()
    for bot in BOTS:
        for seed in range(4):
            for before, _, _, _ in run(seed, [(bot, 400)]):
                branch_checks(before, seen)
    for rule_name in ("ask_permission", "explore", "overclaim", "press", "follow_up_slipped"):
        assert seen[rule_name] > 0, f"no game reached {rule_name}: {dict(seen)}"


@given(seed=st.integers(0, 2**32), plan=moves)
def test_legal_actions_are_exactly_the_ones_that_pass_check(seed, plan):
    for before, _, _, _ in run(seed, plan[:40]):
        legal = set(legal_actions(before))
        assert all(check(before, a) is None for a in legal)
        # anything check allows that legal_actions left out would be a hidden option
        for name, params in VOCABULARY.items():
            if params and "contact" not in params and "opportunity" not in params:
                continue
            for cid in before.contacts:
                a = Action(name, contact=cid) if params == ("contact",) else None
                if a is not None and check(before, a) is None:
                    assert a in legal, a


class LongGames(RuleBasedStateMachine):
    """Long random games, mixing bots and arbitrary legal actions, checked at every step."""

    @initialize(seed=st.integers(0, 2**32))
    def start(self, seed):
        self.state = new_game(WORLD, CAMPAIGN, seed)
        self.closed: set[str] = set()

    @rule(k=st.integers(0, 10_000))
    def any_legal_action(self, k):
        if not self.state.over:
            self.state, _ = apply(self.state, choose(self.state, k))

    @rule(bot=st.sampled_from(BOTS), n=st.integers(1, 30))
    def let_a_bot_play(self, bot, n):
        for _ in range(n):
            if self.state.over:
                return
            self.state, _ = apply(self.state, STRATEGIES[bot](self.state))

    @rule()
    def end_the_week(self):
        if not self.state.over and self.state.prompt is None:
            self.state, _ = apply(self.state, Action("end_week"))

    @invariant()
    def meters_ledgers_and_doors_hold(self):
        if not hasattr(self, "state"):
            return
        check_invariants(self.state)
        now = {cid for cid, c in self.state.contacts.items() if c.door == CLOSED}
        assert self.closed <= now
        self.closed = now
        if not self.state.over:
            assert legal_actions(self.state), "a live game always has something to do"


TestLongGames = LongGames.TestCase
