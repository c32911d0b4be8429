"""The rules that make the essays' advice the best way to play, one behaviour each.

Contact that adds nothing stops paying, then costs; an unkept promise weighs on the one who
made it until they avoid you; help goes stale unthanked; advocates and guides need a loop
closed; the score pays for a job, not for a network without one.
"""

from game.engine import lessons as L
from game.engine.actions import Action
from game.engine.kinds import EffectKind
from game.engine.rules import apply, check, hire_reasons, new_game, preview, reads_as, score
from game.engine.rules.doors import door_for
from game.engine.state import (
    ADVOCATE,
    AVOIDING,
    CONNECTED,
    OPP_KNOWN,
    SLIPPED,
    WARM,
    ContactState,
    GameOutcome,
)
from game.engine.world import Tuning
from tests.engine.steps import END, meet, play
from tests.engine.worlds import tiny_world


def check_in(cid):
    return Action("check_in", contact=cid)


def trust_changes(effects, cid):
    return [e for e in effects if e.target == cid and e.meter == "trust"]


# --- contact that adds nothing ---------------------------------------------------------------


def test_a_second_note_in_a_week_adds_nothing_and_says_so():
    state = new_game(tiny_world(), "test", 0)
    state, first = apply(state, check_in("cora"))
    assert trust_changes(first, "cora")
    assert preview(state, check_in("cora")).warning.startswith("you were already in touch with Cora this week")
    state, second = apply(state, check_in("cora"))
    assert not [e for e in second if e.meter]
    assert any(e.kind == EffectKind.MESSAGE and "adds nothing" in e.cause for e in second)


def test_a_third_note_in_a_week_is_pestering_and_costs_trust():
    state = new_game(tiny_world(), "test", 0)
    state, _ = play(state, check_in("cora"), check_in("cora"))
    assert "third message" in preview(state, check_in("cora")).warning
    before = state.contacts["cora"].trust
    state, fx = apply(state, check_in("cora"))
    assert state.contacts["cora"].trust < before
    assert any("a third message this week" in e.cause for e in trust_changes(fx, "cora"))
    assert state.contacts["cora"].slighted


def test_notes_in_a_row_without_a_real_conversation_stop_warming():
    state = new_game(tiny_world(), "test", 0)
    gained = []
    for _ in range(4):
        state, fx = play(state, check_in("cora"), END)
        gained.append(sum(e.delta for e in trust_changes(fx, "cora") if e.delta > 0))
    assert gained[0] > 0 and gained[1] > 0
    assert gained[2] == 0 and gained[3] == 0
    state, _ = apply(state, meet("cora"))  # something real to follow up on
    state, _ = play(state, END)
    state, fx = apply(state, check_in("cora"))
    assert sum(e.delta for e in trust_changes(fx, "cora")) > 0


# --- the volunteered promise weighs on its maker ---------------------------------------------


def test_a_slipped_promise_turns_into_avoidance_with_no_follow_up(world):
    avoided = 0
    for seed in range(20):
        state = new_game(world, "second-act", seed)
        state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
        rising = []
        for _ in range(8):
            state, fx = apply(state, END)
            rising += [e for e in fx if e.target == "mark-oduya" and e.meter == "embarrassment" and e.delta > 0]
        promise = next(m for m in state.commitments.values() if m.by == "mark-oduya")
        if promise.status in SLIPPED:
            assert rising and all(e.lesson == L.CAUSED_COMMITMENT and "weighs on them" in e.cause for e in rising)
            avoided += state.contacts["mark-oduya"].door == AVOIDING
    assert avoided >= 15


def test_asking_permission_leaves_nothing_to_weigh_on_anyone(world):
    for seed in range(10):
        state = new_game(world, "second-act", seed)
        state, _ = play(state, meet("mark-oduya"), Action("ask_permission"))
        for _ in range(8):
            state, _ = apply(state, END)
        assert state.contacts["mark-oduya"].embarrassment == 0


