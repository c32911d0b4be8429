"""Compiling a pack's layers into a World: merging, cross-checks, and building the definitions."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from game.engine.actions import OUTCOMES, action_from_dict
from game.engine.lessons import LESSONS
from game.engine.world import (
    ARCHETYPES,
    CampaignDef,
    CompanyDef,
    Condition,
    ContactDef,
    EventDef,
    EventEffect,
    Expectation,
    FieldDef,
    LessonCard,
    LineDef,
    OpportunityDef,
    ScenarioDef,
    ScenarioStep,
    StartContact,
    Traits,
    Tuning,
    World,
)
from game.packs.crosscheck import can_fire, check_roster, reachability
from game.packs.merge import Compiler
from game.packs.problems import KeyPath, Problem, line_of, suggest
from game.packs.read import PackLayer, Src
from game.packs.tuning import ORDERED, check_value

if TYPE_CHECKING:
    from game.packs.models import (
        ConditionEntry,
        ExpectEntry,
        Range,
    )

D = TypeVar("D")

# --------------------------------------------------------------------------------------
# compiling: merging layers, cross-checks, building the World


def definition(cls: type[D], entry: Any, **given: Any) -> D:
    """The one mapping from a pack entry to its frozen definition.

    Every field of the definition takes the entry's value of the same name, except those
    `given` (where the shapes differ: tables become sorted tuples, nested entries their
    own definitions).
    """
    names = [f.name for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    return cls(**{name: given[name] if name in given else getattr(entry, name) for name in names})


def compile_world(layers: list[PackLayer], problems: list[Problem]) -> World:
    """Merge a pack's layers and build its World, reporting every problem on the way."""
    k = Compiler(layers, problems)
    info = layers[-1].info
    assert info is not None, "a pack without a readable pack.toml is not compiled"
    fields = {e.id: definition(FieldDef, e) for e, _src in k.items("fields")}
    companies = {}
    for e, src in k.items("companies"):
        k.ref(src, "field", e.field, "fields")
        companies[e.id] = definition(CompanyDef, e)
    people = _people(k)
    opportunities = _opportunities(k)
    campaigns = _campaigns(k, people, opportunities)
    if not campaigns and not k.broken.get("campaigns"):
        problems.append(Problem(f"{layers[-1].label}/campaigns.toml", None, "", "the pack defines no campaigns; "
                                "expected at least one [[campaigns]] entry", code="P406"))
    events = _events(k, people, opportunities, campaigns, fields)
    reachability(k, people, opportunities, campaigns, events)
    packs = tuple((layer.info.id, layer.info.version, layer.digest) for layer in layers if layer.info is not None)
    return World.build(
        pack_id=info.id, pack_version=info.version, fields=fields, companies=companies, people=people,
        opportunities=opportunities, campaigns=campaigns, tuning=_tuning(k, layers), events=tuple(events.values()),
        dialogue=_dialogue(k, people), lessons=_lessons(k), scenarios=_scenarios(k, people, opportunities, campaigns,
                                                                                 fields),
        packs=packs,
    )


def _tie_up(k: Compiler, p: Any, src: Src, ties: dict[str, dict[str, float]]) -> None:
    """A person's ties, both ways: naming one side of a tie is enough."""
    for other, strength in p.ties.items():
        if other == p.id:
            k.error(src, ("ties", other), f"{p.id!r} cannot be tied to themselves; expected other people's ids",
                    "P303")
        elif k.ref(src, ("ties", other), other, "people"):
            ties[p.id][other] = strength
            ties[other].setdefault(p.id, strength)


