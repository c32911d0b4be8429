"""The title screen: start, continue, settings, help, quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.ui.screens.base import GameScreen
from game.ui.settings import has_saved_games
from game.ui.widgets.footer import GameFooter

LOGO = """\
╦ ╦┌─┐┬─┐┌┬┐  ╦┌┐┌┌┬┐┬─┐┌─┐
║║║├─┤├┬┘│││  ║│││ │ ├┬┘│ │
╚╩╝┴ ┴┴└─┴ ┴  ╩┘└┘ ┴ ┴└─└─┘"""

TAGLINE = "A game about finding work through people, and the doors they open or shut."


class TitleScreen(GameScreen[None]):
    """A menu is an OptionList rather than buttons: one widget, keyboard and mouse both."""

    CSS_PATH = "../styles/title.tcss"
    BINDINGS = [
        Binding("n", "new_game", "New game", id="title.new_game"),
        Binding("c", "continue", "Continue", id="title.continue"),
        Binding("l", "load", "Load", id="title.load"),
        Binding("s", "settings", "Settings", id="title.settings"),
        Binding("q", "quit", "Quit", id="title.quit"),
    ]

    def compose(self) -> ComposeResult:
        saves = has_saved_games()
        with Vertical(id="title-box"):
            yield Static(LOGO, id="logo")
            yield Static(TAGLINE, id="tagline")
            with Center():
                yield OptionList(
                    Option("New game", id="new"),
                    Option("Continue" if saves else "Continue  [dim](no saved games yet)[/]", id="continue",
                           disabled=not saves),
                    Option("Load game", id="load", disabled=not saves),
                    Option("Class report", id="class"),
                    Option("Settings", id="settings"),
                    Option("Help", id="help"),
                    Option("Quit", id="quit"),
                    id="menu",
                )
        yield GameFooter()

    def on_mount(self) -> None:
        self.query_one("#menu", OptionList).focus()

    def on_screen_resume(self) -> None:
        # back from a game: the saves it made can now be continued
        found = self.query("#menu")
        if not found:  # not composed yet
            return
        menu = found.first(OptionList)
        saves = has_saved_games()
        menu.replace_option_prompt("continue", "Continue" if saves else "Continue  [dim](no saved games yet)[/]")
        for option_id in ("continue", "load"):
            if saves:
                menu.enable_option(option_id)
            else:
                menu.disable_option(option_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "new":
            self.action_new_game()
        elif choice == "settings":
            self.action_settings()
        elif choice == "help":
            self.app.action_help()
        elif choice == "quit":
            self.app.exit()
        elif choice == "continue":
            self.action_continue()
        elif choice == "load":
            self.app.action_load()
        elif choice == "class":
            self.action_class_report()

    def action_continue(self) -> None:
        """Carry on the most recently saved game that loads."""
        from game.saves.files import list_saves
        from game.saves.paths import saves_dir

        for item in list_saves(saves_dir()):
            if not item.error and self.app.load_game(item.path):
                return
        self.notify("No saved game can be loaded. Open Load game to see why.", severity="warning")

    def action_new_game(self) -> None:
        from game.ui.screens.campaigns import CampaignScreen

        self.app.push_screen(CampaignScreen())

    def action_settings(self) -> None:
        self.app.action_settings()

    def action_class_report(self) -> None:
        """Class mode: a file of students' replay codes, replayed side by side."""
        from game.ui.screens.class_report import ClassReportScreen

        self.app.push_screen(ClassReportScreen())

    def palette_commands(self):
        from textual.app import SystemCommand

        yield SystemCommand("Class report", "Replay a file of students' replay codes and see the class side by side",
                            self.action_class_report)

    def action_load(self) -> None:
        self.app.action_load()

    def action_quit(self) -> None:
        self.app.exit()
