"""Class mode: every student's replay code, replayed, and the class's results side by side.

Students play a campaign or a demo on their own machines and each shares a replay code. A
code is a game's campaign, seed and moves, so replaying it rebuilds exactly the game the
student played, journal and all; the report reads only what the game recorded there:
outcomes, fits and weeks, the doors that shut and the cause recorded behind each, the
lessons met and the turning points most students reached. Any two students' timelines can
be set side by side week by week.

A codes file is plain text, one code a line, optionally after a name ("Ana: WI1-..."), with
blank lines and `#` comments. A code that cannot be used (damaged, edited, from another
version of the game or from a pack this report has not loaded) is listed with the reason
and never stops the report.

The report is laid out once as `story.Block`s, so Markdown, HTML and the screen tell the same thing.
"""

from __future__ import annotations

import re
import statistics
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from game.demo.debrief import TurningPoint, turning_points
from game.demo.script import Demo, DemoError, play, run_actions
from game.demo.story import Block, Item, lesson_text
from game.demo.story import to_html as blocks_html
from game.demo.story import to_markdown as blocks_markdown
from game.demo.timeline import CODE_PREFIX, Replay, ReplayCodeError, decode_replay
from game.engine import lessons as L
from game.engine.actions import RULES, Action
from game.engine.kinds import Door, EffectKind, Meter, PlayerMeter
from game.engine.replay import ReplayError, replay_states
from game.engine.rules import HIRED, fit, role_words, score
from game.engine.state import CONNECTED, Effect, State
from game.engine.world import World

# a codes file is a class list, not a library: a few hundred lines at most
MAX_CODES_FILE_BYTES = 5_000_000
_CODE_START = re.compile(r"\bWI(\d+)-")
_CONTINUED = re.compile(r"[A-Za-z0-9_-]+")  # the rest of a code, on a line of its own


# --- reading a codes file --------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of a codes file that holds (or should hold) a code: its number in the class."""

    n: int  # 1, 2, ... in file order: the number the report and --compare use
    line: int
    name: str  # as written before the code, else "Student N"
    code: str


def _cut_short(code: str) -> bool:
    """A code that does not read as it stands (so the next line may be the rest of it)."""
    if not code.startswith(CODE_PREFIX):
        return False
    try:
        decode_replay(code)
    except ReplayCodeError:
        return True
    return False


def read_codes(text: str) -> list[Entry]:
    """The codes of a file, each with its line, its number and its student's name.

    A line is `NAME: CODE`, `NAME<tab>CODE`, `NAME, CODE` or a bare code; anything after
    ` #` is a comment, and blank lines and lines starting with `#` are skipped. A line of
    nothing but code characters right after a code continues it (a code copied from a
    wrapped screen). A line with no code on it is kept as an entry, so the report can say so.
    """
    out: list[Entry] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0].strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        if out and _CONTINUED.fullmatch(line) and not _CODE_START.match(line) and _cut_short(out[-1].code):
            # a long code copied off a screen or a page arrives broken over lines: join it again
            last = out[-1]
            out[-1] = Entry(last.n, last.line, last.name, last.code + line)
            continue
        found = _CODE_START.search(line)
        if found:
            name = line[: found.start()].strip().rstrip(":,;=-–—\t ").strip()
            code = line[found.start():].split()[0]
        else:
            name, sep, rest = line.partition(":")
            name, code = (name.strip(), rest.strip()) if sep else ("", line)
        n = len(out) + 1
        out.append(Entry(n, number, name or f"Student {n}", code))
    return out


def read_codes_file(path: Path) -> str:
    """The text of a codes file. Raises ValueError saying why it cannot be read."""
    if not path.is_file():
        raise ValueError(f"{path} is not a file" if path.exists() else f"there is no file {path}")
    if path.stat().st_size > MAX_CODES_FILE_BYTES:
        raise ValueError(f"{path} is {path.stat().st_size} bytes, far more than a class's codes")
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    return data.decode("latin-1")


