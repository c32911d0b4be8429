"""Reading one pack folder: guarded file reads, TOML, and each entry checked against its model."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.packs import guarded
from game.packs.guarded import Refused, Why
from game.packs.layout import FILES, MAX_FILE_BYTES, OTHER_FILES, PACK_FILES, Hash, add_file
from game.packs.problems import KeyPath, Problem, line_of, path_text, suggest, unique

if TYPE_CHECKING:
    from pydantic import ValidationError

    from game.packs.models import PackInfo

MAX_ENTRIES = 20_000  # per list in a file
MAX_FOLDER_FILES = 200  # files in a pack folder, of any kind
MAX_DEPTH = 8  # how deep `builds_on` may chain


# --------------------------------------------------------------------------------------
# reading one pack folder


@dataclass(slots=True)
class Src:
    """Where an entry was written, so a problem found later can name its line."""

    file: str  # "PACK/FILE.toml", as shown to the author
    text: str
    loc: KeyPath  # key path of the entry, e.g. ("people", 3)


@dataclass(slots=True)
class PackLayer:
    folder: Path
    label: str
    info: PackInfo | None = None
    # section -> its entries (each the section's own model, e.g. PersonEntry for "people")
    entries: dict[str, list[tuple[Any, Src]]] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=dict)  # section -> ids of entries that failed
    tuning: list[tuple[str, float, Src]] = field(default_factory=list)
    digest: str = ""



# how each kind of refusal is reported to an author
_REFUSALS = {Why.OUTSIDE: "P104", Why.NOT_A_FILE: "P108", Why.UNREADABLE: "P108", Why.TOO_BIG: "P103",
             Why.NOT_TEXT: "P102", Why.NOT_TOML: "P101"}
_ADVICE = {Why.OUTSIDE: "a pack file may not point outside the pack folder; packs must be self-contained, "
                        "so copy the file in instead of linking it",
           Why.NOT_A_FILE: "expected a TOML file", Why.TOO_BIG: "split the content across packs or trim it",
           Why.NOT_TEXT: "save it as UTF-8", Why.NOT_TOML: "expected valid TOML"}


def refusal_problem(rel: str, exc: Refused, code: str = "") -> Problem:
    """A file the guarded reader refused, as a problem an author can act on (under its own code unless given)."""
    advice = _ADVICE.get(exc.why) if "where TOML needs" not in exc.problem else None  # already says what to write
    return Problem(rel, exc.line, "", exc.problem + (f"; {advice}" if advice else ""), code=code or _REFUSALS[exc.why])


def refusal_problems(rel: str, exc: Refused, code: str = "") -> list[Problem]:
    """A refused file's problem and any more found in the same pass (every look-alike character,
    every byte that is not UTF-8), each at its own line."""
    more = [Problem(rel, line, "", what, code=code or _REFUSALS[exc.why]) for line, what in exc.more]
    return [refusal_problem(rel, exc, code), *more]


def read_file(folder: Path, label: str, name: str, problems: list[Problem]) -> tuple[dict[str, Any], str, bytes] | None:
    """One pack file as (table, text, bytes); None, with the problems added, if it can't be read (or is absent)."""
    try:
        return guarded.read_toml(folder / name, MAX_FILE_BYTES, folder)
    except Refused as exc:
        if exc.why != Why.MISSING:
            problems += refusal_problems(f"{label}/{name}", exc)
        return None


def read_bytes(folder: Path, name: str) -> bytes | None:
    """A pack file's bytes for its digest, or None if it is absent or can't be read."""
    try:
        return guarded.read_bytes(folder / name, MAX_FILE_BYTES, folder)
    except Refused:
        return None


@cache
def _known_keys() -> tuple[str, ...]:
    """Every key the pack format has, in any file: what a misspelt key is compared with."""
    from pydantic import BaseModel

    from game.packs import models

    names = {name for value in vars(models).values()
             if isinstance(value, type) and issubclass(value, BaseModel) for name in value.model_fields}
    return tuple(sorted(names))


MAX_SUGGESTIONS = 200  # per file


@lru_cache(maxsize=1024)
def _key_suggestion(key: str, more: tuple[str, ...] = ()) -> str:
    return suggest(key, _known_keys() + more)


