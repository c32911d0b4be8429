"""The debrief: what happened, why, and what to ask a class about it.

Everything here is read from a finished (or paused) State: the journal of effects and the
ledgers behind each meter. Nothing is recomputed by rules of its own.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace

from game.engine import lessons
from game.engine import lessons as L
from game.engine.kinds import ENDINGS, INTRODUCTIONS, Door, EffectKind, Meter, Outcome
from game.engine.lessons import LESSONS
from game.engine.rules import HIRED, score
from game.engine.state import CONNECTED, Effect, State


def lesson_title(state: State, lesson: str) -> str:
    """A lesson's title as the pack being played names it."""
    return lessons.title(state.world.lessons, lesson)


@dataclass(frozen=True)
class TurningPoint:
    step: int  # 1-based index of the action that caused it
    week: int
    who: str  # a person's name, or "You"
    cause: str  # the cause, in the game's words
    lesson: str
    kind: str  # "door", "promise", "press", "interest", "introduction", "offer", "outcome"
    moment: str = ""  # which kind of that kind: the door reached, "interview", "volunteered"...
    count: int = 1  # the same moment again in the same week (asking again and again)
    change: str = ""  # for a meter, the change: "−12 trust"

    @property
    def what(self) -> str:
        text = f"{self.change}: {self.cause}" if self.change else self.cause
        return text if self.count == 1 else f"{text} (×{self.count})"


@dataclass(frozen=True)
class Scene:
    """A turning point as it looked on screen: its title, its caption and an SVG screenshot."""

    title: str
    caption: str
    file: str  # the SVG's file name, beside the debrief
    svg: str


@dataclass
class Debrief:
    campaign: str
    title: str
    seed: int
    outcome: str
    job: str
    score: int
    weeks: int
    turning_points: list[TurningPoint] = field(default_factory=list)
    lessons: list[tuple[str, str, int]] = field(default_factory=list)  # (id, title, times it bit or paid off)
    series: dict[str, dict[str, list[tuple[int, int]]]] = field(default_factory=dict)  # name -> meter -> points
    doors: dict[str, str] = field(default_factory=dict)  # name -> door at the end
    questions: list[str] = field(default_factory=list)
    replay_code: str = ""
    what_if: list[str] = field(default_factory=list)  # how the other choices would have ended
    lesson_titles: dict[str, str] = field(default_factory=dict)  # the pack's card titles, by lesson id
    week: int = 1  # the week the game stands in
    presented: bool = False  # a demo shown to a class: a story told, not a game left unfinished
    scenes: list[Scene] = field(default_factory=list)


def _name(state: State, target: str) -> str:
    if target == "player":
        return "You"
    if target in state.world.people:
        return state.world.people[target].name
    if target in state.world.opportunities:
        return state.world.opportunities[target].title
    return target


def _kind(e: Effect) -> tuple[str, str] | None:
    """Is this effect a turning point, and of which kind (and moment within the kind)?"""
    kind, meter = e.kind, e.meter
    if kind == EffectKind.DOOR and e.after in (Door.AVOIDING, Door.CLOSED, Door.ADVOCATE, Door.WARM):
        return "door", str(e.after)
    if kind == EffectKind.CONTACT_METER:
        if meter == Meter.EMBARRASSMENT and e.delta >= 15:
            return "promise", "embarrassed"
        if meter == Meter.TRUST and e.delta <= -8:
            return "press", "trust_lost"
        if meter == Meter.TRUST and e.lesson == L.HONEST_INTEREST and e.delta >= 5:
            return "interest", str(Outcome.EXPLORE)
        return None
    if kind == EffectKind.INTERVIEW:
        return "interest", str(Outcome.INTERVIEW)
    if kind in INTRODUCTIONS:
        return "introduction", str(kind)
    if kind == EffectKind.OFFER:
        return "offer", "offer"
    if kind in ENDINGS:
        return "outcome", str(kind)
    if kind == EffectKind.OFFER_ACCEPTED:
        return "promise", "volunteered"
    return None