def class_worlds(packs: Iterable[str] = ()) -> tuple[dict[str, World], list[tuple[Demo, World]]]:
    """core and each pack folder given, by pack id, with every demo they hold.
    Raises PackError or DemoError."""
    from game.demo.script import load_demos
    from game.packs.loader import core_pack_path, load_core, load_pack

    core = load_core()
    worlds = {core.pack_id: core}
    demos = [(d, core) for d in load_demos(core_pack_path(), core)]
    for folder in packs:
        world = load_pack(folder)
        worlds[world.pack_id] = world
        demos += [(d, world) for d in load_demos(Path(folder), world)]
    return worlds, demos


# --- one student's game ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Closed:
    """A door that shut for good, and the rule behind it as the game recorded it."""

    person: str  # a contact id
    week: int
    lesson: str
    cause: str  # the recorded change that led to it, in the game's words
    move: str  # the move that shut it, in the game's words


@dataclass
class Student:
    """A replayed code: the game the student played, and what the report reads from it."""

    entry: Entry
    replay: Replay
    world: World
    state: State
    demo: Demo | None = None  # a demo played through this code, if it still plays as coded
    markers: list[tuple[str, str, int]] = field(default_factory=list)  # demo turning points reached: marker, title, week
    points: list[TurningPoint] = field(default_factory=list)
    closed: list[Closed] = field(default_factory=list)

    @property
    def n(self) -> int:
        return self.entry.n

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def hired(self) -> bool:
        return self.state.outcome == HIRED

    @property
    def fit(self) -> float | None:
        return fit(self.state, self.state.job) if self.hired and self.state.job else None

    @property
    def weeks(self) -> int:
        """Weeks the search took: to the job, or every week played (the savings ran out)."""
        return self.state.week if self.hired or not self.state.outcome else self.state.week - 1

    @property
    def score(self) -> int:
        return score(self.state)

    def played(self) -> str:
        """What the student played: the campaign, or the demo and the class's answers."""
        title = self.world.campaigns[self.state.campaign].title
        if self.demo is not None:
            answers = "-".join(v for _, v in sorted(self.replay.choices.items()))
            return f"demo {self.demo.id}" + (f" ({answers})" if answers else "")
        return f"{title}, seed {self.state.seed}"

    def outcome(self) -> str:
        if self.demo is not None and not self.state.outcome:
            return f"the demo's story ends in week {self.state.week}"
        if self.hired and self.state.job:
            return f"hired as {role_words(self.world, self.state.job)}"
        if self.state.outcome:
            return "the savings ran out"
        return f"still searching in week {self.state.week}"

    def doors(self, door: str) -> list[str]:
        """The people met whose door is `door` at the end, by name."""
        return sorted(self.world.people[cid].name for cid, c in self.state.contacts.items()
                      if c.stage == CONNECTED and c.door == door)


@dataclass(frozen=True)
class Unusable:
    """A code the report could not use, and why."""

    entry: Entry
    reason: str


def _pack_problem(replay: Replay, worlds: dict[str, World]) -> tuple[World | None, str]:
    """The world a code was played in, or why it is not the one this report has."""
    pack_id = replay.packs[-1][0] if replay.packs else "core"
    world = worlds.get(pack_id)
    if world is None:
        return None, (f"played with the pack {pack_id!r}, which this report has not loaded "
                      f"(add --pack with that pack's folder)")
    have = {p: v for p, v, *_ in (getattr(world, "packs", ()) or ((world.pack_id, world.pack_version),))}
    for pid, version in replay.packs:
        if pid not in have:
            return None, f"played with the pack {pid!r} under {pack_id!r}; this report's {pack_id!r} does not build on it"
        if have[pid] != version:
            return None, (f"made with {pid} {version}, and this is {pid} {have[pid]}: the same moves may not "
                          "play the same way, so ask for a code from this version")
    if replay.campaign not in world.campaigns:
        return None, f"its campaign {replay.campaign!r} is not in the pack {pack_id!r}"
    return world, ""


