"""The debrief at the end of a demo: what happened and why, what if, and what to ask.

`e` exports it to a new folder in the saves folder's `exports/`, named from the demo, the
path the class took and the time: the Markdown and HTML debrief, and SVG screenshots of
the key screens seen on this timeline (the turning points, the comparison, this debrief).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Footer, Static

from game.demo.debrief import Debrief, lesson_title, outcome_line
from game.demo.story import Block, blocks, to_text
from game.ui.screens.base import StageScreenBase
from game.ui.show import Show, exports_dir


def debrief_markup(d: Debrief, show: Show) -> str:
    """A replayed campaign's debrief: the game's turning points, with causes and lessons."""
    state = show.run.states[-1]
    lines = [f"[b]Debrief: {escape(show.demo.title)}[/b]",
             f"[dim]{escape(d.title)}, seed {d.seed} · {escape(outcome_line(d))}[/]", ""]
    lines.append("[b]What happened: the turning points[/b]")
    if not d.turning_points:
        lines.append("  [dim]No turning points: nothing on this path changed a door or a promise.[/]")
    for tp in d.turning_points:
        lesson = f"\n      [i]why: {escape(lesson_title(state, tp.lesson))}[/i]" if tp.lesson else ""
        lines.append(f"  ◆ [b]Week {tp.week}, {escape(tp.who)}[/b]: {escape(tp.what)}{lesson}")
    if d.questions:
        lines += ["", "[b]Questions for discussion[/b]"]
        lines += [f"  {n}. {escape(q)}" for n, q in enumerate(d.questions, 1)]
    lines += ["", "[b]Open this session again[/b]", f"  warm-intro demo --replay {d.replay_code}"]
    return "\n".join(lines)


def story_lines(blocks: list[Block]) -> list[tuple[str, str]]:
    """A presented demo's debrief on screen: the same blocks, in the same order, as the exported
    handout, as (style class, markup) lines; the screenshots are in the export only."""
    styles = {"h1": "[b reverse] {} [/]", "h2": "[b $accent]{}[/]", "h3": "[b]{}[/]", "p": "{}",
              "quote": "[i]{}[/i]", "item": "{}", "code": "[b]{}[/b]"}
    return [(f"db-{kind}", styles[kind].format(escape(text))) for kind, text in to_text(blocks)
            if text and not text.startswith("(screenshot in the export")]


class DebriefScreen(StageScreenBase[None]):
    """Turning points with causes and lessons, what if, questions; `e` exports it all."""

    BINDINGS = [
        Binding("e", "export", "Export", id="presenter.debrief.export"),
        Binding("c", "compare", "Compare", id="presenter.debrief.compare"),
        Binding("escape,left", "close", "Back to the demo", id="presenter.debrief.close"),
        Binding("q", "quit_show", "Done", id="presenter.debrief.done"),
    ]

    def __init__(self, show: Show) -> None:
        super().__init__()
        self.show_ = show
        self.exported: list = []

    def compose(self) -> ComposeResult:
        show = self.show_
        with VerticalScroll(id="db-body"):
            if show.replay:
                yield Static(debrief_markup(show.debrief(), show), id="db-text")
            else:
                for style, markup in story_lines(blocks(show.story())):
                    yield Static(markup, classes=style)
        yield Footer()

    def action_export(self) -> None:
        self.app.remember_screen("debrief")
        try:
            out = self.show_.export(exports_dir())
        except OSError as exc:
            self.notify(f"The export could not be written: {exc}", title="Export", severity="error")
            return
        self.exported = out.files
        self.notify(f"{len(out.files)} files in {out.folder}", title="Exported")

    def action_compare(self) -> None:
        from game.ui.screens.presenter_compare import open_comparison

        open_comparison(self, self.show_)

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_quit_show(self) -> None:
        self.app.pop_screen()
        self.app.leave()
