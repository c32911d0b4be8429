"""The tuning table as an author sees it: each number's range and what it means.

The numbers themselves and their defaults live in the engine (`game.engine.world.Tuning`);
this module says, for each, which values a pack may give it (checked by the loader, P308)
and what it does, in words. The JSON Schema of tuning.toml and the table in AUTHORING.md
are both generated from here, and a test keeps every name of `Tuning` described.
"""

from __future__ import annotations

from dataclasses import fields

from game.engine.world import Tuning

MAX_COST_HOURS = 40
MAX_POINTS = 100
WIDER: dict[str, tuple[float, float]] = {"forget_asked": (0.0, 5.0)}  # a multiplier, not a share


def is_whole(name: str) -> bool:
    """True if the rules count this number in whole hours, points or weeks."""
    return isinstance(getattr(Tuning(), name), int)


def tuning_range(name: str) -> tuple[float, float]:
    """The lowest and highest value a pack may give `name`.

    Costs are whole hours, at least one (an action that costs nothing could be repeated
    forever in a week); other whole numbers are meter points or weeks, and keep their
    default's sign (a loss stays a loss); shares and chances are 0-1.
    """
    default = getattr(Tuning(), name)
    if isinstance(default, int):
        if name.startswith("cost_"):
            return 1, MAX_COST_HOURS
        return (0, MAX_POINTS) if default >= 0 else (-MAX_POINTS, 0)
    return WIDER.get(name, (0.0, 1.0))


def check_value(name: str, value: float) -> float | str:
    """The value as the rules will use it, or what is wrong with it."""
    default = getattr(Tuning(), name)
    if value != value or value in (float("inf"), float("-inf")):
        return f"{name} must be a finite number; got {value}"
    number: float = float(value)
    if isinstance(default, int):
        if value != int(value):
            return f"{name} counts whole {'hours' if name.startswith('cost_') else 'points or weeks'}; got {value}"
        number = int(value)
    low, high = tuning_range(name)
    if not low <= number <= high:
        return f"{name} must be from {low} to {high} (default {default}); got {value}"
    return number


# pairs that must stay in order, with what goes wrong otherwise (P309)
ORDERED: tuple[tuple[str, str, str], ...] = (
    ("avoid_exit", "avoid_enter", "someone would stop avoiding you before they start"),
    ("guarded_enter", "guarded_exit", "someone would be wary and at ease at once"),
    ("warm_exit_trust", "warm_enter_trust", "a warm door would be left the moment it is entered"),
    ("warm_exit_familiarity", "warm_enter_familiarity", "a warm door would be left the moment it is entered"),
    ("advocate_exit_trust", "advocate_enter_trust", "an advocate would be lost the moment they are won"),
    ("closed_trust", "guarded_enter", "a door would close before anyone grows wary"),
)