def turning_point_kind(e: Effect) -> tuple[str, str] | None:
    """Whether an effect is a turning point, and its kind and moment ("door", "closed")."""
    return _kind(e)


def turning_points(state: State) -> list[TurningPoint]:
    """The moments that changed the story, each with its cause and lesson, in order."""
    out = []
    for step, node in enumerate(state.history_nodes(), 1):
        for e in node.effects:
            if not e.visible:
                continue
            found = _kind(e)
            if found is None:
                continue
            kind, moment = found
            change = ""
            if e.kind == EffectKind.CONTACT_METER:
                change = f"{'+' if e.delta > 0 else '−'}{abs(e.delta)} {e.meter}"
            point = TurningPoint(step, e.week, _name(state, e.target), e.cause, e.lesson, kind, moment, 1, change)
            if out and _same_moment(out[-1], point):
                # the same thing again, the same week (asking again and again): one line, counted
                out[-1] = replace(out[-1], count=out[-1].count + 1)
                continue
            out.append(point)
    return out


def _same_moment(a: TurningPoint, b: TurningPoint) -> bool:
    return (a.week, a.who, a.kind, a.moment, a.lesson, a.cause) == (b.week, b.who, b.kind, b.moment, b.lesson, b.cause)


def meter_series(state: State, cid: str) -> dict[str, list[tuple[int, int]]]:
    """A contact's trust and embarrassment at the end of each week, from the ledger."""
    last_week = state.week
    out: dict[str, list[tuple[int, int]]] = {}
    ledger = state.contacts[cid].ledger
    for meter in ("trust", "embarrassment"):
        points, value, i = [], 0, 0
        entries = [e for e in ledger if e.meter == meter]
        for week in range(0, last_week + 1):
            while i < len(entries) and entries[i].week <= week:
                value += entries[i].delta
                i += 1
            points.append((week, value))
        out[meter] = points
    return out


def questions(state: State, points: list[TurningPoint]) -> list[str]:
    """Questions for discussion, written from this session's own events."""
    asked: list[str] = []
    seen: set[str] = set()

    def ask(key: str, text: str) -> None:
        if key not in seen:
            seen.add(key)
            asked.append(text)

    for p in points:
        if p.kind == "door" and p.moment == Door.CLOSED:
            ask("closed", f"In week {p.week}, {p.who} shut the door for good. Looking back, which earlier "
                          f"moment made that likely, and what could you have said instead?")
        elif p.kind == "door" and p.moment == Door.AVOIDING:
            ask("avoiding", f"Why did {p.who} start avoiding you in week {p.week}? What were they feeling, "
                            "and what would have let them off the hook?")
        elif p.kind == "promise" and p.moment == "volunteered":
            ask("promise", f"{p.who} offered to make an introduction in week {p.week}. What are the risks of "
                           "accepting that kind of offer, and what is the alternative?")
        elif p.kind == "press":
            ask("press", f"How did {p.who} take being asked for a favour in week {p.week}? What would the "
                         "relationship have needed first?")
        elif p.kind == "interest" and p.moment == Outcome.INTERVIEW:
            ask("overclaim", f"What changed in the conversation when you said \"Yes!\" in week {p.week}? "
                             "What did you actually know about the role at that moment?")
        elif p.kind == "interest":
            ask("explore", f"Saying you were still exploring changed how {p.who} treated you. Why does "
                           "honesty about what you know lower the stakes?")
        elif p.kind == "door" and p.moment == Door.ADVOCATE:
            ask("advocate", f"{p.who} became an advocate in week {p.week}. Which small actions built that?")
    if state.outcome == HIRED:
        ask("job", "You took a job. How well did it fit, and what would a better fit have needed?")
    elif state.outcome:
        ask("runway", "The savings ran out. Where did the weeks go, and which relationships would you start sooner?")
    ask("replay", "If you could replay one moment of this game, which would it be, and what would you try?")
    return asked


