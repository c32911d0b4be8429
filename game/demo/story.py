"""The debrief of a presented demo: the story the class just watched, told the way a facilitator runs one.

A demo's debrief is built from the session, not picked from the game's events: the script's
turning points (its markers) in the order shown, with their captions, the lesson each one
teaches as the pack explains it, the questions in the facilitator's notes, and who chose
what (the class's answer, and any fork the presenter replayed afterwards). It follows the
shape of a classroom debrief: reactions, what happened, why, what if, and what you'll do
differently.

The words are laid out once, as `Block`s; Markdown, HTML and the presenter's screen are
each a rendering of the same blocks, so a handout and the screen never tell different stories.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from game.demo.script import Beat, Demo, Run, play, run_actions
from game.engine import lessons as L
from game.engine.state import State
from game.engine.world import World


@dataclass(frozen=True)
class Moment:
    """A turning point of the script as it was shown: its caption, its week, its lesson, what the game recorded."""

    n: int
    marker: str
    title: str
    caption: str
    week: int
    lesson: str  # a lesson id, or "" when nothing on the way to it taught one
    recorded: tuple[str, ...] = ()  # what the game recorded on the way here, in its own words
    where: str = ""
    file: str = ""  # the screenshot's file name, when there is one
    svg: str = ""


@dataclass(frozen=True)
class Answer:
    """An audience choice and how it was taken: by the class, and by the presenter's replay."""

    question: str
    where: str
    options: tuple[tuple[str, str], ...]
    chosen: str  # the class's answer; "" if the story stopped before the question
    replayed: str = ""  # the answer the presenter forked to afterwards, if any

    def label(self, key: str) -> str:
        return dict(self.options).get(key, key)

    def sentence(self) -> str:
        """ "At "..." the class chose A: "...". We then replayed B: "..." """
        if not self.chosen:
            return f"The class did not reach \"{self.question}\"."
        text = f"At \"{self.question}\" the class chose {self.chosen}: {_ended(self.label(self.chosen))}"
        if self.replayed and self.replayed != self.chosen:
            text += f" We then replayed {self.replayed}: {_ended(self.label(self.replayed))}"
        return text


def _ended(text: str) -> str:
    """A sentence's full stop, unless it already ends on one (inside its quotes: "Yes!")."""
    return text if text.rstrip("\"'”’)").endswith((".", "!", "?")) and not text.endswith(")") else text + "."


@dataclass(frozen=True)
class OtherPath:
    """Where another answer leads: its turning points after the choice, and how the ending differs."""

    answer: Answer
    key: str
    replayed: bool  # shown to the class as a fork, or only told here
    moments: tuple[Moment, ...]
    differences: tuple[str, ...]
    parts_in_week: int | None


@dataclass(frozen=True)
class LessonText:
    id: str
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class NotesQuestion:
    cue: str  # "After the door shuts"
    question: str
    hint: str = ""  # "(There is no villain: that is the point.)"


@dataclass
class Story:
    """Everything the presented debrief says, before it is laid out."""

    demo: Demo
    campaign_title: str
    week: int
    moments: list[Moment]
    answers: list[Answer]
    others: list[OtherPath]
    lessons: list[LessonText]
    notes_questions: list[NotesQuestion]
    session_questions: list[str]
    doors: dict[str, str]  # name -> door at the end, people met
    series: dict[str, dict[str, list[tuple[int, int]]]] = field(default_factory=dict)
    replay_code: str = ""
    outcome: str = ""  # "", or how the campaign itself ended inside the story (hired, savings gone)
    screens: list[tuple[str, str, str]] = field(default_factory=list)  # other screenshots: (title, file, SVG)


# --- reading the session -------------------------------------------------------------------------


def moments(run: Run, shots: dict[int, str] | None = None, prefix: str = "") -> list[Moment]:
    """The run's markers in order, each with what the game recorded since the one before."""
    from game.demo.debrief import turning_points

    shots = shots or {}
    points = turning_points(run.state)
    out: list[Moment] = []
    done = 0  # actions played up to the previous marker
    for i, beat in enumerate(run.beats[: len(run.states)]):
        if beat.kind != "marker":
            continue
        state = run.states[i]
        steps = state.steps
        found = [p for p in points if done < p.step <= steps]
        recorded = tuple(f"Week {p.week}, {p.who}: {p.what}" for p in found)
        lesson = _marker_lesson(beat, [p.lesson for p in found], _visible_lessons(state, done, steps))
        n = len(out) + 1
        file = f"{prefix}turning-point-{n}-{beat.marker}.svg" if i in shots else ""
        out.append(Moment(n, beat.marker, beat.title, beat.caption, state.week, lesson, recorded, beat.where,
                          file, shots.get(i, "")))
        done = steps
    return out