def _people(k: Compiler) -> dict[str, ContactDef]:
    people_items = k.items("people")
    ties: dict[str, dict[str, float]] = {p.id: {} for p, _ in people_items}
    for p, src in people_items:
        if p.archetype not in ARCHETYPES:
            k.error(src, "archetype", f"unknown archetype {p.archetype!r}{suggest(p.archetype, ARCHETYPES)}; "
                    f"expected one of: {', '.join(ARCHETYPES)}", "P203")
        k.ref(src, "field", p.field, "fields")
        k.ref(src, "company", p.company, "companies")
        _tie_up(k, p, src, ties)
    pool = k.merged.get("people", {})
    for p, src in people_items:
        broken_ties = any(o not in pool for o in p.ties)
        if (p.volunteers_intro_to is not None and not broken_ties and p.volunteers_intro_to not in ties[p.id]
                and k.ref(src, "volunteers_intro_to", p.volunteers_intro_to, "people")):
            k.error(src, "volunteers_intro_to", f"{p.volunteers_intro_to!r} is not among {p.id!r}'s ties; you can "
                    "only offer to introduce someone you know, so add a tie", "P305")
        if not ties[p.id] and not broken_ties and len(people_items) > 1:
            k.warn(src, "ties", f"{p.id!r} has no ties to anyone, so nobody can introduce them or hear about "
                   "them through others; add ties = { someone = 0.5 }", "P304")
    return {p.id: definition(ContactDef, p, traits=definition(Traits, p.traits), ties=tuple(sorted(ties[p.id].items())))
            for p, _src in people_items}


def _opportunities(k: Compiler) -> dict[str, OpportunityDef]:
    opportunities = {}
    for o, src in k.items("opportunities"):
        k.ref(src, "company", o.company, "companies")
        k.ref(src, "field", o.field, "fields")
        k.ref(src, "hiring_contact", o.hiring_contact, "people")
        if o.closes_week is not None and o.closes_week < o.opens_week:
            k.error(src, "closes_week", f"closes in week {o.closes_week}, before it opens in week {o.opens_week}; "
                    "expected closes_week >= opens_week", "P307")
        opportunities[o.id] = definition(OpportunityDef, o)
    return opportunities


def _campaigns(k: Compiler, people: dict[str, ContactDef], opportunities: dict[str, OpportunityDef]
               ) -> dict[str, CampaignDef]:
    campaigns = {}
    for c, src in k.items("campaigns"):
        # left out, a list means "everyone in the packs"; written empty, it can only be a slip,
        # and checking the roster it stands for would bury that under errors about everyone
        empty = [key for key in ("people", "opportunities") if key in c.model_fields_set and not getattr(c, key)]
        for key in empty:
            k.error(src, key, f"an empty {key} list; list the {key} this campaign uses, or leave the key "
                    f"out to use every one in the packs", "P407")
        if not empty:
            check_roster(k, c, src, people, opportunities)
        campaigns[c.id] = definition(
            CampaignDef, c, knowledge=tuple(sorted(c.knowledge.items())), preferences=tuple(sorted(c.preferences.items())),
            contacts=tuple(definition(StartContact, s) for s in c.contacts), known=tuple(c.known),
            people=tuple(sorted(c.people)), opportunities=tuple(sorted(c.opportunities)),
        )
    return campaigns


def _lessons(k: Compiler) -> dict[str, LessonCard]:
    lessons = {e.id: definition(LessonCard, e) for e, _src in k.items("lessons")}
    if lessons:
        first = k.items("lessons")[0][1]
        for lesson in LESSONS:
            if lesson not in lessons:
                k.problems.append(Problem(first.file, None, "lessons", f"no card for the lesson {lesson!r}; players "
                                          "who unlock it will see only its id", "warning", "P701"))
    return lessons


def _tuning(k: Compiler, layers: list[PackLayer]) -> Tuning:
    """The defaults with each layer's overrides, every value checked against what it means."""
    tuning = Tuning()
    names = Tuning.names()
    clean: dict[str, float] = {}
    where: dict[str, Src] = {}
    for layer in layers:
        for key, value, src in layer.tuning:
            if key not in names:
                k.error(src, (), f"unknown tuning value {key!r}{suggest(key, names)}", "P306")
                continue
            checked = check_value(key, value)
            if isinstance(checked, str):
                k.error(src, (), checked, "P308")
                continue
            clean[key], where[key] = checked, src
    merged = tuning.with_overrides(clean)
    for low, high, why in ORDERED:
        if getattr(merged, low) > getattr(merged, high) and (low in where or high in where):
            src = where.get(low) or where[high]
            k.error(src, (), f"{low} ({getattr(merged, low)}) must not be above {high} ({getattr(merged, high)}): "
                    f"{why}", "P309")
    return merged


