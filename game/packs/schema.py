"""One JSON Schema per pack file, generated from the pack models, for authors' editors.

Each file of a pack (people.toml, campaigns.toml, demos.toml, tuning.toml, ...) gets a
schema of its own, so an editor checks a file against what that file may hold and a typo
gives one message at its key. The schemas are committed in game/packs/schemas/ and
written beside every new pack; a test keeps them current.

What pydantic generates is reshaped for editors: an optional key is written as its one
type (never `anyOf` with null, which makes validators report a whole array as wrong);
every key and every allowed name carries a description (names in `enumDescriptions`, as
editors read them); tuning.toml lists every number with its default and range.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_FOLDER = "schemas"  # beside a pack's files, and under game/packs/ for the committed copy
BASE_ID = "https://warm-intro.example/pack-format-1/"


def kinds() -> dict[str, tuple[str, Any]]:
    """kind -> (the file it describes, its model; None for tuning.toml, built from Tuning)."""
    from game.packs import models
    from game.packs.demos import DemosFile

    out: dict[str, tuple[str, Any]] = {"pack": ("pack.toml", models.PackInfo)}
    for name, model in models.FILES.items():
        out[name.removesuffix(".toml")] = (name, None if name == "tuning.toml" else model)
    out["demos"] = ("demos.toml", DemosFile)
    return out


def schema_file(kind: str) -> str:
    """The file name of a kind's schema: people -> people.schema.json."""
    return f"{kind}.schema.json"


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of pack file."""
    file, model = kinds()[kind]
    body = _named_keys(_tuning_schema() if model is None else _reshape(model.model_json_schema()))
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE_ID + schema_file(kind),
            "title": f"Warm Intro pack file: {file}", "description": FILE_DOCS[kind]}
    return {**head, **{k: v for k, v in body.items() if k not in ("title", "description")}}


def schema_text(kind: str) -> str:
    """A kind's schema as committed: sorted keys, two-space indents, a final newline."""
    return json.dumps(schema_for(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_texts() -> dict[str, str]:
    """Every schema by its file name, as `pack new` and `pack schema -o` write them."""
    return {schema_file(kind): schema_text(kind) for kind in kinds()}


# --------------------------------------------------------------------------------------
# reshaping pydantic's output


def _reshape(schema: dict[str, Any]) -> dict[str, Any]:
    defs = schema.get("$defs", {})
    for name, node in [("", schema), *defs.items()]:
        _describe(name or schema.get("title", ""), node)
    cleaned: dict[str, Any] = _clean(schema)
    return cleaned


def _describe(model: str, node: dict[str, Any]) -> None:
    """Give every key of a model its description, from the model or from FIELD_DOCS."""
    docs = FIELD_DOCS.get(model, {})
    if "description" not in node and model in MODEL_DOCS:
        node["description"] = MODEL_DOCS[model]
    for key, prop in node.get("properties", {}).items():
        if "description" not in prop and key in docs:
            prop["description"] = docs[key]


def _clean(node: Any) -> Any:
    if isinstance(node, list):
        return [_clean(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = dict(node)
    options = node.get("anyOf")
    if isinstance(options, list):
        kept = [o for o in options if o != {"type": "null"}]
        if len(kept) < len(options):
            node.pop("anyOf")
            if node.get("default", 0) is None:
                node.pop("default")
            if len(kept) == 1:
                node = {**kept[0], **node}
            else:
                node["anyOf"] = kept
    node.pop("title", None)
    out: dict[str, Any] = {k: _clean(v) if k not in ("properties", "$defs", "patternProperties") else
           {name: _clean(sub) for name, sub in v.items()} for k, v in node.items()}
    if "enum" in out and "enumDescriptions" not in out:
        out["enumDescriptions"] = enum_descriptions(out["enum"])
    return out


def _named_keys(node: Any) -> Any:
    """Closed tables name their keys with `propertyNames` instead of `additionalProperties: false`.

    A validator reports every unexpected key of one table as a single additionalProperties
    error ("'folow_through', 'generosty' were unexpected"), so two typos in one entry read as
    one message at one place. `propertyNames` with an enum of the allowed keys gives one
    error per wrong key, each naming the key (the error's instance), so an editor can point
    at each one. The table stays closed: a key outside the enum is an error either way."""
    if isinstance(node, list):
        return [_named_keys(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _named_keys(v) for k, v in node.items()}
    props = out.get("properties")
    if out.get("additionalProperties") is False and isinstance(props, dict) and "patternProperties" not in out:
        out.pop("additionalProperties")
        keys = list(props)
        out["propertyNames"] = {"enum": keys, "enumDescriptions": [props[k].get("description", "") for k in keys],
                                "description": "the keys this table may hold"}
    return out


def _tuning_schema() -> dict[str, Any]:
    from dataclasses import fields

    from game.engine.world import Tuning
    from game.packs.tuning import MEANINGS, is_whole, tuning_range

    props = {}
    for f in fields(Tuning):
        low, high = tuning_range(f.name)
        props[f.name] = {"type": "integer" if is_whole(f.name) else "number", "default": f.default,
                         "minimum": low, "maximum": high,
                         "description": f"{MEANINGS[f.name]} (default {f.default}, from {low} to {high})"}
    return {"type": "object", "additionalProperties": False, "properties": {"tuning": {
        "type": "object", "additionalProperties": False, "properties": props,
        "description": "The rules' numbers this pack changes, by name; the rest keep their defaults."}}}


def enum_descriptions(values: list[Any]) -> list[str]:
    """A description for each allowed name, from the closed set it belongs to."""
    for table in ENUM_DOCS.values():
        if all(v in table for v in values):
            return [table[v] for v in values]
    raise KeyError(f"no descriptions for the names {values}")


# --------------------------------------------------------------------------------------
# the words


FILE_DOCS = {
    "pack": "Who the pack is and which packs it builds on.",
    "fields": "Fields of work; research raises the player's knowledge of one.",
    "companies": "Companies, each in a field.",
    "people": "The people a player can meet: their traits, ties and offers.",
    "opportunities": "Roles, posted or hidden, each with the person who decides.",
    "campaigns": "Campaigns: who the player knows at the start, what they know and want, and who is in the world.",
    "events": "Scripted events that fire at the end of a week when their conditions hold.",
    "dialogue": "What people say for each action's outcome.",
    "lessons": "Codex cards for the seven lessons.",
    "scenarios": "Scenario tests: a campaign, a seed, steps and expectations, run by `warm-intro pack check`.",
    "tuning": "Overrides of the numbers the rules use.",
    "demos": "Demo scripts an instructor presents: `warm-intro demo --pack PACK ID`.",
}

MODEL_DOCS = {
    "TraitsEntry": "How this person behaves, each 0-1 (0.5 if left out).",
    "StartContactEntry": "Someone the player already knows when the campaign starts.",
    "Range": "A range: at_least and/or at_most.",
    "ExpectEntry": "What must be true at this point; every key given is checked.",
    "StepEntry": "An action by its public name with its parameters, a check (expect), or both.",
    "ConditionEntry": "A condition written as data; every key given must hold.",
    "EventEffectEntry": "One thing an event does; exactly one kind of change per effect.",
    "PersonEntry": "A person the player can meet.",
    "OpportunityEntry": "A role at a company.",
    "CampaignEntry": "A campaign.",
    "EventEntry": "A scripted event.",
    "LineEntry": "A line of dialogue with its variants.",
    "LessonCardEntry": "A lesson's codex card.",
    "ScenarioEntry": "A scenario test.",
    "FieldEntry": "A field of work.",
    "CompanyEntry": "A company.",
}

_ID = "a stable id: lower case letters, digits, - and _"
FIELD_DOCS: dict[str, dict[str, str]] = {
    "PackInfo": {"description": "What the pack holds, for other authors.", "authors": "Who wrote it."},
    "FieldEntry": {"id": f"The field's id, {_ID}.", "name": "The field's name, as players see it.",
                   "blurb": "A sentence on what the work is."},
    "CompanyEntry": {"id": f"The company's id, {_ID}.", "name": "The company's name.",
                     "field": "The field it works in (a field id).", "blurb": "A sentence about it."},
    "TraitsEntry": {"busyness": "0-1: how busy they are; busy people forget promises (and at 0.7+ offer in the "
                                "heat of the moment).",
                    "follow_through": "0-1: how reliably they keep promises.",
                    "generosity": "0-1: how willing they are to help; 0.55+ may volunteer an introduction.",
                    "face": "0-1: how much embarrassment stings them."},
    "PersonEntry": {"id": f"The person's id, {_ID}.", "name": "Their full name; the first word is the first name.",
                    "field": "The field they work in (a field id).", "title": "Their job title.",
                    "company": "The company they work at (a company id).",
                    "bio": "Who they are, in a sentence or two: their voice.",
                    "traits": "busyness, follow_through, generosity, face, each 0-1.",
                    "ties": "Person id -> tie strength 0-1; ties run both ways.",
                    "volunteers_intro_to": "Someone (one of their ties) they offer to introduce after a good meeting."},
    "OpportunityEntry": {"id": f"The role's id, {_ID}.", "title": "The role's title.",
                         "company": "The company hiring (a company id).", "field": "The role's field (a field id).",
                         "hiring_contact": "The person the decision rests with (a person id).",
                         "posted": "True: research can find it; false: hidden, found only through people.",
                         "appeal": "0-1: how good the role is apart from its field (hidden from the player).",
                         "opens_week": "The week it opens.", "closes_week": "The last week it is open.",
                         "competition": "0-1: how many others want it (hidden).",
                         "blurb": "What the role is, as the player reads it."},
    "StartContactEntry": {"id": "The person (a person id).", "familiarity": "0-100 at the start.",
                          "trust": "0-100 at the start."},
    "CampaignEntry": {"id": f"The campaign's id, {_ID}.", "title": "Its title.", "blurb": "The story.",
                      "goal": "The goal the player reads.", "runway_weeks": "Weeks of savings, 1-104.",
                      "hours_per_week": "The time budget per week, 1-40 hours.",
                      "clarity": "0-100: how clear the player's goals are at the start.",
                      "reputation": "0-100 at the start.",
                      "knowledge": "Field id -> 0-100: what the player knows of each field.",
                      "preferences": "Field id -> 0-1: what the player truly wants (hidden; clarity reveals it).",
                      "contacts": "People the player already knows; at least one.",
                      "known": "People the player has heard of but never met.",
                      "people": "Who is in this campaign (left out: every person in the packs; never empty).",
                      "opportunities": "Which roles exist (left out: every role in the packs; never empty)."},
    "Range": {"at_least": "The least the value may be.", "at_most": "The most the value may be."},
    "ConditionEntry": {**{f"{m}_at_least": f"The contact's {m} is at least this." for m in
                          ("trust", "familiarity", "embarrassment")},
                       **{f"{m}_below": f"The contact's {m} is below this." for m in
                          ("trust", "familiarity", "embarrassment")},
                       "door": "The contact is connected and their door is one of these.",
                       "stage": "What the player knows of the contact is one of these.",
                       "archetype": "The contact's archetype is one of these.",
                       "met_before": "True: the player has met them at least once; false: never.",
                       "owes_you": "True: they have a promise to the player still outstanding.",
                       "clarity_at_least": "The player's clarity is at least this.",
                       "clarity_below": "The player's clarity is below this.",
                       "reputation_at_least": "The player's reputation is at least this.",
                       "reputation_below": "The player's reputation is below this.",
                       "knowledge_at_least": "Field id -> the least knowledge the player has of it.",
                       "lessons_unlocked": "These lessons' cards are unlocked.",
                       "lessons_locked": "These lessons' cards are still locked.",
                       "week_at_least": "The week is at least this.", "week_below": "The week is below this.",
                       "opportunity": "The role whose stage opportunity_stage tests.",
                       "opportunity_stage": "The role's stage is one of these."},
    "EventEffectEntry": {"contact": "Whose meter a trust, familiarity or embarrassment change is for.",
                         "trust": "Change the contact's trust by this (or an introduction's first trust).",
                         "familiarity": "Change the contact's familiarity by this (or an introduction's first "
                                        "familiarity).",
                         "embarrassment": "Change the contact's embarrassment by this.",
                         "clarity": "Change the player's clarity by this.",
                         "reputation": "Change the player's reputation by this.",
                         "runway": "Change the player's runway by this many weeks.",
                         "knowledge": "Field id -> change of the player's knowledge of it.",
                         "hear_of": "The player hears of this person and can reach out.",
                         "introduce": "The player meets this person (by is who introduced them).",
                         "reveal": "This hidden role becomes known.",
                         "journal": "A line in the journal, nothing else."},
    "EventEntry": {"id": f"The event's id, {_ID}.", "lesson": "The lesson its changes illustrate.",
                   "from_week": "The first week it may fire.", "until_week": "The last week it may fire.",
                   "chance": "0-1: a seeded roll, the same on every replay.", "once": "Fire at most once.",
                   "when": "Conditions that must all hold.", "effects": "What it does, in order."},
    "LineEntry": {"id": f"The line's id, {_ID}; a pack replaces a base line with the same id.",
                  "action": "The action whose outcome this line voices.",
                  "outcome": "One of the action's outcome ids.",
                  "when": "Only when this holds for the speaker.",
                  "variants": "1-50 ways of saying it; placeholders like {contact.first_name} are filled in play."},
    "LessonCardEntry": {"id": "The lesson this card explains.", "title": "The card's title.",
                        "body": "The card's longer text."},
    "ExpectEntry": {"doors": "Person id -> the door (or doors) they must have.",
                    "stages": "Person id -> what the player must know of them.",
                    "meters": "Person id -> meter -> range.",
                    "player": "Player meter -> range.", "knowledge": "Field id -> range of the player's knowledge.",
                    "lessons": "Lesson cards that must be unlocked.",
                    "lessons_locked": "Lesson cards that must still be locked.",
                    "opportunities": "Role id -> the stage (or stages) it must be at.",
                    "outcome": "How the campaign stands.", "job": "The job accepted (a role id).",
                    "last_outcome": "How the last action turned out (an outcome id).",
                    "prompt": "The question waiting for an answer."},
    "StepEntry": {"action": "The action's public name.", "contact": "The person the action is with.",
                  "target": "The third party of an ask_intro.",
                  "opportunity": "The role of an ask_referral, apply, withdraw or accept_job.",
                  "field": "The field a research is about.",
                  "choice": "A meet approach (advice, learn, offer_help) or an answer_interest answer "
                            "(eager_yes, explore, not_now).",
                  "repeat": "Play the action this many times (1-60).", "expect": "Checked after this step."},
    "ScenarioEntry": {"id": f"The scenario's id, {_ID}.", "title": "What it shows, in a sentence.",
                      "campaign": "The campaign it plays.", "seed": "The seed; the same seed plays the same game.",
                      "steps": "Played in order."},
    **{name: {section: doc} for name, section, doc in (
        ("FieldsFile", "fields", "Fields of work."), ("CompaniesFile", "companies", "Companies."),
        ("PeopleFile", "people", "People."), ("OpportunitiesFile", "opportunities", "Roles."),
        ("CampaignsFile", "campaigns", "Campaigns."), ("EventsFile", "events", "Scripted events."),
        ("DialogueFile", "lines", "Lines of dialogue."), ("LessonsFile", "lessons", "Lesson cards."),
        ("ScenariosFile", "scenarios", "Scenario tests."))},
}

ENUM_DOCS: dict[str, dict[str, str]] = {
    "archetype": {
        "connector": "knows many people and likes introducing them",
        "executive": "senior, busy, with a wide reach",
        "hiring_manager": "the person a role's decision rests with",
        "peer": "someone already doing the work",
        "gatekeeper": "stands between you and someone else",
        "mentor": "has seen it all and wants to pass it on",
        "recruiter": "fills roles for a living",
    },
    "door": {
        "advocate": "helps you unprompted",
        "warm": "glad to hear from you",
        "open": "willing to talk",
        "guarded": "wary of you",
        "avoiding": "\"can I take a message?\"",
        "closed": "will never speak to you again (for the campaign)",
    },
    "stage": {"unknown": "the player has not heard of them", "known": "heard of, never met",
              "connected": "the player has met them"},
    "opportunity_stage": {
        "hidden": "the player does not know of it", "known": "the player knows of it",
        "applied": "applied, waiting", "interviewing": "in interviews", "offer": "an offer is waiting",
        "rejected": "turned down", "withdrawn": "the player withdrew", "accepted": "the job taken",
        "expired": "closed before anything came of it",
    },
    "lesson": {
        "relationship-before-leverage": "you can only lean on a relationship that already exists",
        "caused-commitment": "a promise you pulled out of someone, or grabbed, becomes their debt",
        "reduce-their-risk": "ask for what is safe and cheap to give",
        "do-your-homework": "research and clear goals make you easy to help",
        "honest-interest": "say what you actually know about your interest",
        "close-the-loop": "thank people and report back",
        "reputation-travels": "how you treat one person reaches the people they know",
    },
    "action": {
        "research": "read up on a field (field)", "reflect": "think about what you want",
        "reach_out": "write to someone you have heard of (contact)",
        "meet": "meet someone (contact, choice: advice, learn, offer_help)",
        "check_in": "a short note to keep in touch (contact)", "thank": "thank someone or report back (contact)",
        "ask_intro": "ask for an introduction (contact, target)",
        "ask_referral": "ask to be put forward for a role (contact, opportunity)",
        "accept_offer": "accept a volunteered offer: it becomes a promise",
        "ask_permission": "ask to use their name instead: no promise",
        "decline_offer": "decline an offer for now",
        "follow_up": "remind someone of their promise (contact)",
        "release": "let someone off a promise (contact)",
        "answer_interest": "answer \"Are you interested?\" (choice: eager_yes, explore, not_now)",
        "apply": "apply for a role (opportunity)", "withdraw": "withdraw from a role (opportunity)",
        "accept_job": "take a job offer (opportunity)", "end_week": "end the week",
    },
    "meter": {"trust": "how much they trust you", "familiarity": "how much real history there is",
              "embarrassment": "how awkward you make them feel"},
    "player": {"clarity": "how clear your goals are", "reputation": "your reputation", "runway": "weeks of savings left",
               "week": "the week", "hours_left": "hours left this week"},
    "outcome": {"hired": "a job was accepted", "out_of_runway": "the savings ran out",
                "playing": "the campaign goes on"},
    "prompt": {"offer": "a volunteered offer waits for an answer", "interest": "\"Are you interested?\" waits",
               "none": "no question waits"},
}