def schema_problems(rel: str, text: str, exc: ValidationError, prefix: KeyPath = (),
                    budget: list[int] | None = None, keys: tuple[str, ...] = ()) -> list[Problem]:
    """Pydantic's errors as located problems. `budget` (one per file) counts the did-you-means
    left: thousands of unknown keys are not typos, and each costs a fuzzy match. `keys` adds
    the keys of a file whose models live elsewhere (demos) to those a typo is compared with."""
    out = []
    budget = budget if budget is not None else [MAX_SUGGESTIONS]
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        kind = err["type"]
        # pydantic reports each arm of a union; the arms after the first add nothing for authors
        loc = tuple(p for p in loc if not (isinstance(p, str) and (p.startswith(("list[", "literal[")) or p in (
            "str", "int", "float", "bool"))))
        if kind == "extra_forbidden":
            # a did-you-mean for the first few only: thousands of unknown keys are not typos
            budget[0] -= 1
            close = _key_suggestion(str(loc[-1]), keys) if budget[0] >= 0 else ""
            hint = close or "; check the spelling against the format reference"
            msg = f"unknown key {loc[-1]!r}{hint}"
            code = "P201"
        elif kind == "missing":
            msg = f"missing required key {loc[-1]!r}"
            code = "P202"
        elif kind == "literal_error":
            expected = str(err.get("ctx", {}).get("expected", ""))
            options = re.findall(r"'([^']*)'", expected)
            got = err.get("input")
            msg = f"{got!r} is not allowed here{suggest(str(got), options)}; expected one of: {', '.join(options)}"
            code = "P203"
        else:
            got = err.get("input")
            shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
            if len(shown) > 80:
                shown = shown[:77] + "..."
            msg = f"{err['msg']}; got {shown}"
            code = "P203"
        out.append(Problem(rel, line_of(text, loc), path_text(loc), msg, code=code))
    return unique(out)


def read_pack(folder: Path, problems: list[Problem]) -> PackLayer:
    """One pack folder: its pack.toml, each file of the format checked entry by entry, and its digest."""
    label = folder.name or str(folder)
    pack = PackLayer(folder, label)
    digest = blake2b(digest_size=16)
    if not _folder_ok(folder, label, problems):
        return pack
    _read_info(pack, digest, problems)
    for name in FILES:
        before = len(problems)
        got = read_file(folder, label, name, problems)
        if got is None:
            if len(problems) > before and name in _sections():
                # the whole file is unreadable: references into it are not reported again
                pack.broken.setdefault(_sections()[name][0], set()).add("*")
            continue
        data, text, raw = got
        add_file(digest, name, raw)
        if name == "tuning.toml":
            _read_tuning(pack, f"{label}/{name}", data, text, problems)
        else:
            _read_entries(pack, name, data, text, problems)
    for name in OTHER_FILES:
        other = read_bytes(folder, name)
        if other is not None:
            add_file(digest, name, other)
    pack.digest = digest.hexdigest()
    return pack


def _sections() -> dict[str, tuple[str, Any]]:
    from game.packs.models import SECTIONS

    return SECTIONS


def _folder_ok(folder: Path, label: str, problems: list[Problem]) -> bool:
    """The folder can be listed and is not too full; a stray .toml file gets a warning."""
    try:
        names = sorted(p.name for p in folder.iterdir())
    except OSError as exc:
        problems.append(Problem(label, None, "", f"could not list the folder ({exc.strerror or exc})", code="P108"))
        return False
    if len(names) > MAX_FOLDER_FILES:
        problems.append(Problem(label, None, "", f"the folder holds {len(names)} files; a pack may hold at most "
                                f"{MAX_FOLDER_FILES}", code="P105"))
        return False
    for name in names:
        if name.endswith(".toml") and name not in PACK_FILES:
            meant = suggest(name, PACK_FILES).removeprefix("; ")
            problems.append(Problem(f"{label}/{name}", None, "", f"not a file of the pack format, so it is ignored"
                                    f"{'; ' + meant + ' The format' if meant else '; the format'} has these files: {', '.join(PACK_FILES)}",
                                    "warning", "P107"))
    return True


