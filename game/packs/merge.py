"""Merging a pack's layers: one entry per id (the top pack winning), and reporting problems on their lines."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any, Literal, overload

from game.packs.problems import SECTION_NAMES, KeyPath, Problem, line_of, path_text, suggest
from game.packs.read import PackLayer, Src

if TYPE_CHECKING:
    from game.packs.models import (
        CampaignEntry,
        CompanyEntry,
        EventEntry,
        FieldEntry,
        LessonCardEntry,
        LineEntry,
        OpportunityEntry,
        PersonEntry,
        ScenarioEntry,
    )


# How many ids "did you mean" may compare in one check. Each suggestion reads the whole pool,
# so a pack with thousands of unknown names among thousands of people would take minutes;
# a real typo is found long before this runs out.
SUGGESTION_BUDGET = 200_000


# sections a pack is meant to replace line by line (re-voicing a base pack's dialogue)
REVOICED = {"lines"}


class Compiler:
    def __init__(self, layers: list[PackLayer], problems: list[Problem]):
        self.layers = layers
        self.problems = problems
        self.suggestions_left = SUGGESTION_BUDGET
        self.broken: dict[str, set[str]] = {}
        for layer in layers:
            for section, ids in layer.broken.items():
                self.broken.setdefault(section, set()).update(ids)
        # section -> id -> (entry, src), the top layer winning
        self.merged: dict[str, dict[str, tuple[Any, Src]]] = {}
        for layer in layers:
            for section, items in layer.entries.items():
                table = self.merged.setdefault(section, {})
                seen: dict[str, Src] = {}
                for entry, src in items:
                    eid = entry.id
                    if eid in seen:
                        self.error(src, "id", f"duplicate {SECTION_NAMES[section]} id {eid!r}; the first is on line "
                                   f"{line_of(seen[eid].text, seen[eid].loc) or '?'}; expected each id once",
                                   "P302")
                        continue
                    seen[eid] = src
                    replaced = table.pop(eid, None)  # an override moves to where the top pack wrote it
                    meant = getattr(entry, "replaces", False)
                    if replaced is not None and section not in REVOICED and not meant:
                        base = replaced[1]
                        self.warn(src, "id", f"this replaces {base.file.split('/')[0]}'s {SECTION_NAMES[section]} "
                                  f"{eid!r} (line {line_of(base.text, base.loc) or '?'} of {base.file}) whole; "
                                  "give it an id of its own to add one instead, or say `replaces = true` if "
                                  "that is what you mean", "P310")
                    elif replaced is None and meant:
                        self.warn(src, "replaces", f"{eid!r} says it replaces a base pack's "
                                  f"{SECTION_NAMES[section]}, but no pack this one builds on has one with that id; "
                                  "check the id, or drop `replaces`", "P311")
                    table[eid] = (entry, src)

    # reporting -------------------------------------------------------------------------
    def report(self, src: Src, keys: KeyPath, message: str, code: str, severity: str = "error") -> None:
        loc = src.loc + keys
        self.problems.append(Problem(src.file, line_of(src.text, loc), path_text(loc), message, severity, code))

    def error(self, src: Src, key: str | KeyPath, message: str, code: str) -> None:
        self.report(src, (key,) if isinstance(key, str) else key, message, code)

    def warn(self, src: Src, key: str | KeyPath, message: str, code: str) -> None:
        self.report(src, (key,) if isinstance(key, str) else key, message, code, "warning")

    # each section's merged entries, typed by their model
    @overload
    def items(self, section: Literal["fields"]) -> list[tuple[FieldEntry, Src]]: ...
    @overload
    def items(self, section: Literal["companies"]) -> list[tuple[CompanyEntry, Src]]: ...
    @overload
    def items(self, section: Literal["people"]) -> list[tuple[PersonEntry, Src]]: ...
    @overload
    def items(self, section: Literal["opportunities"]) -> list[tuple[OpportunityEntry, Src]]: ...
    @overload
    def items(self, section: Literal["campaigns"]) -> list[tuple[CampaignEntry, Src]]: ...
    @overload
    def items(self, section: Literal["events"]) -> list[tuple[EventEntry, Src]]: ...
    @overload
    def items(self, section: Literal["lines"]) -> list[tuple[LineEntry, Src]]: ...
    @overload
    def items(self, section: Literal["lessons"]) -> list[tuple[LessonCardEntry, Src]]: ...
    @overload
    def items(self, section: Literal["scenarios"]) -> list[tuple[ScenarioEntry, Src]]: ...
    def items(self, section: str) -> list[tuple[Any, Src]]:
        return list(self.merged.get(section, {}).values())

    def ref(self, src: Src, key: str | KeyPath, value: str | None, section: str,
            pool: Collection[str] | None = None) -> bool:
        """Check a reference to an id; reports an unknown one with a suggestion. True if it resolves."""
        if value is None:
            return True
        pool = self.merged.get(section, {}) if pool is None else pool
        if value in pool:
            return True
        broken = self.broken.get(section, set())
        if value in broken or "*" in broken:
            return False  # already reported where it is defined
        self.suggestions_left -= len(pool)
        hint = suggest(value, pool) if self.suggestions_left >= 0 else ""
        self.error(src, key, f"unknown {SECTION_NAMES.get(section, section)} {value!r}{hint}", "P301")
        return False
