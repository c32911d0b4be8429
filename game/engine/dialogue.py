"""Dialogue: the line a person says when an action turns out a certain way.

A pack gives lines per (action, outcome) with variants, placeholders such as
`{contact.first_name}`, and conditions written as data. The picker is pure: the same
state, action and outcome always give the same line, chosen with keyed randomness so
that saying one line never reshuffles anything else.

Each person has a voice of their own. The variants of a line are dealt out among the
campaign's people who can say it (sorted by id, the deal rotated by the game's seed), so
in one campaign two different people never say the same words while the line has a
variant for each of them; a person who owns several variants rotates among them. Only
when a line has fewer variants than people who can say it do the words repeat; the plain
line of an outcome is the shared fallback, and lines with no speaker are the player's own.
"""

from __future__ import annotations

import re

from game.engine.actions import RULES, Action
from game.engine.conditions import holds, is_about_voice, speaks_as
from game.engine.kinds import PromptKind
from game.engine.rng import roll
from game.engine.rules.actions import ActionRule
from game.engine.state import State
from game.engine.world import ContactDef, LineDef, World

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


def _rank(line: LineDef) -> int:
    """How specific a line is: a line for one person beats a line for a mood (trust, doors,
    promises...), which beats a line for a kind of person (archetype, traits), which beats
    the plain line; a line that sets both a mood and a kind beats either alone."""
    if line.when is None:
        mood = kind = 0
    elif is_about_voice(line.when):
        mood, kind = 0, 1
    else:
        mood, kind = 2, int(bool(line.when.archetype) or line.when.generosity_at_least is not None
                            or line.when.generosity_below is not None)
    return (4 if line.contact is not None else 0) + mood + kind


def _can_say(line: LineDef, person: ContactDef) -> bool:
    """Whether who this person is (their id, archetype, traits) lets them ever say the line."""
    if line.contact is not None and line.contact != person.id:
        return False
    return line.when is None or line.when.contact is not None or speaks_as(line.when, person)


def _always_said(line: LineDef, person: ContactDef) -> bool:
    """Whether the person gets this line whatever the mood (its condition is only about who they are)."""
    return _can_say(line, person) and (line.when is None or is_about_voice(line.when))


# (id(world), people, action, outcome) -> (world, voices); the world is kept to check the id
_VOICES: dict[tuple[int, tuple[str, ...], str, str], tuple[World, tuple[tuple[str, ...], ...]]] = {}


def voices(world: World, people: tuple[str, ...], action: str, outcome: str) -> tuple[tuple[str, ...], ...]:
    """For each line of (action, outcome), in pack order, the people who may say it, sorted by id.

    `people` is the campaign's cast. A person is left out of a line they can never say
    (another person's line, another archetype's) and of one that a more specific line,
    true for them in any mood, always beats; what is left is who the line's variants are
    dealt among.
    """
    cache_key = (id(world), people, action, outcome)
    hit = _VOICES.get(cache_key)
    if hit is not None and hit[0] is world:
        return hit[1]
    lines = world.dialogue.get((action, outcome), ())
    order = sorted(range(len(lines)), key=lambda i: (-_rank(lines[i]), i))  # the order `pick` prefers
    cast = [world.people[pid] for pid in sorted(people) if pid in world.people]
    groups: list[tuple[str, ...]] = [() for _ in lines]
    for place, i in enumerate(order):
        groups[i] = tuple(p.id for p in cast if _can_say(lines[i], p)
                          and not any(_always_said(lines[j], p) for j in order[:place]))
    out = tuple(groups)
    if len(_VOICES) > 4096:
        _VOICES.clear()
    _VOICES[cache_key] = (world, out)
    return out


def _choose(world: World, state: State, action: Action, outcome: str,
            speaker: str | None) -> tuple[int, LineDef] | None:
    """The most specific line that applies and its place among the outcome's lines."""
    best, rank = None, -1
    for i, line in enumerate(world.dialogue.get((action.name, outcome), ())):
        if line.contact is not None and line.contact != speaker:
            continue
        if line.when is not None and not holds(line.when, state, speaker):
            continue
        r = _rank(line)
        if r > rank:
            best, rank = (i, line), r
    return best


def pick(world: World, state: State, action: Action, outcome: str, speaker: str | None,
         key: str = "") -> LineDef | None:
    """The most specific line that applies: one written for this person, then one for a mood
    that holds, then one for their kind of person, then the plain one (see `_rank`; the
    first in the world's order among equals)."""
    chosen = _choose(world, state, action, outcome, speaker)
    return chosen[1] if chosen is not None else None


def variant_index(state: State, line: LineDef, group: tuple[str, ...], speaker: str | None, r: float) -> int:
    """Which of a line's variants the speaker says, given who may say the line and a keyed roll `r`.

    The people in `group` hold seats 0..g-1 (their sorted place, rotated by the game's
    seed so each game deals afresh); seat s owns variants s, s+g, s+2g... and the roll
    picks among those. No two people share a variant while the line has one per seat.
    """
    n = len(line.variants)
    if speaker is None or speaker not in group:
        return int(r * n)
    g = len(group)
    seat = (group.index(speaker) + int(roll(state.seed, 0, f"voice:{line.action}:{line.outcome}:{line.id}") * g)) % g
    own = range(seat, n, g)
    if not own:
        return seat % n  # more people than variants: this one is shared
    return own[int(r * len(own))]


def say(state: State, action: Action, outcome: str, speaker: str | None, r: float) -> tuple[LineDef, int] | None:
    """The line and the variant `speaker` says for an action's outcome, or None if the pack has none."""
    world = state.world
    chosen = _choose(world, state, action, outcome, speaker)
    if chosen is None or not chosen[1].variants:
        return None
    i, line = chosen
    group = voices(world, tuple(state.contacts), action.name, outcome)[i]
    return line, variant_index(state, line, group, speaker, r)


def line_for(before: State, after: State) -> str | None:
    """What was said in the last action (`after.history`), or None if the pack has no line.

    Conditions are read on `after` (how the person feels now); the variant is the
    speaker's own (see `variant_index`), chosen by a keyed roll, so replaying the same
    game says the same words.
    """
    said = spoken(before, after)
    if said is None or after.history is None:
        return None
    line, index, speaker, target, opp = said
    return fill(line.variants[index], _values(after.world, after, after.history.action, speaker, target, opp))


def spoken(before: State, after: State) -> tuple[LineDef, int, str | None, str | None, str | None] | None:
    """The line and variant said in the last action, with its speaker, third party and role."""
    node = after.history
    if node is None:
        return None
    action, outcome = node.action, node.outcome
    speaker, target, opp = _who(before, action)
    r = roll(before.seed, before.week, f"line:{action.name}:{outcome}:{before.steps}", speaker or "")
    said = say(after, action, outcome, speaker, r)
    if said is None:
        return None
    return said[0], said[1], speaker, target, opp
