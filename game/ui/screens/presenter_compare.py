"""Two timelines from the same seed, side by side: where they part, each person's meters
week by week, and which doors each one left open or shut."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.widgets import Footer, Static

from game.demo.timeline import Comparison, Side
from game.engine.world import World
from game.ui.screens.base import StageScreenBase
from game.ui.words import action_label, door_badge

SPARK = "▁▂▃▄▅▆▇█"


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:40].strip("-") or "timeline"


def spark(values: list[int], mark: int | None = None) -> str:
    """One character per week, 0-100 over eight heights; the week they part is reversed."""
    cells = [SPARK[min(7, max(0, v) * 8 // 101)] for v in values]
    if mark is not None and 0 <= mark < len(cells):
        cells[mark] = f"[reverse]{cells[mark]}[/reverse]"
    return "".join(cells)


def divergence_text(c: Comparison, world: World) -> str:
    if c.diverge_step is None:
        return "The two timelines never part: every move is the same."
    step = c.diverge_step
    from game.demo.timeline import play_out

    # the state just before the first different move, to name the moves in the game's words
    before = play_out(world, c.campaign, c.seed, c.a.actions[:step])[-1]

    def move(side: Side) -> str:
        return escape(action_label(before, side.actions[step])) if step < len(side.actions) else "(stops here)"

    return (f"[reverse b] ◆ THEY PART at move {step + 1}, week {c.diverge_week} [/]\n"
            f"  {escape(c.a.label)} → {move(c.a)}\n"
            f"  {escape(c.b.label)} → {move(c.b)}")


def side_markup(c: Comparison, side: Side, other: Side, world: World) -> str:
    """One timeline's people: a week-by-week spark of each meter, with the start and end numbers."""
    week = c.diverge_week
    mark = week - 1 if week is not None else None  # the weekly series starts at week 1
    s = side.final
    met = [cid for cid in c.people if cid in side.doors]
    lines = [f"[b]{escape(side.label)}[/b]",
             f"[dim]{len(side.actions)} moves · ended in week {s.week} · {s.outcome or 'still searching'}[/]", ""]
    if not met:
        lines.append("[dim]Met nobody.[/]")
    else:
        count = len(side.weekly[met[0]]["trust"])
        if count <= 8:  # label the columns of numbers: the start of each week, then the end
            weeks = " ".join(f"{w:>3}" for w in range(1, count)) + " end"
            lines.append(f"[dim]  {'week':<8}{' ' * count} {weeks}[/]")
    for cid in met:
        name = escape(world.people[cid].name)
        door = side.doors[cid]
        differs = "  [b]≠[/b]" if other.doors.get(cid, "never met") != door else ""
        lines.append(f"[b]{name}[/b]  {door_badge(door)}{differs}")
        for meter, short in (("trust", "trust"), ("embarrassment", "embarr.")):
            values = side.weekly[cid][meter]
            if len(values) <= 8:  # a short story: every week's number fits beside the marks
                numbers = " ".join(f"[reverse]{v:>3}[/reverse]" if i == mark else f"{v:>3}"
                                   for i, v in enumerate(values))
            else:
                numbers = f"{values[0]:>3} → {values[-1]:<3}"
            lines.append(f"  {short:<8}{spark(values, mark)} {numbers}")
    never = [cid for cid in c.people if cid not in side.doors]
    if never:
        lines += ["", "[dim]Never met: " + ", ".join(escape(world.people[cid].name) for cid in never) + "[/]"]
    return "\n".join(lines)


def doors_markup(c: Comparison, world: World) -> str:
    diffs = c.door_differences()
    if not diffs:
        return "[b]Doors:[/b] every door ends the same way in both."
    lines = ["[b]Doors that end differently[/b]"]
    for cid, da, db in diffs:
        a = door_badge(da) if da != "never met" else "[dim]never met[/]"
        b = door_badge(db) if db != "never met" else "[dim]never met[/]"
        lines.append(f"  {escape(world.people[cid].name):<18} {a}  vs  {b}")
    return "\n".join(lines)


class ComparisonScreen(StageScreenBase[None]):
    """Side by side: the same world and seed, played two ways."""

    BINDINGS = [
        Binding("escape,c", "close", "Back", id="presenter.compare.close"),
        Binding("s", "snapshot", "Save a screenshot", id="presenter.compare.snapshot"),
    ]

    def __init__(self, comparison: Comparison, world: World, title: str = "Two timelines, one seed",
                 show=None) -> None:
        super().__init__()
        self.show_ = show  # the demo compared, whose export gets this screen; None for two bots
        self.comparison = comparison
        self.world = world
        self.heading = title

    def compose(self) -> ComposeResult:
        c = self.comparison
        camp = self.world.campaigns[c.campaign].title
        yield Static(f"[b]{escape(self.heading)}[/b]  ·  {escape(camp)}, seed {c.seed}  ·  "
                     f"[dim]one mark per week; the reversed mark is the week they part[/]", id="cmp-title")
        with VerticalScroll(id="cmp-body"):
            yield Static(divergence_text(c, self.world), id="cmp-diverge")
            with Horizontal(id="cmp-sides"):
                yield Static(side_markup(c, c.a, c.b, self.world), id="cmp-a", classes="cmp-side")
                yield Static(side_markup(c, c.b, c.a, self.world), id="cmp-b", classes="cmp-side")
            yield Static(doors_markup(c, self.world), id="cmp-doors")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.app.remember_screen, "comparison")

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_snapshot(self) -> None:
        """Save this screen as SVG in the exports folder now (and keep it for the debrief's export)."""
        from game.ui.show import exports_dir

        folder = exports_dir()
        name = f"comparison-{_slug(self.comparison.a.label)}-vs-{_slug(self.comparison.b.label)}.svg"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = self.app.save_screenshot(name, str(folder))
        except OSError as exc:
            self.notify(f"The screenshot could not be written: {exc}", title="Screenshot", severity="error")
            return
        self.app.remember_screen("comparison")
        self.notify(path, title="Screenshot saved")


def open_comparison(screen, show) -> None:
    """Show the session's two timelines side by side, or say why there is nothing to compare."""
    comparison = show.comparison()
    if comparison is None:
        screen.notify("This session has no audience choice to compare.", title="Compare")
        return
    screen.app.push_screen(ComparisonScreen(comparison, show.world, show=show))
