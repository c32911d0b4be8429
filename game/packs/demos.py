"""The format of a pack's demos.toml, and the checks that need no playing.

The models live here, beside the other pack files' models, so the JSON Schema of
demos.toml is generated with the rest; `game.demo.script` plays what they describe. The
static checks find what a demo names that the pack does not have (a person, a role, a
field, a campaign) before anything is played, each at the line of its step.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from game.packs.models import ActionName, Door, Id, LessonId, OppStage
from game.packs.problems import KeyPath, Problem, line_of, path_text, suggest

if TYPE_CHECKING:
    from game.engine.world import World


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OptionModel(_Strict):
    """One answer the audience may choose, and the steps it leads to."""

    key: str = Field(pattern=r"^[A-Z]$", description="A capital letter the presenter presses (A, B, ...).")
    label: str = Field(min_length=1, description="The option as the class reads it.")
    steps: list[StepModel] = Field(default=[], description="What happens if the class chooses this.")


class StepModel(_Strict):
    """One step: an action, a caption, a marker, a reveal switch or an audience choice."""

    action: ActionName | None = Field(default=None, description="The action's public name, as in scenario steps.")
    contact: Id | None = Field(default=None, description="The person the action is with.")
    target: Id | None = Field(default=None, description="The third party of an ask_intro.")
    opportunity: Id | None = Field(default=None, description="The role of an ask_referral, apply, withdraw or "
                                                            "accept_job.")
    field: Id | None = Field(default=None, description="The field a research is about.")
    choice: Id | None = Field(default=None, description="A meet approach (advice, learn, offer_help) or an "
                                                       "answer_interest answer (eager_yes, explore, not_now).")
    repeat: int = Field(default=1, ge=1, le=60, description="Play the action this many times.")
    caption: str | None = Field(default=None, description="Narration the class reads.")
    pause: bool = Field(default=False, description="Wait for the presenter before going on.")
    marker: str | None = Field(default=None, description="A turning point's name; the presenter can jump to it.")
    expect_doors: dict[Id, Door] = Field(default={}, description="At this marker, each person's door must be this.")
    expect_lessons: list[LessonId] = Field(default=[], description="At this marker, these lessons are unlocked.")
    expect_roles: dict[Id, OppStage] = Field(default={}, description="At this marker, each role is at this stage.")
    reveal: bool | None = Field(default=None, description="Show (true) or hide (false) people's inner thoughts.")
    lesson: LessonId | None = Field(default=None, description="What this turning point teaches (a marker's lesson); "
                                                            "without it the debrief uses expect_lessons, then the "
                                                            "lessons of what the game recorded on the way to it.")
    note: str | None = Field(default=None, description="For the facilitator only: shown in the notes view "
                                                      "(`demo ID --notes`) while this step is on stage.")
    choose: str | None = Field(default=None, description="A question for the audience; options follow.")
    default: str | None = Field(default=None, description="The option a headless run takes (one of the keys).")
    options: list[OptionModel] = Field(default=[], description="The answers of a `choose` step.")

    @model_validator(mode="after")
    def _one_kind(self) -> StepModel:
        params = [k for k in ("contact", "target", "opportunity", "field", "choice") if getattr(self, k) is not None]
        if self.action is None and params:
            raise ValueError(f"{', '.join(params)} given without an action")
        if self.choose is not None:
            if self.action is not None:
                raise ValueError("a step is either an action or an audience choice, not both")
            keys = [o.key for o in self.options]
            if len(keys) < 2:
                raise ValueError("an audience choice needs at least two options")
            if len(set(keys)) != len(keys):
                raise ValueError("option keys must differ")
            if self.default not in keys:
                raise ValueError(f"default must be one of the option keys ({', '.join(keys)})")
        elif self.options:
            raise ValueError("options belong to a `choose` step")
        if self.lesson is not None and self.marker is None:
            raise ValueError("a lesson belongs to a marker (the turning point it teaches)")
        if self.action is None and self.choose is None and self.caption is None and self.marker is None \
                and self.reveal is None:
            raise ValueError("an empty step: give an action, a caption, a marker, a reveal switch or a choice")
        return self


class DemoModel(_Strict):
    """A scripted session an instructor presents."""

    id: Id = Field(description="The demo's stable id: `warm-intro demo ID`.")
    title: str = Field(min_length=1, description="How the demo is listed.")
    blurb: str = Field(default="", description="A sentence on what the class will see.")
    campaign: Id = Field(description="The campaign it plays in.")
    seed: int = Field(ge=0, le=2**32, description="The seed; the same seed always tells the same story.")
    minutes: int = Field(default=12, ge=1, le=120, description="How long it runs with discussion.")
    notes: str = Field(default="", description="Facilitator notes: what to notice, what to ask, what to try.")
    steps: list[StepModel] = Field(min_length=1, description="The steps, in order.")


class DemosFile(_Strict):
    demos: list[DemoModel] = Field(default=[], description="Demo scripts for workshops.")


OptionModel.model_rebuild()


def demo_keys() -> tuple[str, ...]:
    """Every key a demos.toml may hold, for did-you-means."""
    return tuple(sorted({name for model in (OptionModel, StepModel, DemoModel, DemosFile)
                         for name in model.model_fields}))


def walk_steps(steps: list[StepModel], at: KeyPath = ("steps",)) -> Iterator[tuple[KeyPath, StepModel]]:
    """Every step of a demo with its key path, the options' steps included."""
    for i, step in enumerate(steps):
        here = at + (i,)
        yield here, step
        for j, option in enumerate(step.options):
            yield from walk_steps(option.steps, here + ("options", j, "steps"))