def _decode(entry: Entry) -> Replay | str:
    """The code's game, or why it cannot be read."""
    code = entry.code
    if not code:
        return "no code on this line"
    version = _CODE_START.match(code)
    if version and f"WI{version.group(1)}-" != CODE_PREFIX:
        return (f"made by another version of Warm Intro (a WI{version.group(1)} code; this version reads "
                f"{CODE_PREFIX}...): the student's game and this one differ")
    if not code.startswith(CODE_PREFIX):
        shown = code if len(code) <= 30 else code[:29] + "…"
        return f"not a replay code (a replay code starts with {CODE_PREFIX}; this line reads {shown!r})"
    try:
        return decode_replay(code)
    except ReplayCodeError as exc:
        reason = str(exc)
        if "damaged or incomplete (" in reason or "cut short" in reason:  # the reader's own words mean nothing to a class
            reason = "the code is damaged or incomplete: it may have been cut short or changed when it was copied"
        return reason


def replay_student(entry: Entry, worlds: dict[str, World], demos: Iterable[tuple[Demo, World]] = ()) -> Student | Unusable:
    """One code replayed under the rules of this version, or the reason it cannot be."""
    decoded = _decode(entry)
    if isinstance(decoded, str):
        return Unusable(entry, decoded)
    replay = decoded
    world, problem = _pack_problem(replay, worlds)
    if world is None:
        return Unusable(entry, problem)
    try:
        state = _last(replay_states(world, replay.campaign, replay.seed, replay.actions))
    except ReplayError as exc:
        return Unusable(entry, f"its moves do not replay (the code was edited, or made with a changed pack): {exc}")
    except (KeyError, ValueError, TypeError) as exc:
        return Unusable(entry, f"its moves name something the pack does not have ({exc})")
    student = Student(entry, replay, world, state)
    if replay.demo:
        _attach_demo(student, demos)
    student.points = turning_points(state)
    student.closed = closed_doors(state)
    return student


def _last(states: Iterable[State]) -> State:
    state = None
    for state in states:  # noqa: B007 - the last one is the answer
        pass
    assert state is not None
    return state


def _attach_demo(student: Student, demos: Iterable[tuple[Demo, World]]) -> None:
    """The demo a code was made in, when it still plays the code's moves (up to where the student stopped)."""
    replay = student.replay
    demo = next((d for d, w in reversed(list(demos)) if d.id == replay.demo and w is student.world), None)
    if demo is None or (demo.campaign, demo.seed) != (replay.campaign, replay.seed):
        return
    try:
        run = play(demo, student.world, replay.choices)
    except (DemoError, StopIteration):
        return
    moves = run_actions(run)
    if moves[: len(replay.actions)] != replay.actions:
        return
    student.demo = demo
    for beat, state in zip(run.beats, run.states, strict=False):
        if state.steps > len(replay.actions):
            break
        if beat.kind == "marker":
            student.markers.append((beat.marker, beat.title, state.week))


def _harmful(e: Effect, cid: str) -> bool:
    """A visible change that pushed this person away: trust down or embarrassment up."""
    return (e.visible and e.kind == EffectKind.CONTACT_METER and e.target == cid
            and ((e.meter == Meter.TRUST and e.delta < 0) or (e.meter == Meter.EMBARRASSMENT and e.delta > 0)))


def closed_doors(state: State) -> list[Closed]:
    """Every door that shut for good, with the change the game recorded that led to it.

    The rule behind a door is the lesson its closing names; the cause is the change under
    that lesson that did it: a blow to that person in the same move, else another change the
    move made (word travelling from someone pressed), else the last blow to that person
    before it (the first reminder of a slipped promise). Only then a change under another
    lesson, and last the door's own words.
    """
    out: list[Closed] = []
    earlier: dict[str, list[Effect]] = defaultdict(list)
    for node in state.history_nodes():
        for i, e in enumerate(node.effects):
            if e.kind == EffectKind.DOOR and e.after == Door.CLOSED:
                cid = e.target
                blows = [x for x in node.effects[:i] if _harmful(x, cid)]
                told = [x for x in node.effects if x.lesson == e.lesson and (_harmful(x, x.target) or (
                        x.visible and x.kind == EffectKind.PLAYER_METER and x.meter == PlayerMeter.REPUTATION
                        and x.delta < 0))]
                before = earlier[cid]
                candidates = ([x for x in reversed(blows) if x.lesson == e.lesson] + told
                              + [x for x in reversed(before) if x.lesson == e.lesson]
                              + list(reversed(blows)) + list(reversed(before)) + [e])
                out.append(Closed(cid, e.week, e.lesson, candidates[0].cause, _move_words(state.world, node.action)))
        for e in node.effects:
            if _harmful(e, e.target):
                earlier[e.target].append(e)
    return out


