"""Problems found in a pack, located by file, line and key path, and reported compiler-style.

Every problem has a code (AUTHORING.md lists them all), a severity, and where it could be
found, the line of the key it is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# a key path into a TOML document, e.g. ("people", 3, "traits", "busyness")
KeyPath = tuple[str | int, ...]

# Every problem the loader reports has a code; AUTHORING.md lists them all.
CODES: dict[str, str] = {
    "P101": "TOML syntax error",
    "P102": "file is not UTF-8 text",
    "P103": "file over the size cap",
    "P104": "file leads outside the pack folder",
    "P105": "too many files or entries",
    "P106": "pack.toml missing",
    "P107": "a file the format does not know (warning)",
    "P108": "file could not be read",
    "P109": "builds_on names a pack that cannot be loaded",
    "P201": "unknown key",
    "P202": "missing required key",
    "P203": "value of the wrong type or out of range",
    "P301": "reference to an unknown id",
    "P302": "duplicate id in one pack",
    "P303": "a tie from a person to themselves",
    "P304": "a person with no ties at all (warning)",
    "P305": "an offer to introduce someone the person does not know",
    "P306": "unknown tuning value",
    "P307": "a role that closes before it opens",
    "P308": "a tuning value out of its range, not finite, or not whole where it must be",
    "P309": "tuning values in the wrong order (one must not exceed another)",
    "P310": "an entry that replaces a base pack's entry with the same id without saying so (warning)",
    "P311": "an entry that says `replaces = true` with nothing of that id to replace (warning)",
    "P401": "a person used by a campaign but not in its people list",
    "P402": "a role whose hiring contact is not in the campaign",
    "P403": "a campaign with no starting contact",
    "P404": "a person the player can never reach in a campaign (warning)",
    "P405": "a role the player can never learn of in a campaign (warning)",
    "P406": "the pack has no campaigns",
    "P407": "a campaign whose people or opportunities list is written but empty",
    "P408": "a campaign no player can ever win: no role they can learn of within the runway (warning)",
    "P501": "dialogue for an outcome the action cannot have",
    "P502": "unknown or broken placeholder",
    "P503": "placeholder the action has nothing to fill with",
    "P504": "an action outcome with no dialogue (warning)",
    "P601": "an event that can never fire",
    "P602": "an event effect that does not say one thing to do",
    "P701": "a lesson with no card (warning)",
    "P801": "a scenario step that is not a valid action",
    "P802": "a scenario expectation that failed",
    "P803": "a scenario step the rules refused",
    "P851": "a demo script that cannot be read",
    "P852": "a demo that no longer plays as written (a refused step or a marker that misses)",
    "P901": "balance: pressing or overclaiming does as well as patience (warning)",
    "P902": "balance: a campaign that is rarely winnable (warning)",
}

SECTION_NAMES = {
    "fields": "field", "companies": "company", "people": "person", "opportunities": "opportunity",
    "campaigns": "campaign", "events": "event", "lines": "dialogue line", "lessons": "lesson card",
    "scenarios": "scenario",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack, located as precisely as it can be."""

    file: str
    line: int | None
    path: str
    message: str
    severity: str = "error"  # or "warning"
    code: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        code = f"[{self.code}]" if self.code else ""
        at = f" (at {self.path})" if self.path else ""
        return f"{where}: {self.severity}{code}: {self.message}{at}"

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "path": self.path, "code": self.code,
                "severity": self.severity, "message": self.message}