def test_releasing_stops_the_weight_growing(world):
    state = new_game(world, "second-act", 1)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    while not any(m.status in SLIPPED for m in state.commitments.values()):
        state, _ = apply(state, END)
    state, _ = play(state, END, END)  # it weighs on him a while
    assert state.contacts["mark-oduya"].embarrassment > 0
    state, _ = apply(state, Action("release", contact="mark-oduya"))
    peak = state.contacts["mark-oduya"].embarrassment
    for _ in range(6):
        state, fx = apply(state, END)
        assert not [e for e in fx if e.target == "mark-oduya" and e.meter == "embarrassment" and e.delta > 0]
    assert state.contacts["mark-oduya"].embarrassment < peak


def test_releasing_late_reminds_them_before_it_relieves_them(world):
    """Let off before the promise slipped, a helper is simply relieved; once it has slipped,
    the note brings it back to mind first, so waiting to release is what costs."""
    state = new_game(world, "second-act", 1)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    _, early = apply(state, Action("release", contact="mark-oduya"))
    early = [e for e in early if e.target == "mark-oduya" and e.meter == "embarrassment"]
    while not any(m.status in SLIPPED for m in state.commitments.values()):
        state, _ = apply(state, END)
    _, late = apply(state, Action("release", contact="mark-oduya"))
    late = [e for e in late if e.target == "mark-oduya" and e.meter == "embarrassment"]
    assert all(e.delta <= 0 for e in early)
    assert late[0].delta > 0 and "your note reminded Mark" in late[0].cause
    assert sum(e.delta for e in late) > 0  # the sting outweighs the smaller relief


def test_one_favour_at_a_time_while_a_promise_stands(world):
    state = new_game(world, "second-act", 1)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    reason = check(state, Action("ask_intro", contact="mark-oduya", target="colin-marsh"))
    assert reason is not None and "one favour at a time" in reason


def test_an_accepted_introduction_is_theirs_to_make(world):
    state = new_game(world, "second-act", 1)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    state.contacts["gordon-pike"].stage = "known"  # heard of him some other way
    reason = check(state, Action("reach_out", contact="gordon-pike"))
    assert reason is not None and "go around" in reason


def _writing_cold(**tuning):
    """Tiny world in which Hank is only a name to the player, with the reply chances given."""
    from dataclasses import replace

    world = tiny_world()
    state = new_game(replace(world, tuning=replace(world.tuning, **tuning)), "test", 0)
    state.contacts["hank"].stage = "known"
    return state


def test_an_unanswered_cold_note_makes_the_next_easier_to_ignore_and_says_so():
    state = _writing_cold(reach_out_chance=0.0)
    write = Action("reach_out", contact="hank")
    assert preview(state, write).warning is None  # a first note is just a note
    state, fx = play(state, write, END)
    assert state.contacts["hank"].unanswered == 1
    assert any("No reply from Hank yet" in e.cause for e in fx)
    assert "Hank left your note unanswered: another cold note is easier to ignore" in preview(state, write).warning
    state, fx = apply(state, write)
    assert state.contacts["hank"].unanswered == 2
    assert any("No reply from Hank to your second note" in e.cause and e.lesson == L.REDUCE_THEIR_RISK for e in fx)


def test_each_unanswered_note_halves_the_chance_of_the_next_but_a_name_gets_a_fresh_look():
    # the first note always gets an answer; after two unanswered ones a quarter of that chance is left
    state = _writing_cold(reach_out_chance=1.0, reach_out_again=0.5)
    replies = 0
    for seed in range(40):
        s = _writing_cold(reach_out_chance=1.0, reach_out_again=0.5)
        s.seed = seed
        s.contacts["hank"].unanswered = 2
        s, _ = apply(s, Action("reach_out", contact="hank"))
        replies += s.contacts["hank"].stage == CONNECTED
    assert 2 <= replies <= 20
    # with a name to mention, the notes that went before do not count against it
    state.contacts["hank"].unanswered = 5
    state.tokens = {**state.tokens, "hank": "cora"}
    assert preview(state, Action("reach_out", contact="hank")).warning is None
    state, fx = apply(state, Action("reach_out", contact="hank"))
    assert state.contacts["hank"].stage == CONNECTED
    assert any("you mentioned Cora" in e.cause for e in fx)


