"""Loading content packs: TOML files in a folder, validated into an immutable World.

Every problem in a pack is collected and reported at once, compiler-style
(`FILE:LINE: error: what is wrong; what was expected`), never as a traceback.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from game.engine.world import (
    ARCHETYPES,
    CampaignDef,
    CompanyDef,
    ContactDef,
    FieldDef,
    OpportunityDef,
    StartContact,
    Traits,
    Tuning,
    World,
)
from game.packs.models import FILES, PackInfo

MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    path: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        at = f" (at {self.path})" if self.path else ""
        return f"{where}: {self.severity}: {self.message}{at}"


class PackError(Exception):
    """A pack that cannot be loaded, with every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def core_pack_path() -> Path:
    """The folder of the core pack, from a source checkout or an installed wheel."""
    installed = resources.files("game") / "content" / "core"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "content" / "core"


def _line_of(text: str, path: tuple) -> int | None:
    """The line of a key path like ('people', 3, 'traits', 'busyness') in TOML text.

    tomllib reports positions only for syntax errors, so schema errors are mapped back to
    lines here: array-of-tables headers are counted, then keys are looked up inside the
    entry (inline tables resolve to the line they are written on).
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    prefix = ""
    i = 0
    found_line: int | None = None
    while i < len(path):
        part = path[i]
        if not isinstance(part, str):
            i += 1
            continue
        dotted = f"{prefix}{part}"
        if i + 1 < len(path) and isinstance(path[i + 1], int):
            header, count = f"[[{dotted}]]", -1
            for n in range(start, end):
                if lines[n].strip().startswith(header):
                    count += 1
                    if count == path[i + 1]:
                        start, found_line = n, n + 1
                        break
            else:
                return found_line
            end = next((m for m in range(start + 1, len(lines)) if lines[m].strip().startswith(f"[[{dotted}]]")),
                       len(lines))
            prefix = f"{dotted}."
            i += 2
            continue
        key = re.compile(rf'^\s*"?{re.escape(part)}"?\s*=')
        table = f"[{dotted}]"
        for n in range(start, end):
            if lines[n].strip() == table:
                start, found_line, prefix = n, n + 1, f"{dotted}."
                break
            if key.match(lines[n]):
                return n + 1
        else:
            return found_line
        i += 1
    return found_line


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _read(folder: Path, name: str, problems: list[Problem]) -> tuple[dict, str] | None:
    path = folder / name
    if not path.exists():
        return None
    rel = f"{folder.name}/{name}"
    if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
        problems.append(Problem(rel, None, "", "file points outside the pack folder; packs must be self-contained"))
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(Problem(rel, None, "", f"file is {size} bytes; the limit is {MAX_FILE_BYTES}"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, None, "", f"file is not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts the position in the message: "... (at line 3, column 7)"
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(found.group(1)) if found else None
        msg = re.sub(r" \(at (line \d+, column \d+|end of document)\)", "", str(exc))
        column = f" (column {found.group(2)})" if found else ""
        problems.append(Problem(rel, line, "", f"TOML syntax: {msg}{column}"))
        return None


def load_pack(folder: str | Path) -> World:
    """Load and validate a pack folder into a World, or raise PackError listing every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        raise PackError([Problem(str(folder), None, "", "no such pack folder")])
    info_read = _read(folder, "pack.toml", problems)
    info: PackInfo | None = None
    if info_read is None and not problems:
        problems.append(Problem(f"{folder.name}/pack.toml", None, "", "missing; every pack needs a pack.toml with id, name, version and format"))
    elif info_read is not None:
        try:
            info = PackInfo.model_validate(info_read[0])
        except ValidationError as exc:
            problems += _schema_problems(f"{folder.name}/pack.toml", info_read[1], exc)
    parsed: dict[str, object] = {}
    texts: dict[str, str] = {}
    for name, model in FILES.items():
        got = _read(folder, name, problems)
        if got is None:
            continue
        data, text = got
        texts[name] = text
        try:
            parsed[name] = model.model_validate(data)
        except ValidationError as exc:
            problems += _schema_problems(f"{folder.name}/{name}", text, exc)
    if problems:
        raise PackError(problems)
    world = _compile(folder, info, parsed, texts, problems)
    if any(p.severity == "error" for p in problems):
        raise PackError(problems)
    return world


