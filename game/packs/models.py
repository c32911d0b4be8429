"""The content-pack format as pydantic models: the boundary where TOML becomes a World.

`extra="forbid"` everywhere, so a misspelt key is an error with a location, not a silent
default.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=64)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Meter = Annotated[int, Field(ge=0, le=100)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackInfo(Strict):
    id: Id
    name: str = Field(min_length=1)
    version: str = Field(min_length=1)
    format: int = Field(ge=1, le=1)
    description: str = ""
    authors: list[str] = []
    builds_on: list[Id] = []


class FieldEntry(Strict):
    id: Id
    name: str = Field(min_length=1)
    blurb: str = ""


class CompanyEntry(Strict):
    id: Id
    name: str = Field(min_length=1)
    field: Id
    blurb: str = ""


class TraitsEntry(Strict):
    busyness: Unit = 0.5
    follow_through: Unit = 0.5
    generosity: Unit = 0.5
    face: Unit = 0.5


class PersonEntry(Strict):
    id: Id
    name: str = Field(min_length=1)
    archetype: str
    field: Id
    title: str = ""
    company: Id | None = None
    bio: str = ""
    traits: TraitsEntry = TraitsEntry()
    ties: dict[Id, Unit] = {}
    volunteers_intro_to: Id | None = None


class OpportunityEntry(Strict):
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


class CampaignEntry(Strict):
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


class TuningFile(Strict):
    tuning: dict[str, float] = {}


# file name -> the model of its contents, in load order
FILES: dict[str, type[Strict]] = {
    "fields.toml": FieldsFile,
    "companies.toml": CompaniesFile,
    "people.toml": PeopleFile,
    "opportunities.toml": OpportunitiesFile,
    "campaigns.toml": CampaignsFile,
    "tuning.toml": TuningFile,
}
