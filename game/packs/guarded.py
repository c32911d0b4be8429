"""Reading a file a player or an author handed us, without letting the file do harm.

Every file the game opens from a saves folder, a pack folder or the cache comes through
here. A file is read only if it is a regular file (never a folder, a device or a pipe, which
could hang or never end), no bigger than the caller's cap (checked before reading and again
while reading, since a file can grow), and, if it is a link, one that stays inside its own
folder. TOML is scanned for nesting depth and for dotted keys with very many parts before
`tomllib` sees it, because both make `tomllib` recurse or build huge tables from a small
file. A UTF-8 byte order mark is accepted, as editors on some systems write one.

Problems are raised as `Refused`, naming the file and saying what is wrong; callers turn it
into their own kind of message (a save problem, a pack problem).

Kept in the packs layer, the lowest one that reads files, so saves, demos and the screens
can all use it.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import Any

MAX_DEPTH = 32  # arrays and inline tables inside each other; real files use 3 or 4
MAX_KEY_PARTS = 32  # parts of one dotted key (a.b.c has 3); real files use 2 or 3
_CHUNK = 1 << 16


class Why(StrEnum):
    """Why a file was not read."""

    MISSING = "missing"
    OUTSIDE = "outside"  # a link out of its folder
    NOT_A_FILE = "not a file"  # a folder, a device, a pipe
    TOO_BIG = "too big"
    UNREADABLE = "unreadable"  # permissions, I/O errors
    NOT_TEXT = "not text"
    NOT_TOML = "not toml"  # syntax, or too deep / too many key parts to read safely


class Refused(Exception):
    """A file that was not read: which, why, and in words."""

    def __init__(self, path: Path, why: Why, problem: str, line: int | None = None,
                 more: tuple[tuple[int | None, str], ...] = ()):
        self.path = path
        self.why = why
        self.problem = problem
        self.line = line
        self.more = more  # further problems found in the same pass, as (line, problem)
        super().__init__(f"{path.name}: {problem}")


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise Refused(path, Why.NOT_A_FILE, f"it is {_kind_of(mode)}, not a file")


def read_bytes(path: Path, cap: int, folder: Path | None = None) -> bytes:
    """A regular file's bytes, at most `cap` of them; a link must stay inside `folder`
    (the file's own folder unless given)."""
    path = Path(path)
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            inside = (folder or path.parent).resolve()
            target = path.resolve()
            if not target.is_relative_to(inside):
                raise Refused(path, Why.OUTSIDE, "it is a link to somewhere outside its folder")
            path_to_open, info = target, os.stat(target)
        else:
            path_to_open = path
        _regular(path, info.st_mode)
        if info.st_size > cap:
            raise Refused(path, Why.TOO_BIG, f"it is {info.st_size} bytes; the limit is {cap}")
        # O_NONBLOCK: a pipe swapped in after the check must not hang the open; O_NOFOLLOW: nor a link
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path_to_open, flags)
    except FileNotFoundError:
        raise Refused(path, Why.MISSING, "there is no such file") from None
    except OSError as exc:
        raise Refused(path, Why.UNREADABLE, f"it can't be read ({exc.strerror or exc})") from None
    try:
        _regular(path, os.fstat(fd).st_mode)
        chunks, total = [], 0
        while total <= cap:
            chunk = os.read(fd, min(_CHUNK, cap + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise Refused(path, Why.UNREADABLE, f"it can't be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if total > cap:
        raise Refused(path, Why.TOO_BIG, f"it is more than {cap} bytes, the limit")
    return b"".join(chunks)


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text, with a byte order mark dropped; any other encoding is named, with where it shows."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        order = "little" if raw.startswith(b"\xff\xfe") else "big"
        raise Refused(path, Why.NOT_TEXT, f"it is UTF-16 text ({order}-endian, with a byte order mark), not UTF-8")
    if b"\x00" in raw:
        zeros_odd, zeros_even = raw[1::2].count(0), raw[0::2].count(0)
        if max(zeros_odd, zeros_even) > len(raw) // 4:
            order = "little" if zeros_odd > zeros_even else "big"
            raise Refused(path, Why.NOT_TEXT, f"it is UTF-16 text ({order}-endian, without a byte order mark: every "
                          "other byte is zero), not UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("utf-8-sig", errors="surrogateescape")
        raise _not_utf8(path, text) from None
    if "\x00" in text:
        line, col = _position(text, text.index("\x00"))
        raise Refused(path, Why.NOT_TEXT, f"it holds a zero byte at line {line}, column {col}; a text file never does",
                      line)
    return text


def _position(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of a character."""
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def _not_utf8(path: Path, text: str) -> Refused:
    """Bytes that are not UTF-8 (decoded as surrogates), each placed by line and column, and
    what they would be in Latin-1 or Windows-1252, the usual culprits."""
    bad = [i for i, c in enumerate(text) if "\udc80" <= c <= "\udcff"]
    found: list[tuple[int, str]] = []
    for at in bad[:20]:
        byte = ord(text[at]) - 0xDC00
        line, col = _position(text, at)
        try:
            meant = bytes([byte]).decode("cp1252")
            guess = f" ({meant!r} in Windows-1252 or Latin-1)"
        except UnicodeDecodeError:
            guess = ""
        found.append((line, f"byte 0x{byte:02X} at line {line}, column {col}{guess}"))
    rest = f", and {len(bad) - len(found)} more" if len(bad) > len(found) else ""
    first_line, first = found[0]
    advice = "; it looks saved as Windows-1252 or Latin-1" if all("Windows" in f for _, f in found) else ""
    more = tuple((line, f"not UTF-8: {what}") for line, what in found[1:])
    return Refused(path, Why.NOT_TEXT, f"it is not UTF-8 text: {first}{rest}{advice}", first_line, more)


def read_text(path: Path, cap: int, folder: Path | None = None) -> str:
    """A regular file's UTF-8 text (see read_bytes)."""
    return decode(Path(path), read_bytes(path, cap, folder))


# what matters to the shape scan: brackets, the end of a key part, and where strings and comments start
_MARKS = re.compile(r"[\[\]{}=,.\n\"'#]")


def _string_end(text: str, start: int) -> int:
    """Where the string opening at `start` ends (len(text) if it never does)."""
    quote = text[start]
    triple = text.startswith(quote * 3, start)
    close = quote * 3 if triple else quote
    pos = start + len(close)
    while True:
        end = text.find(close, pos)
        if end < 0 or (not triple and "\n" in text[pos:end]):
            return len(text)
        if quote == "'" or not _escaped(text, end):
            return end + len(close)
        pos = end + 1


def _escaped(text: str, at: int) -> bool:
    slashes = 0
    while at - slashes - 1 >= 0 and text[at - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def check_shape(path: Path, text: str) -> None:
    """Refuse TOML nested deeper than MAX_DEPTH or with a key of more than MAX_KEY_PARTS parts.

    One pass, jumping over strings and comments, so it costs no more than reading the file.
    """
    depth = parts = 0
    line = 1
    pos = 0
    while (found := _MARKS.search(text, pos)) is not None:
        mark, at = found.group(), found.start()
        pos = at + 1
        if mark in "\"'":
            pos = _string_end(text, at)
            line += text.count("\n", at, pos)
        elif mark == "#":
            end = text.find("\n", at)
            pos = len(text) if end < 0 else end
        elif mark == ".":
            parts += 1
            if parts >= MAX_KEY_PARTS:
                raise Refused(path, Why.NOT_TOML, f"a key at line {line} has more than {MAX_KEY_PARTS} parts", line)
        else:
            parts = 0
            line += mark == "\n"
            depth += 1 if mark in "[{" else -1 if mark in "]}" else 0
            depth = max(depth, 0)
            if depth > MAX_DEPTH:
                raise Refused(path, Why.NOT_TOML, f"it is nested more than {MAX_DEPTH} deep at line {line}", line)


_AT = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)")


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """TOML text as a table, once its shape is known to be safe to parse."""
    import tomllib  # here: a game started with no settings file yet and a cached pack parses no TOML at all

    check_shape(path, text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _AT.search(str(exc))
        line, where = None, ""
        if found and found.group(1):
            line, where = int(found.group(1)), f" (line {found.group(1)}, column {found.group(2)})"
        syntax = f"TOML syntax: {_AT.sub('', str(exc))}{where}"
        # a character that only looks like the one TOML needs is named, every one of them at once
        alike = lookalikes(text)
        if alike:
            more: list[tuple[int | None, str]] = list(alike[1:])
            if line not in {at for at, _ in alike}:
                more.append((line, syntax))
            raise Refused(path, Why.NOT_TOML, alike[0][1], alike[0][0], tuple(more)) from None
        raise Refused(path, Why.NOT_TOML, syntax, line) from None
    except (RecursionError, ValueError) as exc:  # ValueError: e.g. an integer with thousands of digits
        raise Refused(path, Why.NOT_TOML, f"it can't be read as TOML ({type(exc).__name__})") from None


# characters that look like what TOML needs but are not: (how to name it, what TOML needs instead)
_LOOKALIKES = {
    "\u201c": ("a curly quote \u201c", 'a straight "'), "\u201d": ("a curly quote \u201d", 'a straight "'),
    "\u201e": ("a low curly quote \u201e", 'a straight "'), "\u201f": ("a curly quote \u201f", 'a straight "'),
    "\u2018": ("a curly quote \u2018", "a straight ' or \""), "\u2019": ("a curly quote \u2019", "a straight ' or \""),
    "\u00ab": ("a guillemet \u00ab", 'a straight "'), "\u00bb": ("a guillemet \u00bb", 'a straight "'),
    "\u2032": ("a prime \u2032", "a straight '"), "\u2033": ("a double prime \u2033", 'a straight "'),
    "\u00a0": ("a non-breaking space", "a plain space"), "\u202f": ("a narrow non-breaking space", "a plain space"),
    "\u2002": ("an en space", "a plain space"), "\u2003": ("an em space", "a plain space"),
    "\u2009": ("a thin space", "a plain space"), "\u3000": ("an ideographic space", "a plain space"),
    "\u200b": ("a zero-width space", "nothing"), "\ufeff": ("a byte order mark inside the file", "nothing"),
    "\u2013": ("an en dash \u2013", "a minus sign -"), "\u2014": ("an em dash \u2014", "a minus sign -"),
    "\u2212": ("a mathematical minus \u2212", "a minus sign -"), "\u2010": ("a hyphen \u2010", "a minus sign -"),
    "\uff1d": ("a full-width equals sign \uff1d", "="), "\uff3b": ("a full-width bracket \uff3b", "["),
    "\uff3d": ("a full-width bracket \uff3d", "]"), "\uff0c": ("a full-width comma \uff0c", ","),
    "\u201a": ("a low curly quote \u201a", "a straight '"),
}
MAX_LOOKALIKES = 50  # per file: past that it is not a few slips of the keyboard


def lookalikes(text: str) -> list[tuple[int, str]]:
    """Every character outside strings and comments that TOML does not allow there and that is
    not plain ASCII (curly quotes, non-breaking spaces, dashes...), as (line, what it is and what
    TOML needs, with its column). Outside quotes TOML is ASCII only, so each one is a mistake."""
    out: list[tuple[int, str]] = []
    pos, line, line_start = 0, 1, 0
    n = len(text)
    while pos < n and len(out) < MAX_LOOKALIKES:
        c = text[pos]
        if c == "\n":
            line, line_start = line + 1, pos + 1
        elif c in "\"'":
            end = _string_end(text, pos)
            if end >= n and "\n" in text[pos:]:
                end = text.index("\n", pos)  # an unclosed string ends with its line, as far as we can tell
            line += text.count("\n", pos, end)
            if "\n" in text[pos:end]:
                line_start = text.rindex("\n", pos, end) + 1
            pos = max(end, pos + 1)
            continue
        elif c == "#":
            end = text.find("\n", pos)
            pos = n if end < 0 else end
            continue
        elif ord(c) > 127:
            col = pos - line_start + 1
            if c in _LOOKALIKES:
                name, needs = _LOOKALIKES[c]
                out.append((line, f"{name} at line {line}, column {col}, where TOML needs {needs}"))
            else:
                label = unicodedata.name(c, f"U+{ord(c):04X}").lower()
                out.append((line, f"the character {c!r} ({label}) at line {line}, column {col}; outside quotes "
                                  "TOML takes only plain ASCII"))
        pos += 1
    return out


def read_toml(path: Path, cap: int, folder: Path | None = None) -> tuple[dict[str, Any], str, bytes]:
    """A TOML file as (table, text, bytes), guarded as read_bytes and check_shape describe."""
    raw = read_bytes(path, cap, folder)
    text = decode(Path(path), raw)
    return parse_toml(Path(path), text), text, raw


def printable(text: str, limit: int = 200) -> str:
    """Text from a file made safe to print in a terminal: control characters (escape
    sequences could clear the screen or retitle the window) shown as \\xNN, and cut short."""
    out = "".join(c if unicodedata.category(c)[0] != "C" or c == " " else c.encode("unicode_escape").decode("ascii")
                  for c in text[: limit + 1])
    return out if len(text) <= limit else out[:limit] + "…"
