"""The demo picker: each demo's title, blurb and length, and the built-in bot comparison."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.demo.script import Demo
from game.engine.world import World
from game.ui.screens.base import StageScreenBase

BOTS = ("patient", "pushy")


class PickerScreen(StageScreenBase[None]):
    """Choose a demo to present, or watch two strategies play the same world."""

    BINDINGS = [
        Binding("escape,q", "app.quit", "Quit", id="presenter.picker.quit"),
    ]

    def __init__(self, found: list[tuple[Demo, World]]) -> None:
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        yield Static("[b]Warm Intro · workshop demos[/b]\n"
                     "[dim]Pick a demo to present. Space steps, ← goes back, n shows your notes.[/]",
                     id="pick-title")
        options: list[Option | None] = []
        for i, (demo, _) in enumerate(self.found):
            options.append(Option(f"[b]{escape(demo.title)}[/b]  [dim]· about {demo.minutes} minutes · "
                                  f"{escape(demo.pack)}/{escape(demo.id)}[/]\n  {escape(demo.blurb)}",
                                  id=f"demo-{i}"))
            options.append(None)  # a rule between entries
        if self.found:
            demo, world = self.found[0]
            campaign = world.campaigns[demo.campaign].title
            options.append(Option(f"[b]Compare two strategies: {BOTS[0]} vs {BOTS[1]}[/b]\n"
                                  f"  Two bots play {escape(campaign)} from the same seed ({demo.seed}). "
                                  "Who is still welcome at the end?", id="bots"))
        yield OptionList(*options, id="pick-list")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id == "bots":
            self.open_bots()
        elif option_id.startswith("demo-"):
            from game.ui.screens.presenter_stage import StageScreen
            from game.ui.show import Show

            demo, world = self.found[int(option_id.removeprefix("demo-"))]
            self.app.push_screen(StageScreen(Show.of_demo(demo, world)))

    def open_bots(self) -> None:
        from game.demo.timeline import compare_bots
        from game.ui.screens.presenter_compare import ComparisonScreen

        demo, world = self.found[0]
        comparison = compare_bots(world, demo.campaign, demo.seed, *BOTS)
        self.app.push_screen(ComparisonScreen(comparison, world, title=f"Two strategies: {BOTS[0]} vs {BOTS[1]}"))
