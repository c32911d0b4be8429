"""Dialogue voices: different people say different words, and each kind of person sounds like themselves."""

from collections import defaultdict

import pytest

from game.engine.actions import Action
from game.engine.bots import STRATEGIES
from game.engine.conditions import holds, speaks_as
from game.engine.dialogue import line_for, say, spoken, variant_index, voices
from game.engine.rules import apply, new_game
from game.engine.world import Condition

CAMPAIGNS = ["second-act", "the-favour", "the-question"]
GAMES_PER_BOT = 60  # five bots: 300 games per campaign

# the outcomes people hit most: every person in a core campaign has a voice of their own here
VOICED = {
    ("meet", "advice"), ("meet", "advice_unprepared"), ("meet", "learn"), ("meet", "learn_unprepared"),
    ("meet", "offer_help"), ("meet", "offer_help_unprepared"),
    ("check_in", "caught_up"), ("check_in", "nothing_new"), ("check_in", "pestered"),
    ("thank", "thanked"), ("thank", "reported_back"),
    ("follow_up", "reminded"), ("follow_up", "nudged"), ("follow_up", "nudged_done"),
    ("ask_intro", "introduced"), ("accept_offer", "promised"), ("ask_permission", "permission"),
    ("decline_offer", "declined"),
    ("answer_interest", "interview"), ("answer_interest", "informed_yes"), ("answer_interest", "explore"),
    ("answer_interest", "not_now"),
    ("reach_out", "warm_reply"), ("reach_out", "reply"), ("reach_out", "no_reply"),
    ("meet", "message_taken"), ("meet", "cut_short"),
    ("ask_referral", "referred"), ("ask_referral", "pressed_promise"), ("ask_referral", "pressed_refused"),
    ("ask_referral", "message_taken"),
    ("release", "released"),
    ("apply", "applied_referred"), ("apply", "applied_cold"),
    ("withdraw", "withdrew"), ("withdraw", "withdrew_after_yes"),
}
# a role's own outcomes are spoken by the person hiring for it, so only they need a voice there
HIRING_ONLY = {"answer_interest", "apply", "withdraw"}


def _shared(line) -> bool:
    """A line meant to repeat: the plain fallback of an outcome, which anyone may say."""
    return line.contact is None and line.when is None


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_no_two_people_say_the_same_line_in_one_game(world, campaign):
    clashes, fallbacks = [], set()
    for name, bot in sorted(STRATEGIES.items()):
        for seed in range(GAMES_PER_BOT):
            state = new_game(world, campaign, seed)
            said: dict[tuple[str, int], set[str]] = defaultdict(set)
            while not state.over:
                after, _ = apply(state, bot(state))
                heard = spoken(state, after)
                if heard is not None and heard[2] is not None:  # a line with no speaker is the player's own
                    line, index, speaker = heard[0], heard[1], heard[2]
                    if _shared(line):
                        if (line.action, line.outcome) in VOICED:
                            fallbacks.add((line.action, line.outcome, speaker))
                    else:
                        said[(line.id, index)].add(speaker)
                state = after
            clashes += [(name, seed, key, sorted(who)) for key, who in said.items() if len(who) > 1]
    assert not clashes, clashes[:5]
    assert not fallbacks, f"people with no voice of their own for a common outcome: {sorted(fallbacks)[:5]}"


def test_every_person_in_a_core_campaign_has_a_voice_for_the_common_outcomes(world):
    for cid in CAMPAIGNS:
        state = new_game(world, cid, 0)
        cast = tuple(state.contacts)
        hiring = {world.opportunities[o].hiring_contact for o in world.campaigns[cid].opportunities}
        for action, outcome in sorted(VOICED):
            lines = world.dialogue[(action, outcome)]
            groups = voices(world, cast, action, outcome)
            for pid in cast:
                if action in HIRING_ONLY and pid not in hiring:
                    continue  # only the person hiring speaks for a role
                own = [line for line, group in zip(lines, groups, strict=True) if pid in group and not _shared(line)]
                assert own, (cid, action, outcome, pid)
                # a line that deals among g people has a variant for each of them
                assert all(len(line.variants) >= len(group) for line, group in zip(lines, groups, strict=True)
                           if not _shared(line)), (cid, action, outcome)