def _move_words(world: World, action: Action) -> str:
    rule = RULES.get(action.name)
    return rule.label(world, action) if rule is not None else action.label()


# --- the class -------------------------------------------------------------------------------------

# a turning point as the report counts it: the kinds and moments debrief.turning_points records
MOMENT_WORDS: dict[tuple[str, str], str] = {
    ("door", Door.CLOSED): "a door shut for good",
    ("door", Door.AVOIDING): "someone started avoiding them",
    ("door", Door.WARM): "someone warmed to them",
    ("door", Door.ADVOCATE): "someone became their advocate",
    ("promise", "volunteered"): "accepted a volunteered introduction: a promise owed to them",
    ("promise", "embarrassed"): "a reminder embarrassed someone",
    ("press", "trust_lost"): "asked a favour too soon and lost trust",
    ("interest", "interview"): "said \"Yes!\" too soon: the talk became an interview",
    ("interest", "explore"): "said they were still exploring, and gained trust",
    ("introduction", EffectKind.INTRODUCED): "were introduced to someone new",
    ("introduction", EffectKind.ADVOCATE_INTRODUCED): "an advocate introduced them without being asked",
    ("introduction", EffectKind.PROMISE_INTRODUCED): "a promised introduction came through",
    ("offer", "offer"): "were offered a job",
}


# the same moments in one student's timeline, about the person (or role) they concern
MOMENT_WHO: dict[tuple[str, str], str] = {
    ("door", Door.CLOSED): "{who} shut the door for good",
    ("door", Door.AVOIDING): "{who} started avoiding them",
    ("door", Door.WARM): "{who} warmed to them",
    ("door", Door.ADVOCATE): "{who} became an advocate",
    ("promise", "volunteered"): "accepted {who}'s offer to introduce them",
    ("promise", "embarrassed"): "a reminder embarrassed {who}",
    ("press", "trust_lost"): "pressed {who} for a favour",
    ("interest", "interview"): "\"Yes!\" too soon ({who}): an interview",
    ("interest", "explore"): "told {who} they were still exploring",
    ("introduction", EffectKind.INTRODUCED): "met {who}",
    ("introduction", EffectKind.ADVOCATE_INTRODUCED): "an advocate introduced them to {who}",
    ("introduction", EffectKind.PROMISE_INTRODUCED): "a promised introduction to {who} came through",
    ("offer", "offer"): "an offer: {who}",
}


def moment_words(kind: str, moment: str) -> str:
    return MOMENT_WORDS.get((kind, moment), f"{kind}: {moment.replace('_', ' ')}")


@dataclass(frozen=True)
class DoorTally:
    """A person whose door shut for some students, and the rules behind it."""

    name: str
    students: int
    rules: tuple[tuple[str, str, int], ...]  # (lesson title, the recorded cause, how many students)


@dataclass(frozen=True)
class Tally:
    label: str
    students: int
    first_week: float  # the median week it first happened
    lesson: str = ""


