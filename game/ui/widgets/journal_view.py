"""The whole journal as a view that draws only the lines in sight.

Late in a game the journal holds hundreds of entries. Drawn as one text, every opening
parsed, wrapped and laid out all of it (80-200 ms at week 20). Here each entry is parsed
once per app (the journal only grows, and an entry's words depend on the world alone: see
`JournalBook`), measured once per width, and turned into cells only while it is on screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable
from itertools import accumulate

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from game.ui.codex import titles
from game.ui.markup import content as from_markup
from game.ui.words import effect_markup

EMPTY = "Nothing yet."


class JournalBook:
    """Every journal line a game has shown, parsed once and kept for the app's life.

    Lines are keyed by what they say (a week's heading, or the effect itself: effects are
    values, and their words depend only on the world), so an undo, a rewind or a reload of
    the same game finds its lines already made.
    """

    def __init__(self) -> None:
        self._world = None
        self._lines: dict[Hashable, Content] = {}
        self.heights: dict[tuple[Hashable, int], int] = {}  # (line, width) -> rows, see JournalView

    def lines(self, session) -> list[tuple[Hashable, Content]]:
        """The journal of the session's game, week headings included, oldest first."""
        self._for(session.world)
        out: list[tuple[Hashable, Content]] = []
        week = None
        for effect in session.journal():
            if effect.week != week:
                week = effect.week
                out.append(self.heading(week))
            out.append((effect, self.line(session, effect)))
        return out

    def warm(self, session, budget: int = 40) -> bool:
        """Parse up to `budget` lines not yet made, newest first. True once all are made."""
        self._for(session.world)
        made = 0
        for effect in reversed(session.journal()):
            if effect not in self._lines:
                self.line(session, effect)
                made += 1
                if made >= budget:
                    return False
        return True

    def _for(self, world) -> None:
        if world is not self._world:  # another pack's words: start afresh
            self._world, self._lines, self.heights = world, {}, {}

    def heading(self, week: int) -> tuple[Hashable, Content]:
        """A week's heading: its key and its line."""
        key = ("week", week)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = from_markup(f"[b $text-muted]── week {week} ──[/]")
        return key, line

    def line(self, session, effect) -> Content:
        """An effect's line (keyed by the effect itself)."""
        self._for(session.world)
        line = self._lines.get(effect)
        if line is None:
            line = self._lines[effect] = from_markup("  " + effect_markup(session.state, effect, titles(session.world)))
        return line


class JournalView(ScrollView, can_focus=True):
    """Lines of content, scrolled; only the rows in sight are rendered."""

    empty = Content(EMPTY)  # what an empty view says

    def __init__(self, lines: list[tuple[Hashable, Content]], heights: dict[tuple[Hashable, int], int] | None = None,
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines = lines or [("empty", self.empty)]
        self._heights = heights if heights is not None else {}
        self._width = -1
        self._starts: list[int] = []  # the first row of each line
        self._rows: dict[Hashable, list[Strip]] = {}  # each line's rendered rows (by its key), for the width measured
        self._width_rendered = -1  # the width of the rows in _rows

    def set_lines(self, lines: list[tuple[Hashable, Content]]) -> None:
        """Show other lines. A line that was already shown keeps its measured height and its
        rendered rows (lines are keyed by what they say), so a view that gains a few lines at
        the end only measures and draws those."""
        self._lines = lines or [("empty", self.empty)]
        keys = {key for key, _ in self._lines}
        self._rows = {key: rows for key, rows in self._rows.items() if key in keys}
        heights = self._heights
        if len(heights) > 4 * len(self._lines):  # forget the heights of lines long gone
            for gone in [k for k in heights if k[0] not in keys]:
                del heights[gone]
        self._width = -1  # measured again, from the heights kept, when next drawn or now if laid out
        if self.scrollable_content_region.width > 0:
            self._measure()
        self.refresh()

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def plain_rows(self) -> list[str]:
        """Every row as a player reads it, wrapped to the view's width (for tests)."""
        self._measure()
        return [strip.text.rstrip() for i in range(len(self._lines)) for strip in self._render(i)]

    def _measure(self) -> None:
        width = max(1, self.scrollable_content_region.width)
        if width == self._width:
            return
        if width != self._width_rendered:
            self._rows, self._width_rendered = {}, width
        self._width = width
        heights = self._heights
        rows = []
        for key, content in self._lines:
            got = heights.get((key, width))
            if got is None:
                got = heights[(key, width)] = max(1, content.get_height(self.styles, width))
            rows.append(got)
        self._starts = [0, *accumulate(rows)]
        self.virtual_size = Size(width, self._starts[-1])

    def _render(self, index: int) -> list[Strip]:
        key, content = self._lines[index]
        strips = self._rows.get(key)
        if strips is None:
            strips = Visual.to_strips(self, content, self._width, None, self.visual_style)
            strips = [strip.extend_cell_length(self._width, self.visual_style.rich_style) for strip in strips]
            self._rows[key] = strips
        return strips

    def on_resize(self) -> None:
        self._measure()

    def render_line(self, y: int) -> Strip:
        self._measure()
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        if row >= self._starts[-1]:
            return Strip.blank(self.size.width, self.visual_style.rich_style)
        index = bisect_right(self._starts, row) - 1
        strips = self._render(index)
        strip = strips[min(row - self._starts[index], len(strips) - 1)]
        return strip.crop(scroll_x, scroll_x + self.size.width)
