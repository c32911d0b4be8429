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
from game.engine.kinds import GameOutcome
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


def outcome_words(side: Side, world: World) -> str:
    """How a timeline ended, in words: "hired as Junior UX Researcher in week 11", never a raw code."""
    s = side.final
    if s.outcome == GameOutcome.HIRED and s.job:
        return f"hired as {world.opportunities[s.job].title} in week {s.week}"
    if s.outcome == GameOutcome.OUT_OF_RUNWAY:
        return f"the savings ran out in week {s.week}"
    if s.outcome:
        return f"ended in week {s.week}"
    return f"still searching in week {s.week}"


def outcomes_markup(c: Comparison, world: World) -> str:
    """Both endings, one line each, above the two columns (so the columns' rows line up)."""
    width = max(len(c.a.label), len(c.b.label))
    return "\n".join(f"[b]{escape(side.label):<{width}}[/b]  {escape(outcome_words(side, world))} "
                     f"[dim]({len(side.actions)} moves)[/]" for side in (c.a, c.b))


def side_markup(c: Comparison, side: Side, other: Side, world: World) -> str:
    """One timeline's people, everyone either side met in the same order and the same number
    of lines on both sides, so the rows line up: a week-by-week spark of each meter, with numbers."""
    week = c.diverge_week
    mark = week - 1 if week is not None else None  # the weekly series starts at week 1
    lines = [f"[b]{escape(side.label)}[/b]"]
    met = [cid for cid in c.people if cid in side.doors]
    if not c.people:
        return "\n".join([*lines, "[dim]Met nobody.[/]"])
    count = max((len(s.weekly[cid]["trust"]) for s in (c.a, c.b) for cid in c.people if cid in s.doors), default=0)
    if count <= 8:  # label the columns of numbers: the start of each week, then the end
        weeks = " ".join(f"{w:>3}" for w in range(1, count)) + " end"
        lines.append(f"[dim]  {'week':<8}{' ' * count} {weeks}[/]")
    else:
        lines.append(f"[dim]  {'':<8}one mark a week, first → last[/]")
    for cid in c.people:
        name = escape(world.people[cid].name)
        door = side.doors.get(cid, "never met")
        differs = "  [b]≠[/b]" if other.doors.get(cid, "never met") != door else ""
        if cid not in met:
            lines += [f"[b]{name}[/b]  [dim]never met[/]{differs}", "", ""]
            continue
        lines.append(f"[b]{name}[/b]  {door_badge(door)}{differs}")
        for meter, short in (("trust", "trust"), ("embarrassment", "embarr.")):
            values = side.weekly[cid][meter]
            if count <= 8:  # a short story: every week's number fits beside the marks
                numbers = " ".join(f"[reverse]{v:>3}[/reverse]" if i == mark else f"{v:>3}"
                                   for i, v in enumerate(values))
            else:
                numbers = f"{values[0]:>3} → {values[-1]:<3}"
            pad = " " * (count - len(values))  # a story that ended sooner keeps its numbers in line
            lines.append(f"  {short:<8}{spark(values, mark)}{pad} {numbers}")
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
            yield Static(outcomes_markup(c, self.world), id="cmp-outcomes")
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