@dataclass
class ClassReport:
    """The class's games side by side, and what they have in common."""

    students: list[Student]
    unusable: list[Unusable]
    source: str = ""  # the codes file's name

    @property
    def total(self) -> int:
        return len(self.students) + len(self.unusable)

    def find(self, which: str) -> Student | Unusable | None:
        """A student by number ("3") or by name (any case); None if there is none."""
        which = which.strip()
        everyone: list[Student | Unusable] = [*self.students, *self.unusable]
        if which.isdigit():
            return next((s for s in everyone if s.entry.n == int(which)), None)
        return next((s for s in everyone if s.entry.name.casefold() == which.casefold()), None)

    def doors(self) -> list[DoorTally]:
        """Who shut the door on how many students, and the rule and recorded cause behind it."""
        by_person: dict[str, set[int]] = defaultdict(set)
        rules: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        for s in self.students:
            for c in s.closed:
                name = s.world.people[c.person].name
                by_person[name].add(s.n)
                rules[name][(L.title(s.world.lessons, c.lesson), c.cause)] += 1
        out = [DoorTally(name, len(who), tuple((lesson, cause, n) for (lesson, cause), n in
                                                sorted(rules[name].items(), key=lambda kv: (-kv[1], kv[0]))))
               for name, who in by_person.items()]
        return sorted(out, key=lambda d: (-d.students, d.name))

    def lessons(self) -> list[tuple[str, str, int]]:
        """(lesson id, title, students who met it), every lesson, in the codex's order."""
        world = self.students[0].world if self.students else None
        out = []
        for lid in L.LESSONS:
            n = sum(1 for s in self.students if lid in s.state.lessons)
            out.append((lid, L.title(world.lessons, lid) if world else L.TITLES.get(lid, lid), n))
        return out

    def turning_points(self) -> list[Tally]:
        """The turning points the most students reached, with the median week each first came."""
        firsts: dict[str, list[int]] = defaultdict(list)
        lessons: dict[str, Counter[str]] = defaultdict(Counter)
        for s in self.students:
            seen: dict[str, int] = {}
            for p in s.points:
                if p.kind == "outcome":
                    continue
                label = moment_words(p.kind, p.moment)
                seen.setdefault(label, p.week)
                lessons[label][p.lesson] += 1
            for _marker, title, week in s.markers:
                if s.demo is not None:
                    seen.setdefault(f"in the demo {s.demo.id}: {title}", week)
            for label, week in seen.items():
                firsts[label].append(week)
        world = self.students[0].world if self.students else None
        out = []
        for label, weeks in firsts.items():
            lesson = lessons[label].most_common(1)[0][0] if lessons[label] else ""
            title = L.title(world.lessons, lesson) if world and lesson else ""
            out.append(Tally(label, len(weeks), statistics.median(weeks), title))
        return sorted(out, key=lambda t: (-t.students, t.first_week, t.label))


def report(entries: list[Entry], worlds: dict[str, World], demos: Iterable[tuple[Demo, World]] = (),
           source: str = "") -> ClassReport:
    """Every entry replayed. A code that cannot be used goes to the list of unusable codes;
    the same code under the same name (pasted twice) is counted once. Two students may well
    share a code: everyone who answers a demo's choice the same way plays the same game."""
    demos = list(demos)
    students: list[Student] = []
    unusable: list[Unusable] = []
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.code, entry.name.casefold())
        if entry.code and key in seen:
            first = seen[key]
            unusable.append(Unusable(entry, f"the same code as #{first.n} ({first.name}) again: counted once"))
            continue
        seen.setdefault(key, entry)
        result = replay_student(entry, worlds, demos)
        (students if isinstance(result, Student) else unusable).append(result)  # type: ignore[arg-type]
    unusable.sort(key=lambda u: u.entry.n)
    return ClassReport(students, unusable, source)


# --- two students side by side ---------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    a: Student
    b: Student
    parts_at: tuple[int, int] | None  # (move, week) where the same world's two games first differ
    weeks: tuple[tuple[int, str, str], ...]  # (week, what A did and met, what B did and met)
    ends: tuple[tuple[str, str, str], ...]  # (what, A, B) at the end


def _week_text(s: Student, week: int) -> str:
    moves = [node for node in s.state.history_nodes() if node.week == week and node.action.name != "end_week"]
    said: Counter[str] = Counter()
    for p in s.points:
        if p.week == week and p.kind != "outcome":
            said[MOMENT_WHO.get((p.kind, p.moment), "{who}: " + moment_words(p.kind, p.moment)).format(who=p.who)] \
                += p.count
    if s.state.outcome and week == s.state.week and s.state.outcome != HIRED:
        said["the savings ran out"] += 1
    head = f"{len(moves)} move{'s' if len(moves) != 1 else ''}"
    return head + ("; " + "; ".join(t + (f" ×{n}" if n > 1 else "") for t, n in said.items()) if said else "")