def _read_info(pack: PackLayer, digest: Hash, problems: list[Problem]) -> None:
    """pack.toml; when it is damaged, carry on with what can be read so the other files are checked too."""
    from pydantic import ValidationError

    from game.packs.models import PackInfo

    label = pack.label
    got = read_file(pack.folder, label, "pack.toml", problems)
    if got is None:
        if not any(p.file == f"{label}/pack.toml" for p in problems):
            problems.append(Problem(f"{label}/pack.toml", None, "", "missing; every pack needs a pack.toml with id, "
                                    "name, version and format", code="P106"))
        return
    data, text, raw = got
    add_file(digest, "pack.toml", raw)
    try:
        pack.info = PackInfo.model_validate(data)
    except ValidationError as exc:
        problems += schema_problems(f"{label}/pack.toml", text, exc)

        def text_of(key: str, default: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) and value else default

        bases = data.get("builds_on")
        pack.info = PackInfo.model_construct(
            id=text_of("id", label), name=text_of("name", label), version=text_of("version", "?"), format=1,
            builds_on=[b for b in bases if isinstance(b, str)] if isinstance(bases, list) else [])


def _read_tuning(pack: PackLayer, rel: str, data: dict[str, Any], text: str, problems: list[Problem]) -> None:
    from pydantic import ValidationError

    from game.packs.models import TuningFile

    table = data.get("tuning")
    if not isinstance(table, dict):
        try:
            TuningFile.model_validate(data)  # the file's shape is wrong: say how, as for any file
        except ValidationError as exc:
            problems += schema_problems(rel, text, exc)
        return
    # each value on its own, so one mistake does not hide the others
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            shown = f"{value!r}" if isinstance(value, (str, bool)) else type(value).__name__
            problems.append(Problem(rel, line_of(text, ("tuning", key)), f"tuning.{key}",
                                    f"a tuning value is a number, written without quotes; got {shown}", code="P203"))
            continue
        pack.tuning.append((key, float(value) if isinstance(value, float) else value, Src(rel, text, ("tuning", key))))
    if set(data) - {"tuning"}:
        try:
            TuningFile.model_validate({k: v for k, v in data.items() if k != "tuning"})
        except ValidationError as exc:
            problems += schema_problems(rel, text, exc)


def _read_entries(pack: PackLayer, name: str, data: dict[str, Any], text: str, problems: list[Problem]) -> None:
    """One file's [[section]] entries, each checked against its model; a bad one is reported and remembered."""
    from pydantic import ValidationError

    rel = f"{pack.label}/{name}"
    section, entry_model = _sections()[name]
    for k in data:
        if k != section:
            problems.append(Problem(rel, line_of(text, (k,)), k, f"unknown key {k!r}{suggest(k, [section])}; "
                                    f"this file holds [[{section}]] entries", code="P201"))
    items = data.get(section, [])
    if not isinstance(items, list):
        problems.append(Problem(rel, line_of(text, (section,)), section,
                                f"expected a list of [[{section}]] tables; got {type(items).__name__}", code="P203"))
        pack.broken.setdefault(section, set()).add("*")
        return
    if len(items) > MAX_ENTRIES:
        problems.append(Problem(rel, None, section, f"{len(items)} entries; the limit is {MAX_ENTRIES} per file",
                                code="P105"))
        return
    out = pack.entries.setdefault(section, [])
    budget = [MAX_SUGGESTIONS]
    for i, item in enumerate(items):
        try:
            entry = entry_model.model_validate(item)
        except ValidationError as exc:
            problems += schema_problems(rel, text, exc, (section, i), budget)
            entry = _without_unknown_keys(entry_model, item, exc)
            if entry is None:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    pack.broken.setdefault(section, set()).add(item["id"])
                continue
        out.append((entry, Src(rel, text, (section, i))))


def _without_unknown_keys(entry_model: Any, item: Any, exc: Any) -> Any:
    """The entry with its unknown keys left out, if that is all that was wrong with it (else None).

    An unknown key is already an error (P201) and never meant anything to the rules, so the
    rest of the entry can still be cross-checked in the same pass: a misspelt key and an
    unknown role in one entry are two messages at once, not one now and one after the fix.
    An entry with any other problem is left out, since guessing its meaning would report
    problems the author does not have."""
    from pydantic import ValidationError

    errors = exc.errors()
    if not errors or any(e["type"] != "extra_forbidden" for e in errors) or not isinstance(item, dict):
        return None
    cleaned = copy.deepcopy(item)
    for e in errors:
        *parents, key = e["loc"]
        node: Any = cleaned
        for part in parents:
            node = node[part] if isinstance(node, (dict, list)) else None
        if isinstance(node, dict):
            node.pop(key, None)
    try:
        return entry_model.model_validate(cleaned)
    except ValidationError:
        return None
