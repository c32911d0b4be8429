"""The load screen: every save with its campaign, week, date and how it stands.

A save that cannot be loaded is still listed, with what is wrong and what to do; it is
never changed or removed from here.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from game.saves.files import Listing, list_saves
from game.saves.paths import saves_dir
from game.ui.screens.base import GameScreen
from game.ui.widgets.footer import GameFooter


class LoadScreen(GameScreen[None]):
    CSS_PATH = "../styles/saves.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="load.back"),
        Binding("enter", "load", "Load", id="load.load", priority=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="load-main"):
            yield OptionList(id="load-list")
            with VerticalScroll(id="load-about"):
                yield Static(id="load-text")
        yield GameFooter()

    def on_mount(self) -> None:
        self.items: list[Listing] = list_saves(saves_dir())
        ol = self.query_one("#load-list", OptionList)
        ol.border_title = "Saved games"
        self.query_one("#load-about").border_title = "About this save"
        options = []
        for i, item in enumerate(self.items):
            if item.error:
                options.append(Option(f"[b]{escape(item.name)}[/b]\n[$error]✗ can't be loaded[/]", id=str(i)))
            else:
                when = item.updated.replace("T", " ").rstrip("Z")[:16]
                options.append(Option(f"[b]{escape(item.name)}[/b]\n[dim]{escape(item.campaign)} · week {item.week}"
                                      f" · {when}[/]", id=str(i)))
        ol.set_options(options)
        if options:
            ol.highlighted = 0
        else:
            self.query_one("#load-text", Static).update(
                f"No saved games in {escape(str(saves_dir()))} yet.\n\nGames save themselves at the end of every "
                "week and when you quit.")
        ol.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        item = self.items[int(event.option.id)]
        if item.error:
            text = [f"[b]{escape(item.name)}[/b]", "", f"[$error]This save can't be loaded:[/] {escape(item.error)}",
                    "", f"[dim]{escape(str(item.path))}[/]", "",
                    "The file is left exactly as it is. If it has a backup (the same name ending in .bak), "
                    "renaming the backup to the save's name brings back the version before."]
        else:
            text = [f"[b]{escape(item.name)}[/b]", "", escape(item.summary), "",
                    f"Campaign: {escape(item.campaign)}", f"Week {item.week}",
                    f"Saved {escape(item.updated.replace('T', ' ').rstrip('Z'))} (UTC)", "",
                    "[dim]Press Enter to carry on from here.[/]"]
        self.query_one("#load-text", Static).update("\n".join(text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._load(int(event.option.id))

    def action_load(self) -> None:
        ol = self.query_one("#load-list", OptionList)
        if ol.highlighted is not None:
            self._load(ol.highlighted)

    def _load(self, index: int) -> None:
        item = self.items[index]
        self.app.load_game(item.path)

    def action_back(self) -> None:
        self.dismiss()
