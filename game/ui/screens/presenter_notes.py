"""The facilitator's notes view: off the projector, following the stage that runs in another terminal.

`warm-intro demo [ID] --notes` (or the `/notes` page of `warm-intro serve --demo`) reads the
stage's cue sheet (game/demo/cue.py) a few times a second and shows the beat on stage, the
facilitator's note for it, the beat after it, and the time each beat took against the plan.
With no stage running it says so, and waits for one.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.demo.cue import Cue, CueBeat, read_cues

POLL_SECONDS = 0.5
RECENT = 5  # beats of the time table above the one showing

KIND_WORDS = {"action": "A move", "caption": "A caption", "marker": "◆ A turning point", "reveal": "Inner thoughts",
              "choose": "The class chooses"}


def clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _beat_text(beat: CueBeat) -> str:
    return f"[b]{KIND_WORDS.get(beat.kind, beat.kind)}:[/b] {escape(beat.text)}"


def now_markup(cue: Cue, now: float) -> str:
    """What the facilitator reads first: the beat on stage, its note, the next beat, the time."""
    beat = cue.beats[cue.pos] if 0 <= cue.pos < len(cue.beats) else CueBeat("caption", "")
    lines = [f"[b]{escape(cue.title)}[/b]  ·  beat {cue.pos + 1} of {len(cue.beats)}  ·  week {cue.week}",
             "", "[b $accent]ON STAGE[/]  " + _beat_text(beat)]
    lines += ["", "[b $accent]YOUR NOTE[/]  " + (escape(beat.note) if beat.note else "[dim]none for this beat[/]")]
    upcoming = cue.beats[cue.pos + 1] if cue.pos + 1 < len(cue.beats) else None
    lines += ["", "[b $accent]NEXT[/]  " + (_beat_text(upcoming) if upcoming else "[dim]the end: the debrief (d)[/]")]
    if upcoming is not None and upcoming.note:
        lines.append(f"  [dim]its note: {escape(upcoming.note)}[/]")
    on_beat, planned = cue.on_beat(now), beat.planned
    # where the plan would be now: every beat before this one, and this one as far as it has gone
    elapsed, by_now = cue.elapsed(now), cue.planned_until(cue.pos - 1) + min(on_beat, planned)
    drift = elapsed - by_now
    pace = "on time" if abs(drift) < 30 else (f"{clock(drift)} behind" if drift > 0 else f"{clock(-drift)} ahead")
    lines += ["", f"[b $accent]TIME[/]  this beat {clock(on_beat)} of {clock(planned)} planned  ·  "
                  f"so far {clock(elapsed)} of {cue.minutes}:00 (plan by now {clock(by_now)}, {pace})"]
    return "\n".join(lines)


def table_markup(cue: Cue, now: float) -> str:
    """The time each beat took against its plan, the last few and the one showing; then the demo's notes."""
    lines = ["[b]Time per beat[/b]  [dim]taken / planned[/]"]
    first = max(0, cue.pos - RECENT)
    for i in range(first, min(cue.pos + 1, len(cue.beats))):
        beat = cue.beats[i]
        taken = cue.on_beat(now) if i == cue.pos else cue.spent.get(i, 0.0)
        here = " ◀ now" if i == cue.pos else ""
        text = beat.text if len(beat.text) <= 44 else beat.text[:43] + "…"
        lines.append(f"  {i + 1:>3}. {escape(text):<45} {clock(taken):>5} / {clock(beat.planned):<5}{here}")
    if cue.notes.strip():
        paragraphs = [" ".join(p.split()) for p in cue.notes.split("\n\n") if p.strip()]
        lines += ["", "[b]The demo's notes[/b]"] + [f"  {escape(p)}\n" for p in paragraphs]
    return "\n".join(lines)


WAITING = ("[b]No stage is running.[/b]\n\nStart the demo in another terminal (or tab), for example:\n\n"
           "  warm-intro demo {demo}\n\nThis view follows it as soon as it starts. It checks twice a second.")


class NotesFollowScreen(Screen[None]):
    """The stage's beat, note, next beat and times, kept up to date from its cue sheet."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="presenter.notesview.quit")]

    def __init__(self, demo: str | None = None) -> None:
        super().__init__()
        self.demo = demo
        self.cue: Cue | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="nt-now")
        with VerticalScroll(id="nt-more", can_focus=False):
            yield Static(id="nt-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#nt-now").border_title = "Facilitator notes · not for the projector"
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        cues = read_cues(demo=self.demo)
        self.cue = cues[0] if cues else None
        self.draw(time.time())

    def draw(self, now: float) -> None:
        now_box = self.query_one("#nt-now", Static)
        table = self.query_one("#nt-table", Static)
        if self.cue is None:
            now_box.update(WAITING.format(demo=self.demo or "ID"))
            table.update("")
            return
        now_box.update(now_markup(self.cue, now))
        table.update(table_markup(self.cue, now))