def _condition(k: Compiler, src: Src, at: KeyPath, c: ConditionEntry, people: Mapping[str, ContactDef],
               opportunities: Mapping[str, OpportunityDef], fields: Mapping[str, FieldDef]) -> Condition:
    k.ref(src, at + ("contact",), c.contact, "people")
    k.ref(src, at + ("opportunity",), c.opportunity, "opportunities")
    for fid in c.knowledge_at_least:
        k.ref(src, at + ("knowledge_at_least", fid), fid, "fields")
    for low, high, name in ((c.trust_at_least, c.trust_below, "trust"),
                            (c.familiarity_at_least, c.familiarity_below, "familiarity"),
                            (c.embarrassment_at_least, c.embarrassment_below, "embarrassment"),
                            (c.clarity_at_least, c.clarity_below, "clarity"),
                            (c.reputation_at_least, c.reputation_below, "reputation"),
                            (c.week_at_least, c.week_below, "week"),
                            (c.generosity_at_least, c.generosity_below, "generosity")):
        if low is not None and high is not None and low >= high:
            k.error(src, at + (f"{name}_below",), f"{name} must be at least {low} and below {high}, which no value "
                    f"can be; expected {name}_at_least < {name}_below", "P601")
    if c.opportunity_stage and c.opportunity is None:
        k.error(src, at + ("opportunity_stage",), "opportunity_stage needs opportunity = \"ROLE-ID\" beside it",
                "P601")
    return Condition(
        contact=c.contact, trust_at_least=c.trust_at_least, trust_below=c.trust_below,
        familiarity_at_least=c.familiarity_at_least, familiarity_below=c.familiarity_below,
        embarrassment_at_least=c.embarrassment_at_least, embarrassment_below=c.embarrassment_below,
        door=tuple(c.door), stage=tuple(c.stage), archetype=tuple(c.archetype),
        generosity_at_least=c.generosity_at_least, generosity_below=c.generosity_below, met_before=c.met_before,
        owes_you=c.owes_you, reported_back=c.reported_back, clarity_at_least=c.clarity_at_least, clarity_below=c.clarity_below,
        reputation_at_least=c.reputation_at_least, reputation_below=c.reputation_below,
        knowledge_at_least=tuple(sorted(c.knowledge_at_least.items())), lessons_unlocked=tuple(c.lessons_unlocked),
        lessons_locked=tuple(c.lessons_locked), week_at_least=c.week_at_least, week_below=c.week_below,
        opportunity=c.opportunity, opportunity_stage=tuple(c.opportunity_stage),
    )


_EFFECT_KINDS = ("trust", "familiarity", "embarrassment", "clarity", "reputation", "runway", "knowledge", "hear_of",
                 "introduce", "reveal", "journal")


def _events(k: Compiler, people: Mapping[str, ContactDef], opportunities: Mapping[str, OpportunityDef],
            campaigns: Mapping[str, CampaignDef], fields: Mapping[str, FieldDef]) -> dict[str, EventDef]:
    out: dict[str, EventDef] = {}
    for e, src in k.items("events"):
        camps = []
        for n, cid in enumerate(e.campaigns):
            if k.ref(src, ("campaigns", n), cid, "campaigns"):
                camps.append(campaigns[cid])
        conds = tuple(_condition(k, src, ("when", n), c, people, opportunities, fields) for n, c in enumerate(e.when))
        scope = camps if e.campaigns else list(campaigns.values())
        can_fire(k, e, src, scope, people)
        effects = _event_effects(k, e, src)
        out[e.id] = EventDef(e.id, e.text, e.lesson, tuple(e.campaigns), e.from_week, e.until_week, e.chance, e.once,
                             conds, tuple(effects))
    return out


