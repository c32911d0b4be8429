"""A demo on stage: the model the presenter's screens draw (which beat, the class's choices, the fork)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.demo import story
from game.demo.debrief import build
from game.demo.script import Beat, Demo, Run, play
from game.demo.session import (
    Export,
    export_run,
    new_export_folder,
    run_actions,
    write_debrief,
)
from game.demo.timeline import Comparison, compare, encode_replay, play_out
from game.engine.state import UNKNOWN, State
from game.engine.world import World
from game.ui.settings import saves_dir


def exports_dir() -> Path:
    """Where exports go: `exports/` inside the saves folder (WARM_INTRO_SAVES, else ./saves)."""
    return saves_dir() / "exports"


@dataclass
class Show:
    """A demo on stage: which beat is showing, the class's choices, and the road not taken."""

    demo: Demo
    world: World
    run: Run
    choices: dict[str, str] = field(default_factory=dict)
    pos: int = 0
    # the presenter's own inner-thoughts switch; None follows the script's reveal beats
    reveal_override: bool | None = None
    # the timeline before the last fork, so the two can be compared side by side
    before_fork: tuple[str, dict[str, str], Run] | None = None
    replay: bool = False
    # SVG screenshots taken on this timeline, by name: (the beat showing when taken, the SVG)
    shots: dict[str, tuple[int, str]] = field(default_factory=dict)
    # the class's answers (choose step -> key), apart from any fork the presenter made after
    class_choices: dict[str, str] = field(default_factory=dict)
    # the turning points' screenshots of every timeline shown, by its answers: beat index -> SVG
    marker_svgs: dict[tuple[tuple[str, str], ...], dict[int, str]] = field(default_factory=dict)

    @classmethod
    def of_demo(cls, demo: Demo, world: World, choices: dict[str, str] | None = None) -> Show:
        choices = dict(choices or {})
        return cls(demo, world, play(demo, world, choices), choices)

    @classmethod
    def of_replay(cls, world: World, replay) -> Show:
        """A saved session (a replay code) as a demo with one beat per action."""
        title = world.campaigns[replay.campaign].title
        demo = Demo("replay", world.pack_id, f"{title}: a replayed session", "", replay.campaign, replay.seed,
                    0, "", ())
        states = play_out(world, replay.campaign, replay.seed, replay.actions)
        opening = Beat("caption", caption=f"{title}, seed {replay.seed}: the same session again, "
                                          f"{len(replay.actions)} moves. Step through it with space.",
                       where="start")
        steps = [Beat("action", action=a, where=f"move {i}") for i, a in enumerate(replay.actions, 1)]
        run = Run(demo, states[-1], [opening, *steps], states=states)
        return cls(demo, world, run, replay=True)

    # --- where we are -----------------------------------------------------------------------
    @property
    def beats(self) -> list[Beat]:
        return self.run.beats[: len(self.run.states)]

    @property
    def total(self) -> int:
        return len(self.run.states)

    @property
    def beat(self) -> Beat:
        return self.run.beats[self.pos]

    @property
    def state(self) -> State:
        return self.run.states[self.pos]

    @property
    def at_end(self) -> bool:
        return self.pos >= self.total - 1

    def scripted_reveal(self) -> bool:
        for beat in reversed(self.beats[: self.pos + 1]):
            if beat.kind == "reveal":
                return beat.reveal
        return False

    @property
    def reveal(self) -> bool:
        return self.scripted_reveal() if self.reveal_override is None else self.reveal_override

    def last(self, kinds: tuple[str, ...]) -> int | None:
        """The index of the latest beat of these kinds at or before the one showing."""
        for i in range(self.pos, -1, -1):
            if self.run.beats[i].kind in kinds:
                return i
        return None

    def people(self) -> list[str]:
        """Everyone the player knows by now, the people this beat is about first.

        A caption or turning point is about whoever the last moves touched and whoever it
        expects something of, so they stay at the top of the list (visible at 80x24) while
        the class reads it, instead of falling back into alphabetical order.
        """
        s = self.state
        known = [cid for cid, c in s.contacts.items() if c.stage != UNKNOWN]
        about = self.about()
        return sorted(known, key=lambda cid: (cid not in about, s.world.people[cid].name))

    def about(self) -> set[str]:
        """Who the beat showing is about: the people its moves touched, else the people the
        latest move that touched anyone did (an ended week touches only the player), and
        whoever its marker expects something of."""
        people = {cid for cid, _ in self.beat.expect_doors}
        contacts = set(self.state.contacts)
        index = self.last(("action",))
        while index is not None and index >= 0:
            touched: set[str] = set()
            for i in range(self.group_start(index), index + 1):
                node = self.run.states[i].history
                if self.run.beats[i].kind == "action" and node is not None:
                    touched |= {e.target for e in node.effects} & contacts
            if touched:
                return people | touched
            index = self.group_start(index) - 1
            while index >= 0 and self.run.beats[index].kind != "action":
                index -= 1
        return people

    def effects(self, visible_only: bool = True) -> list:
        """The effects of the beat showing, if it is an action (every move of its group, if it ends one)."""
        if self.beat.kind != "action" or self.pos == 0 and self.replay:
            return []
        out = []
        for i in range(self.group_start(self.pos), self.pos + 1):
            node = self.run.states[i].history
            if node is not None:
                out += [e for e in node.effects if e.visible or not visible_only]
        return out

    # --- pacing: routine moves in a row are one step ----------------------------------------------
    def group_start(self, index: int) -> int:
        """The first of the run of moves that ends at `index` (itself, if it is not a move)."""
        start = index
        while not self.replay and start > 0 and self.run.beats[start].kind == "action" \
                and self.run.beats[start - 1].kind == "action":
            start -= 1
        return start

    def group_end(self, index: int) -> int:
        """The last of the run of moves that starts at `index` (itself, if it is not a move)."""
        end = index
        while not self.replay and end + 1 < self.total and self.run.beats[end].kind == "action" \
                and self.run.beats[end + 1].kind == "action":
            end += 1
        return end

    def markers(self) -> list[tuple[int, Beat]]:
        return [(i, b) for i, b in enumerate(self.beats) if b.kind == "marker"]

    # --- moving -------------------------------------------------------------------------------
    def forward(self, one: bool = False) -> bool:
        """The next step: the next beat, or all the routine moves in a row at once (`one`: a single beat)."""
        if self.at_end:
            return False
        if self.beat.kind == "choose" and self.beat.where not in self.class_choices and self.before_fork is None:
            self.class_choices[self.beat.where] = self.beat.default  # space at a choice: the class took the default
        self.pos += 1
        if not one:
            self.pos = self.group_end(self.pos)
        if self.beat.kind == "reveal":
            self.reveal_override = None  # the script takes the switch back
        return True

    def back(self) -> bool:
        """The step before: back over a whole run of routine moves, as forward went."""
        if self.pos == 0:
            return False
        self.pos = max(self.group_start(self.pos) - 1, 0)
        return True

    def jump(self, index: int) -> None:
        self.pos = max(0, min(index, self.total - 1))
        self.reveal_override = None

    def choose(self, key: str) -> bool:
        """The class answers the choice showing; the rest of the demo is replayed from it."""
        beat = self.beat
        if beat.kind != "choose" or key not in dict(beat.options):
            return False
        self.class_choices[beat.where] = key
        # the class answering again (after stepping back) is a new answer, not a fork
        self.before_fork = None
        if key != beat.default:
            self.choices[beat.where] = key
            self.run = play(self.demo, self.world, self.choices)
            self._forget_shots_from(self.pos)
        return True

    def fork(self) -> str | None:
        """Take the other answer at the latest choice; the old timeline is kept to compare.

        Returns what changed, in words, or None if no choice has been reached yet.
        """
        index = self.last(("choose",))
        if index is None:
            return None
        beat = self.run.beats[index]
        self.class_choices.setdefault(beat.where, beat.default)  # jumped past the choice: the class took this
        keys = [k for k, _ in beat.options]
        other = keys[(keys.index(beat.default) + 1) % len(keys)]
        self.before_fork = (self.option_label(beat, beat.default), dict(self.choices), self.run)
        self.choices[beat.where] = other
        self.run = play(self.demo, self.world, self.choices)
        self._forget_shots_from(index)
        self.pos = min(index + 1, self.total - 1)
        self.reveal_override = None
        return f"What if: option {other}. {dict(beat.options)[other]}"

    # --- screenshots for the export -----------------------------------------------------------------
    def remember(self, name: str, svg: str) -> None:
        """Keep a screenshot of the beat showing now ("marker door-shuts", "comparison"...)."""
        self.shots[name] = (self.pos, svg)
        if self.beat.kind == "marker" and name == f"marker {self.beat.marker}":
            self.marker_svgs.setdefault(self._path(self.choices), {})[self.pos] = svg

    def _path(self, choices: dict[str, str]) -> tuple[tuple[str, str], ...]:
        # a timeline named by its answers, the defaults written out, so {} and {"step 5": "A"} agree
        run = self.run if choices == self.choices else play(self.demo, self.world, choices)
        return tuple(sorted((f.where, f.default) for f in run.forks))

    @property
    def forked(self) -> bool:
        """The presenter replayed another answer than the class's."""
        return any(self.choices.get(w, k) != k for w, k in self._class_path())

    def _class_path(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(self.class_choices.items()))

    def _forget_shots_from(self, index: int) -> None:
        # after another answer the story from that choice on is a different one: its old
        # screenshots would show a turning point this timeline never had
        self.shots = {name: shot for name, shot in self.shots.items() if shot[0] < index}

    def marker_shots(self) -> dict[int, str]:
        """The turning points' screenshots on this timeline, by beat index."""
        return dict(self.marker_svgs.get(self._path(self.choices), {}))

    @staticmethod
    def option_label(beat: Beat, key: str) -> str:
        return f"{key}: {dict(beat.options)[key]}"

    # --- comparing and debriefing ---------------------------------------------------------------
    def comparison(self) -> Comparison | None:
        """This timeline beside the one before the fork (or, before any fork, beside the
        other answer to the latest choice)."""
        index = self.last(("choose",))
        if index is None:
            forks = [b for b in self.beats if b.kind == "choose"]
            if not forks:
                return None
            index = self.beats.index(forks[0])
        beat = self.run.beats[index]
        here = (f"Option {self.option_label(beat, beat.default)}", run_actions(self.run))
        if self.before_fork is not None:
            label, _, run = self.before_fork
            there = (f"Option {label}", run_actions(run))
            first, second = there, here
        else:
            keys = [k for k, _ in beat.options]
            other = keys[(keys.index(beat.default) + 1) % len(keys)]
            run = play(self.demo, self.world, {**self.choices, beat.where: other})
            first, second = here, (f"Option {self.option_label(beat, other)}", run_actions(run))
        return compare(self.world, self.demo.campaign, self.demo.seed, first, second)

    def class_run(self) -> Run:
        """The class's own timeline, whatever the presenter forked to since."""
        if not self.forked:
            return self.run
        return play(self.demo, self.world, self.class_choices)

    def story(self) -> story.Story:
        """The presented session's debrief: the class's story, and the fork replayed after it."""
        run = self.class_run()
        answers = {f.where: f.default for f in run.forks}
        reached = set(self.class_choices) if not self.at_end or self.forked else None
        return story.tell(self.demo, self.world, answers, dict(self.choices) if self.forked else None,
                          self.marker_svgs.get(self._path(answers), {}), reached,
                          self.marker_svgs.get(self._path(self.choices), {}) if self.forked else None)

    def debrief(self):
        """A replayed campaign's debrief (a session without a script)."""
        state = self.run.states[-1]
        return build(state, replay_code=encode_replay(state))

    def export(self, root: Path) -> Export:
        """Write the debrief (Markdown, HTML, screenshots) into a new folder under `root`."""
        screens = {name: svg for name, (_, svg) in self.shots.items() if not name.startswith("marker ")}
        if not self.replay:
            run = self.class_run()
            answers = {f.where: f.default for f in run.forks}
            reached = set(self.class_choices) if not self.at_end or self.forked else None
            return export_run(self.demo, self.world, run, root, self.marker_svgs.get(self._path(answers), {}),
                              screens, shown=dict(self.choices) if self.forked else None, reached=reached,
                              shown_shots=self.marker_svgs.get(self._path(self.choices), {}) if self.forked
                              else None)
        folder = new_export_folder(root, f"replay-{self.demo.campaign}")
        return write_debrief(self.debrief(), folder, "replay", screens)