def build(state: State, replay_code: str = "") -> Debrief:
    points = turning_points(state)
    counts: dict[str, int] = {}
    for p in points:
        counts[p.lesson] = counts.get(p.lesson, 0) + 1
    lessons = [(lid, lesson_title(state, lid), counts.get(lid, 0)) for lid in LESSONS if counts.get(lid)]
    people = [cid for cid, c in state.contacts.items() if c.stage == CONNECTED]  # people you actually met
    job = state.world.opportunities[state.job].title if state.job else ""
    camp = state.world.campaigns[state.campaign]
    return Debrief(
        campaign=state.campaign,
        title=camp.title,
        seed=state.seed,
        outcome=state.outcome or "playing",
        job=job,
        score=score(state),
        weeks=state.week - (0 if state.outcome == HIRED else 1),
        turning_points=points,
        lessons=lessons,
        series={state.world.people[cid].name: meter_series(state, cid) for cid in people},
        doors={state.world.people[cid].name: state.contacts[cid].door for cid in people},
        questions=questions(state, points),
        replay_code=replay_code,
        lesson_titles={lid: lesson_title(state, lid) for lid in LESSONS},
        week=state.week,
    )


def outcome_line(d: Debrief) -> str:
    """How the session ended. A presented demo stops where its story does, so it has no score."""
    score = "" if d.presented else f" Score {d.score}/100."
    if d.outcome == HIRED:
        return f"Hired as {d.job} in week {d.weeks}.{score}"
    if d.outcome == "playing":
        if d.presented:
            return f"The story ends in week {d.week}."
        return f"Still playing, week {d.week}. Score so far {d.score}/100."
    return f"The savings ran out after {d.weeks} weeks.{score}"


def _by_week(points: list[tuple[int, int]]) -> str:
    # every week from the start (week 0), the same points the HTML chart draws
    return " ".join(str(v) for _, v in points)


def to_markdown(d: Debrief) -> str:
    lines = [f"# Debrief: {d.title}", "", outcome_line(d), ""]
    counts = {}
    for door in d.doors.values():
        counts[door] = counts.get(door, 0) + 1
    lines.append("Doors at the end: " + ", ".join(f"{n} {door}" for door, n in sorted(counts.items())) + ".")
    lines += ["", "## What happened", ""]
    if not d.turning_points:
        lines.append("No turning points yet.")
    for p in d.turning_points:
        lines.append(f"- **Week {p.week}, {p.who}** — {p.what} *({d.lesson_titles.get(p.lesson, p.lesson)})*")
    lines += ["", "## Why: the lessons behind it", ""]
    for _, title, n in d.lessons:
        lines.append(f"- **{title}** — {n} turning point{'s' if n != 1 else ''}")
    lines += ["", "## Trust and embarrassment over time", "",
              "Each value is the end of a week, from the start (week 0).", "",
              "| person | door | trust by week | embarrassment by week |", "|---|---|---|---|"]
    for name, series in d.series.items():
        lines.append(f"| {name} | {d.doors[name]} | {_by_week(series['trust'])} | "
                     f"{_by_week(series['embarrassment'])} |")
    if d.scenes:
        lines += ["", "## On screen: the turning points", ""]
        for n, scene in enumerate(d.scenes, 1):
            lines += [f"### {n}. {scene.title}", "", scene.caption, "", f"![{scene.title}]({scene.file})", ""]
        lines.pop()
    if d.what_if:
        lines += ["", "## What if", ""]
        lines += [f"- {w}" for w in d.what_if]
    lines += ["", "## Questions for discussion", ""]
    lines += [f"{i}. {q}" for i, q in enumerate(d.questions, 1)]
    if d.replay_code:
        lines += ["", "## Replay", "", "Open this same session again with:", "", "```",
                  f"warm-intro demo --replay {d.replay_code}", "```"]
    return "\n".join(lines) + "\n"


