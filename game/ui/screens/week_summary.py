"""What the week brought: messages, promises kept, silence, roles, doors, meters."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from game.engine.kinds import PlayerMeter
from game.ui.codex import titles
from game.ui.markup import content
from game.ui.screens.base import GameModal
from game.ui.session import WeekSummary
from game.ui.widgets.footer import GameFooter
from game.ui.words import effect_markup


class WeekSummaryScreen(GameModal[None]):
    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS = [
        Binding("enter", "close", "Next week", id="week.next"),
        Binding("escape", "close", "Close", id="week.close", show=False),
    ]

    def __init__(self, summary: WeekSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="week-box"):
            with VerticalScroll(id="week-scroll"):
                yield Static(content(self._text()), id="week-text")
            yield Static("[dim]Enter: on to the next week[/]", id="week-hint")
        yield GameFooter()

    def show(self, summary: WeekSummary) -> None:
        """This week's summary, on a screen that may have shown another (WarmIntroApp.kept_screen)."""
        self.summary = summary
        if self.is_mounted:
            self.query_one("#week-text", Static).update(content(self._text()))
            self.query_one("#week-scroll", VerticalScroll).scroll_home(animate=False)
            self._titles()

    def on_mount(self) -> None:
        self._titles()
        self.query_one("#week-scroll").focus()

    def _titles(self) -> None:
        s = self.app.session.state
        box = self.query_one("#week-box")
        box.border_title = f"The end of week {self.summary.week}"
        if s.over:
            box.border_subtitle = "The campaign is over"
        else:
            box.border_subtitle = f"Week {s.week} begins · runway {s.runway} weeks"

    def _text(self) -> str:
        s = self.app.session.state
        names = titles(s.world)
        sm = self.summary
        out: list[str] = []

        def section(title: str, effects: list, empty: str | None = None) -> None:
            if not effects and empty is None:
                return
            out.append(f"[b]{title}[/b]")
            if effects:
                out.extend("  " + effect_markup(s, e, names) for e in effects)
            else:
                out.append(f"  [dim]{empty}[/]")
            out.append("")

        if sm.deadlines:
            out.append("[b]Answer soon[/b]")
            out.extend(f"  [$warning]⚠ {escape(line)}[/]" for line in sm.deadlines)
            out.append("")
        section("Doors", sm.doors)
        section("Messages", sm.messages, "Nobody wrote to you this week.")
        section("Promises kept", sm.promises_kept)
        if sm.silence:
            out.append("[b]Silence[/b]")
            out.extend(f"  … {escape(line)}" for line in sm.silence)
            out.append("")
        section("Roles", sm.opportunities)
        section("How people feel", [e for e in sm.meters if e.meter != PlayerMeter.RUNWAY])
        section("New codex cards", sm.lessons)
        runway = [e for e in sm.meters if e.meter == PlayerMeter.RUNWAY]
        if runway:
            out.append(f"[dim]Another week of savings spent: {runway[-1].after} weeks of runway left.[/]")
        return "\n".join(out).rstrip()

    def action_close(self) -> None:
        self.dismiss(None)