def compare_students(a: Student, b: Student) -> Pair:
    """Two students' timelines week by week: their moves, their turning points, how each ended."""
    parts_at = None
    if (a.state.campaign, a.state.seed, a.world) == (b.state.campaign, b.state.seed, b.world):
        moves_a, moves_b = a.replay.actions, b.replay.actions
        i = next((i for i, (x, y) in enumerate(zip(moves_a, moves_b, strict=False)) if x != y),
                 min(len(moves_a), len(moves_b)))
        if i < max(len(moves_a), len(moves_b)):
            nodes = list(a.state.history_nodes()) if i < len(moves_a) else list(b.state.history_nodes())
            parts_at = (i + 1, nodes[i].week)
    last = max(a.state.week, b.state.week)
    weeks = tuple((w, _week_text(a, w) if w <= a.state.week else "", _week_text(b, w) if w <= b.state.week else "")
                  for w in range(1, last + 1))

    def fit_text(s: Student) -> str:
        return f"{s.fit:.0%}" if s.fit is not None else "—"

    ends = (("played", a.played(), b.played()),
            ("ended", a.outcome(), b.outcome()),
            ("fit", fit_text(a), fit_text(b)),
            ("weeks", str(a.weeks), str(b.weeks)),
            ("score", *(str(s.score) if s.demo is None or s.state.outcome else "—" for s in (a, b))),
            ("doors shut", ", ".join(a.doors(Door.CLOSED)) or "none", ", ".join(b.doors(Door.CLOSED)) or "none"),
            ("advocates", ", ".join(a.doors(Door.ADVOCATE)) or "none", ", ".join(b.doors(Door.ADVOCATE)) or "none"),
            ("lessons met", str(len(a.state.lessons)), str(len(b.state.lessons))))
    return Pair(a, b, parts_at, weeks, ends)


# --- laid out --------------------------------------------------------------------------------------


def student_row(s: Student, one_campaign: bool = False) -> tuple[str, ...]:
    """One student's line of the results table (with one campaign for all, its seed stands for it)."""
    if s.hired and s.state.job:
        ended = f"hired: {s.world.opportunities[s.state.job].title}"
    elif s.state.outcome:
        ended = "savings ran out"
    else:
        ended = f"demo ends, week {s.state.week}" if s.demo is not None else f"searching, week {s.state.week}"
    played = s.played() if not one_campaign or s.demo is not None else f"seed {s.state.seed}"
    # a demo stops where its story does: a score would read like a game left unfinished
    points = "—" if s.demo is not None and not s.state.outcome else str(s.score)
    return (str(s.n), s.name, played, ended, f"{s.fit:.0%}" if s.fit is not None else "—",
            str(s.weeks), points, str(len(s.doors(Door.CLOSED))), str(len(s.doors(Door.ADVOCATE))),
            str(len(s.state.lessons)))


RESULT_HEAD = ("#", "student", "played", "ended", "fit", "weeks", "score", "shut", "advocates", "lessons")


def seeds_only(r: ClassReport) -> bool:
    """Everyone played the same campaign and no demo: a seed says all the table needs."""
    return len(campaigns(r)) == 1 and all(s.demo is None for s in r.students)


def campaigns(r: ClassReport) -> list[str]:
    """The campaigns the class played, by title, in the order first seen."""
    return list(dict.fromkeys(s.world.campaigns[s.state.campaign].title for s in r.students))


