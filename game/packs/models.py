"""The content-pack format as pydantic models: the boundary where TOML becomes a World.

`extra="forbid"` everywhere, so a misspelt key is an error with a location, not a silent
default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StringConstraints

from game.engine.actions import VOCABULARY
from game.engine.lessons import LESSONS
from game.engine.state import DOORS
from game.engine.world import ARCHETYPES

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=64)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Meter = Annotated[int, Field(ge=0, le=100)]
Text = Annotated[str, Field(max_length=4000)]
if TYPE_CHECKING:
    # the names below are closed sets read from the engine at run time; to a type checker they are text
    ActionName = str
    LessonId = str
    Door = str
    Archetype = str
else:
    ActionName = Literal[tuple(VOCABULARY)]
    LessonId = Literal[tuple(LESSONS)]
    Door = Literal[tuple(DOORS)]
    Archetype = Literal[tuple(ARCHETYPES)]
Stage = Literal["unknown", "known", "connected"]
OppStage = Literal["hidden", "known", "applied", "interviewing", "offer", "rejected", "withdrawn", "accepted",
                   "expired"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackInfo(Strict):
    """pack.toml: who the pack is and what it builds on."""

    id: Id = Field(description="The pack's stable id, lower-case with dashes.")
    name: str = Field(min_length=1, description="The name players see.")
    version: str = Field(min_length=1, description="Your version of the pack, e.g. 0.1.0.")
    format: int = Field(ge=1, le=1, description="The pack format version; 1 for now.")
    description: Text = ""
    authors: list[str] = []
    builds_on: list[Id] = Field(default=[], description="Packs this one adds to or overrides, by id (e.g. core).")


class Replaceable(Strict):
    """An entry with an id that may stand in for a base pack's entry of the same id."""

    replaces: bool = Field(default=False, description="True: this entry knowingly replaces a base pack's entry "
                                                      "with the same id (no P310 warning); false when none exists.")


class FieldEntry(Replaceable):
    id: Id
    name: str = Field(min_length=1)
    blurb: str = ""


class CompanyEntry(Replaceable):
    id: Id
    name: str = Field(min_length=1)
    field: Id
    blurb: str = ""


class TraitsEntry(Strict):
    busyness: Unit = 0.5
    follow_through: Unit = 0.5
    generosity: Unit = 0.5
    face: Unit = 0.5


class PersonEntry(Replaceable):
    id: Id
    name: str = Field(min_length=1)
    archetype: str = Field(description="One of: " + ", ".join(ARCHETYPES), json_schema_extra={"enum": list(ARCHETYPES)})
    field: Id
    title: str = ""
    company: Id | None = None
    bio: str = ""
    traits: TraitsEntry = TraitsEntry()
    ties: dict[Id, Unit] = {}
    volunteers_intro_to: Id | None = None


class OpportunityEntry(Replaceable):
    id: Id
    title: str = Field(min_length=1)
    company: Id
    field: Id
    hiring_contact: Id
    posted: bool = True
    appeal: Unit = 0.5
    opens_week: int = Field(default=1, ge=1)
    closes_week: int | None = Field(default=None, ge=1)
    competition: Unit = 0.5
    blurb: str = ""


class StartContactEntry(Strict):
    id: Id
    familiarity: Meter = 20
    trust: Meter = 50


class CampaignEntry(Replaceable):
    id: Id
    title: str = Field(min_length=1)
    blurb: str = ""
    goal: str = ""
    runway_weeks: int = Field(default=26, ge=1, le=104)
    hours_per_week: int = Field(default=8, ge=1, le=40)
    clarity: Meter = 20
    reputation: Meter = 50
    knowledge: dict[Id, Meter] = {}
    preferences: dict[Id, Unit] = {}
    contacts: list[StartContactEntry] = []
    known: list[Id] = []
    people: list[Id] = []
    opportunities: list[Id] = []


class Range(Strict):
    at_least: int | None = None
    at_most: int | None = None


class ConditionEntry(Strict):
    """A condition written as data; every key that is present must hold."""

    contact: Id | None = Field(default=None, description="Whose meters to test (events); dialogue tests the speaker.")
    trust_at_least: Meter | None = None
    trust_below: Meter | None = None
    familiarity_at_least: Meter | None = None
    familiarity_below: Meter | None = None
    embarrassment_at_least: Meter | None = None
    embarrassment_below: Meter | None = None
    door: list[Door] = []
    stage: list[Stage] = []
    archetype: list[Archetype] = []
    generosity_at_least: Unit | None = Field(
        default=None, description="The contact's generosity trait (0-1) is at least this: for voices that match a bio.")
    generosity_below: Unit | None = Field(default=None, description="The contact's generosity trait (0-1) is below this.")
    met_before: bool | None = None
    owes_you: bool | None = None
    reported_back: bool | None = Field(
        default=None, description="The player has told this contact what they did with their help at least once.")
    clarity_at_least: Meter | None = None
    clarity_below: Meter | None = None
    reputation_at_least: Meter | None = None
    reputation_below: Meter | None = None
    knowledge_at_least: dict[Id, Meter] = {}
    lessons_unlocked: list[LessonId] = []
    lessons_locked: list[LessonId] = []
    week_at_least: int | None = Field(default=None, ge=1, le=200)
    week_below: int | None = Field(default=None, ge=1, le=200)
    opportunity: Id | None = None
    opportunity_stage: list[OppStage] = []