def _spark(points: list[tuple[int, int]], colour: str, width: int = 240, height: int = 40) -> str:
    if len(points) < 2:
        return ""
    last = points[-1][0] or 1
    coords = " ".join(f"{x * width / last:.1f},{height - y * height / 100:.1f}" for x, y in points)
    return f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}"/>'


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 56rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fffdf8; line-height: 1.5; }
h1, h2 { line-height: 1.2; } table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: middle; }
.lesson { color: #5b4a8b; font-style: italic; } code { background: #f1eee6; padding: .1rem .3rem; }
.door-closed, .door-avoiding { font-weight: bold; } .legend span { margin-right: 1rem; }
.weeks { font-size: .85em; color: #555; } figure { margin: 1.5rem 0; } figure svg { width: 100%; height: auto; }
figcaption { margin-top: .3rem; } pre { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; }
@media print {
  body { max-width: none; margin: 0; background: #fff; font-size: 11pt; }
  figure { break-inside: avoid; } h2 { break-after: avoid; }
  pre, code { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; }
}
"""


def inline_svg(svg: str) -> str:
    """A screenshot fit to sit inside the page: no XML prolog, and no fonts fetched from elsewhere
    (a screenshot names a web font; the page must open offline, so the reader's monospace is used)."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->", "", svg, flags=re.S)
    return re.sub(r"@font-face\s*\{[^}]*\}", "", svg).strip()


def to_html(d: Debrief) -> str:
    """A self-contained page: no scripts, no fonts or images from anywhere else."""
    e = html.escape
    rows = []
    for p in d.turning_points:
        rows.append(f"<li><strong>Week {p.week}, {e(p.who)}</strong> — {e(p.what)} "
                    f"<span class='lesson'>({e(d.lesson_titles.get(p.lesson, p.lesson))})</span></li>")
    charts = []
    for name, series in d.series.items():
        svg = (f'<svg width="240" height="40" viewBox="0 0 240 40" role="img" '
               f'aria-label="{e(name)}: trust and embarrassment by week">'
               f'{_spark(series["trust"], "#2b6cb0")}{_spark(series["embarrassment"], "#c05621")}</svg>')
        door = d.doors[name]
        weeks = (f"<div class='weeks'>trust {_by_week(series['trust'])}<br>"
                 f"embarrassment {_by_week(series['embarrassment'])}</div>")
        charts.append(f"<tr><td>{e(name)}</td><td class='door-{door}'>{e(door)}</td><td>{svg}{weeks}</td>"
                      f"<td>{series['trust'][-1][1]} / {series['embarrassment'][-1][1]}</td></tr>")
    scenes = "".join(f"<figure><h3>{n}. {e(s.title)}</h3>{inline_svg(s.svg)}<figcaption>{e(s.caption)}</figcaption>"
                     f"</figure>" for n, s in enumerate(d.scenes, 1))
    if scenes:
        scenes = "<h2>On screen: the turning points</h2>" + scenes
    lessons = "".join(f"<li><strong>{e(t)}</strong> — {n}</li>" for _, t, n in d.lessons)
    qs = "".join(f"<li>{e(q)}</li>" for q in d.questions)
    what_if = ("<h2>What if</h2><ul>" + "".join(f"<li>{e(w)}</li>" for w in d.what_if) + "</ul>") if d.what_if else ""
    replay = (f"<h2>Replay</h2><p>Open this same session again with:</p><pre><code>warm-intro demo --replay "
              f"{e(d.replay_code)}</code></pre>") if d.replay_code else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Debrief: {e(d.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body><h1>Debrief: {e(d.title)}</h1><p>{e(outcome_line(d))}</p>
<h2>What happened</h2><ol>{''.join(rows) or '<li>No turning points yet.</li>'}</ol>
<h2>Why: the lessons behind it</h2><ul>{lessons}</ul>
<h2>Trust and embarrassment over time</h2>
<p class="legend"><span style="color:#2b6cb0">— trust</span><span style="color:#c05621">— embarrassment</span></p>
<p class="weeks">Each value is the end of a week, from the start (week 0).</p>
<table><tr><th>person</th><th>door</th><th>by week</th><th>at the end (trust / embarrassment)</th></tr>
{''.join(charts)}</table>
{scenes}{what_if}<h2>Questions for discussion</h2><ol>{qs}</ol>{replay}
</body></html>
"""


__all__ = ["Debrief", "Scene", "TurningPoint", "build", "lesson_title", "outcome_line", "to_html", "to_markdown",
           "turning_point_kind", "turning_points"]