class PackError(Exception):
    """A pack that cannot be loaded, with every problem found (errors first)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """The problems in their order, each once (a set lookup, so thousands of repeats stay fast)."""
    return list(dict.fromkeys(problems))


# --------------------------------------------------------------------------------------
# locating problems


def line_of(text: str, path: KeyPath) -> int | None:
    """The line of a key path like ('people', 3, 'traits', 'busyness') in TOML text.

    tomllib reports positions only for syntax errors, so schema errors are mapped back to
    lines here: array-of-tables headers are counted, then keys are looked up inside the
    entry (inline tables and arrays resolve to the line their key is written on). Each
    text is indexed once, so a file with thousands of problems is located in linear time.
    """
    lines = _lines_of(text)
    start, end = 0, len(lines.lines)
    prefix = ""
    i = 0
    found_line: int | None = None
    while i < len(path):
        part = path[i]
        if not isinstance(part, str):
            i += 1
            continue
        dotted = f"{prefix}{part}"
        if i + 1 < len(path) and isinstance(index := path[i + 1], int):
            header = lines.headers(f"[[{dotted}]]")
            n = lines.nth_in(header, start, end, index)
            if n is None:
                # not an array of tables: maybe `key = [ ... ]` written inline
                at = lines.first_in(lines.keys(part), start, end)
                if at is not None:
                    return lines.nth_item(at, index, end) or at + 1
                return found_line
            start, found_line = n, n + 1
            end = lines.first_in(header, start + 1, end) or end
            prefix = f"{dotted}."
            i += 2
            continue
        table = lines.first_in(lines.tables(f"[{dotted}]"), start, end)
        key = lines.first_in(lines.keys(part), start, end)
        if table is not None and (key is None or table <= key):
            start, found_line, prefix = table, table + 1, f"{dotted}."
        elif key is not None:
            return key + 1
        else:
            return found_line
        i += 1
    return found_line


# `key =` with the key bare or quoted; a key without spaces, quotes or `=` is this whole run
_KEY = re.compile(r'^\s*"?([^\s"=]+)"?\s*=')
_PLAIN_KEY = re.compile(r'[^\s"=]+')


@lru_cache(maxsize=16)  # a pack has a dozen files; keep the index of the latest ones
def _lines_of(text: str) -> _Lines:
    return _Lines(text)


class _Lines:
    """One TOML text split into lines once, with the lines of each header and key found on demand.

    Problem reports in a big file locate thousands of keys in the same text; scanning the
    whole text for each one made reporting quadratic in the file's size.
    """

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self._headers: dict[str, list[int]] = {}
        self._tables: dict[str, list[int]] | None = None
        self._keys: dict[str, list[int]] | None = None
        self._odd_keys: dict[str, list[int]] = {}
        self._items: dict[int, list[int]] = {}

    def headers(self, header: str) -> list[int]:
        """Lines that start with an array-of-tables header such as `[[people]]`."""
        if header not in self._headers:
            self._headers[header] = [n for n, line in enumerate(self.lines) if line.strip().startswith(header)]
        return self._headers[header]

    def tables(self, table: str) -> list[int]:
        """Lines that are exactly a table header such as `[tuning]`."""
        if self._tables is None:
            self._tables = {}
            for n, line in enumerate(self.lines):
                if line.lstrip().startswith("["):
                    self._tables.setdefault(line.strip(), []).append(n)
        return self._tables.get(table, [])

    def keys(self, key: str) -> list[int]:
        """Lines that assign `key = ...` (bare or quoted)."""
        if self._keys is None:
            self._keys = {}
            for n, line in enumerate(self.lines):
                if m := _KEY.match(line):
                    self._keys.setdefault(m[1], []).append(n)
        if _PLAIN_KEY.fullmatch(key):
            return self._keys.get(key, [])
        # a quoted key with spaces or quotes in it is rare enough to look for line by line
        if key not in self._odd_keys:
            pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=')
            self._odd_keys[key] = [n for n, line in enumerate(self.lines) if pattern.match(line)]
        return self._odd_keys[key]

    @staticmethod
    def nth_in(hits: list[int], start: int, end: int, index: int) -> int | None:
        """The index-th of the sorted line numbers `hits` within [start, end)."""
        k = bisect_left(hits, start) + index
        return hits[k] if index >= 0 and k < len(hits) and hits[k] < end else None

    @classmethod
    def first_in(cls, hits: list[int], start: int, end: int) -> int | None:
        return cls.nth_in(hits, start, end, 0)

    def nth_item(self, at: int, index: int, end: int) -> int | None:
        """In a multi-line array starting on line `at`, the line of its index-th item (one per line)."""
        lines = self.lines
        if not lines[at].rstrip().endswith("[") or index < 0:
            return None
        if at not in self._items:
            items, n = [], at + 1
            while n < len(lines) and not lines[n].strip().startswith("]"):
                if lines[n].strip() and not lines[n].strip().startswith("#"):
                    items.append(n)
                n += 1
            self._items[at] = items
        item = self.nth_in(self._items[at], at + 1, end, index)
        return None if item is None else item + 1


def suggest(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def path_text(loc: KeyPath) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")