def _visible_lessons(state: State, start: int, end: int) -> list[str]:
    nodes = list(state.history_nodes())[start:end]
    return [e.lesson for node in nodes for e in node.effects if e.visible and e.lesson]


def _marker_lesson(beat: Beat, recorded: list[str], seen: list[str]) -> str:
    """What a turning point teaches: the script says so, else what it expects, else what the game recorded."""
    if beat.lesson:
        return beat.lesson
    if beat.expect_lessons:
        return beat.expect_lessons[0]
    for candidates in (recorded, seen):
        known = [lesson for lesson in candidates if lesson in L.LESSONS]
        if known:
            return Counter(known).most_common(1)[0][0]
    return ""


def notes_questions(notes: str) -> list[NotesQuestion]:
    """The quoted questions of the facilitator notes ("After the door shuts: "Whose fault was it?""), in order.

    Notes are prose: the questions are what they quote, each after its cue. Only the
    paragraph that starts "What to ask" is read when there is one.
    """
    paragraphs = [" ".join(p.split()) for p in notes.split("\n\n") if p.strip()]
    ask = next((p for p in paragraphs if p.lower().startswith("what to ask")), None)
    text = ask if ask is not None else " ".join(paragraphs)
    if ask is not None:
        text = text.split(":", 1)[1] if ":" in text else text
    out: list[NotesQuestion] = []
    last = 0
    quotes = list(re.finditer(r"\"([^\"]+)\"", text))
    for k, quote in enumerate(quotes):
        cue = text[last:quote.start()].strip().rstrip(":").strip()
        end = quotes[k + 1].start() if k + 1 < len(quotes) else len(text)
        after = text[quote.end():end]
        hint = re.match(r"\s*(\([^)]*\))", after)
        last = quote.end() + (hint.end() if hint else 0)
        if "?" not in quote.group(1):
            continue
        # a cue is what comes since the last sentence ended ("Before the choice")
        cue = re.split(r"(?<=[.!?])\s+", cue)[-1] if cue else ""
        out.append(NotesQuestion(cue, quote.group(1), hint.group(1) if hint else ""))
    return out


def lesson_text(world: World, lesson: str) -> LessonText:
    """A lesson as the pack explains it: its card's title, summary and body."""
    card = world.lessons.get(lesson)
    title = L.title(world.lessons, lesson)
    if card is None:
        return LessonText(lesson, title, "", "")
    return LessonText(lesson, title, " ".join(card.summary.split()),
                      "\n\n".join(" ".join(p.split()) for p in card.body.split("\n\n") if p.strip()))


def _differences(world: World, demo: Demo, mine: Run, theirs: Run) -> tuple[list[str], int | None]:
    """How another timeline ends differently, person by person, and the week the two part."""
    from game.demo.timeline import compare

    c = compare(world, demo.campaign, demo.seed, ("here", run_actions(mine)), ("there", run_actions(theirs)))
    diffs = [f"{world.people[cid].name} would be {db} instead of {da}" for cid, da, db in c.door_differences()
             if "never met" not in (da, db)]
    for cid in c.people:
        ea, eb = c.a.final.contacts[cid].embarrassment, c.b.final.contacts[cid].embarrassment
        if abs(ea - eb) >= 10:
            diffs.append(f"{world.people[cid].name}'s embarrassment would be {eb} instead of {ea}")
        sa, sb = c.a.final.contacts[cid].stage, c.b.final.contacts[cid].stage
        if sa != sb and "connected" in (sa, sb):
            name = world.people[cid].name
            diffs.append(f"you would be in touch with {name}" if sb == "connected"
                         else f"you would never have spoken to {name}")
    return diffs, c.diverge_week


