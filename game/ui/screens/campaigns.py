"""Pick a campaign from every loaded pack, with its blurb and goal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from game.ui.screens.base import GameScreen
from game.ui.widgets.footer import GameFooter


class CampaignScreen(GameScreen[None]):
    CSS_PATH = "../styles/pages.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="campaigns.back"),
        Binding("enter", "start", "Start", id="campaigns.start", show=True, priority=False),
        Binding("i", "ironman", "Ironman", id="campaigns.ironman"),
    ]

    ironman = False  # no undo and no rewind in this game

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="campaign-main"):
            yield OptionList(id="campaign-list")
            with VerticalScroll(id="campaign-about"):
                yield Static(id="campaign-text")
        yield GameFooter()

    def on_mount(self) -> None:
        self.choices: list[tuple[object, str]] = []
        options = []
        try:
            worlds = self.app.worlds()
        except Exception as exc:  # a broken --pack: say so, keep the core campaigns
            self.notify(f"A pack could not be loaded: {exc}", severity="error")
            worlds = []
        for world in worlds:
            for cid, camp in world.campaigns.items():
                options.append(Option(f"[b]{escape(camp.title)}[/b]\n[dim]{world.pack_id} · {camp.runway_weeks} weeks[/]",
                                      id=str(len(self.choices))))
                self.choices.append((world, cid))
        ol = self.query_one("#campaign-list", OptionList)
        ol.border_title = "Campaigns"
        self.query_one("#campaign-about").border_title = "About"
        ol.set_options(options)
        if options:
            ol.highlighted = 0
        ol.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(int(event.option.id))

    def _describe(self, index: int) -> None:
        world, cid = self.choices[index]
        camp = world.campaigns[cid]
        text = [f"[b]{escape(camp.title)}[/b]", "", escape(camp.blurb), ""]
        if camp.goal:
            text += [f"[b]Goal:[/b] {escape(camp.goal)}", ""]
        text.append(f"{camp.runway_weeks} weeks of savings · {camp.hours_per_week} hours a week for your search")
        text.append(f"You start knowing {len(camp.contacts)} people.")
        mode = ("[b]Ironman: on[/b] — no undo, no rewind; every choice stands." if self.ironman
                else "Ironman: off — you can undo and rewind. Press i to play ironman.")
        text += ["", mode, "", "[dim]Press Enter to begin.[/]"]
        self.query_one("#campaign-text", Static).update("\n".join(text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._start(int(event.option.id))

    def action_start(self) -> None:
        ol = self.query_one("#campaign-list", OptionList)
        if ol.highlighted is not None:
            self._start(ol.highlighted)

    def _start(self, index: int) -> None:
        world, cid = self.choices[index]
        self.app.start_game(world, cid, None, ironman=self.ironman)

    def action_ironman(self) -> None:
        self.ironman = not self.ironman
        ol = self.query_one("#campaign-list", OptionList)
        if ol.highlighted is not None:
            self._describe(ol.highlighted)

    def action_back(self) -> None:
        self.dismiss()
