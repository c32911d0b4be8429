"""The immutable World a content pack is compiled into.

The pack loader validates TOML with pydantic and hands the engine these plain frozen
records (dataclasses: see game.engine.records), so the rules never touch files and the
simulator stays fast.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import field, fields, replace
from types import MappingProxyType
from typing import Any

from game.engine.records import record

ARCHETYPES = ("connector", "executive", "hiring_manager", "peer", "gatekeeper", "mentor", "recruiter")


@record(frozen=True)
class Traits:
    """How a person behaves, each 0-1."""

    busyness: float = 0.5
    follow_through: float = 0.5
    generosity: float = 0.5
    face: float = 0.5  # how much embarrassment stings


@record(frozen=True)
class ContactDef:
    id: str
    name: str
    archetype: str
    field: str
    title: str = ""
    company: str | None = None
    bio: str = ""
    traits: Traits = Traits()
    ties: tuple[tuple[str, float], ...] = ()  # (other id, strength 0-1), sorted by id
    volunteers_intro_to: str | None = None  # the tie they offer to introduce in a good meeting

    first_name: str = dataclasses.field(default="", init=False, compare=False)  # always the first word of `name`

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_name", self.name.split()[0])

    def tie_strength(self, other: str) -> float:
        for oid, strength in self.ties:
            if oid == other:
                return strength
        return 0.0


@record(frozen=True)
class OpportunityDef:
    id: str
    title: str
    company: str
    field: str
    hiring_contact: str
    posted: bool = True  # hidden roles are reachable only through people
    appeal: float = 0.5  # how good the role is apart from the field (0-1), hidden
    opens_week: int = 1
    closes_week: int | None = None
    competition: float = 0.5  # how many others want it (0-1)
    blurb: str = ""


@record(frozen=True)
class StartContact:
    id: str
    familiarity: int = 20
    trust: int = 50


@record(frozen=True)
class CampaignDef:
    id: str
    title: str
    blurb: str = ""
    goal: str = ""
    runway_weeks: int = 26
    hours_per_week: int = 8
    clarity: int = 20
    reputation: int = 50
    knowledge: tuple[tuple[str, int], ...] = ()
    preferences: tuple[tuple[str, float], ...] = ()  # hidden true preferences per field, 0-1
    contacts: tuple[StartContact, ...] = ()  # people the player already knows
    known: tuple[str, ...] = ()  # people the player has heard of but never met
    people: tuple[str, ...] = ()  # who is in this campaign's world; empty means everyone
    opportunities: tuple[str, ...] = ()  # empty means every opportunity in the pack

    def preference(self, field_id: str) -> float:
        for fid, value in self.preferences:
            if fid == field_id:
                return value
        return 0.2


@record(frozen=True)
class FieldDef:
    id: str
    name: str
    blurb: str = ""


@record(frozen=True)
class CompanyDef:
    id: str
    name: str
    field: str
    blurb: str = ""


@record(frozen=True)
class Tuning:
    """Every number the rules use, in one table a pack may override.

    Change these only with the strategy checks (tests/engine/test_balance.py) watching.
    """

    # time, in hours per action
    cost_research: int = 2
    cost_reflect: int = 1
    cost_reach_out: int = 1
    cost_meet: int = 3
    cost_check_in: int = 1
    cost_thank: int = 1
    cost_ask: int = 1
    cost_follow_up: int = 1
    cost_release: int = 1
    cost_apply: int = 2
    # relationship-before-leverage: below these an ask is pressing
    press_familiarity: int = 40
    press_trust: int = 50
    press_trust_loss: int = 12
    press_hearsay: int = 10  # what the person a pressed favour was meant to reach hears of it
    # weekly caps on gains, per contact: a relationship cannot be crammed into a week
    trust_cap_per_week: int = 10
    familiarity_cap_per_week: int = 14
    # embarrassment
    reminder_jump: int = 30
    latent_base: int = 15
    latent_face: int = 25
    embarrassment_decay: int = 10
    # doors, with hysteresis
    avoid_enter: int = 60
    avoid_exit: int = 30
    slipping_margin: int = 20  # how near the avoiding line the board calls a relationship slipping
    guarded_enter: int = 30
    guarded_exit: int = 38
    warm_enter_trust: int = 60
    warm_enter_familiarity: int = 40
    warm_exit_trust: int = 52
    warm_exit_familiarity: int = 32
    advocate_enter_trust: int = 78
    advocate_enter_familiarity: int = 55
    advocate_exit_trust: int = 70
    advocate_embarrassment: int = 15  # above this, a person can't quite face you, let alone vouch for you
    closed_trust: int = 6
    # homework
    homework_threshold: float = 0.3
    honest_threshold: float = 0.3
    # hiring
    hire_cold: float = 0.10
    hire_referral: float = 0.30
    hire_trust: float = 0.35
    hire_prep: float = 0.25
    hire_informed: float = 0.15
    hire_not_now: float = 0.15  # applying after telling the hiring contact the timing wasn't right
    hire_guide: float = 0.1  # the hiring contact became your guide (explored honestly, then heard back)
    hire_overclaimed_prep: float = 0.30
    hire_reputation: float = 0.10
    hire_competition: float = 0.15
    hire_unknown_factor: float = 0.5
    hire_overclaim_memory: float = 0.15
    offer_weeks: int = 2
    decision_weeks: int = 3
    # reputation travels: bad news further than good
    leak_bad: float = 0.4
    leak_good: float = 0.12
    # advocates and guides acting on their own
    advocate_act_chance: float = 0.45
    guide_act_chance: float = 0.3
    guide_trust: int = 55
    guide_familiarity: int = 35
    familiarity_fade_after: int = 3
    familiarity_fade: int = 2  # familiarity lost each quiet week after that
    familiarity_fade_floor: int = 10  # it fades no lower than this
    # research and reflection: gains shrink as the meter fills (gain * (1 - value / 120), at least the floor)
    research_gain: int = 14
    research_gain_floor: int = 3
    reflect_gain: int = 12
    reflect_gain_floor: int = 2
    # writing cold: the chance of a reply, and the first impression it makes
    reach_out_chance: float = 0.3
    reach_out_token_chance: float = 0.6  # added when you may mention someone's name
    reach_out_trust: int = 30
    reach_out_token_trust: int = 15  # added to the first impression with a name to mention
    reach_out_familiarity: int = 4
    reach_out_token_familiarity: int = 6
    # each cold note someone has left unanswered leaves this share of the chance for the next
    # (a name to mention gets a fresh look): writing again and again to a stranger rarely works
    reach_out_again: float = 0.5
    # meetings (familiarity, trust, clarity, knowledge, reputation by approach)
    meet_advice_familiarity: int = 8
    meet_advice_trust: int = 4  # prepared
    meet_advice_unprepared_trust: int = -4  # they worked hard to figure out what you need
    meet_advice_clarity: int = 2  # less than an hour of reflection: advice sharpens goals you came with
    meet_mentions: int = 2  # how many of their ties a prepared advice meeting names
    meet_mention_tie: float = 0.4  # the tie strength a mention needs
    meet_learn_familiarity: int = 7
    meet_learn_trust: int = 3
    meet_learn_knowledge: int = 8
    meet_learn_clarity: int = 1
    meet_learn_unprepared_trust: int = 1  # unprepared, the hour goes on basics you could have read
    meet_learn_unprepared_knowledge: int = 4
    meet_help_familiarity: int = 7
    meet_help_trust: int = 6
    meet_help_reputation: int = 1
    # the volunteered offer after a good meeting
    offer_tie: float = 0.3  # the weakest tie a person offers to introduce
    offer_generosity: float = 0.55  # the least generosity that offers
    offer_chance: float = 0.5  # x generosity
    # keeping in touch and closing the loop
    check_in_familiarity: int = 4
    check_in_trust: int = 2
    check_in_trust_new: int = 1  # before familiarity reaches check_in_known
    check_in_known: int = 20
    check_in_stale_after: int = 2  # check-ins in a row since a real conversation before a note adds nothing
    check_in_pester_trust: int = 3  # lost for a third short message in one week
    thanks_grace_weeks: int = 2  # a thank-you is due within this many weeks of the help
    unthanked_trust: int = 5  # lost when help goes unthanked past the grace period
    thank_trust: int = 4
    thank_familiarity: int = 3
    report_back_trust: int = 4
    loop_leak: int = 20  # the good word a report-back sends along ties (x leak_good x tie)
    # asking: introductions and referrals
    intro_trust: int = 40  # the first impression of an introduction, before adjustments
    intro_trust_unprepared: int = 8  # taken off when they can't say what you want
    intro_familiarity: int = 8
    intro_favour_familiarity: int = 2  # what an easy favour adds with the one who did it
    promise_intro_familiarity: int = 6  # an introduction that comes through as promised
    advocate_intro_trust: int = 10  # added when an advocate introduces you unprompted
    advocate_intro_familiarity: int = 10
    reveal_intro_trust: int = 5  # added when someone points you to a hidden role and its hiring contact
    reveal_intro_familiarity: int = 8
    press_reputation: int = 2  # reputation lost for pressing
    reluctant_chance: float = 0.6  # x generosity: a pressed person promises anyway
    pressed_intro_overstep: float = 0.45  # + busyness x pressed_intro_overstep_busy
    pressed_intro_overstep_busy: float = 0.3
    pressed_referral_overstep: float = 0.5
    # volunteered promises
    offer_accept_trust: int = 2
    offer_overstep: float = 0.25  # + busyness x offer_overstep_busy - preparation x offer_overstep_prep
    offer_overstep_busy: float = 0.3
    offer_overstep_prep: float = 0.3
    permission_trust: int = 4
    decline_familiarity: int = 1
    # promises slipping, and following up
    abandon_chance: float = 0.6  # a promise that oversteps is dropped
    forget_rate: float = 0.8  # x busyness x (1 - follow_through)
    forget_asked: float = 1.6  # a pulled-out promise slips this much more often
    fulfil_asked: float = 0.6  # and is kept this much less often
    nudge_embarrassment: int = 8  # x (0.5 + face)
    nudge_chance: float = 0.6  # x follow_through: a nudge gets it done
    chase_embarrassment: int = 15  # a second reminder to someone already avoiding you
    chase_reputation: int = 3
    chase_leak: int = 10
    overstep_intro_trust: int = 12  # off the first impression when a promised introduction oversteps
    release_relief: int = 20
    release_relief_slipped: int = 0  # once it has slipped, being let off stops the weight growing but lifts none of it
    release_trust: int = 2
    guilt_base: int = 5  # embarrassment a slipped promise adds each week it weighs on them
    guilt_face: int = 15  # + face x this
    # the interest question
    honest_fit: float = 0.45  # the least true fit an informed "Yes!" is honest about
    informed_yes_trust: int = 3
    overclaim_knowledge: int = 40  # below this knowledge, the interview shows it
    overclaim_trust: int = 8
    overclaimed_trust_ceiling: int = 60  # after an uninformed "Yes!" their trust in you stops here
    explore_trust: int = 6
    explore_familiarity: int = 6
    explore_knowledge: int = 8
    not_now_familiarity: int = 2
    withdraw_trust: int = 15  # after a "Yes!"
    withdraw_vouch_embarrassment: int = 15
    withdraw_vouch_trust: int = 5
    withdraw_vouch_generosity: float = 0.3
    withdraw_reputation: int = 3
    decline_offer_trust: int = 2  # turning down a made offer
    rejected_overclaim_trust: int = 6
    # hiring decisions
    hire_trust_from: int = 40  # trust above this counts as a reason
    hire_overclaimed_floor: float = 0.05
    hire_avoided_factor: float = 0.8
    hire_back_channel: float = 0.3  # x tie: someone who avoids you, asked about you by whoever is hiring
    hire_min: float = 0.02
    hire_max: float = 0.95
    # the score: the job's fit and timing, and the network left behind
    score_fit: int = 70
    score_runway: int = 20
    score_advocate: int = 2  # counted only with a job: a network is no substitute for one
    score_advocates_max: int = 5
    score_closed: int = 5
    score_avoiding: int = 5  # someone avoiding you when the campaign ends
    # how someone seems once you have met them (the words a player judges an offer by)
    reads_busy: float = 0.7  # busyness from here reads "very busy"
    reads_unhurried: float = 0.4  # and up to here "unhurried"
    reads_reliable: float = 0.75  # follow-through from here reads "keeps promises"
    reads_flaky: float = 0.4  # and up to here "lets things slip"
    reads_proud: float = 0.7  # face from here reads "proud": embarrassment stings
    # fit as the player can judge it
    fit_preference_weight: float = 0.75  # the rest is the role's appeal
    insight_clarity: float = 0.6
    insight_knowledge: float = 0.4
    insight_guess: float = 0.25  # how far off a guess at a role's fit can be, knowing nothing of it

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def reference(cls, width: int = 92) -> str:
        """Every name with its default, wrapped: the list AUTHORING.md carries."""
        items = [f"`{f.name}` ({f.default})" for f in fields(cls)]
        lines: list[str] = []
        line = ""
        for i, item in enumerate(items):
            piece = item + ("," if i < len(items) - 1 else ".")
            if line and len(line) + 1 + len(piece) > width:
                lines.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
        lines.append(line)
        return "\n".join(lines)

    def with_overrides(self, overrides: Mapping[str, float]) -> Tuning:
        values: dict[str, Any] = dict(overrides)
        return replace(self, **values)


# --------------------------------------------------------------------------------------
# conditions, scripted events, dialogue, lesson cards and scenario tests (all data)


@record(frozen=True)
class Condition:
    """A test on the game, written as data: every field that is set must hold.

    Contact tests apply to `contact` if it is set, otherwise to the person speaking (for a
    dialogue line). Bounds are inclusive below (`_at_least`) and exclusive above (`_below`).
    """

    contact: str | None = None
    trust_at_least: int | None = None
    trust_below: int | None = None
    familiarity_at_least: int | None = None
    familiarity_below: int | None = None
    embarrassment_at_least: int | None = None
    embarrassment_below: int | None = None
    door: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()
    archetype: tuple[str, ...] = ()
    generosity_at_least: float | None = None  # the contact's generosity trait, 0-1: a voice, not a mood
    generosity_below: float | None = None
    met_before: bool | None = None
    owes_you: bool | None = None  # the contact has a promise to you still outstanding
    reported_back: bool | None = None  # the player has reported back to them at least once
    clarity_at_least: int | None = None
    clarity_below: int | None = None
    reputation_at_least: int | None = None
    reputation_below: int | None = None
    knowledge_at_least: tuple[tuple[str, int], ...] = ()
    lessons_unlocked: tuple[str, ...] = ()
    lessons_locked: tuple[str, ...] = ()
    week_at_least: int | None = None
    week_below: int | None = None
    opportunity: str | None = None
    opportunity_stage: tuple[str, ...] = ()


@record(frozen=True)
class EventEffect:
    """One thing a scripted event does (rules/events.py carries each kind out)."""

    kind: str  # "meter", "player", "hear_of", "introduce", "reveal", "journal"
    target: str = ""  # contact id, opportunity id, or player quantity (clarity, knowledge:FIELD...)
    meter: str = ""  # for "meter": trust, familiarity or embarrassment
    delta: int = 0
    by: str | None = None  # for "introduce" and "reveal": who made it happen
    trust: int = 35  # for "introduce": the first impression
    familiarity: int = 6
    text: str = ""  # the cause shown to the player; the event's text if empty



@record(frozen=True)
class EventDef:
    """Something that happens at the end of a week when its conditions hold."""

    id: str
    text: str
    lesson: str
    campaigns: tuple[str, ...] = ()  # empty: every campaign
    from_week: int = 1
    until_week: int | None = None
    chance: float = 1.0
    once: bool = True
    when: tuple[Condition, ...] = ()
    effects: tuple[EventEffect, ...] = ()


@record(frozen=True)
class LineDef:
    """Dialogue for one action outcome: variants, optionally narrowed to a person or a mood."""

    id: str
    action: str
    outcome: str
    variants: tuple[str, ...]
    contact: str | None = None
    when: Condition | None = None


@record(frozen=True)
class LessonCard:
    id: str
    title: str
    summary: str
    body: str = ""


@record(frozen=True)
class Expectation:
    """What a scenario test expects at a point in the story."""

    doors: tuple[tuple[str, tuple[str, ...]], ...] = ()  # contact -> allowed doors
    stages: tuple[tuple[str, tuple[str, ...]], ...] = ()  # contact -> allowed stages
    meters: tuple[tuple[str, str, int | None, int | None], ...] = ()  # contact, meter, at_least, at_most
    player: tuple[tuple[str, int | None, int | None], ...] = ()  # quantity, at_least, at_most
    lessons: tuple[str, ...] = ()  # unlocked
    lessons_locked: tuple[str, ...] = ()
    opportunities: tuple[tuple[str, tuple[str, ...]], ...] = ()  # opportunity -> allowed stages
    outcome: str | None = None  # "hired", "out_of_runway" or "playing"
    job: str | None = None
    last_outcome: str | None = None  # how the last action turned out (actions.OUTCOMES)
    prompt: str | None = None  # "offer", "interest" or "none"


@record(frozen=True)
class ScenarioStep:
    """One step: an action in its public form (name + parameters), or a check."""

    action: tuple[tuple[str, str], ...] = ()  # ("action", name), then parameters, as in Action.to_dict
    repeat: int = 1
    expect: Expectation | None = None
    line: int | None = None  # where the step is written, for messages


@record(frozen=True)
class ScenarioDef:
    id: str
    campaign: str
    seed: int
    steps: tuple[ScenarioStep, ...]
    title: str = ""
    lesson: str | None = None  # the lesson this scenario shows
    source: str = ""  # "FILE" the scenario came from, for messages


@record(frozen=True)
class World:
    """Everything a pack defines, validated and frozen."""

    pack_id: str
    pack_version: str
    fields: Mapping[str, FieldDef]
    companies: Mapping[str, CompanyDef]
    people: Mapping[str, ContactDef]
    opportunities: Mapping[str, OpportunityDef]
    campaigns: Mapping[str, CampaignDef]
    tuning: Tuning = field(default_factory=Tuning)
    events: tuple[EventDef, ...] = ()  # in id order
    dialogue: Mapping[tuple[str, str], tuple[LineDef, ...]] = field(default_factory=lambda: MappingProxyType({}))
    lessons: Mapping[str, LessonCard] = field(default_factory=lambda: MappingProxyType({}))
    scenarios: tuple[ScenarioDef, ...] = ()
    packs: tuple[tuple[str, str, str], ...] = ()  # (id, version, digest), base packs first

    @staticmethod
    def build(
        *,
        pack_id: str,
        pack_version: str,
        fields: Mapping[str, FieldDef],
        companies: Mapping[str, CompanyDef],
        people: Mapping[str, ContactDef],
        opportunities: Mapping[str, OpportunityDef],
        campaigns: Mapping[str, CampaignDef],
        tuning: Tuning | None = None,
        events: tuple[EventDef, ...] = (),
        dialogue: Mapping[tuple[str, str], tuple[LineDef, ...]] | None = None,
        lessons: Mapping[str, LessonCard] | None = None,
        scenarios: tuple[ScenarioDef, ...] = (),
        packs: tuple[tuple[str, str, str], ...] = (),
    ) -> World:
        """A World whose mappings are sorted by id and read-only."""

        def frozen(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
            return MappingProxyType({k: mapping[k] for k in sorted(mapping)})

        return World(
            pack_id=pack_id,
            pack_version=pack_version,
            fields=frozen(fields),
            companies=frozen(companies),
            people=frozen(people),
            opportunities=frozen(opportunities),
            campaigns=frozen(campaigns),
            tuning=tuning or Tuning(),
            events=tuple(sorted(events, key=lambda e: e.id)),
            dialogue=frozen(dialogue or {}),
            lessons=frozen(lessons or {}),
            scenarios=tuple(scenarios),
            packs=tuple(packs),
        )