def _event_effects(k: Compiler, e: Any, src: Src) -> list[EventEffect]:
    """What an event does, each effect doing exactly one thing."""
    effects = []
    for n, fx in enumerate(e.effects):
        at = ("effects", n)
        used = [name for name in _EFFECT_KINDS if getattr(fx, name) not in (None, {})]
        if fx.introduce is not None:
            # trust and familiarity are the first impression of an introduction
            used = [name for name in used if name not in ("trust", "familiarity")]
        if len(used) != 1:
            what = "nothing" if not used else " and ".join(used)
            k.error(src, at, f"this effect does {what}; expected exactly one of: {', '.join(_EFFECT_KINDS)} "
                    "(write several effects for several changes)", "P602")
            continue
        kind = used[0]
        if kind in ("trust", "familiarity", "embarrassment"):
            if fx.contact is None:
                k.error(src, at, f"a {kind} change needs contact = \"PERSON-ID\"", "P602")
                continue
            if k.ref(src, at + ("contact",), fx.contact, "people"):
                effects.append(EventEffect("meter", fx.contact, kind, getattr(fx, kind), text=fx.text))
            continue
        if fx.contact is not None:
            k.error(src, at + ("contact",), f"contact is only for trust, familiarity or embarrassment changes, "
                    f"not {kind}", "P602")
        k.ref(src, at + ("by",), fx.by, "people")
        if kind in ("clarity", "reputation", "runway"):
            effects.append(EventEffect("player", kind, delta=getattr(fx, kind), text=fx.text))
        elif kind == "knowledge":
            for fid, delta in sorted(fx.knowledge.items()):
                if k.ref(src, at + ("knowledge", fid), fid, "fields"):
                    effects.append(EventEffect("player", f"knowledge:{fid}", delta=delta, text=fx.text))
        elif kind in ("hear_of", "introduce"):
            if k.ref(src, at + (kind,), getattr(fx, kind), "people"):
                effects.append(EventEffect(kind, getattr(fx, kind), by=fx.by, trust=fx.trust or 35,
                                           familiarity=fx.familiarity or 6, text=fx.text))
        elif kind == "reveal":
            if k.ref(src, at + ("reveal",), fx.reveal, "opportunities"):
                effects.append(EventEffect("reveal", fx.reveal, by=fx.by, text=fx.text))
        else:
            effects.append(EventEffect("journal", text=fx.journal or ""))
    return effects


def _dialogue(k: Compiler, people: Mapping[str, ContactDef]) -> dict[tuple[str, str], tuple[LineDef, ...]]:
    from game.engine.dialogue import PLACEHOLDERS, placeholder_available, placeholders_in

    table: dict[tuple[str, str], list[LineDef]] = {}
    items = k.items("lines")
    for e, src in items:
        ok = True
        if e.outcome not in OUTCOMES[e.action]:
            k.error(src, "outcome", f"{e.action!r} never turns out {e.outcome!r}{suggest(e.outcome, OUTCOMES[e.action])}"
                    f"; expected one of: {', '.join(OUTCOMES[e.action])}", "P501")
            ok = False
        k.ref(src, "contact", e.contact, "people")
        for n, text in enumerate(e.variants):
            for name in placeholders_in(text):
                if name in ("{", "}"):
                    k.error(src, ("variants", n), f"a lone {name!r}; write {name * 2} for a literal brace, or "
                            "{contact.first_name} style placeholders", "P502")
                elif name not in PLACEHOLDERS:
                    k.error(src, ("variants", n), f"unknown placeholder {{{name}}}{suggest(name, PLACEHOLDERS)}; "
                            f"expected one of: {', '.join('{' + p + '}' for p in PLACEHOLDERS)}", "P502")
                elif not placeholder_available(e.action, name):
                    k.error(src, ("variants", n), f"{{{name}}} has nothing to fill it in a {e.action!r} line; use it "
                            "only where the action has one", "P503")
        when = _condition(k, src, ("when",), e.when, people, {}, {}) if e.when is not None else None
        if ok:
            table.setdefault((e.action, e.outcome), []).append(
                LineDef(e.id, e.action, e.outcome, tuple(e.variants), e.contact, when))
    if items:
        # a pack that writes dialogue should cover every outcome with a plain line to fall back on
        first = items[0][1]
        for action, outcomes in OUTCOMES.items():
            for outcome in outcomes:
                lines = table.get((action, outcome), [])
                if not any(line.contact is None and line.when is None for line in lines):
                    k.problems.append(Problem(first.file, None, "lines", f"no plain line for {action!r} turning out "
                                              f"{outcome!r}; add [[lines]] with action = {action!r}, outcome = "
                                              f"{outcome!r} and no contact or when", "warning", "P504"))
    for key in table:
        table[key].sort(key=lambda line: line.id)
    return {key: tuple(v) for key, v in table.items()}


