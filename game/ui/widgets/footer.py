"""The footer of the game's screens: the keys of the screen it is on, in one line.

It shows what Textual's Footer shows (each key the screen's bindings show, the first of any
that share an action, the command palette's key at the right end, keys that are off dimmed,
the key under the pointer highlighted, a click on a key as good as pressing it), drawn as one
widget: with its screen's first frame rather than a frame after it, and without a widget per
key to build, style and lay out on every screen (Textual's footer came to a tenth of the
board's launch). It is drawn again only when the keys it would show change, not on every
change of focus.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class _Key(NamedTuple):
    key: str  # as Textual names it, for pressing it
    shown: str  # as the footer shows it ("^p")
    description: str
    enabled: bool


class GameFooter(Widget, can_focus=False):
    """The keys of the screen it is on (see the module's docstring)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"game-footer--key", "game-footer--description", "game-footer--bar", "game-footer--hover"}
    DEFAULT_CSS = """
    GameFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .game-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .game-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .game-footer--bar {
            color: $foreground 20%;
        }
        .game-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    _shown: tuple[tuple[_Key, ...], _Key | None] | None = None
    _spans: tuple[tuple[int, int, _Key], ...] = ()  # where each key was drawn, for clicks
    _hover: str | None = None  # the key under the mouse pointer, drawn highlighted

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys(self, screen: Screen) -> tuple[tuple[_Key, ...], _Key | None]:
        """The keys to show, and the command palette's (shown apart), from the screen's bindings."""
        app = self.app
        palette_binding = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        keys, actions, palette = [], set(), None
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            if key == palette_binding:
                palette = _Key(binding.key, app.get_key_display(binding), binding.description, enabled)
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(_Key(binding.key, app.get_key_display(binding), binding.description, enabled))
        return tuple(keys), palette

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self.is_attached:
            keys = self._keys(screen)
            if keys != self._shown:
                self._shown = keys
                self.refresh()

    def render(self) -> Text:
        if self._shown is None:
            self._shown = self._keys(self.screen)
        keys, palette = self._shown
        key_style = self.get_component_rich_style("game-footer--key")
        description_style = self.get_component_rich_style("game-footer--description")
        line, spans = Text(), []
        for key in keys:
            start = len(line)
            off = Style() if key.enabled else Style(dim=True)
            line.append(f" {key.shown} ", key_style + off)
            if key.description:
                line.append(f"{key.description} ", description_style + off)
            spans.append((start, len(line), key))
        if palette is not None:
            right = Text.assemble(("▏", self.get_component_rich_style("game-footer--bar")),
                                  (palette.shown, key_style), (f" {palette.description}", description_style), " ")
            width = self.size.width or len(line) + len(right)
            line.truncate(max(0, width - len(right)))
            line.pad_right(max(0, width - len(right) - len(line)))
            start = len(line)
            line.append_text(right)
            spans.append((start, len(line), palette))
        self._spans = tuple(spans)
        hover = self.get_component_rich_style("game-footer--hover")
        for start, end, key in spans:
            if key.key == self._hover and key.enabled:
                line.stylize(hover, start + (1 if key is palette else 0), end)
        line.no_wrap = True
        return line

    def _key_at(self, x: int) -> _Key | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        hover = key.key if key is not None else None
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
