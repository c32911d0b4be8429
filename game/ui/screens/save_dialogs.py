"""Small dialogs for saves: naming a save, choosing a week to rewind to, and a save that failed at quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from game.saves.files import check_name
from game.ui.screens.base import GameModal


class SaveAsScreen(GameModal[str | None]):
    """Ask for a save name; dismisses with the checked name, or None."""

    CSS_PATH = "../styles/saves.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="save_as.cancel")]

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="save-as-box"):
            yield Static("[b]Save this game as…[/b]\nLetters, digits, spaces, '-', '_' or '.'. "
                         "An existing save with the same name is kept as a backup.")
            yield Input(value=self.suggestion, id="save-as-name")
            yield Static(id="save-as-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            name = check_name(event.value)
        except ValueError as exc:
            self.query_one("#save-as-error", Static).update(str(exc))
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RewindScreen(GameModal[int | None]):
    """Pick the start of an earlier week; dismisses with the week, or None."""

    CSS_PATH = "../styles/saves.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rewind.cancel")]

    def __init__(self, current_week: int) -> None:
        super().__init__()
        self.current_week = current_week

    def compose(self) -> ComposeResult:
        with Vertical(id="rewind-box"):
            yield Static("[b]Rewind to the start of which week?[/b]\nEverything after it is replayed away; "
                         "your save keeps the game as it is now until the next save.")
            yield OptionList(*[Option(f"Start of week {w}" + ("  (this week)" if w == self.current_week else ""),
                                      id=str(w)) for w in range(self.current_week, 0, -1)], id="rewind-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class NotSavedScreen(GameModal[tuple[str, str] | None]):
    """Quitting, the save failed: try again, save in another folder, or quit without saving.

    Dismisses with ("retry", ""), ("elsewhere", folder), ("quit", ""), or None to keep playing.
    """

    CSS_PATH = "../styles/saves.tcss"
    BINDINGS = [Binding("escape", "cancel", "Keep playing", id="not_saved.cancel")]

    def __init__(self, problem: str, elsewhere: str) -> None:
        super().__init__()
        self.problem = problem
        self.elsewhere = elsewhere

    def compose(self) -> ComposeResult:
        from textual.markup import escape

        with Vertical(id="not-saved-box"):
            yield Static(f"[b]The game could not be saved[/b]\n{escape(self.problem)}\n\n"
                         "Quitting now loses everything since the last save. Another folder:")
            yield Input(value=self.elsewhere, id="not-saved-folder")
            yield OptionList(Option("Try again", id="retry"), Option("Save in the folder above", id="elsewhere"),
                             Option("Quit without saving", id="quit"), Option("Keep playing", id="cancel"),
                             id="not-saved-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(("elsewhere", event.value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or "cancel"
        if choice == "cancel":
            self.dismiss(None)
        else:
            self.dismiss((choice, self.query_one(Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
