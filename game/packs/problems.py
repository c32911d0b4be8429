"""Problems found in a pack, located by file, line and key path, and reported compiler-style.

Every problem has a code (AUTHORING.md lists them all), a severity, and where it could be
found, the line of the key it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
    "P401": "a person used by a campaign but not in its people list",
    "P402": "a role whose hiring contact is not in the campaign",
    "P403": "a campaign with no starting contact",
    "P404": "a person the player can never reach in a campaign (warning)",
    "P405": "a role the player can never learn of in a campaign (warning)",
    "P406": "the pack has no campaigns",
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


# --------------------------------------------------------------------------------------
# locating problems


def line_of(text: str, path: KeyPath) -> int | None:
    """The line of a key path like ('people', 3, 'traits', 'busyness') in TOML text.

    tomllib reports positions only for syntax errors, so schema errors are mapped back to
    lines here: array-of-tables headers are counted, then keys are looked up inside the
    entry (inline tables and arrays resolve to the line their key is written on).
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
                # not an array of tables: maybe `key = [ ... ]` written inline
                key = re.compile(rf'^\s*"?{re.escape(part)}"?\s*=')
                for n in range(start, end):
                    index = path[i + 1]
                    if key.match(lines[n]) and isinstance(index, int):
                        return _nth_item_line(lines, n, index, end) or n + 1
                return found_line
            end = next((m for m in range(start + 1, end) if lines[m].strip().startswith(f"[[{dotted}]]")), end)
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


def _nth_item_line(lines: list[str], at: int, index: int, end: int) -> int | None:
    """In a multi-line array starting on line `at`, the line of its index-th item (one per line)."""
    if lines[at].rstrip().endswith("[") and index >= 0:
        n, count = at + 1, -1
        while n < end and not lines[n].strip().startswith("]"):
            if lines[n].strip() and not lines[n].strip().startswith("#"):
                count += 1
                if count == index:
                    return n + 1
            n += 1
    return None


def suggest(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def path_text(loc: KeyPath) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")