def tell(demo: Demo, world: World, class_choices: dict[str, str], shown: dict[str, str] | None = None,
         shots: dict[int, str] | None = None, reached: set[str] | None = None,
         shown_shots: dict[int, str] | None = None) -> Story:
    """The story of a presented session.

    `class_choices` are the class's answers (choose step -> key; the default where absent),
    `shown` the answers on the timeline the presenter ended on, if they forked to another;
    `shots` the class timeline's turning-point screenshots by beat index; `reached` the
    choose steps the session got to (all of them, unless the presenter stopped early);
    `shown_shots` the screenshots of the timeline forked to.
    """
    from game.demo.debrief import meter_series, questions, turning_points
    from game.demo.timeline import encode_replay
    from game.engine.rules import HIRED
    from game.engine.state import CONNECTED

    run = play(demo, world, class_choices)
    shown = dict(shown) if shown is not None else dict(class_choices)
    told = moments(run, shots)
    answers: list[Answer] = []
    others: list[OtherPath] = []
    for fork in run.forks:
        got_there = reached is None or fork.where in reached
        replayed = shown.get(fork.where, fork.default) if got_there else ""
        answer = Answer(fork.caption, fork.where, fork.options, fork.default if got_there else "",
                        replayed if replayed != fork.default else "")
        answers.append(answer)
        if not got_there:
            continue
        for key, _ in fork.options:
            if key == fork.default:
                continue
            other = play(demo, world, {**class_choices, fork.where: key})
            fork_index = next(i for i, b in enumerate(other.beats) if b.where == fork.where and b.kind == "choose")
            pictures = shown_shots if key == answer.replayed else None
            after = [m for m in moments(other, pictures, prefix=f"what-if-{key}-")
                     if _beat_index(other, m.where) > fork_index]
            diffs, week = _differences(world, demo, run, other)
            others.append(OtherPath(answer, key, key == answer.replayed, tuple(after), tuple(diffs), week))
    met = [m.lesson for m in told] + [m.lesson for o in others for m in o.moments]
    lesson_ids = list(dict.fromkeys(lesson for lesson in met if lesson))
    state = run.state
    people = [cid for cid, c in state.contacts.items() if c.stage == CONNECTED]
    asked = [q for q in questions(state, turning_points(state)) if not q.startswith("If you could replay")]
    outcome = ""
    if state.outcome == HIRED and state.job:
        outcome = f"The story ends with a job: {world.opportunities[state.job].title}, in week {state.week}."
    elif state.outcome:
        outcome = f"The story ends with the savings gone, in week {state.week}."
    return Story(
        demo=demo,
        campaign_title=world.campaigns[demo.campaign].title,
        week=state.week,
        moments=told,
        answers=answers,
        others=others,
        lessons=[lesson_text(world, lesson) for lesson in lesson_ids],
        notes_questions=notes_questions(demo.notes),
        session_questions=asked,
        doors={world.people[cid].name: state.contacts[cid].door for cid in people},
        series={world.people[cid].name: meter_series(state, cid) for cid in people},
        replay_code=encode_replay(state, demo=demo.id, choices=class_choices),
        outcome=outcome,
    )


def _beat_index(run: Run, where: str) -> int:
    return next((i for i, b in enumerate(run.beats) if b.where == where and b.kind == "marker"), -1)


# --- laying it out -------------------------------------------------------------------------------------

# How to open a debrief: how it felt, before anyone explains anything.
REACTIONS = (
    "Before anything is explained: what did you feel at the last turning point, \"{last}\"?",
    "Who did you feel for most: the job seeker, or the people they asked for help?",
    "Was the class's answer the one you would have given on your own?",
)

# What you'll do differently, one prompt per lesson the story met: a move for next week, not a rule.
DIFFERENTLY = {
    L.RELATIONSHIP_BEFORE_LEVERAGE: "Whom would you like to be able to ask for help in six months? "
                                    "What low-stakes conversation could start that this month?",
    L.CAUSED_COMMITMENT: "The next time someone offers to make an introduction for you, what will you say, "
                         "so that their kindness doesn't become a debt?",
    L.REDUCE_THEIR_RISK: "Think of a favour you mean to ask. How could you make it smaller, safer or "
                         "cheaper for the person you ask?",
    L.DO_YOUR_HOMEWORK: "Before your next conversation, what will you read, and what will you say you want?",
    L.HONEST_INTEREST: "When someone asks whether you want the job, what do you actually know? Write the "
                       "honest sentence you would say.",
    L.CLOSE_THE_LOOP: "Who helped you recently and hasn't heard how it turned out? Write them two lines this week.",
    L.REPUTATION_TRAVELS: "Who else hears how you treat the people you ask for help?",
}
LAST_WORD = "If you could replay one moment of the story, which would it be, and what would you try?"