_REFS = (("contact", "people", "person"), ("target", "people", "person"),
         ("opportunity", "opportunities", "role"), ("field", "fields", "field"))


def check_references(rel: str, text: str, demos: DemosFile, world: World) -> dict[int, list[Problem]]:
    """What each demo names that the pack (or its campaign) does not have: demo index -> problems,
    each at the line of the key that names it. A demo with any is not played."""
    out: dict[int, list[Problem]] = {}
    for n, demo in enumerate(demos.demos):
        found = _references(rel, text, n, demo, world)
        if found:
            out[n] = found
    return out


def _references(rel: str, text: str, n: int, demo: DemoModel, world: World) -> list[Problem]:
    from game.engine.actions import VOCABULARY, action_from_dict

    found: list[Problem] = []
    def problem(path: KeyPath, message: str, code: str = "P301") -> None:
        full = ("demos", n, *path)
        found.append(Problem(rel, line_of(text, full), path_text(full), f"demo {demo.id!r}: {message}", code=code))

    campaign = world.campaigns.get(demo.campaign)
    if campaign is None:
        problem(("campaign",), f"unknown campaign {demo.campaign!r}{suggest(demo.campaign, world.campaigns)}; "
                f"expected one of: {', '.join(sorted(world.campaigns))}")
    cast = set(campaign.people) if campaign is not None and campaign.people else set(world.people)
    roles = set(campaign.opportunities) if campaign is not None and campaign.opportunities \
        else set(world.opportunities)
    for path, step in walk_steps(list(demo.steps)):
        for key, section, what in _REFS:
            value = getattr(step, key)
            if value is None:
                continue
            problem_of = _unknown(value, section, what, world, cast, roles, demo.campaign)
            if problem_of:
                problem((*path, key), problem_of)
        if step.action is not None:
            extra = [k for k in ("contact", "target", "opportunity", "field", "choice")
                     if getattr(step, k) is not None and k not in VOCABULARY[step.action]]
            data: dict[str, Any] = {"action": step.action}
            data.update({k: getattr(step, k) for k in VOCABULARY[step.action] if getattr(step, k) is not None})
            try:
                if extra:
                    raise ValueError(f"action {step.action!r} does not take {', '.join(extra)}")
                action_from_dict(data)
            except ValueError as exc:
                problem(path, f"{exc}", "P801")
        for cid in step.expect_doors:
            if (message := _unknown(cid, "people", "person", world, cast, roles, demo.campaign)):
                problem((*path, "expect_doors", cid), message)
        for oid in step.expect_roles:
            if (message := _unknown(oid, "opportunities", "role", world, cast, roles, demo.campaign)):
                problem((*path, "expect_roles", oid), message)
    return found


def _unknown(value: str, section: str, what: str, world: World, cast: set[str], roles: set[str],
             campaign: str) -> str:
    """What is wrong with a name a demo step uses, or ''."""
    every: dict[str, Any] = getattr(world, section)
    if value not in every:
        return f"unknown {what} {value!r}{suggest(value, every)}"
    if section == "people" and value not in cast:
        return f"{value!r} is not among the people of the campaign {campaign!r}{suggest(value, cast)}"
    if section == "opportunities" and value not in roles:
        return f"{value!r} is not among the roles of the campaign {campaign!r}{suggest(value, roles)}"
    return ""