# what each number does, in the game's words (the tuning table of AUTHORING.md)
MEANINGS: dict[str, str] = {
    "cost_research": "hours a `research` takes",
    "cost_reflect": "hours a `reflect` takes",
    "cost_reach_out": "hours a `reach_out` note takes",
    "cost_meet": "hours a `meet` takes",
    "cost_check_in": "hours a `check_in` takes",
    "cost_thank": "hours a `thank` takes",
    "cost_ask": "hours an `ask_intro` or `ask_referral` takes",
    "cost_follow_up": "hours a `follow_up` takes",
    "cost_release": "hours a `release` takes",
    "cost_apply": "hours an `apply` takes",
    "press_familiarity": "an ask to someone with less familiarity than this is pressing",
    "press_trust": "an ask to someone with less trust than this is pressing",
    "press_trust_loss": "trust lost by the person you press (and leaked along their ties)",
    "press_hearsay": "taken off the first impression (or the trust) of the person a pressed favour was meant to reach",
    "trust_cap_per_week": "most trust one person can gain in a week",
    "familiarity_cap_per_week": "most familiarity one person can gain in a week",
    "reminder_jump": "embarrassment a reminder of a slipped promise adds, × (0.5 + face), on top of the hidden part",
    "latent_base": "hidden embarrassment a promise leaves when it slips, surfacing at the next contact",
    "latent_face": "more hidden embarrassment, × face",
    "embarrassment_decay": "embarrassment that fades each week for someone left alone with nothing outstanding",
    "avoid_enter": "embarrassment at which someone starts avoiding you",
    "avoid_exit": "embarrassment below which someone avoiding you stops (once nothing is outstanding)",
    "slipping_margin": "how near the avoiding line the board calls a relationship slipping",
    "guarded_enter": "trust below which a door turns guarded",
    "guarded_exit": "trust from which a guarded door opens again",
    "warm_enter_trust": "trust from which a door turns warm",
    "warm_enter_familiarity": "familiarity from which a door turns warm",
    "warm_exit_trust": "trust below which a warm door cools to open",
    "warm_exit_familiarity": "familiarity below which a warm door cools to open",
    "advocate_enter_trust": "trust from which someone becomes an advocate",
    "advocate_enter_familiarity": "familiarity from which someone becomes an advocate",
    "advocate_exit_trust": "trust below which an advocate stops being one",
    "advocate_embarrassment": "embarrassment above which nobody is (or stays) an advocate",
    "closed_trust": "trust at or below which a door closes for the campaign",
    "homework_threshold": "preparation ((knowledge + clarity) / 200) a meeting needs to count as prepared",
    "honest_threshold": "knowledge × clarity (each /100) below which a \"Yes!\" is uninformed",
    "hire_cold": "hiring weight of any application",
    "hire_referral": "hiring weight of someone vouching for you",
    "hire_trust": "hiring weight of the hiring contact's trust above `hire_trust_from`, at full trust",
    "hire_prep": "hiring weight of knowledge of the field, at full knowledge",
    "hire_informed": "hiring weight of an informed \"Yes!\"",
    "hire_not_now": "hiring weight against you after answering \"not right now\"",
    "hire_guide": "hiring weight when the hiring contact has become your guide",
    "hire_overclaimed_prep": "after an uninformed \"Yes!\", the chance is capped at this × knowledge + `hire_overclaimed_floor`",
    "hire_reputation": "hiring weight of reputation, for each 50 points above or below 50",
    "hire_competition": "hiring weight against you of the role's competition, at full competition",
    "hire_unknown_factor": "what is left of the chance when the hiring contact has never met you",
    "hire_overclaim_memory": "hiring weight against you when they remember an interview you weren't ready for",
    "offer_weeks": "weeks a job offer stays open",
    "decision_weeks": "weeks after applying before the hiring decision",
    "leak_bad": "share of a loss that reaches the people tied to someone (× tie strength)",
    "leak_good": "share of a gain that reaches the people tied to someone (× tie strength)",
    "advocate_act_chance": "chance each week that an advocate does something for you",
    "guide_act_chance": "chance each week that a guide points you to a better role",
    "guide_trust": "trust a guide needs before they act",
    "guide_familiarity": "familiarity a guide needs before they act",
    "familiarity_fade_after": "quiet weeks before familiarity starts to fade",
    "familiarity_fade": "familiarity lost each quiet week after that",
    "familiarity_fade_floor": "familiarity fades no lower than this",
    "research_gain": "knowledge a `research` adds, × (1 − knowledge / 120)",
    "research_gain_floor": "the least knowledge a `research` adds",
    "reflect_gain": "clarity a `reflect` adds, × (1 − clarity / 120)",
    "reflect_gain_floor": "the least clarity a `reflect` adds",
    "reach_out_chance": "chance a cold note gets a reply",
    "reach_out_token_chance": "added to that chance when you may mention someone's name",
    "reach_out_trust": "first impression (trust) of a cold note that is answered",
    "reach_out_token_trust": "added to the first impression with a name to mention",
    "reach_out_familiarity": "familiarity from an answered cold note",
    "reach_out_token_familiarity": "familiarity from an answered note with a name to mention",
    "reach_out_again": "share of a cold note's chance left for the next one after each note left unanswered (a name to mention gets a fresh look)",
    "meet_advice_familiarity": "familiarity from an advice meeting",
    "meet_advice_trust": "trust from a prepared advice meeting",
    "meet_advice_unprepared_trust": "trust from an unprepared advice meeting (they worked hard to see what you need)",
    "meet_advice_clarity": "clarity from an advice meeting",
    "meet_mentions": "how many of their ties a prepared advice meeting names",
    "meet_mention_tie": "the tie strength a mention needs",
    "meet_learn_familiarity": "familiarity from a \"learn\" meeting",
    "meet_learn_trust": "trust from a prepared \"learn\" meeting",
    "meet_learn_knowledge": "knowledge from a prepared \"learn\" meeting",
    "meet_learn_clarity": "clarity from a \"learn\" meeting",
    "meet_learn_unprepared_trust": "trust from an unprepared \"learn\" meeting",
    "meet_learn_unprepared_knowledge": "knowledge from an unprepared \"learn\" meeting",
    "meet_help_familiarity": "familiarity from offering help",
    "meet_help_trust": "trust from offering help",
    "meet_help_reputation": "reputation from offering help",
    "offer_tie": "the weakest tie a person volunteers to introduce",
    "offer_generosity": "the least generosity that volunteers an introduction",
    "offer_chance": "chance of a volunteered offer after a prepared meeting, × generosity",
    "check_in_familiarity": "familiarity from a `check_in`",
    "check_in_trust": "trust from a `check_in` once familiarity reaches `check_in_known`",
    "check_in_trust_new": "trust from a `check_in` before that",
    "check_in_known": "familiarity from which a note counts as from someone they know",
    "check_in_stale_after": "notes in a row with no meeting between after which a note warms nobody",
    "check_in_pester_trust": "trust lost for a third note in one week",
    "thanks_grace_weeks": "weeks within which help is owed a thank-you",
    "unthanked_trust": "trust lost when help goes unthanked past the grace weeks",
    "thank_trust": "trust from a `thank`",
    "thank_familiarity": "familiarity from a `thank`",
    "report_back_trust": "trust from reporting back on a meeting",
    "loop_leak": "the good word a report-back sends along ties (× `leak_good` × tie)",
    "intro_trust": "first impression (trust) of an introduction, before adjustments",
    "intro_trust_unprepared": "taken off it when the introducer can't say what you are looking for",
    "intro_familiarity": "familiarity an introduction starts with",
    "intro_favour_familiarity": "familiarity an easy favour adds with the one who did it",
    "promise_intro_familiarity": "familiarity with the introducer when a promised introduction comes through",
    "advocate_intro_trust": "added to the first impression when an advocate introduces you unprompted",
    "advocate_intro_familiarity": "familiarity that introduction starts with",
    "reveal_intro_trust": "added when someone points you to a hidden role and its hiring contact",
    "reveal_intro_familiarity": "familiarity that introduction starts with",
    "press_reputation": "reputation lost for pressing",
    "reluctant_chance": "chance a pressed person promises anyway, × generosity",
    "pressed_intro_overstep": "chance a pressed introduction oversteps, + busyness × `pressed_intro_overstep_busy`",
    "pressed_intro_overstep_busy": "see `pressed_intro_overstep`",
    "pressed_referral_overstep": "chance a pressed referral oversteps",
    "offer_accept_trust": "trust from accepting a volunteered offer",
    "offer_overstep": "chance an accepted offer oversteps, + busyness × `offer_overstep_busy` − preparation × `offer_overstep_prep`",
    "offer_overstep_busy": "see `offer_overstep`",
    "offer_overstep_prep": "see `offer_overstep`",
    "permission_trust": "trust from asking permission to use their name",
    "decline_familiarity": "familiarity from declining an offer for now",
    "abandon_chance": "chance each week that a promise which oversteps is dropped",
    "forget_rate": "chance each week a promise slips, × busyness × (1 − follow_through)",
    "forget_asked": "a promise you pulled out of someone slips this many times as often",
    "fulfil_asked": "and is kept this share as often",
    "nudge_embarrassment": "embarrassment a follow-up on a promise not yet slipped adds, × (0.5 + face)",
    "nudge_chance": "chance that nudge gets it done, × follow_through",
    "chase_embarrassment": "embarrassment from a second follow-up to someone avoiding you (the door closes)",
    "chase_reputation": "reputation lost for it",
    "chase_leak": "trust it costs along their ties (× `leak_bad` × tie)",
    "overstep_intro_trust": "taken off the first impression when a promised introduction oversteps",
    "release_relief": "embarrassment lifted by releasing a promise before it slipped",
    "release_relief_slipped": "embarrassment lifted by releasing one that has slipped",
    "release_trust": "trust from releasing a promise",
    "guilt_base": "embarrassment a slipped promise adds each week it weighs on its maker",
    "guilt_face": "more of it, × face",
    "honest_fit": "the least true fit an informed \"Yes!\" is honest about",
    "informed_yes_trust": "trust from an informed \"Yes!\"",
    "overclaim_knowledge": "below this knowledge, an interview shows what you don't know",
    "overclaim_trust": "trust lost for an uninformed \"Yes!\"",
    "overclaimed_trust_ceiling": "their trust in you stops here after an uninformed \"Yes!\"",
    "explore_trust": "trust from \"I'm still exploring\"",
    "explore_familiarity": "familiarity from \"I'm still exploring\"",
    "explore_knowledge": "knowledge from \"I'm still exploring\"",
    "not_now_familiarity": "familiarity from \"not right now\"",
    "withdraw_trust": "trust the hiring contact loses when you withdraw after a \"Yes!\"",
    "withdraw_vouch_embarrassment": "embarrassment of whoever vouched for you, then",
    "withdraw_vouch_trust": "trust of whoever vouched for you, lost then",
    "withdraw_vouch_generosity": "generosity they lose toward the next seeker",
    "withdraw_reputation": "reputation lost for withdrawing after a \"Yes!\"",
    "decline_offer_trust": "trust lost for turning down a job offer",
    "rejected_overclaim_trust": "trust lost when an interview you weren't ready for ends in a rejection",
    "hire_trust_from": "the hiring contact's trust above this counts for you",
    "hire_overclaimed_floor": "see `hire_overclaimed_prep`",
    "hire_avoided_factor": "share of the chance lost when the hiring contact avoids you",
    "hire_back_channel": "hiring weight against you of someone tied to the hiring contact who avoids you (× tie)",
    "hire_min": "the lowest a hiring chance goes",
    "hire_max": "the highest a hiring chance goes",
    "score_fit": "score points for a job of perfect fit",
    "score_runway": "score points for a job with all the runway left",
    "score_advocate": "score points per advocate, beside a job",
    "score_advocates_max": "advocates counted at most",
    "score_closed": "score points lost per closed door",
    "score_avoiding": "score points lost per person still avoiding you at the end",
    "reads_busy": "busyness from which a person reads \"very busy\" (and blurts offers, prepared or not)",
    "reads_unhurried": "busyness up to which a person reads \"unhurried\"",
    "reads_reliable": "follow-through from which a person reads \"keeps promises\"",
    "reads_flaky": "follow-through up to which a person reads \"lets things slip\"",
    "reads_proud": "face from which a person reads \"proud\"",
    "fit_preference_weight": "share of a role's fit that is the player's preference for its field (the rest is its appeal)",
    "insight_clarity": "insight into a role's fit from clarity, × clarity / 100",
    "insight_knowledge": "insight from knowledge of the field, × knowledge / 100",
    "insight_guess": "how far off a guess at a role's fit can be, knowing nothing of it",
}


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def reference_table() -> str:
    """The tuning table AUTHORING.md carries: name, default, range and meaning."""
    defaults = Tuning()
    rows = ["| name | default | range | meaning |", "|---|---|---|---|"]
    for f in fields(Tuning):
        low, high = tuning_range(f.name)
        span = f"{_number(low)} to {_number(high)}" + (", whole" if is_whole(f.name) else "")
        rows.append(f"| `{f.name}` | {_number(getattr(defaults, f.name))} | {span} | {MEANINGS[f.name]} |")
    return "\n".join(rows)
