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
import tomllib
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

    def __init__(self, path: Path, why: Why, problem: str, line: int | None = None):
        self.path = path
        self.why = why
        self.problem = problem
        self.line = line
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
    """UTF-8 text, with a byte order mark dropped."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(path, Why.NOT_TEXT, f"it is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


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
    check_shape(path, text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _AT.search(str(exc))
        line, where = None, ""
        if found and found.group(1):
            line, where = int(found.group(1)), f" (line {found.group(1)}, column {found.group(2)})"
        raise Refused(path, Why.NOT_TOML, f"TOML syntax: {_AT.sub('', str(exc))}{where}", line) from None
    except (RecursionError, ValueError) as exc:  # ValueError: e.g. an integer with thousands of digits
        raise Refused(path, Why.NOT_TOML, f"it can't be read as TOML ({type(exc).__name__})") from None


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