def _one_or_many(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _range(r: Range) -> tuple[int | None, int | None]:
    return r.at_least, r.at_most


def _expectation(k: Compiler, src: Src, at: KeyPath, x: ExpectEntry, people: Mapping[str, ContactDef],
                 opportunities: Mapping[str, OpportunityDef], fields: Mapping[str, FieldDef]) -> Expectation:
    for key, section in (("doors", "people"), ("stages", "people"), ("meters", "people"),
                         ("opportunities", "opportunities"), ("knowledge", "fields")):
        for ident in getattr(x, key):
            k.ref(src, at + (key, ident), ident, section)
    k.ref(src, at + ("job",), x.job, "opportunities")
    if x.last_outcome is not None and not any(x.last_outcome in o for o in OUTCOMES.values()):
        every = sorted({o for outs in OUTCOMES.values() for o in outs})
        k.error(src, at + ("last_outcome",), f"no action turns out {x.last_outcome!r}"
                f"{suggest(x.last_outcome, every)}", "P801")
    player: list[tuple[str, int | None, int | None]] = [(name, *_range(r)) for name, r in sorted(x.player.items())]
    player += [(f"knowledge:{fid}", *_range(r)) for fid, r in sorted(x.knowledge.items())]
    return Expectation(
        doors=tuple((cid, _one_or_many(v)) for cid, v in sorted(x.doors.items())),
        stages=tuple((cid, _one_or_many(v)) for cid, v in sorted(x.stages.items())),
        meters=tuple((cid, meter, *_range(r)) for cid, ms in sorted(x.meters.items()) for meter, r in sorted(ms.items())),
        player=tuple(player), lessons=tuple(x.lessons), lessons_locked=tuple(x.lessons_locked),
        opportunities=tuple((oid, _one_or_many(v)) for oid, v in sorted(x.opportunities.items())),
        outcome=x.outcome, job=x.job, last_outcome=x.last_outcome, prompt=x.prompt,
    )


def _scenarios(k: Compiler, people: Mapping[str, ContactDef], opportunities: Mapping[str, OpportunityDef],
               campaigns: Mapping[str, CampaignDef], fields: Mapping[str, FieldDef]) -> tuple[ScenarioDef, ...]:

    out = []
    for e, src in k.items("scenarios"):
        k.ref(src, "campaign", e.campaign, "campaigns")
        steps = []
        for n, st in enumerate(e.steps):
            at = ("steps", n)
            line = line_of(src.text, src.loc + at)
            action: tuple[tuple[str, str], ...] = ()
            if st.action is not None:
                data = {key: getattr(st, key) for key in ("contact", "target", "opportunity", "field", "choice")
                        if getattr(st, key) is not None}
                try:
                    action_from_dict({"action": st.action, **data})
                except ValueError as exc:
                    k.error(src, at, f"step {n + 1}: {exc}", "P801")
                for key, section in (("contact", "people"), ("target", "people"), ("opportunity", "opportunities"),
                                     ("field", "fields")):
                    k.ref(src, at + (key,), data.get(key), section)
                action = (("action", st.action), *sorted(data.items()))
            elif st.expect is None:
                k.error(src, at, f"step {n + 1} neither acts nor checks; expected action = \"NAME\" or expect = {{ ... }}",
                        "P801")
            if st.repeat > 1 and st.action is None:
                k.error(src, at + ("repeat",), "repeat needs an action to repeat", "P801")
            expect = _expectation(k, src, at + ("expect",), st.expect, people, opportunities, fields) if st.expect else None
            steps.append(ScenarioStep(action, st.repeat, expect, line))
        if e.expect is not None:
            steps.append(ScenarioStep((), 1, _expectation(k, src, ("expect",), e.expect, people, opportunities, fields),
                                      line_of(src.text, src.loc + ("expect",))))
        out.append(ScenarioDef(e.id, e.campaign, e.seed, tuple(steps), e.title, e.lesson, src.file))
    return tuple(out)


