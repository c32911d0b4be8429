"""Dialogue: the line a person says when an action turns out a certain way.

A pack gives lines per (action, outcome) with variants, placeholders such as
`{contact.first_name}`, and conditions written as data. The picker is pure: the same
state, action and outcome always give the same line, chosen with keyed randomness so
that saying one line never reshuffles anything else.
"""

from __future__ import annotations

import re

from game.engine.actions import RULES, Action
from game.engine.conditions import holds
from game.engine.kinds import PromptKind
from game.engine.rng import roll
from game.engine.rules.actions import ActionRule
from game.engine.state import State
from game.engine.world import LineDef, World

# placeholder -> what it is filled with; authors may use exactly these
PLACEHOLDERS: dict[str, str] = {
    "contact.first_name": "the first name of the person you are dealing with",
    "contact.name": "their full name",
    "contact.title": "their job title",
    "contact.company": "the name of their company (or 'their work' if they have none)",
    "target.first_name": "the first name of the third party (introductions and offers)",
    "target.name": "the full name of the third party",
    "opportunity.title": "the title of the role in question",
    "opportunity.company": "the company offering the role",
    "field.name": "the field researched",
    "week": "the current week number",
    "runway": "weeks of savings left",
}


def _subjects(rule: ActionRule) -> frozenset[str]:
    """Which placeholders an action can fill: what it names, or what the question it answers names.

    A role always has someone hiring for it, so a role's action has a contact to speak.
    """
    params = set(rule.params)
    out = set()
    if "contact" in params or "opportunity" in params or rule.answers is not None:
        out.add("contact")
    if "target" in params or rule.answers == PromptKind.OFFER:
        out.add("target")
    if "opportunity" in params or rule.answers == PromptKind.INTEREST:
        out.add("opportunity")
    if "field" in params:
        out.add("field")
    return frozenset(out)


_SUBJECTS = {name: _subjects(rule) for name, rule in RULES.items()}

_SLOT = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def placeholders_in(text: str) -> list[str]:
    """Every placeholder a line uses ('{' or '}' alone counts as a broken one, returned as '{')."""
    out = []
    for m in _SLOT.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        out.append(m.group(1) if m.group(1) is not None else token)
    return out


def placeholder_available(action: str, name: str) -> bool:
    """Whether an action gives this placeholder something to be filled with."""
    subject = name.split(".", 1)[0]
    if subject in ("contact", "target", "opportunity", "field"):
        return subject in _SUBJECTS.get(action, frozenset())
    return name in PLACEHOLDERS


def fill(text: str, values: dict[str, str]) -> str:
    """Fill placeholders; `{{` and `}}` are literal braces."""

    def sub(m: re.Match[str]) -> str:
        token: str = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        if m.group(1) is None:
            return token
        name: str = m.group(1)
        return values.get(name, token)

    return _SLOT.sub(sub, text)


def _values(world: World, state: State, action: Action, speaker: str | None, target: str | None,
            opportunity: str | None) -> dict[str, str]:
    v = {"week": str(state.week), "runway": str(state.runway)}
    if speaker is not None and speaker in world.people:
        p = world.people[speaker]
        company = world.companies[p.company].name if p.company is not None and p.company in world.companies \
            else "their work"
        v |= {"contact.first_name": p.first_name, "contact.name": p.name, "contact.title": p.title or p.archetype,
              "contact.company": company}
    if target is not None and target in world.people:
        t = world.people[target]
        v |= {"target.first_name": t.first_name, "target.name": t.name}
    if opportunity is not None and opportunity in world.opportunities:
        o = world.opportunities[opportunity]
        company = world.companies[o.company].name if o.company in world.companies else o.company
        v |= {"opportunity.title": o.title, "opportunity.company": company}
    if action.field is not None and action.field in world.fields:
        v["field.name"] = world.fields[action.field].name
    return v


def _who(before: State, action: Action) -> tuple[str | None, str | None, str | None]:
    """The speaker, the third party and the role an action is about."""
    w = before.world
    speaker, target, opp = action.contact, action.target, action.opportunity
    if before.prompt is not None and RULES[action.name].answers is not None:
        speaker = before.prompt.contact
        if before.prompt.kind == "offer":
            target = before.prompt.subject
        else:
            opp = before.prompt.subject
    if speaker is None and opp is not None and opp in w.opportunities:
        speaker = w.opportunities[opp].hiring_contact
    return speaker, target, opp


def pick(world: World, state: State, action: Action, outcome: str, speaker: str | None,
         key: str = "") -> LineDef | None:
    """The most specific line that applies: one written for this person, then one with a
    condition that holds, then a plain one."""
    best, rank = None, -1
    for line in world.dialogue.get((action.name, outcome), ()):
        if line.contact is not None and line.contact != speaker:
            continue
        if line.when is not None and not holds(line.when, state, speaker):
            continue
        r = (2 if line.contact is not None else 0) + (1 if line.when is not None else 0)
        if r > rank:
            best, rank = line, r
    return best


def line_for(before: State, after: State) -> str | None:
    """What was said in the last action (`after.history`), or None if the pack has no line.

    Conditions are read on `after` (how the person feels now); the variant is chosen by a
    keyed roll, so replaying the same game says the same words.
    """
    node = after.history
    if node is None:
        return None
    action, outcome = node.action, node.outcome
    speaker, target, opp = _who(before, action)
    line = pick(after.world, after, action, outcome, speaker)
    if line is None or not line.variants:
        return None
    r = roll(before.seed, before.week, f"line:{action.name}:{outcome}:{before.steps}", speaker or "")
    text = line.variants[int(r * len(line.variants))]
    return fill(text, _values(after.world, after, action, speaker, target, opp))
