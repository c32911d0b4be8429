"""Small dialogs over the stage: the list of turning points, and the facilitator notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.demo.script import Beat, Demo


class MarkersScreen(ModalScreen[int | None]):
    """Jump to a turning point: returns the beat index, or None."""

    BINDINGS = [
        Binding("escape,m", "dismiss(None)", "Close", id="presenter.markers.close"),
    ]

    def __init__(self, markers: list[tuple[int, Beat]], pos: int) -> None:
        super().__init__()
        self.markers = markers
        self.pos = pos

    def compose(self) -> ComposeResult:
        with Vertical(id="pr-dialog"):
            yield Static("[b]Turning points[/b]  [dim]enter jumps there · escape closes[/]", id="pr-dialog-title")
            options = []
            for n, (index, beat) in enumerate(self.markers, 1):
                here = "  ◀ you are here" if index == self.pos else ""
                caption = beat.caption if len(beat.caption) < 70 else beat.caption[:67] + "…"
                options.append(Option(f"{n}. [b]{escape(beat.marker)}[/b] (beat {index + 1}){here}\n"
                                      f"   {escape(caption)}", id=str(index)))
            yield OptionList(*options, id="pr-markers")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))


class NotesScreen(ModalScreen[None]):
    """The facilitator's notes for this demo: what to notice, what to ask, what to try."""

    BINDINGS = [
        Binding("escape,n", "dismiss(None)", "Close", id="presenter.notes.close"),
    ]

    def __init__(self, demo: Demo) -> None:
        super().__init__()
        self.demo = demo

    def compose(self) -> ComposeResult:
        notes = self.demo.notes.strip() or "This demo has no facilitator notes."
        # the notes are wrapped in the TOML; keep paragraphs, join their lines
        paragraphs = [" ".join(p.split()) for p in notes.split("\n\n")]
        with Vertical(id="pr-dialog"):
            yield Static(f"[b]Facilitator notes: {escape(self.demo.title)}[/b]  [dim]escape closes[/]",
                         id="pr-dialog-title")
            with VerticalScroll(id="pr-notes"):
                yield Static("\n\n".join(escape(p) for p in paragraphs), id="pr-notes-text")
