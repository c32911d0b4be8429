"""The cue sheet: how a running stage tells the facilitator's notes view where it is.

The stage (`warm-intro demo ID`, on the projector) writes a small JSON file each time it
moves; the notes view (`warm-intro demo ID --notes`, in a second terminal or browser tab on
the same computer) reads it a few times a second. A file, not a socket: nothing listens,
nothing can be reached from another machine, and a stage that crashes leaves only a file
whose process is gone, which the notes view ignores.

The files live in a folder of this user's own (`$XDG_RUNTIME_DIR/warm-intro`, else a
`warm-intro-UID` folder in the system's temporary folder; `WARM_INTRO_RUNTIME_DIR` moves
it), one file per stage (`stage-PID.json`), each written whole and renamed into place so
a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game.demo.script import Beat, Demo

CUE_VERSION = 1
MAX_CUE_BYTES = 256_000  # a long demo's beats and notes are a few kilobytes

# How much of a demo's minutes each kind of beat is planned to take: the pauses are where a
# class talks; an action is a glance at what changed.
WEIGHTS = {"action": 1.0, "reveal": 1.0, "caption": 2.0, "marker": 4.0, "choose": 6.0}
PAUSE_WEIGHT = 4.0


def runtime_dir() -> Path:
    """This user's folder for cue sheets, made private if it has to be made."""
    if override := os.environ.get("WARM_INTRO_RUNTIME_DIR"):
        folder = Path(override)
    elif xdg := os.environ.get("XDG_RUNTIME_DIR"):
        folder = Path(xdg) / "warm-intro"
    else:
        uid = os.getuid() if hasattr(os, "getuid") else "user"
        folder = Path(tempfile.gettempdir()) / f"warm-intro-{uid}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class CueBeat:
    """One beat as the notes view shows it."""

    kind: str
    text: str  # the caption, the question, or the move in words
    note: str = ""
    planned: float = 0.0  # seconds


@dataclass
class Cue:
    """Where a stage stands: which demo, which beat, and how long each beat took."""

    pid: int
    demo: str
    title: str
    minutes: int
    notes: str  # the demo's facilitator notes
    beats: list[CueBeat]
    pos: int
    started: float  # when the stage opened (seconds since the epoch)
    beat_started: float  # when the beat showing came up
    spent: dict[int, float] = field(default_factory=dict)  # beat index -> seconds spent on it so far
    week: int = 0
    version: int = CUE_VERSION

    def elapsed(self, now: float) -> float:
        return max(0.0, now - self.started)

    def on_beat(self, now: float) -> float:
        """Seconds on the beat showing: earlier visits to it, and this one."""
        return self.spent.get(self.pos, 0.0) + max(0.0, now - self.beat_started)

    def planned_until(self, pos: int) -> float:
        """Seconds the plan gives the beats before `pos` and `pos` itself."""
        return sum(b.planned for b in self.beats[: pos + 1])


def plan(beats: list[Beat], minutes: int) -> list[float]:
    """The demo's minutes spread over its beats, by how long each kind usually takes in a room."""
    weights = [WEIGHTS.get(b.kind, 1.0) + (PAUSE_WEIGHT if b.pause else 0.0) for b in beats]
    total = sum(weights) or 1.0
    return [minutes * 60 * w / total for w in weights]


def cue_file(folder: Path, pid: int | None = None) -> Path:
    return folder / f"stage-{os.getpid() if pid is None else pid}.json"


def write_cue(cue: Cue, folder: Path | None = None) -> Path:
    """Write the cue sheet whole, then rename it into place: a reader sees the old one or the new one."""
    folder = folder or runtime_dir()
    path = cue_file(folder, cue.pid)
    data = json.dumps(asdict(cue), ensure_ascii=False, separators=(",", ":"))
    fd, tmp = tempfile.mkstemp(prefix=".stage-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def remove_cue(pid: int | None = None, folder: Path | None = None) -> None:
    """A stage that closes takes its cue sheet with it."""
    with contextlib.suppress(OSError):
        cue_file(folder or runtime_dir(), pid).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _parse(raw: str) -> Cue | None:
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("version") != CUE_VERSION:
            return None
        beats = [CueBeat(str(b["kind"]), str(b["text"]), str(b.get("note", "")), float(b.get("planned", 0)))
                 for b in data["beats"]]
        spent = {int(k): float(v) for k, v in dict(data.get("spent", {})).items()}
        return Cue(int(data["pid"]), str(data["demo"]), str(data["title"]), int(data["minutes"]),
                   str(data.get("notes", "")), beats, int(data["pos"]), float(data["started"]),
                   float(data["beat_started"]), spent, int(data.get("week", 0)))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_cues(folder: Path | None = None, demo: str | None = None) -> list[Cue]:
    """The stages running now (of `demo`, if given), the one that moved last first.

    Files of stages that are gone, half-written, foreign or too large are passed over.
    """
    folder = folder or runtime_dir()
    found: list[tuple[float, Cue]] = []
    for path in sorted(folder.glob("stage-*.json")):
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_CUE_BYTES:
                continue
            cue = _parse(path.read_text(encoding="utf-8"))
            mtime = path.stat().st_mtime
        except OSError:
            continue
        if cue is None or not _alive(cue.pid) or (demo and cue.demo != demo):
            continue
        found.append((mtime, cue))
    return [cue for _, cue in sorted(found, key=lambda item: (-item[0], item[1].pid))]


def cue_of(demo: Demo, beats: list[CueBeat], pos: int, started: float, beat_started: float,
           spent: dict[int, float], week: int) -> Cue:
    return Cue(os.getpid(), demo.id, demo.title, demo.minutes, demo.notes, beats, pos, started, beat_started,
               dict(spent), week)