class EventEffectEntry(Strict):
    """One thing an event does. Use exactly one of: a meter change for `contact` (trust,
    familiarity, embarrassment), a player change (clarity, reputation, runway, knowledge),
    hear_of, introduce, reveal or journal."""

    contact: Id | None = None
    trust: int | None = Field(default=None, ge=-100, le=100)
    familiarity: int | None = Field(default=None, ge=-100, le=100)
    embarrassment: int | None = Field(default=None, ge=-100, le=100)
    clarity: int | None = Field(default=None, ge=-100, le=100)
    reputation: int | None = Field(default=None, ge=-100, le=100)
    runway: int | None = Field(default=None, ge=-52, le=52)
    knowledge: dict[Id, Annotated[int, Field(ge=-100, le=100)]] = {}
    hear_of: Id | None = None
    introduce: Id | None = None
    reveal: Id | None = None
    by: Id | None = Field(default=None, description="Who made the introduction or pointed out the role.")
    journal: Text | None = None
    text: Text = Field(default="", description="The cause shown for this change; the event's text if empty.")


class EventEntry(Replaceable):
    id: Id
    text: Text = Field(min_length=1, description="What the player reads when the event fires.")
    lesson: LessonId
    campaigns: list[Id] = Field(default=[], description="Campaigns it can fire in; empty means all.")
    from_week: int = Field(default=1, ge=1, le=200)
    until_week: int | None = Field(default=None, ge=1, le=200)
    chance: Unit = 1.0
    once: bool = True
    when: list[ConditionEntry] = []
    effects: list[EventEffectEntry] = Field(default=[], max_length=50)


class LineEntry(Strict):
    id: Id
    action: ActionName
    outcome: Id
    contact: Id | None = Field(default=None, description="Only for this person.")
    when: ConditionEntry | None = None
    variants: list[Text] = Field(min_length=1, max_length=50)


class LessonCardEntry(Replaceable):
    id: LessonId
    title: str = Field(min_length=1)
    summary: Text = Field(min_length=1, description="One sentence, shown when the card unlocks.")
    body: Text = ""


class ExpectEntry(Strict):
    doors: dict[Id, Door | list[Door]] = {}
    stages: dict[Id, Stage | list[Stage]] = {}
    meters: dict[Id, dict[Literal["trust", "familiarity", "embarrassment"], Range]] = {}
    player: dict[Literal["clarity", "reputation", "runway", "week", "hours_left"], Range] = {}
    knowledge: dict[Id, Range] = {}
    lessons: list[LessonId] = []
    lessons_locked: list[LessonId] = []
    opportunities: dict[Id, OppStage | list[OppStage]] = {}
    outcome: Literal["hired", "out_of_runway", "playing"] | None = None
    job: Id | None = None
    last_outcome: Id | None = None
    prompt: Literal["offer", "interest", "none"] | None = None


class StepEntry(Strict):
    """An action by its public name with its parameters, or a check (`expect`), or both."""

    action: ActionName | None = None
    contact: Id | None = None
    target: Id | None = None
    opportunity: Id | None = None
    field: Id | None = None
    choice: Id | None = None
    repeat: int = Field(default=1, ge=1, le=60)
    expect: ExpectEntry | None = None


class ScenarioEntry(Replaceable):
    id: Id
    title: str = ""
    campaign: Id
    seed: int = Field(default=1, ge=0, le=2**32)
    lesson: LessonId | None = Field(default=None, description="The lesson this scenario shows.")
    steps: list[StepEntry] = Field(default=[], max_length=500)
    expect: ExpectEntry | None = Field(default=None, description="Checked after the last step.")


class FieldsFile(Strict):
    fields: list[FieldEntry] = []


class CompaniesFile(Strict):
    companies: list[CompanyEntry] = []


class PeopleFile(Strict):
    people: list[PersonEntry] = []


class OpportunitiesFile(Strict):
    opportunities: list[OpportunityEntry] = []


class CampaignsFile(Strict):
    campaigns: list[CampaignEntry] = []


class EventsFile(Strict):
    events: list[EventEntry] = []


class DialogueFile(Strict):
    lines: list[LineEntry] = []


class LessonsFile(Strict):
    lessons: list[LessonCardEntry] = []


class ScenariosFile(Strict):
    scenarios: list[ScenarioEntry] = []


class TuningFile(Strict):
    # a number written as a number: "2" in quotes, or true, is a mistake, not a 2 or a 1
    tuning: dict[str, StrictFloat] = {}


# file name -> the model of its contents, in load order
FILES: dict[str, type[Strict]] = {
    "fields.toml": FieldsFile,
    "companies.toml": CompaniesFile,
    "people.toml": PeopleFile,
    "opportunities.toml": OpportunitiesFile,
    "campaigns.toml": CampaignsFile,
    "events.toml": EventsFile,
    "dialogue.toml": DialogueFile,
    "lessons.toml": LessonsFile,
    "scenarios.toml": ScenariosFile,
    "tuning.toml": TuningFile,
}

# file name -> (the list it holds, the model of one entry); tuning.toml is a table instead
SECTIONS: dict[str, tuple[str, type[Strict]]] = {
    "fields.toml": ("fields", FieldEntry),
    "companies.toml": ("companies", CompanyEntry),
    "people.toml": ("people", PersonEntry),
    "opportunities.toml": ("opportunities", OpportunityEntry),
    "campaigns.toml": ("campaigns", CampaignEntry),
    "events.toml": ("events", EventEntry),
    "dialogue.toml": ("lines", LineEntry),
    "lessons.toml": ("lessons", LessonCardEntry),
    "scenarios.toml": ("scenarios", ScenarioEntry),
}
