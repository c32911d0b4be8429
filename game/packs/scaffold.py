"""`warm-intro pack new`: a small, valid, commented starter pack that builds on core.

The files are written with tomli-w (so they are always valid TOML); tomli-w cannot write
comments, so each file gets a header comment, and each entry a short comment above it,
added here around the generated text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomli_w

from game.packs.schema import SCHEMA_FOLDER, schema_file, schema_texts


class ScaffoldError(Exception):
    """The scaffold cannot be written (the folder exists and is not empty, or is not writable)."""


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:64] or "my-pack"


# The starter content of every new pack: file -> [(comment above the entry, the entry)].
_STARTER: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "fields.toml": [(
        "A field of work. Research raises the player's knowledge of it.",
        {"fields": [{"id": "bookselling", "name": "Bookselling",
                     "blurb": "Shelves, events, and knowing what someone wants to read before they do."}]},
    )],
    "companies.toml": [(
        "Companies belong to a field.",
        {"companies": [{"id": "corner-books", "name": "Corner Books", "field": "bookselling",
                        "blurb": "Two floors, one cat, and a queue out of the door on Saturdays."}]},
    )],
    "people.toml": [
        ("A connector: knows people and likes introducing them. Traits run 0-1.\n"
         "`ties` run both ways, so naming one side is enough.",
         {"people": [{"id": "ada-moreno", "name": "Ada Moreno", "archetype": "connector", "field": "bookselling",
                      "title": "Book club host",
                      "bio": "Runs the Thursday book club and has an opinion on every shelf in town.",
                      "traits": {"busyness": 0.5, "follow_through": 0.85, "generosity": 0.85, "face": 0.4},
                      "ties": {"sol-bernard": 0.6, "kit-osei": 0.7}}]}),
        ("A hiring manager: the person a role's decision rests with.",
         {"people": [{"id": "sol-bernard", "name": "Sol Bernard", "archetype": "hiring_manager",
                      "field": "bookselling", "company": "corner-books", "title": "Owner",
                      "bio": "Bought the shop on a whim twenty years ago and never regretted it.",
                      "traits": {"busyness": 0.6, "follow_through": 0.8, "generosity": 0.7, "face": 0.5},
                      "ties": {"kit-osei": 0.8}}]}),
        ("A peer: someone already doing the work, happy to tell you what it is like.",
         {"people": [{"id": "kit-osei", "name": "Kit Osei", "archetype": "peer", "field": "bookselling",
                      "company": "corner-books", "title": "Events bookseller",
                      "bio": "Books the author readings and stacks the chairs afterwards.",
                      "traits": {"busyness": 0.4, "follow_through": 0.75, "generosity": 0.8, "face": 0.3}}]}),
    ],
    "opportunities.toml": [(
        "A role. This one is posted, so research finds it; a hidden role (posted = false)\n"
        "is found only through people. appeal and competition are hidden from the player.",
        {"opportunities": [{"id": "events-bookseller", "title": "Events Bookseller", "company": "corner-books",
                            "field": "bookselling", "hiring_contact": "sol-bernard", "posted": True,
                            "appeal": 0.85, "competition": 0.3, "opens_week": 2,
                            "blurb": "Author nights, school visits, and the Saturday story hour."}]},
    )],
    "campaigns.toml": [(
        "A campaign: who the player knows at the start, what they know, and what they truly\n"
        "want (preferences are hidden). List its people and roles explicitly.",
        {"campaigns": [{"id": "first-chapter", "title": "First Chapter",
                        "blurb": "You have read a book a week for twenty years. Now you would like to sell them.",
                        "goal": "Get a job in a bookshop before your savings run out.",
                        "runway_weeks": 12, "hours_per_week": 8, "clarity": 30,
                        "knowledge": {"bookselling": 20}, "preferences": {"bookselling": 0.9},
                        "people": ["ada-moreno", "kit-osei", "sol-bernard"],
                        "opportunities": ["events-bookseller"],
                        "contacts": [{"id": "ada-moreno", "familiarity": 40, "trust": 65}]}]},
    )],
    "dialogue.toml": [(
        "Lines for an action's outcome. This one is only for Ada; everywhere else the core\n"
        "pack's lines are used. Placeholders like {contact.first_name} are filled in play.",
        {"lines": [{"id": "ada-advice", "action": "meet", "outcome": "advice", "contact": "ada-moreno",
                    "variants": [
                        "Ada pushes a paperback across the table: \"Read chapter three, then go and see Sol.\"",
                        "\"You want the shop, not the idea of the shop,\" says Ada. \"Good. Sol can tell.\"",
                        "Ada writes three names on a bookmark and hands it over like a prize.",
                    ]}]},
    )],
    "events.toml": [(
        "An event fires at the end of a week when every condition under `when` holds.",
        {"events": [{"id": "book-club-night", "campaigns": ["first-chapter"], "from_week": 1, "until_week": 4,
                     "text": "Ada's book club meets above the shop. Kit stacks the chairs; you help.",
                     "lesson": "relationship-before-leverage",
                     "when": [{"contact": "ada-moreno", "door": ["open", "warm", "advocate"]}],
                     "effects": [{"hear_of": "kit-osei", "text": "Ada introduced you to Kit over the chairs."}]}]},
    )],
    "scenarios.toml": [(
        "A scenario test: `warm-intro pack check` plays these steps and checks each `expect`.",
        {"scenarios": [{"id": "book-club-meets-kit", "title": "The book club puts Kit on your radar",
                        "campaign": "first-chapter", "seed": 1, "lesson": "relationship-before-leverage",
                        "steps": [
                            {"action": "meet", "contact": "ada-moreno", "choice": "learn",
                             "expect": {"stages": {"ada-moreno": "connected"}}},
                            {"action": "end_week"},
                        ],
                        "expect": {"stages": {"kit-osei": "known"},
                                   "meters": {"ada-moreno": {"familiarity": {"at_least": 45}}}}}]},
    )],
    "demos.toml": [(
        "A demo for a workshop: `warm-intro demo --pack PACK-FOLDER first-chapter-tour`.\n"
        "Steps are actions (as in scenarios), captions, markers (turning points whose\n"
        "expect_* keys `pack check` verifies), reveal switches and audience choices.",
        {"demos": [{"id": "first-chapter-tour", "title": "A first chapter", "campaign": "first-chapter",
                    "seed": 1, "minutes": 10,
                    "blurb": "A first meeting, and what a book club night brings.",
                    "notes": "Ask the class what Ada can do for someone she has only just met.",
                    "steps": [
                        {"caption": "You know Ada from the book club. Start by learning how the trade works.",
                         "pause": True},
                        {"action": "meet", "contact": "ada-moreno", "choice": "learn"},
                        {"action": "end_week"},
                        {"marker": "kit-on-the-radar", "caption": "The book club night put Kit on your radar.",
                         "expect_lessons": ["relationship-before-leverage"]},
                        {"choose": "What now?", "default": "A", "options": [
                            {"key": "A", "label": "Write to Kit", "steps": [
                                {"action": "reach_out", "contact": "kit-osei"}]},
                            {"key": "B", "label": "Read up on bookselling first", "steps": [
                                {"action": "research", "field": "bookselling"}]},
                        ]},
                        {"reveal": True, "caption": "Inner thoughts on: what did each choice do?"},
                    ]}]},
    )],
}


def _files(pack_id: str, name: str) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """file -> [(comment above the entry, the entry as a TOML document)]."""
    return {
        "pack.toml": [(
            "Who this pack is. `builds_on` loads the core pack first: its people, lines and\n"
            "lesson cards are all available here, and any entry you write with the same id\n"
            "replaces the core one.",
            {"id": pack_id, "name": name, "version": "0.1.0", "format": 1,
             "description": "A starter pack: one new field, three people, one role and a short campaign.",
             "authors": ["You"], "builds_on": ["core"]},
        )],
        **_STARTER,
    }


def write_scaffold(folder: Path, name: str | None = None) -> list[str]:
    """Write the starter pack into `folder` (which must not exist, or be empty)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(f"{folder} already exists and is not empty; choose a new folder")
    pack_name = name or folder.name.replace("-", " ").replace("_", " ").strip().title() or "My Pack"
    pack_id = _slug(folder.name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for file, entries in _files(pack_id, pack_name).items():
            parts = [f"#:schema ./{SCHEMA_FOLDER}/{schema_file(file.removesuffix('.toml'))}",
                     f"# {file}: part of the {pack_name} pack for Warm Intro. Reference: AUTHORING.md."]
            for comment, doc in entries:
                text = tomli_w.dumps(doc, multiline_strings=True)
                parts.append("\n" + "\n".join(f"# {line}" for line in comment.splitlines()) + "\n" + text.rstrip())
            (folder / file).write_text("\n".join(parts) + "\n", encoding="utf-8")
            written.append(file)
        (folder / SCHEMA_FOLDER).mkdir(exist_ok=True)
        for name, text in schema_texts().items():
            (folder / SCHEMA_FOLDER / name).write_text(text, encoding="utf-8")
        written.append(f"{SCHEMA_FOLDER}/")
    except OSError as exc:
        raise ScaffoldError(f"cannot write {folder}: {exc.strerror or exc}") from exc
    return written