def test_variants_are_dealt_so_the_first_people_get_different_ones(world):
    state = new_game(world, "second-act", 7)
    cast = tuple(state.contacts)
    lines = world.dialogue[("meet", "advice")]
    groups = voices(world, cast, "meet", "advice")
    warm = next(i for i, line in enumerate(lines) if line.id == "meet-advice-warm")
    hiring = next(i for i, line in enumerate(lines) if line.id == "meet-advice-hiring-warm")
    assert len(groups[warm]) == len(cast) and len(groups[hiring]) == 3
    for i in (warm, hiring):
        line, group = lines[i], groups[i]
        owned = {pid: {variant_index(state, line, group, pid, r / 20) for r in range(20)} for pid in group}
        first = list(group)[:len(line.variants)]
        for a in first:
            for b in first:
                if a != b:
                    assert not owned[a] & owned[b], (line.id, a, b)


def test_the_picker_is_deterministic(world):
    def lines_of(seed):
        state, out = new_game(world, "second-act", seed), []
        bot = STRATEGIES["patient"]
        while not state.over:
            after, _ = apply(state, bot(state))
            out.append(line_for(state, after))
            state = after
        return out

    first = lines_of(3)
    assert first == lines_of(3)
    assert first != lines_of(4)  # a different game deals the voices afresh
    state = new_game(world, "the-favour", 0)
    after, _ = apply(state, Action("meet", contact="owen-fairweather", choice="advice"))
    assert {line_for(state, after) for _ in range(5)} == {line_for(state, after)}


@pytest.mark.parametrize(("person", "campaign", "voice"), [
    ("mark-oduya", "second-act", "executive-generous"),
    ("victor-almeida", "the-favour", "executive-generous"),
    ("gordon-pike", "second-act", "executive-sparing"),
    ("kenji-watanabe", "the-question", "executive-sparing"),
    ("owen-fairweather", "the-favour", "mentor"),
    ("beatriz-santos", "second-act", "mentor"),
    ("colin-marsh", "second-act", "hiring-cool"),
    ("olivia-grant", "second-act", "hiring-cool"),
    ("tomas-herrera", "second-act", "hiring-warm"),
    ("ife-adebayo", "the-favour", "hiring-warm"),
    ("yusuf-adeyemi", "second-act", "gatekeeper"),
    ("sam-whitaker", "second-act", "recruiter"),
    ("dev-malhotra", "second-act", "peer"),
    ("grace-kim", "the-favour", "connector"),
])
def test_archetype_and_trait_lines_reach_the_right_people(world, person, campaign, voice):
    state = new_game(world, campaign, 0)
    for outcome in ("advice", "learn_unprepared", "offer_help"):
        said = say(state, Action("meet", contact=person, choice="advice"), outcome, person, 0.5)
        assert said is not None and said[0].id == f"meet-{outcome.replace('_', '-')}-{voice}"


def test_generosity_bands_tell_a_founder_from_a_careful_coo(world):
    generous = Condition(archetype=("executive",), generosity_at_least=0.6)
    sparing = Condition(archetype=("executive",), generosity_below=0.6)
    mark, gordon, owen = (world.people[p] for p in ("mark-oduya", "gordon-pike", "owen-fairweather"))
    assert speaks_as(generous, mark) and not speaks_as(sparing, mark)
    assert speaks_as(sparing, gordon) and not speaks_as(generous, gordon)
    assert not speaks_as(generous, owen) and not speaks_as(sparing, owen)
    state = new_game(world, "second-act", 0)
    assert holds(generous, state, "mark-oduya") and not holds(generous, state, "gordon-pike")
    assert not holds(generous, state, None)  # a trait test with nobody to test does not hold