# --- closing the loop --------------------------------------------------------------------------


def test_help_left_unthanked_costs_trust_after_the_grace_weeks():
    state = new_game(tiny_world(), "test", 0)
    state, _ = apply(state, meet("cora"))
    state, _ = play(state, END, END)
    before = state.contacts["cora"].trust
    state, fx = apply(state, END)
    assert state.contacts["cora"].trust == before - Tuning().unthanked_trust
    assert any("never heard a word of thanks" in e.cause and e.lesson == L.CLOSE_THE_LOOP for e in fx)


def test_a_door_moved_by_unthanked_help_is_tagged_with_closing_the_loop():
    """A turning point names the rule that fired: a door that cools because help went
    unthanked is a close-the-loop moment, not a promise's."""
    from game.engine.kinds import EffectKind

    state = new_game(tiny_world(), "test", 0)
    state, _ = apply(state, meet("cora"))
    state.contacts["cora"].trust = Tuning().warm_exit_trust + 1  # warm, just
    state, _ = play(state, END, END)
    state, fx = apply(state, END)
    doors = [e for e in fx if e.kind == EffectKind.DOOR and e.target == "cora"]
    assert doors and all(e.lesson == L.CLOSE_THE_LOOP for e in doors)


def test_thanking_in_time_costs_nothing():
    state = new_game(tiny_world(), "test", 0)
    state, _ = play(state, meet("cora"), END, Action("thank", contact="cora"))
    before = state.contacts["cora"].trust
    state, fx = play(state, END, END)
    assert not [e for e in trust_changes(fx, "cora") if e.delta < 0]
    assert state.contacts["cora"].trust >= before - Tuning().familiarity_fade


def test_reporting_back_sends_good_word_along_ties():
    state = new_game(tiny_world(), "test", 0)
    state, _ = play(state, meet("cora"), Action("ask_intro", contact="cora", target="hank"), END)
    state, fx = apply(state, Action("thank", contact="cora"))
    word = [e for e in fx if e.target == "hank" and e.meter == "trust" and e.delta > 0]
    assert word and word[0].lesson == L.REPUTATION_TRAVELS


def _ready(**changes):
    c = ContactState("x", stage=CONNECTED, trust=90, familiarity=80, door=WARM)
    for key, value in changes.items():
        setattr(c, key, value)
    return c


def test_an_advocate_needs_to_have_heard_how_their_help_turned_out():
    t = Tuning()
    assert door_for(t, _ready(), WARM, outstanding=False) == WARM
    assert door_for(t, _ready(reported_back=True), WARM, outstanding=False) == ADVOCATE


def test_nobody_you_pressed_or_pestered_goes_out_of_their_way():
    assert door_for(Tuning(), _ready(reported_back=True, slighted=True), WARM, outstanding=False) == WARM


def test_someone_who_owes_you_is_no_advocate():
    assert door_for(Tuning(), _ready(reported_back=True), ADVOCATE, outstanding=True) == WARM


def test_someone_who_cannot_quite_face_you_is_no_advocate():
    t = Tuning()
    uneasy = _ready(reported_back=True, embarrassment=t.advocate_embarrassment + 1)
    assert door_for(t, uneasy, WARM, outstanding=False) == WARM
    assert door_for(t, uneasy, ADVOCATE, outstanding=False) == WARM
    at_ease = _ready(reported_back=True, embarrassment=t.advocate_embarrassment)
    assert door_for(t, at_ease, WARM, outstanding=False) == ADVOCATE