@dataclass(frozen=True)
class Item:
    """A line of a list: an optional bold lead, then the text."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class Block:
    kind: Literal["h1", "h2", "h3", "p", "quote", "list", "numbered", "figure", "table", "code"]
    text: str = ""
    items: tuple[Item, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # the first row is the head
    file: str = ""
    svg: str = ""


def blocks(s: Story) -> list[Block]:
    """The presented debrief, laid out: reactions, what happened, why, what if, what you'll do differently."""
    d = s.demo
    out = [Block("h1", f"Debrief: {d.title}"),
           Block("p", f"{s.campaign_title}, seed {d.seed} · a {d.minutes}-minute demo · "
                      f"the story ends in week {s.week}.")]
    out += [Block("p", a.sentence()) for a in s.answers]
    if s.outcome:
        out.append(Block("p", s.outcome))

    out.append(Block("h2", "1. Reactions"))
    last = s.moments[-1].title if s.moments else d.title
    out.append(Block("numbered", items=tuple(Item(q.format(last=last)) for q in REACTIONS)))

    out.append(Block("h2", "2. What happened"))
    if not s.moments:
        out.append(Block("p", "This script marks no turning points."))
    for m in s.moments:
        out += _moment_blocks(m, s)

    out.append(Block("h2", "3. Why: the lessons behind it"))
    if not s.lessons:
        out.append(Block("p", "No turning point of this story names a lesson."))
    for lesson in s.lessons:
        out.append(Block("h3", lesson.title))
        if lesson.summary:
            out.append(Block("quote", lesson.summary))
        out += [Block("p", para) for para in lesson.body.split("\n\n") if para]
    if s.notes_questions:
        out.append(Block("h3", "Questions from the facilitator's notes"))
        out.append(Block("numbered", items=tuple(
            Item(f"\"{q.question}\"" + (f" {q.hint}" if q.hint else ""), lead=q.cue) for q in s.notes_questions)))
    if s.session_questions:
        out.append(Block("h3", "Questions from this session"))
        out.append(Block("numbered", items=tuple(Item(q) for q in s.session_questions)))

    out.append(Block("h2", "4. What if"))
    if not s.others:
        out.append(Block("p", "This story had no audience choice to take the other way."))
    for other in s.others:
        key, label = other.key, other.answer.label(other.key)
        head = (f"We replayed it with {key}: {label}" if other.replayed
                else f"Not shown: with {key}, {label}")
        out.append(Block("h3", head))
        parts = f"The two stories part in week {other.parts_in_week}. " if other.parts_in_week is not None else ""
        if other.differences:
            out.append(Block("p", parts + "By the end, " + "; ".join(other.differences) + "."))
        else:
            out.append(Block("p", parts + "Every door ends the same way."))
        if other.moments:
            out.append(Block("list", items=tuple(
                Item(f"{m.caption}" + (f" ({_lesson_title(s, m.lesson)})" if m.lesson else ""),
                     lead=f"Week {m.week}") for m in other.moments)))

    out.append(Block("h2", "5. What you'll do differently"))
    prompts = [DIFFERENTLY[lesson.id] for lesson in s.lessons if lesson.id in DIFFERENTLY] + [LAST_WORD]
    out.append(Block("numbered", items=tuple(Item(p) for p in prompts)))

    out += _appendix(s)
    return out


def _lesson_title(s: Story, lesson: str) -> str:
    return next((t.title for t in s.lessons if t.id == lesson), lesson)


def _moment_blocks(m: Moment, s: Story) -> list[Block]:
    out = [Block("h3", f"{m.n}. {m.title}"), Block("p", f"Week {m.week}. {m.caption}".strip())]
    items = [Item(line) for line in m.recorded]
    if m.lesson:
        items.append(Item(_lesson_title(s, m.lesson), lead="The lesson"))
    if items:
        out.append(Block("list", items=tuple(items)))
    if m.file:
        out.append(Block("figure", text=m.title, file=m.file, svg=m.svg))
    return out