def summary(r: ClassReport) -> str:
    """The class in a few sentences: how many codes replayed, what was played, how it went."""
    text = (f"{r.total} codes read: {len(r.students)} replayed"
            + (f", {len(r.unusable)} could not be used (listed at the end)" if r.unusable else "") + ". ")
    in_demos = [s for s in r.students if s.demo is not None]
    for demo_id in dict.fromkeys(s.demo.id for s in in_demos if s.demo is not None):
        them = [s for s in in_demos if s.demo is not None and s.demo.id == demo_id]
        answers = Counter("-".join(v for _, v in sorted(s.replay.choices.items())) or "no choice" for s in them)
        text += (f"{len(them)} played the demo {demo_id}"
                 + (" (" + ", ".join(f"{n} chose {k}" for k, n in sorted(answers.items())) + ")"
                    if any(answers) else "") + ". ")
    played = [s for s in r.students if s.demo is None]
    if played:
        titles = list(dict.fromkeys(s.world.campaigns[s.state.campaign].title for s in played))
        text += (f"{len(played)} played {titles[0]}. " if len(titles) == 1
                 else f"{len(played)} played a campaign ({', '.join(titles)}). ")
        hired = [s for s in played if s.hired]
        fits = [s.fit for s in hired if s.fit is not None]
        text += f"{len(hired)} of {len(played)} were hired"
        if hired:
            text += (f", with a median fit of {statistics.median(fits):.0%} after a median of "
                     f"{statistics.median(s.weeks for s in hired):g} weeks")
        text += "."
    return text.strip()


def pair_blocks(p: Pair) -> list[Block]:
    a, b = p.a, p.b
    out = [Block("h2", f"#{a.n} {a.name} and #{b.n} {b.name}, side by side")]
    if p.parts_at is not None:
        out.append(Block("p", f"Same world, same seed: their games part at move {p.parts_at[0]}, in week "
                              f"{p.parts_at[1]}."))
    elif (a.state.campaign, a.state.seed) == (b.state.campaign, b.state.seed):
        out.append(Block("p", "Same world, same seed, the same moves: the same game."))
    elif a.state.campaign == b.state.campaign:
        out.append(Block("p", f"The same campaign on different seeds ({a.state.seed} and {b.state.seed}): the same "
                              "people, not the same luck, so compare the choices more than the weeks."))
    else:
        out.append(Block("p", "Different campaigns: compare the choices, not the people."))
    out.append(Block("table", rows=(("", f"#{a.n} {a.name}", f"#{b.n} {b.name}"), *p.ends)))
    out.append(Block("h3", "Week by week"))
    out.append(Block("table", rows=(("week", f"#{a.n} {a.name}", f"#{b.n} {b.name}"),
                                    *((str(w), x or "", y or "") for w, x, y in p.weeks))))
    return out


def blocks(r: ClassReport, pairs: Iterable[Pair] = ()) -> list[Block]:
    """The class report, laid out: results, doors, lessons, turning points, comparisons, unusable codes."""
    out = [Block("h1", "Class report" + (f": {r.source}" if r.source else "")), Block("p", summary(r))]
    out.append(Block("h2", "Results"))
    if r.students:
        one = seeds_only(r)
        head = RESULT_HEAD if not one else ("#", "student", "seed", *RESULT_HEAD[3:])
        out.append(Block("table", rows=(head, *(student_row(s, one) for s in r.students))))
        out.append(Block("p", "fit: how well the job suited the student's hidden wishes; weeks: to the job, or "
                              "until the savings ran out; shut: doors closed for good; lessons: codex cards met."))
    else:
        out.append(Block("p", "No code could be replayed."))

    out.append(Block("h2", "Doors that shut"))
    doors = r.doors()
    if not doors:
        out.append(Block("p", "No student shut a door for good."))
    for d in doors:
        out.append(Block("h3", f"{d.name}: shut for {d.students} of {len(r.students)} students"))
        out.append(Block("list", items=tuple(Item(f"{cause} ({n} student{'s' if n != 1 else ''})", lead=lesson)
                                             for lesson, cause, n in d.rules)))

    out.append(Block("h2", "Lessons met"))
    out.append(Block("table", rows=(("lesson", "students who met it"),
                                    *((title, f"{n} of {len(r.students)}") for _, title, n in r.lessons()))))
    met = [lid for lid, _, n in r.lessons() if n]
    if met and r.students:
        world = r.students[0].world
        out.append(Block("list", items=tuple(Item(lesson_text(world, lid).summary or "", lead=lesson_text(world, lid).title)
                                             for lid in met if lesson_text(world, lid).summary)))

    out.append(Block("h2", "The most common turning points"))
    tallies = r.turning_points()
    if not tallies:
        out.append(Block("p", "No turning points recorded."))
    else:
        out.append(Block("table", rows=(("turning point", "students", "first, median week", "lesson"),
                                        *((t.label, f"{t.students} of {len(r.students)}", f"{t.first_week:g}",
                                           t.lesson) for t in tallies))))
    for p in pairs:
        out += pair_blocks(p)

    out.append(Block("h2", "Codes that could not be used"))
    if not r.unusable:
        out.append(Block("p", "Every code replayed."))
    else:
        out.append(Block("list", items=tuple(Item(u.reason, lead=f"#{u.entry.n} {u.entry.name} (line {u.entry.line})")
                                             for u in r.unusable)))
    return out