def test_a_guide_acts_only_after_you_report_back():
    world = tiny_world()

    def explored(report_back: bool):
        state = new_game(world, "test", 0)
        state, _ = play(state, meet("cora"), Action("ask_intro", contact="cora", target="hank"), END,
                        meet("hank"), Action("answer_interest", choice="explore"))
        if report_back:
            state, _ = apply(state, Action("thank", contact="hank"))
        for week in range(10):
            state, _ = play(state, meet("hank", "learn"), END) if week % 2 else play(state, END)
        return state.opportunities["planner"].stage

    assert explored(report_back=True) == OPP_KNOWN
    assert explored(report_back=False) == "hidden"


# --- homework ----------------------------------------------------------------------------------


def test_without_homework_a_roles_fit_is_a_guess_that_homework_narrows(world):
    from game.engine.rules import estimated_fit, fit

    def misjudged(state):
        """Pairs of roles whose order looks the wrong way round."""
        roles = sorted(state.opportunities)
        return [(a, b) for a in roles for b in roles
                if fit(state, a) > fit(state, b) and estimated_fit(state, a) < estimated_fit(state, b)]

    assert any(misjudged(new_game(world, "second-act", seed)) for seed in range(10))
    state = new_game(world, "second-act", 3)
    roles = sorted(state.opportunities)
    state.clarity = 100
    state.knowledge = {f: 100 for f in state.knowledge}
    assert all(estimated_fit(state, oid) == fit(state, oid) for oid in roles)
    # the guess is the game's own: the same seed, the same guess
    assert estimated_fit(new_game(world, "second-act", 3), roles[0]) == estimated_fit(new_game(world, "second-act", 3), roles[0])


# --- word travels -------------------------------------------------------------------------------


def test_word_reaches_people_before_you_meet_them():
    """Pressing someone costs you with the people they know, even those you have not met yet:
    the first impression arrives already coloured."""
    from game.engine.rules.turn import Turn

    def first_impression(pressed: bool):
        state = new_game(tiny_world(), "test", 0)
        turn = Turn(state)
        if pressed:
            turn.leak("cora", -20, "you pressed Cora for a favour")
        turn.connect("hank", 30, 4, "Hank agreed to talk.", L.RELATIONSHIP_BEFORE_LEVERAGE)
        return turn.s.contacts["hank"].trust, [e for e in turn.effects if e.target == "hank" and e.meter == "trust"]

    clean, _ = first_impression(pressed=False)
    coloured, fx = first_impression(pressed=True)
    assert coloured < clean
    assert any(e.lesson == L.REPUTATION_TRAVELS and "already heard how you treat people" in e.cause for e in fx)


# --- the interest question ---------------------------------------------------------------------


def test_the_question_comes_at_the_first_meeting_even_after_applying():
    state = new_game(tiny_world(), "test", 0)
    state, _ = play(state, meet("cora"), Action("ask_intro", contact="cora", target="hank"), END)
    state.opportunities["analyst"].stage = OPP_KNOWN  # found some other way
    state, _ = apply(state, Action("apply", opportunity="analyst"))
    state, _ = apply(state, meet("hank"))
    assert state.prompt is not None and state.prompt.kind == "interest" and state.prompt.subject == "analyst"


def test_an_uninformed_yes_caps_their_trust_for_good():
    state = new_game(tiny_world(knowledge=10, clarity=50), "test", 0)
    state, _ = play(state, meet("cora"), Action("ask_intro", contact="cora", target="hank"), END, meet("hank"),
                    Action("answer_interest", choice="eager_yes"))
    ceiling = Tuning().overclaimed_trust_ceiling
    for _ in range(10):
        state, _ = play(state, END, meet("hank", "offer_help"))
    assert state.contacts["hank"].trust <= ceiling


# --- decisions and words ---------------------------------------------------------------------


def test_someone_avoiding_you_speaks_against_you_to_whoever_is_hiring():
    state = new_game(tiny_world(), "test", 0)
    state, _ = play(state, meet("cora"), Action("ask_intro", contact="cora", target="hank"), END)
    state.opportunities["analyst"].stage = OPP_KNOWN
    calm = dict(hire_reasons(state, "analyst"))
    state.contacts["cora"].door = AVOIDING
    reasons = dict(hire_reasons(state, "analyst"))
    said = [r for r in reasons if "changes the subject" in r]
    assert said and reasons[said[0]] < 0 and not [r for r in calm if "changes the subject" in r]


