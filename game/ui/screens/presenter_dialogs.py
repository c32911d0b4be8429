"""Small dialogs over the stage: the list of turning points, and the keys card."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.demo.script import Beat


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
                options.append(Option(f"{n}. [b]{escape(beat.title)}[/b] (beat {index + 1}){here}\n"
                                      f"   {escape(caption)}", id=str(index)))
            yield OptionList(*options, id="pr-markers")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))


PRESENTER_KEYS = """\
[b]space[/b] or [b]→[/b]   next beat (at a choice: the default answer)
[b]←[/b]            step back: every state is a replay, so going back is exact
[b]A[/b] / [b]B[/b]        the class's answer at an audience choice
[b]i[/b]            inner thoughts on or off: what people feel and the player can't see
[b]m[/b]            jump to a turning point
[b]f[/b]            fork: take the other answer to the last choice
[b]c[/b]            compare the two timelines side by side
[b]n[/b]            how to open your notes off the projector: [b]warm-intro demo ID --notes[/b]
[b]d[/b]            the debrief (it also follows the last beat); [b]e[/b] there exports it
[b]escape[/b]       back to the list of demos"""


class KeysScreen(ModalScreen[None]):
    """Every presenter key on one card."""

    BINDINGS = [
        Binding("escape,f1,question_mark", "dismiss(None)", "Close", id="presenter.keys.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="pr-dialog"):
            yield Static("[b]Presenter keys[/b]  [dim]escape closes[/]", id="pr-dialog-title")
            yield Static(PRESENTER_KEYS, id="pr-keys-text")
