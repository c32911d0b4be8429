"""The immutable World a content pack is compiled into.

The pack loader validates TOML with pydantic and hands the engine these plain frozen
dataclasses, so the rules never touch files and the simulator stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType

ARCHETYPES = ("connector", "executive", "hiring_manager", "peer", "gatekeeper", "mentor", "recruiter")


@dataclass(frozen=True, slots=True)
class Traits:
    """How a person behaves, each 0-1."""

    busyness: float = 0.5
    follow_through: float = 0.5
    generosity: float = 0.5
    face: float = 0.5  # how much embarrassment stings


@dataclass(frozen=True, slots=True)
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

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    def tie_strength(self, other: str) -> float:
        for oid, strength in self.ties:
            if oid == other:
                return strength
        return 0.0


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class StartContact:
    id: str
    familiarity: int = 20
    trust: int = 50


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class FieldDef:
    id: str
    name: str
    blurb: str = ""


@dataclass(frozen=True, slots=True)
class CompanyDef:
    id: str
    name: str
    field: str
    blurb: str = ""


@dataclass(frozen=True, slots=True)
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
    guarded_enter: int = 30
    guarded_exit: int = 38
    warm_enter_trust: int = 60
    warm_enter_familiarity: int = 40
    warm_exit_trust: int = 52
    warm_exit_familiarity: int = 32
    advocate_enter_trust: int = 78
    advocate_enter_familiarity: int = 55
    advocate_exit_trust: int = 70
    closed_trust: int = 6
    # homework
    homework_threshold: float = 0.3
    honest_threshold: float = 0.3
    # hiring
    hire_cold: float = 0.10
    hire_referral: float = 0.35
    hire_trust: float = 0.45
    hire_prep: float = 0.25
    hire_informed: float = 0.15
    hire_overclaimed_prep: float = 0.30
    hire_reputation: float = 0.10
    hire_competition: float = 0.15
    hire_unknown_factor: float = 0.5
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

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_overrides(self, overrides: Mapping[str, float]) -> Tuning:
        return replace(self, **dict(overrides))


@dataclass(frozen=True, slots=True)
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
    ) -> World:
        """A World whose mappings are sorted by id and read-only."""

        def frozen(mapping: Mapping) -> Mapping:
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
        )