def test_the_reason_for_an_easy_meeting_names_what_made_it_easy():
    goals = new_game(tiny_world(knowledge=20, clarity=60), "test", 0)
    _, fx = apply(goals, meet("cora"))
    assert any("knew what you were looking for" in e.cause for e in fx)
    homework = new_game(tiny_world(knowledge=60, clarity=20), "test", 0)
    _, fx = apply(homework, meet("cora"))
    assert any("done your homework" in e.cause for e in fx)
    assert not any("knew what you were looking for" in e.cause for e in fx)


def test_how_someone_seems_is_known_only_after_meeting_them():
    state = new_game(tiny_world(), "test", 0)
    assert reads_as(state, "mo") == ()
    state, _ = apply(state, meet("mo"))
    assert set(reads_as(state, "mo")) == {"very busy", "lets things slip", "proud"}


def test_the_score_pays_nothing_for_a_network_without_a_job():
    state = new_game(tiny_world(), "test", 0)
    for c in state.contacts.values():
        if c.stage == CONNECTED:
            c.door = ADVOCATE
    assert score(state) == 0
    state.outcome, state.job = GameOutcome.HIRED, "planner"
    with_job = score(state)
    for c in state.contacts.values():
        c.door = WARM
    assert with_job > score(state) > 0


def test_someone_avoiding_you_at_the_end_counts_against_the_score():
    state = new_game(tiny_world(), "test", 0)
    state.outcome, state.job = GameOutcome.HIRED, "planner"
    before = score(state)
    state.contacts["mo"].door = AVOIDING
    assert score(state) == before - Tuning().score_avoiding


def test_an_event_can_wait_until_you_have_reported_back():
    from game.engine.conditions import holds
    from game.engine.world import Condition

    cond = Condition(contact="cora", reported_back=True)
    state = new_game(tiny_world(), "test", 0)
    state, _ = play(state, meet("cora"), END)
    assert not holds(cond, state)
    state, _ = apply(state, Action("thank", contact="cora"))
    assert holds(cond, state)


# --- warnings before a risky choice ------------------------------------------------------------


def test_a_follow_up_warns_with_the_line_where_they_stop_answering(world):
    state = new_game(world, "second-act", 1)
    state, _ = play(state, meet("mark-oduya"), Action("accept_offer"))
    seen = preview(state, Action("follow_up", contact="mark-oduya"))
    t = world.tuning
    assert f"avoids you at {t.avoid_enter}" in seen.warning and "this week already" in seen.warning
    state.contacts["mark-oduya"].door = AVOIDING
    assert "never speak to you again" in preview(state, Action("follow_up", contact="mark-oduya")).warning


def test_an_uninformed_yes_warns_and_an_informed_one_does_not():
    state = new_game(tiny_world(), "test", 0)
    state, _ = play(state, meet("cora"), Action("ask_intro", contact="cora", target="hank"), END, meet("hank"))
    assert state.prompt is not None and state.prompt.kind == "interest"
    yes = Action("answer_interest", choice="eager_yes")
    assert "for good" in preview(state, yes).warning
    assert preview(state, Action("answer_interest", choice="explore")).warning is None
    state.clarity, state.knowledge = 100, {f: 100 for f in state.knowledge}
    assert preview(state, yes).warning is None


def test_accepting_warns_only_about_someone_who_seems_busy_or_unreliable(world):
    state = new_game(world, "second-act", 1)
    state, _ = apply(state, meet("mark-oduya"))
    assert state.prompt is not None and state.prompt.kind == "offer"
    assert "weighs on Mark" in preview(state, Action("accept_offer")).warning
    assert preview(state, Action("ask_permission")).warning is None


