"""The title screen: start, continue, settings, help, quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from game.ui.settings import has_saved_games

LOGO = """\
╦ ╦┌─┐┬─┐┌┬┐  ╦┌┐┌┌┬┐┬─┐┌─┐
║║║├─┤├┬┘│││  ║│││ │ ├┬┘│ │
╚╩╝┴ ┴┴└─┴ ┴  ╩┘└┘ ┴ ┴└─└─┘"""

TAGLINE = "A game about finding work through people, and the doors they open or shut."


class TitleScreen(Screen):
    BINDINGS = [
        Binding("n", "new_game", "New game", id="title.new_game"),
        Binding("s", "settings", "Settings", id="title.settings"),
        Binding("q", "quit", "Quit", id="title.quit"),
        Binding("up", "app.focus_previous", "Up", show=False, id="title.up"),
        Binding("down", "app.focus_next", "Down", show=False, id="title.down"),
    ]

    def compose(self) -> ComposeResult:
        saves = has_saved_games()
        with Vertical(id="title-box"):
            yield Static(LOGO, id="logo")
            yield Static(TAGLINE, id="tagline")
            with Center():
                yield Button("New game", id="new", variant="primary", compact=True)
            with Center():
                yield Button("Continue", id="continue", disabled=not saves, compact=True,
                             tooltip=None if saves else "No saved games yet.")
            with Center():
                yield Button("Settings", id="settings", compact=True)
            with Center():
                yield Button("Help", id="help", compact=True)
            with Center():
                yield Button("Quit", id="quit", variant="error", compact=True)
            if not saves:
                yield Static("[dim]Continue opens once you have a saved game.[/]", id="title-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "new":
            self.action_new_game()
        elif event.button.id == "settings":
            self.action_settings()
        elif event.button.id == "help":
            self.app.action_help()
        elif event.button.id == "quit":
            self.app.exit()
        elif event.button.id == "continue":
            self.notify("Loading saved games is not available in this version yet.", severity="warning")

    def action_new_game(self) -> None:
        from game.ui.screens.campaigns import CampaignScreen

        self.app.push_screen(CampaignScreen())

    def action_settings(self) -> None:
        self.app.action_settings()

    def action_quit(self) -> None:
        self.app.exit()
