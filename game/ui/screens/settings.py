"""Settings: the theme, hints, the week summary. Saved in saves/settings.toml."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Static, Switch

from game.ui.screens.base import GameModal
from game.ui.widgets.footer import GameFooter


class SettingsScreen(GameModal[None]):
    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS = [Binding("escape", "close", "Close", id="settings.close")]

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        themes = sorted(self.app.available_themes)
        with Vertical(id="settings-box"):
            with Horizontal(classes="setting"):
                yield Label("Theme", classes="setting-label")
                yield Select([(name, name) for name in themes], value=self.app.theme,
                             allow_blank=False, id="theme")
            with Horizontal(classes="setting"):
                yield Label("Warnings before a risky choice", classes="setting-label")
                yield Switch(value=settings.hints, id="hints")
            with Horizontal(classes="setting"):
                yield Label("Summary after every week", classes="setting-label")
                yield Switch(value=settings.week_summary, id="week_summary")
            yield Static("[dim]\"projection\" is a high-contrast theme for projectors. "
                         "Set NO_COLOR=1 to play without colour.[/]", id="settings-note")
        yield GameFooter()

    def on_mount(self) -> None:
        box = self.query_one("#settings-box")
        box.border_title = "Settings"
        box.border_subtitle = "saved as you change them"
        self.query_one("#theme").focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "theme" and isinstance(event.value, str):
            self.app.theme = event.value

    def on_switch_changed(self, event: Switch.Changed) -> None:
        setattr(self.app.settings, event.switch.id, event.value)
        self.app.save_settings()

    def action_close(self) -> None:
        self.dismiss(None)