def test_slipping_names_the_line_a_relationship_is_drifting_toward(world):
    from game.engine.rules import slipping

    state = new_game(world, "second-act", 1)
    assert slipping(state, "mark-oduya") is None
    state.contacts["mark-oduya"].embarrassment = world.tuning.avoid_enter - 5
    assert f"avoids you at {world.tuning.avoid_enter}" in slipping(state, "mark-oduya")
    state.contacts["mark-oduya"].embarrassment = 0
    state.week += world.tuning.familiarity_fade_after + 1
    state.contacts["mark-oduya"].last_contact_week = 1
    assert slipping(state, "mark-oduya").startswith("fading")


# --- outcomes with their causes -----------------------------------------------------------------


def test_a_hiring_decision_says_what_weighed_and_an_offer_when_it_lapses(world):
    from game.engine.bots import passive
    from game.engine.rules import offer_deadline

    seen = {"rejected": 0, "offer": 0}
    for seed in range(6):
        state = new_game(world, "second-act", seed)
        while not state.over:
            before = state
            state, fx = apply(state, passive(state))
            for e in fx:
                if e.kind == EffectKind.REJECTED:
                    seen["rejected"] += 1
                    assert "the odds were about" in e.cause and ": -" in e.cause  # what counted against you first
                if e.kind == EffectKind.OFFER:
                    seen["offer"] += 1
                    last = offer_deadline(state, e.target)
                    assert last is not None and f"until the end of week {last}" in e.cause
                if e.kind == EffectKind.OFFER_LAPSED:
                    assert f"until the end of week {before.week}" in e.cause
    assert seen["rejected"] and seen["offer"]


def test_a_promise_kept_teaches_the_relationship_not_the_debt():
    """The card about promises that become debts opens when a promise goes wrong, not when one is kept."""
    from game.engine.kinds import PromiseKind
    from game.engine.rules.people import fulfil, promise
    from game.engine.rules.turn import Turn

    def kept(oversteps: float):
        turn = Turn(new_game(tiny_world(), "test", 0))
        m = promise(turn, "cora", PromiseKind.INTRODUCTION, "hank", asked=False, overstep_p=oversteps)
        fulfil(turn, m.id)
        return {e.lesson for e in turn.effects if e.target == "hank" and e.visible}

    assert L.CAUSED_COMMITMENT not in kept(0.0) and L.RELATIONSHIP_BEFORE_LEVERAGE in kept(0.0)
    assert L.CAUSED_COMMITMENT in kept(1.0)


def test_the_score_is_the_sum_of_the_parts_the_debrief_shows(world):
    from game.engine.bots import patient, pushy
    from game.engine.rules import score_parts

    for bot in (patient, pushy):
        for seed in range(4):
            state = new_game(world, "second-act", seed)
            while not state.over:
                state, _ = apply(state, bot(state))
            parts = score_parts(state)
            assert score(state) == max(0, min(100, sum(points for _, points in parts)))
            if state.outcome == GameOutcome.HIRED:
                assert parts[0][0].startswith("the job's fit")


def test_applying_with_nobody_behind_you_warns_and_a_referral_does_not():
    state = new_game(tiny_world(), "test", 0)
    oid = next(iter(state.opportunities))
    state.opportunities[oid].stage = OPP_KNOWN
    cold = preview(state, Action("apply", opportunity=oid)).warning
    assert "one résumé among hundreds" in cold and "final" in cold
    state.opportunities[oid].referred = True
    assert preview(state, Action("apply", opportunity=oid)).warning is None


def test_a_pressed_favour_reaches_the_person_it_was_meant_for():
    """Pressing Cora for Hank: Hank hears of it before you ever meet, and the warning says so."""
    state = new_game(tiny_world(cora_familiarity=10), "test", 0)
    state, _ = apply(state, meet("cora"))
    ask = Action("ask_intro", contact="cora", target="hank")
    assert "Hank will hear of it" in preview(state, ask).warning
    pressed, _ = apply(state, ask)
    assert pressed.contacts["hank"].heard <= state.contacts["hank"].heard - Tuning().press_hearsay
