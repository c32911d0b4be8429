"""The footer of the game's screens: Textual's Footer, rebuilt only when its keys change.

Textual's Footer throws its keys away and builds them again whenever a screen says its
bindings may have changed: on every change of focus (Tab on the board) and every time a
screen comes back to the top (after each dialog, page or week summary). With eight keys
that is 15-50 ms of restyling per key press for a footer that looks exactly the same.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class GameFooter(Footer):
    """A Footer that keeps its keys while the keys it would show are the same."""

    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple((binding.key, binding.description, enabled, tooltip, self.app.get_key_display(binding))
                      for _node, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)
        if shown == self._shown and self.is_attached and screen is self.screen:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # what the rebuild about to happen will show
        super().bindings_changed(screen)
