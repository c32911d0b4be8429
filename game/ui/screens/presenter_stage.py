"""The stage: one beat of a demo at a time, with large captions and everyone's meters.

Space or → steps forward, ← steps back (the states are a replay, so going back is exact),
m jumps to a turning point, i shows or hides inner thoughts, f forks at the last audience
choice, c compares the two timelines. The facilitator's notes never appear here, where the
class can read them: the stage writes where it stands to a cue sheet (game/demo/cue.py) that
`warm-intro demo ID --notes` follows in a second terminal; n says how to open it.
"""

from __future__ import annotations

import contextlib
import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Digits, Footer, Static

from game.demo import cue
from game.engine.kinds import EffectKind
from game.ui.codex import titles
from game.ui.screens.base import StageScreenBase
from game.ui.show import Show
from game.ui.widgets.presenter_people import PresenterPeople, people_markup
from game.ui.words import action_label, effect_markup, effect_text

BIG_LETTERS = set("ABCDEF")


class StageScreen(StageScreenBase[None]):
    """A demo, beat by beat."""

    BINDINGS = [
        Binding("space,right", "next", "Next", id="presenter.next"),
        Binding("full_stop", "one_move", "One move", show=False, id="presenter.one_move"),
        Binding("left", "back", "Back", id="presenter.back"),
        Binding("enter", "next", "Next", show=False, id="presenter.enter"),
        # the keys card and the README say A / B; a presenter may have caps lock on, or not
        Binding("a,A", "choose('A')", "Option A", show=False, id="presenter.choose_a"),
        Binding("b,B", "choose('B')", "Option B", show=False, id="presenter.choose_b"),
        Binding("m", "markers", "Markers", id="presenter.markers"),
        Binding("i", "reveal", "Inner thoughts", id="presenter.reveal"),
        Binding("f", "fork", "Fork", id="presenter.fork"),
        Binding("c", "compare", "Compare", id="presenter.compare"),
        Binding("n", "notes", "Notes", show=False, id="presenter.notes"),
        Binding("d", "debrief", "Debrief", show=False, id="presenter.debrief"),
        Binding("escape", "leave", "Leave", show=False, id="presenter.leave"),
        Binding("f1,question_mark", "keys", "Keys", show=False, id="presenter.keys"),
    ]

    def __init__(self, show: Show) -> None:
        super().__init__()
        self.show_ = show
        # the wall clock is the notes view's business only: how long each beat took in the room
        self._started = self._beat_started = time.time()
        self._spent: dict[int, float] = {}
        self._timed_pos = show.pos

    def compose(self) -> ComposeResult:
        yield Static(id="pr-status")
        yield Static(id="pr-caption")
        with Horizontal(id="pr-body"):
            with Vertical(id="pr-left"):
                with VerticalScroll(id="pr-happened-box", can_focus=False):
                    yield Static(id="pr-happened")
                yield Vertical(id="pr-choice")
            yield PresenterPeople(id="pr-people")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#pr-people").border_title = "People"
        self.refresh_stage()
        if self.show_.run.failures:
            # the pack changed under the script: say so, and show as much as still plays
            self.notify(self.show_.run.failures[0], title="This demo no longer plays to the end",
                        severity="warning", timeout=15)

    # --- drawing ----------------------------------------------------------------------------------
    def refresh_stage(self) -> None:
        show = self.show_
        state, beat = show.state, show.beat
        thoughts = "[reverse] » INNER THOUGHTS ON « [/]" if show.reveal else "inner thoughts off (i)"
        fork = "  ·  [b]what-if timeline[/b]" if show.before_fork is not None else ""
        self.query_one("#pr-status", Static).update(
            f"[b]{escape(show.demo.title)}[/b]  ·  beat {show.pos + 1} of {show.total}  ·  "
            f"week {state.week}  ·  {thoughts}{fork}")
        self._draw_caption()
        self._draw_happened()
        self._draw_choice()
        touched = {e.target for e in show.effects(visible_only=not show.reveal)}
        start = show.group_start(show.pos)
        before = show.run.states[start - 1] if start > 0 else None
        self.query_one("#pr-people", PresenterPeople).show(
            people_markup(state, show.people(), before, touched))
        if beat.kind == "marker" and not show.replay:
            self.call_after_refresh(self.app.remember_screen, f"marker {beat.marker}", beat.title)
        self._tell_the_notes()

    def _tell_the_notes(self) -> None:
        """Write where the stage stands for the notes view; a cue sheet that cannot be written never stops the show."""
        show, now = self.show_, time.time()
        if show.pos != self._timed_pos:
            self._spent[self._timed_pos] = self._spent.get(self._timed_pos, 0.0) + now - self._beat_started
            self._timed_pos, self._beat_started = show.pos, now
        beats = show.beats
        planned = cue.plan(beats, show.demo.minutes or 12)
        told = [cue.CueBeat(b.kind, self._beat_words(i, b), b.note, planned[i]) for i, b in enumerate(beats)]
        with contextlib.suppress(OSError):
            cue.write_cue(cue.cue_of(show.demo, told, show.pos, self._started, self._beat_started, self._spent,
                                     show.state.week))

    def _beat_words(self, index: int, beat) -> str:
        if beat.kind == "action" and beat.action is not None:
            before = self.show_.run.states[index - 1] if index > 0 else self.show_.run.states[0]
            return action_label(before, beat.action)
        if beat.kind == "reveal":
            return "on" if beat.reveal else "off"
        if beat.kind == "choose":
            return beat.caption + "  " + "  ".join(f"{k}: {label}" for k, label in beat.options) + \
                f"  (now: {beat.default})"
        return beat.caption or beat.title

    def on_unmount(self) -> None:
        cue.remove_cue()

    def _draw_caption(self) -> None:
        show = self.show_
        caption = self.query_one("#pr-caption", Static)
        beat = show.beat
        if beat.kind == "reveal":
            text = ("Inner thoughts are ON: you can see what the people are thinking, which the player can't."
                    if beat.reveal else "Inner thoughts are OFF: back to what the player sees.")
            caption.update(f"[b]{text}[/b]")
            caption.border_title = "Inner thoughts"
            caption.set_class(True, "-current")
            caption.set_class(False, "-marker")
            return
        if beat.kind == "choose":
            caption.update(f"[b]{escape(beat.caption)}[/b]")
            caption.border_title = "The class chooses"
            caption.set_class(True, "-current")
            caption.set_class(False, "-marker")
            return
        index = show.last(("caption", "marker"))
        if index is None:
            caption.update("")
            caption.border_title = ""
            return
        shown = show.run.beats[index]
        caption.update(f"[b]{escape(shown.caption)}[/b]" if index == show.pos else escape(shown.caption))
        caption.border_title = f"◆ Turning point: {shown.title}" if shown.kind == "marker" else ""
        caption.set_class(index == show.pos, "-current")
        caption.set_class(shown.kind == "marker", "-marker")

    def _draw_happened(self) -> None:
        show = self.show_
        box = self.query_one("#pr-happened-box")
        out = self.query_one("#pr-happened", Static)
        index = show.last(("action",))
        if show.beat.kind == "choose" or index is None or (show.replay and index == 0):
            box.display = show.beat.kind != "choose"
            box.border_title = "What happened"
            out.update("[dim]Nothing yet. Press space to begin.[/]" if index is None else "")
            return
        box.display = True
        start = show.group_start(index)
        if start < index:
            box.border_title = (f"{index - start + 1} routine moves" if index == show.pos else "The last moves")
            out.update(self._group_markup(start, index))
            return
        beat = show.run.beats[index]
        state = show.run.states[index]
        node = state.history
        names = titles(state.world)
        current = index == show.pos
        box.border_title = "What just happened" if current else "The last move"
        lines = [f"[b]Week {node.week} · You: {escape(action_label(show.run.states[index - 1], beat.action))}[/b]"
                 if index > 0 else f"[b]You: {escape(beat.action.name)}[/b]"]
        shown = 0
        for e in node.effects:
            if e.visible and e.kind not in (EffectKind.HEARD_OF, EffectKind.MESSAGE):
                lines.append("  " + effect_markup(state, e, names))
                shown += 1
            elif not e.visible and show.reveal:
                lines.append(f"  [i $secondary]» Inner thought: {escape(e.cause)}[/]")
                shown += 1
        if not shown:
            lines.append("  [dim]Nothing the player can see.[/]")
        out.update("\n".join(lines))

    def _group_markup(self, start: int, end: int) -> str:
        """A run of routine moves shown at once: one line each, with what it did to people's meters.

        Stepping through them one by one would scroll past the class; `.` still steps one move.
        """
        show = self.show_
        lines = []
        for i in range(start, end + 1):
            beat, state = show.run.beats[i], show.run.states[i]
            before = show.run.states[i - 1] if i > 0 else state
            node = state.history
            moved: dict[tuple[str, str], int] = {}  # (first name, meter) -> change, summed over the move
            doors = []
            for e in node.effects:
                if e.kind == EffectKind.CONTACT_METER and e.meter in ("trust", "embarrassment") and \
                        (e.visible or show.reveal) and e.target in state.world.people:
                    key = (state.world.people[e.target].name.split()[0], str(e.meter))
                    moved[key] = moved.get(key, 0) + e.delta
                elif e.kind == EffectKind.DOOR and e.visible:
                    doors.append(f"[b]{escape(effect_text(state, e))}[/b]")
            changes = [f"{'+' if d > 0 else '−'}{abs(d)} {meter} {name}" for (name, meter), d in moved.items() if d]
            said = escape(", ".join(changes[:3])) + ("…" if len(changes) > 3 else "")
            said = "  ".join(part for part in (f"[dim]{said}[/]" if said else "", *doors) if part)
            said = f"  {said}" if said else ""
            lines.append(f"[b]{i - start + 1}.[/b] Week {node.week} · {escape(action_label(before, beat.action))}{said}")
        return "\n".join(lines)

    def _draw_choice(self) -> None:
        show = self.show_
        panel = self.query_one("#pr-choice", Vertical)
        beat = show.beat
        panel.remove_children()
        panel.display = beat.kind == "choose"
        if beat.kind != "choose":
            return
        for key, label in beat.options:
            letter = Digits(key, classes="pr-letter") if key in BIG_LETTERS else Static(f"[b]{key}[/b]",
                                                                                     classes="pr-letter")
            default = "  [dim](default)[/]" if key == beat.default else ""
            row = Horizontal(letter, Static(f"{escape(label)}{default}", classes="pr-option-label"),
                             classes="pr-option")
            panel.mount(row)
        panel.mount(Static("[dim]Press a letter for the class's answer, or space for the default.[/]",
                           classes="pr-choice-help"))

    # --- keys -------------------------------------------------------------------------------------
    def action_next(self) -> None:
        if self.show_.at_end:
            self.action_debrief()
            return
        self.show_.forward()
        self.refresh_stage()

    def action_one_move(self) -> None:
        """A single beat forward, even inside a run of routine moves."""
        if self.show_.at_end:
            return
        self.show_.forward(one=True)
        self.refresh_stage()

    def action_back(self) -> None:
        if self.show_.back():
            self.refresh_stage()

    def action_choose(self, key: str) -> None:
        if self.show_.beat.kind != "choose":
            return
        if self.show_.choose(key):
            self.show_.forward()
            self.refresh_stage()

    def action_reveal(self) -> None:
        self.show_.reveal_override = not self.show_.reveal
        self.refresh_stage()

    def action_markers(self) -> None:
        from game.ui.screens.presenter_dialogs import MarkersScreen

        marks = self.show_.markers()
        if not marks:
            self.notify("This demo has no turning points marked.", title="Markers")
            return

        def jump(index: int | None) -> None:
            if index is not None:
                self.show_.jump(index)
                self.refresh_stage()

        self.app.push_screen(MarkersScreen(marks, self.show_.pos), jump)

    def action_notes(self) -> None:
        # the notes are for the facilitator, not for the class reading this screen
        self.notify(f"Your notes follow this stage in a second terminal: warm-intro demo {self.show_.demo.id} --notes"
                    " (under warm-intro serve: open /notes in another tab).", title="Notes are off the projector",
                    timeout=8)

    def action_fork(self) -> None:
        said = self.show_.fork()
        if said is None:
            self.notify("There is no audience choice yet to fork from. Step on to one first.", title="Fork")
            return
        self.notify(f"{said}\nPress c to compare the two timelines.", title="A what-if timeline")
        self.refresh_stage()

    def action_compare(self) -> None:
        from game.ui.screens.presenter_compare import open_comparison

        open_comparison(self, self.show_)

    def action_debrief(self) -> None:
        from game.ui.screens.presenter_debrief import DebriefScreen

        self.app.push_screen(DebriefScreen(self.show_))

    def action_keys(self) -> None:
        from game.ui.screens.presenter_dialogs import KeysScreen

        self.app.push_screen(KeysScreen())

    def action_leave(self) -> None:
        self.app.leave()