def to_markdown(r: ClassReport, pairs: Iterable[Pair] = ()) -> str:
    return blocks_markdown(_escaped(blocks(r, pairs)))


def to_html(r: ClassReport, pairs: Iterable[Pair] = ()) -> str:
    return blocks_html(blocks(r, pairs))


def _escaped(bs: list[Block]) -> list[Block]:
    """Cells with a `|` would break a Markdown table (a student's name may hold one)."""
    out = []
    for b in bs:
        if b.kind == "table":
            b = Block("table", rows=tuple(tuple(c.replace("|", "\\|") for c in row) for row in b.rows))
        out.append(b)
    return out


def to_text(blocks: list[Block], width: int = 100) -> list[str]:
    """The report for a terminal: headings underlined, tables in columns, long lines wrapped."""
    out: list[str] = []
    for b in blocks:
        if b.kind == "h1":
            out += [b.text, "=" * min(width, len(b.text))]
        elif b.kind == "h2":
            out += ["", b.text, "-" * min(width, len(b.text))]
        elif b.kind == "h3":
            out += ["", b.text]
        elif b.kind in ("p", "quote", "code"):
            out += textwrap.wrap(b.text, width) or [""]
        elif b.kind in ("list", "numbered"):
            for n, item in enumerate(b.items, 1):
                mark = f"{n}." if b.kind == "numbered" else "-"
                text = f"{item.lead}: {item.text}" if item.lead else item.text
                out += textwrap.wrap(text, width, initial_indent=f"  {mark} ", subsequent_indent="    ")
        elif b.kind == "table":
            out += _columns(b.rows, width)
    return out


def _columns(rows: tuple[tuple[str, ...], ...], width: int) -> list[str]:
    """A table in aligned columns; the widest column wraps so a line fits `width`."""
    cols = len(rows[0])
    widths = [max(len(r[i]) for r in rows) for i in range(cols)]
    while sum(widths) + 2 * (cols - 1) > width and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    out = []
    for n, row in enumerate(rows):
        cells = [textwrap.wrap(cell, widths[i]) or [""] for i, cell in enumerate(row)]
        for k in range(max(len(c) for c in cells)):
            line = "  ".join((c[k] if k < len(c) else "").ljust(widths[i]) for i, c in enumerate(cells))
            out.append(line.rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


@dataclass(frozen=True)
class ReportFiles:
    folder: Path
    markdown: Path
    html: Path


def export(r: ClassReport, root: Path, pairs: Iterable[Pair] = (), when: datetime | None = None) -> ReportFiles:
    """The report as Markdown and self-contained HTML in a new folder under `root` (never one used before)."""
    from game.demo.session import new_export_folder

    pairs = list(pairs)
    folder = new_export_folder(root, "class-report", when)
    md, page = folder / "class-report.md", folder / "class-report.html"
    md.write_text(to_markdown(r, pairs), encoding="utf-8")
    page.write_text(to_html(r, pairs), encoding="utf-8")
    return ReportFiles(folder, md, page)


__all__ = ["MAX_CODES_FILE_BYTES", "ClassReport", "class_worlds", "read_codes_file", "to_text", "Closed", "DoorTally", "Entry", "Pair", "ReportFiles", "Student",
           "Tally", "Unusable", "blocks", "closed_doors", "seeds_only", "compare_students", "export", "read_codes", "replay_student",
           "report", "summary", "to_html", "to_markdown"]