def _schema_problems(rel: str, text: str, exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        path = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
        kind = err["type"]
        if kind == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r}; check the spelling against the format reference"
        elif kind == "missing":
            msg = f"missing required key {loc[-1]!r}"
        else:
            msg = f"{err['msg']}; got {err.get('input')!r}"
        out.append(Problem(rel, _line_of(text, loc), path, msg))
    return out


def _compile(folder: Path, info: PackInfo, parsed: dict, texts: dict, problems: list[Problem]) -> World:
    name = folder.name

    def where(file: str, section: str, index: int, key: str = "") -> tuple[str, int | None, str]:
        path: tuple = (section, index) + ((key,) if key else ())
        text = texts.get(file, "")
        return f"{name}/{file}", _line_of(text, path), f"{section}[{index}]" + (f".{key}" if key else "")

    def err(file: str, section: str, index: int, key: str, message: str) -> None:
        f, line, path = where(file, section, index, key)
        problems.append(Problem(f, line, path, message))

    def entries(file: str, attr: str) -> list:
        model = parsed.get(file)
        return list(getattr(model, attr)) if model is not None else []

    fields = {}
    for i, e in enumerate(entries("fields.toml", "fields")):
        if e.id in fields:
            err("fields.toml", "fields", i, "id", f"duplicate field id {e.id!r}")
        fields[e.id] = FieldDef(e.id, e.name, e.blurb)
    companies = {}
    for i, e in enumerate(entries("companies.toml", "companies")):
        if e.id in companies:
            err("companies.toml", "companies", i, "id", f"duplicate company id {e.id!r}")
        if e.field not in fields:
            err("companies.toml", "companies", i, "field", f"unknown field {e.field!r}{_suggest(e.field, fields)}")
        companies[e.id] = CompanyDef(e.id, e.name, e.field, e.blurb)
    people_entries = entries("people.toml", "people")
    ids = [p.id for p in people_entries]
    ties: dict[str, dict[str, float]] = {p.id: {} for p in people_entries}
    for i, p in enumerate(people_entries):
        if ids.count(p.id) > 1 and ids.index(p.id) != i:
            err("people.toml", "people", i, "id", f"duplicate person id {p.id!r}")
        if p.archetype not in ARCHETYPES:
            err("people.toml", "people", i, "archetype",
                f"unknown archetype {p.archetype!r}{_suggest(p.archetype, ARCHETYPES)}; expected one of: {', '.join(ARCHETYPES)}")
        if p.field not in fields:
            err("people.toml", "people", i, "field", f"unknown field {p.field!r}{_suggest(p.field, fields)}")
        if p.company is not None and p.company not in companies:
            err("people.toml", "people", i, "company", f"unknown company {p.company!r}{_suggest(p.company, companies)}")
        for other, strength in p.ties.items():
            if other not in ties:
                err("people.toml", "people", i, "ties", f"tie to unknown person {other!r}{_suggest(other, ties)}")
            elif other == p.id:
                err("people.toml", "people", i, "ties", f"{p.id!r} cannot be tied to themselves")
            else:
                ties[p.id][other] = strength
                ties[other].setdefault(p.id, strength)  # ties run both ways
        broken_ties = any(other not in ties for other in p.ties)
        if p.volunteers_intro_to is not None and p.volunteers_intro_to not in p.ties and not broken_ties:
            err("people.toml", "people", i, "volunteers_intro_to",
                f"{p.volunteers_intro_to!r} is not among {p.id!r}'s ties; you can only offer to introduce someone you know")
    people = {}
    for p in people_entries:
        t = p.traits
        people[p.id] = ContactDef(
            id=p.id, name=p.name, archetype=p.archetype, field=p.field, title=p.title, company=p.company,
            bio=p.bio, traits=Traits(t.busyness, t.follow_through, t.generosity, t.face),
            ties=tuple(sorted(ties[p.id].items())), volunteers_intro_to=p.volunteers_intro_to,
        )
    opportunities = {}
    for i, o in enumerate(entries("opportunities.toml", "opportunities")):
        if o.id in opportunities:
            err("opportunities.toml", "opportunities", i, "id", f"duplicate opportunity id {o.id!r}")
        if o.company not in companies:
            err("opportunities.toml", "opportunities", i, "company", f"unknown company {o.company!r}{_suggest(o.company, companies)}")
        if o.field not in fields:
            err("opportunities.toml", "opportunities", i, "field", f"unknown field {o.field!r}{_suggest(o.field, fields)}")
        if o.hiring_contact not in people:
            err("opportunities.toml", "opportunities", i, "hiring_contact",
                f"unknown person {o.hiring_contact!r}{_suggest(o.hiring_contact, people)}")
        if o.closes_week is not None and o.closes_week < o.opens_week:
            err("opportunities.toml", "opportunities", i, "closes_week", "closes before it opens; expected closes_week >= opens_week")
        opportunities[o.id] = OpportunityDef(
            o.id, o.title, o.company, o.field, o.hiring_contact, o.posted, o.appeal, o.opens_week,
            o.closes_week, o.competition, o.blurb,
        )
    campaigns = {}
    for i, c in enumerate(entries("campaigns.toml", "campaigns")):
        if c.id in campaigns:
            err("campaigns.toml", "campaigns", i, "id", f"duplicate campaign id {c.id!r}")
        roster = set(c.people) or set(people)
        for key, values, pool, what in (
            ("people", c.people, people, "person"),
            ("known", c.known, people, "person"),
            ("opportunities", c.opportunities, opportunities, "opportunity"),
            ("contacts", [s.id for s in c.contacts], people, "person"),
            ("knowledge", list(c.knowledge), fields, "field"),
            ("preferences", list(c.preferences), fields, "field"),
        ):
            for v in values:
                if v not in pool:
                    err("campaigns.toml", "campaigns", i, key, f"unknown {what} {v!r}{_suggest(v, pool)}")
                elif what == "person" and key != "people" and v not in roster:
                    err("campaigns.toml", "campaigns", i, key, f"{v!r} is not in this campaign's people list")
        for oid in c.opportunities or list(opportunities):
            o = opportunities.get(oid)
            if o is not None and o.hiring_contact in people and o.hiring_contact not in roster:
                err("campaigns.toml", "campaigns", i, "opportunities",
                    f"{oid!r} is hired for by {o.hiring_contact!r}, who is not in this campaign")
        if not c.contacts:
            err("campaigns.toml", "campaigns", i, "contacts", "a campaign needs at least one starting contact")
        campaigns[c.id] = CampaignDef(
            id=c.id, title=c.title, blurb=c.blurb, goal=c.goal, runway_weeks=c.runway_weeks,
            hours_per_week=c.hours_per_week, clarity=c.clarity, reputation=c.reputation,
            knowledge=tuple(sorted(c.knowledge.items())), preferences=tuple(sorted(c.preferences.items())),
            contacts=tuple(StartContact(s.id, s.familiarity, s.trust) for s in c.contacts),
            known=tuple(c.known), people=tuple(sorted(c.people)), opportunities=tuple(sorted(c.opportunities)),
        )
    tuning = Tuning()
    if "tuning.toml" in parsed:
        overrides = parsed["tuning.toml"].tuning
        names = Tuning.names()
        clean = {}
        for key, value in overrides.items():
            if key not in names:
                f = f"{name}/tuning.toml"
                problems.append(Problem(f, _line_of(texts["tuning.toml"], ("tuning", key)), f"tuning.{key}",
                                        f"unknown tuning value {key!r}{_suggest(key, names)}"))
                continue
            default = getattr(tuning, key)
            clean[key] = int(value) if isinstance(default, int) else float(value)
        tuning = tuning.with_overrides(clean)
    if not campaigns:
        problems.append(Problem(f"{name}/campaigns.toml", None, "", "the pack defines no campaigns"))
    return World.build(
        pack_id=info.id, pack_version=info.version, fields=fields, companies=companies, people=people,
        opportunities=opportunities, campaigns=campaigns, tuning=tuning,
    )


_CACHE: dict[Path, World] = {}


def load_core() -> World:
    """The core pack, loaded once per process."""
    path = core_pack_path()
    if path not in _CACHE:
        _CACHE[path] = load_pack(path)
    return _CACHE[path]
