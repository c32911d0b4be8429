"""Every reason the game shows is true of the state it describes.

A reason that claims something ("you had done your homework on UX Research", "a third
message this week", "you couldn't answer Nadia's questions") is checked against the state
before the action that produced it. Games are played by a mix of the built-in bots and
keyed random moves, so patient and careless play both reach every reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from game.engine.actions import Action
from game.engine.bots import STRATEGIES
from game.engine.rules import (
    apply,
    is_pressing,
    knowable_interest,
    legal_actions,
    new_game,
    preparation,
)
from game.engine.state import AVOIDING, SLIPPED, Effect, State

# (the state before the action, the state after it, the action, the effect, the match)
Claim = Callable[[State, State, Action, Effect, re.Match[str]], bool]


def _person(state: State, first: str) -> str:
    """The contact id of the person a reason names by first name."""
    found = [cid for cid in state.contacts if state.world.people[cid].first_name == first]
    assert found, first
    return found[0]


def _field_known(state: State, action: Action) -> int:
    return state.knowledge.get(state.world.people[action.cid].field, 0)


def _prepared(state: State, action: Action) -> bool:
    return preparation(state, state.world.people[action.cid].field) >= state.world.tuning.homework_threshold


# (what the reason says, what must then be true of the state before the action)
CLAIMS: dict[str, tuple[str, Claim]] = {
    "homework": (r"you had done your homework on (.+), so (\w+) could help",
                 lambda s, t, a, e, m: _prepared(s, a) and _field_known(s, a) > s.clarity),
    "clear goals": (r"you knew what you were looking for, so (\w+) could help",
                    lambda s, t, a, e, m: _prepared(s, a) and s.clarity >= _field_known(s, a)),
    "unprepared": (r"(\w+) worked hard to figure out what you need|spent the hour on basics you could have read",
                   lambda s, t, a, e, m: not _prepared(s, a)),
    "pressing": (r"you asked (\w+) .+ before there was a relationship",
                 lambda s, t, a, e, m: is_pressing(s, a.cid)),
    "third note": (r"a third message this week",
                   lambda s, t, a, e, m: s.contacts[a.cid].notes_week == s.week and s.contacts[a.cid].notes_in_week >= 2),
    "thanked": (r"^you thanked (\w+)$", lambda s, t, a, e, m: s.contacts[a.cid].owed_thanks),
    "reported back": (r"you told (\w+) what you did with their advice", lambda s, t, a, e, m: s.contacts[a.cid].advice_pending),
    "unthanked": (r"(\w+) helped you and never heard a word of thanks",
                  lambda s, t, a, e, m: s.contacts[e.target].owed_thanks
                  and s.week - s.contacts[e.target].owed_week >= s.world.tuning.thanks_grace_weeks),
    "it weighs": (r"(\w+) still hasn't made good on .+, and it weighs on them",
                  lambda s, t, a, e, m: any(c.status in SLIPPED for c in s.outstanding_commitments(e.target))),
    "relieved": (r"(\w+) is relieved to be let off the hook", lambda s, t, a, e, m: bool(s.outstanding_commitments(a.cid))),
    # the week settles promises before people relax: nothing is outstanding once it has turned
    "relaxes": (r"left alone with nothing outstanding, (\w+) relaxes",
                lambda s, t, a, e, m: not t.outstanding_commitments(e.target) and s.contacts[e.target].embarrassment > 0),
    "couldn't answer": (r"you couldn't answer (\w+)'s questions about the role",
                        lambda s, t, a, e, m: s.prompt is not None and s.knowledge.get(
                            s.world.opportunities[s.prompt.subject].field, 0) < s.world.tuning.overclaim_knowledge),
    "knew why": (r"you knew why you wanted (.+), and it showed",
                 lambda s, t, a, e, m: s.prompt is not None and knowable_interest(
                     s, s.world.opportunities[s.prompt.subject].field) >= s.world.tuning.honest_threshold),
    "word reached": (r"word reached (\w+) that",
                     lambda s, t, a, e, m: any(e.target in dict(s.world.people[cid].ties) or cid == e.target
                                            for cid in s.contacts)),
    "avoiding": (r"you followed up again; now (\w+) knows you know",
                 lambda s, t, a, e, m: s.contacts[a.cid].door == AVOIDING),
}

_PATTERNS = {name: re.compile(pattern) for name, (pattern, _) in CLAIMS.items()}


def _move(state: State, style: str, i: int) -> Action:
    if style == "random":
        actions = legal_actions(state)
        return actions[(i * 7919 + state.steps * 104729) % len(actions)]
    return STRATEGIES[style](state)


def check_game(campaign: str, seed: int, styles: tuple[str, ...], seen: set[str]) -> None:
    from game.packs.loader import load_core

    state = new_game(_WORLD or load_core(), campaign, seed)
    for i in range(400):
        if state.over:
            return
        style = styles[(i // 6) % len(styles)]  # a few moves in one style, then the next
        action = _move(state, style, i)
        after, effects = apply(state, action)
        for e in effects:
            if not e.visible:
                continue
            for name, pattern in _PATTERNS.items():
                m = pattern.search(e.cause)
                if m is None:
                    continue
                seen.add(name)
                assert CLAIMS[name][1](state, after, action, e, m), (
                    f"{campaign} seed {seed}, week {state.week}: {action} said {e.cause!r}, which is not true here")
        state = after


_WORLD = None
STYLES = ("patient", "pushy", "overclaimer", "passive", "random")


@given(seed=st.integers(0, 10_000), campaign=st.sampled_from(["second-act", "the-favour", "the-question"]),
       styles=st.lists(st.sampled_from(STYLES), min_size=1, max_size=3).map(tuple))
def test_every_reason_shown_is_true_of_the_state_before_the_action(world, seed, campaign, styles):
    global _WORLD
    _WORLD = world
    check_game(campaign, seed, styles, set())


def test_the_claims_checked_are_ones_play_actually_reaches(world):
    """The table is not vacuous: ordinary play says (and so checks) nearly every reason in it."""
    global _WORLD
    _WORLD = world
    seen: set[str] = set()
    for seed in range(12):
        for campaign in ("second-act", "the-favour", "the-question"):
            for styles in (("patient",), ("pushy",), ("random", "patient"), ("overclaimer", "pushy"), ("random",)):
                check_game(campaign, seed, styles, seen)
    missing = set(CLAIMS) - seen
    assert len(missing) <= 3, f"never said in ordinary play: {sorted(missing)}"