def _appendix(s: Story) -> list[Block]:
    out = []
    if s.doors:
        counts = Counter(s.doors.values())
        out += [Block("h2", "Trust and embarrassment over time"),
                Block("p", "Doors at the end: " + ", ".join(f"{n} {door}" for door, n in sorted(counts.items()))
                      + ". Each value is the end of a week, from the start (week 0).")]
        rows = [("person", "door", "trust by week", "embarrassment by week")]
        for name, series in s.series.items():
            rows.append((name, s.doors[name], " ".join(str(v) for _, v in series["trust"]),
                         " ".join(str(v) for _, v in series["embarrassment"])))
        out.append(Block("table", rows=tuple(rows)))
    if s.screens:
        out.append(Block("h2", "Other screens"))
        out += [Block("figure", text=title, file=file, svg=svg) for title, file, svg in s.screens]
    if s.replay_code:
        out += [Block("h2", "Replay"),
                Block("p", "Open this session again, with its captions, turning points and choices:"),
                Block("code", f"warm-intro demo --replay {s.replay_code}")]
    return out


def _md_item(item: Item) -> str:
    return f"**{item.lead}:** {item.text}" if item.lead else item.text


def to_markdown(bs: list[Block]) -> str:
    lines: list[str] = []
    for b in bs:
        if b.kind in ("h1", "h2", "h3"):
            lines += ["#" * int(b.kind[1]) + " " + b.text, ""]
        elif b.kind == "p":
            lines += [b.text, ""]
        elif b.kind == "quote":
            lines += [f"> {b.text}", ""]
        elif b.kind == "list":
            lines += [f"- {_md_item(i)}" for i in b.items] + [""]
        elif b.kind == "numbered":
            lines += [f"{n}. {_md_item(i)}" for n, i in enumerate(b.items, 1)] + [""]
        elif b.kind == "figure":
            lines += [f"![{b.text}]({b.file})", ""]
        elif b.kind == "table":
            head, *rows = b.rows
            lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(r) + " |" for r in rows] + [""]
        elif b.kind == "code":
            lines += ["```", b.text, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _html_item(item: Item) -> str:
    e = html.escape
    return f"<strong>{e(item.lead)}:</strong> {e(item.text)}" if item.lead else e(item.text)


def to_html(bs: list[Block]) -> str:
    """A self-contained page: no scripts, no fonts or images from anywhere else; screenshots inline."""
    from game.demo.debrief import _CSS, inline_svg

    e = html.escape
    body: list[str] = []
    title = next((b.text for b in bs if b.kind == "h1"), "Debrief")
    for b in bs:
        if b.kind in ("h1", "h2", "h3"):
            body.append(f"<{b.kind}>{e(b.text)}</{b.kind}>")
        elif b.kind == "p":
            body.append(f"<p>{e(b.text)}</p>")
        elif b.kind == "quote":
            body.append(f"<blockquote>{e(b.text)}</blockquote>")
        elif b.kind in ("list", "numbered"):
            tag = "ul" if b.kind == "list" else "ol"
            body.append(f"<{tag}>" + "".join(f"<li>{_html_item(i)}</li>" for i in b.items) + f"</{tag}>")
        elif b.kind == "figure":
            picture = inline_svg(b.svg) if b.svg else f"<p class='weeks'>(screenshot: {e(b.file)})</p>"
            body.append(f"<figure>{picture}<figcaption>{e(b.text)}</figcaption></figure>")
        elif b.kind == "table":
            head, *rows = b.rows
            body.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in head) + "</tr>"
                        + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
                        + "</table>")
        elif b.kind == "code":
            body.append(f"<pre><code>{e(b.text)}</code></pre>")
    css = _CSS + "blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid #5b4a8b; }\n"
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(title)}</title>\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{css}</style></head>\n"
            f"<body>{''.join(body)}\n</body></html>\n")


def to_text(bs: list[Block]) -> list[tuple[str, str]]:
    """The blocks as (kind, plain text) lines, for a screen to style: kinds h1 h2 h3 p quote item code."""
    out: list[tuple[str, str]] = []
    for b in bs:
        if b.kind in ("h1", "h2", "h3", "p", "quote", "code"):
            out.append((b.kind, b.text))
        elif b.kind in ("list", "numbered"):
            for n, i in enumerate(b.items, 1):
                mark = f"{n}." if b.kind == "numbered" else "·"
                out.append(("item", f"{mark} " + (f"{i.lead}: " if i.lead else "") + i.text))
        elif b.kind == "table":
            head, *rows = b.rows
            out += [("p", "  ".join(r)) for r in rows]
        elif b.kind == "figure" and b.file:
            out.append(("p", f"(screenshot in the export: {b.file})"))
    return out
