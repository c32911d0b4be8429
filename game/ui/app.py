"""The Textual app: screens, themes, settings, and the one place actions are applied.

`WarmIntroApp.perform` is the single door into the engine for the screens: it applies an
action, and makes every visible effect land somewhere the player will see it (the journal,
the cards, and a notification for a door that shuts, an advocate acting, a new card).
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from game.ui.keys import APP_COMMANDS, bindings, palette
from game.ui.screens.base import MIN_HEIGHT, MIN_WIDTH
from game.ui.settings import Settings

if TYPE_CHECKING:
    from game.saves.files import Loaded
    from game.ui.screens.page import PageScreen

S = TypeVar("S", bound=Screen)

# High contrast for projectors and bright rooms: white on black, with loud accents.
PROJECTION = Theme(
    name="projection",
    primary="#FFD700",
    secondary="#00E5FF",
    accent="#FFD700",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF66",
    warning="#FFB000",
    error="#FF3B3B",
    dark=True,
    variables={
        "text-muted": "#E0E0E0",
        "footer-key-foreground": "#FFD700",
        "block-cursor-background": "#FFD700",
        "block-cursor-foreground": "#000000",
    },
)


def _warm_imports() -> None:
    # what Continue, Load and the first end of week need: the save format, and the board
    # with the engine when the title is up
    import game.saves.files  # noqa: F401
    import game.ui.screens.board  # noqa: F401


class _ReadAhead(NamedTuple):
    """A save read and verified ahead of Continue, and its file's stamp from before it was read
    (game.packs.cache.file_stamp: a save is always written whole, so a new one has a new file id)."""

    path: Path
    stamp: list
    loaded: Loaded


class WarmIntroApp(App):
    """Warm Intro in the terminal."""

    TITLE = "Warm Intro"
    # The app's own styles load with it; those of the screen a launch opens on (the title or
    # the board) are read as that screen is made (get_default_screen); the other screens' are
    # read a moment after the first frame is up (see read_later_styles), since the first frame
    # does not show them. Every screen's styles must be loaded before the screen is first
    # pushed: the first screen is the base screen, whose own CSS_PATH Textual never reads; and a
    # screen pushed with styles not yet loaded makes Textual parse every stylesheet again (30-50
    # ms on the first open of each kind of screen): the title and the board, pushed before
    # then, read theirs as they are pushed (_reset_to). No two files style the same selector,
    # so the order changes nothing.
    CSS_PATH = ["styles/app.tcss"]
    LATER_CSS_PATH = ["styles/title.tcss", "styles/board.tcss", "styles/pages.tcss", "styles/dialogs.tcss",
                      "styles/saves.tcss", "styles/conversation.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = bindings("app")

    def __init__(self, *, pack: str | Path | None = None, campaign: str | None = None,
                 seed: int | None = None, play: bool = False, worlds: list | None = None,
                 load: Path | None = None, ironman: bool = False, loaded=None) -> None:
        # what start-up builds (modules, the pack, the stylesheets, the first screen) lives as
        # long as the app: the collector is held off until the first frame is up, where it
        # would only walk those objects again and again (a full collection landed inside the
        # first render), then they are frozen out of its sight (see _after_first_frame)
        gc.freeze()
        gc.disable()
        super().__init__()
        self._load = load
        self._loaded = loaded  # the save at `load`, already loaded and verified (by the command line)
        self._load_failed: tuple[str, str] | None = None  # (title, text) when `load` would not load
        self._loaded_notes: list[str] = []  # what a loaded save has to tell, once the board is up
        self._ironman = ironman
        self.settings = Settings.load()
        # the theme is chosen before the stylesheets are first parsed: choosing it later parses them all again
        self.register_theme(PROJECTION)
        if self.settings.theme != self.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.session = None
        self._pack = pack
        self._campaign = campaign
        self._seed = seed
        self._play = play
        self._worlds = worlds
        self._held: list = []  # news that waits while a question is open (see perform)
        self.unsaved = ""  # why the game could not be saved as the app closed ("" when it was)
        self._quit_unsaved = False  # the player chose to quit without saving
        self._journal_book = None
        self._warming = None  # the timer making the journal's lines while the player reads
        self._worlds_lock = threading.Lock()  # the packs may be loaded by the warm-up's thread
        self._read_ahead: _ReadAhead | None = None  # the save Continue would carry on, read while the title is up
        self._reading_ahead = threading.Lock()  # held while that save is read: Continue waits for it then

    # --- start ------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        # The game the command line asked for is made here and its board is the first screen,
        # drawn in the app's first frame; a save that won't load leaves the player on the title.
        if self._load is not None:
            started = self._carry_on(self._load, self._loaded)
        elif self._play:
            self._begin(self.worlds()[-1], self._campaign, self._seed, ironman=self._ironman)
            started = True
        else:
            started = False
        if started:
            from game.ui.screens.board import BoardScreen

            return self._with_styles(BoardScreen())
        from game.ui.screens.title import TitleScreen

        return self._with_styles(TitleScreen())

    def on_mount(self) -> None:
        if self.settings.theme != self.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # settings changed after the app was made
        if self._load_failed is not None:
            title, text = self._load_failed
            self.notify(text, title=title, severity="error", timeout=12)
        elif self.session is not None and self._load is not None:
            self._tell_loaded()
        self.call_later(self._check_size)
        # what only later screens need waits until the first frame is up (see _after_first_frame)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        # start-up is over: what it built lives as long as the app, so it leaves the collector's
        # sight (no full collection over it later), and the collector, held off since the app
        # was made, runs again
        self.keep_what_lasts()
        gc.enable()
        self.warm_journal()
        # a moment after the first frame is up (and the footer's keys after it), the other
        # screens' styles are read, and the saves module and the board load on a worker
        # thread with what the next key needs (see _warm_in_background), so neither the first
        # frame nor Continue nor the first conversation or end of week waits
        self.set_timer(0.3, self._warm_up)

    def _warm_up(self) -> None:
        self.read_later_styles()
        self.run_worker(self._warm_in_background, thread=True, group="warm-up")

    def _warm_in_background(self) -> None:
        """On a worker thread while the player reads the first frame: what the next key needs.
        On the board, the lines people speak (a cached pack keeps them as text until the first
        conversation or week's end asks); on the title, the save Continue would carry on."""
        _warm_imports()
        session = self.session
        if session is None:
            self.read_continue_ahead()
        else:
            len(session.state.world.dialogue)

    def read_continue_ahead(self) -> None:
        """Read and verify the save Continue would carry on (the newest that loads), so that
        Continue only has to show it. A save that won't load is left for Continue to report."""
        from game.packs.cache import file_stamp
        from game.saves.files import SaveError, list_saves
        from game.saves.paths import saves_dir

        with self._reading_ahead:
            if self.session is not None or self._read_ahead is not None:
                return
            for item in list_saves(saves_dir()):
                if item.error:
                    continue
                stamp = file_stamp(item.path)
                try:
                    loaded = self._read_save(item.path)
                except SaveError:
                    continue  # as Continue does, once it has said why
                except Exception:  # noqa: BLE001 - not to be reported from here: Continue meets it again
                    return
                if stamp is not None:
                    self._read_ahead = _ReadAhead(item.path, stamp, loaded)
                    len(loaded.state.world.dialogue)  # as on the board (see _warm_in_background)
                return

    def _take_read_ahead(self, path: Path) -> Loaded | None:
        """The save at `path` as `read_continue_ahead` read it, if the file has not changed since."""
        from game.packs.cache import file_stamp

        with self._reading_ahead:  # a save being read now is this same work: wait for it
            ready, self._read_ahead = self._read_ahead, None
        if ready is None or ready.path != path or file_stamp(path) != ready.stamp:
            return None
        return ready.loaded

    def read_later_styles(self) -> None:
        """Read and parse the styles of the screens the first frame does not show (LATER_CSS_PATH),
        so that opening one later parses nothing. Only what is new is parsed: the rest is kept."""
        folder = Path(__file__).parent
        self._read_styles([str((folder / name).resolve()) for name in self.LATER_CSS_PATH])

    def _with_styles(self, screen: S) -> S:
        """The screen, its styles read (see CSS_PATH)."""
        self._read_styles([str(path) for path in screen.css_path])
        return screen

    def _read_styles(self, paths: list[str]) -> None:
        new = [path for path in paths if not self.stylesheet.has_source(path)]
        if not new:
            return
        for path in new:
            self.stylesheet.read(path)
        # the rules are only those screens' own (see CSS_PATH): no widget already up changes
        self.stylesheet.parse()

    def keep_what_lasts(self) -> None:
        """Move what is alive now out of the collector's sight. Called when what is alive
        will mostly stay so (start-up done, a game loaded, a week ended: the game's states
        and the board), so full collections stay small: a late game holds enough objects that
        a full collection over them took 25-125 ms, landing on whichever key came next.
        Objects freed by reference counting are still freed; only cycles made before now and
        dropped later stay (a dialog or two per week)."""
        gc.freeze()

    def kept_screen(self, name: str, make: Callable[[], S]) -> S:
        """The screen kept under `name`, made by `make` the first time it is asked for. A screen
        the player meets again and again (the week's summary, the question before ending a
        week) is made once and its words changed each time: composing, styling and laying out
        a new one, and removing it again, took about a quarter of the time from the key to its
        frame. The caller changes what it shows before pushing it."""
        if not self.is_screen_installed(name):
            self.install_screen(make(), name)
        return cast(S, self.get_screen(name))

    def open_page(self, name: str, make: Callable[[], PageScreen]) -> None:
        """Open a reading page (the network, the codex, the journal) on the screen kept for it,
        showing things as they stand now; a fresh one if that screen is already open beneath."""
        page = self.kept_screen(name, make)
        if page in self.screen_stack:
            page = make()
        page.show_page()
        self.push_screen(page)

    @property
    def journal_book(self):
        """The journal's lines, made once for the app's life (game.ui.widgets.journal_view)."""
        if self._journal_book is None:
            from game.ui.widgets.journal_view import JournalBook

            self._journal_book = JournalBook()
        return self._journal_book

    def warm_journal(self) -> None:
        """Make the journal's lines a few at a time while nothing else happens, so that the
        journal of a long game loaded a moment ago opens at once."""
        if self._warming is not None or self.session is None:
            return

        def step() -> None:
            session = self.session
            if session is None or self.journal_book.warm(session, budget=25):
                if self._warming is not None:
                    self._warming.stop()
                self._warming = None

        self._warming = self.set_interval(0.02, step)

    def worlds(self) -> list:
        """The core pack, plus the --pack one if given. Loaded on first use, not at startup."""
        with self._worlds_lock:
            if self._worlds is None:
                from game.packs.loader import load_core, load_pack

                worlds = [load_core()]
                if self._pack:
                    worlds.append(load_pack(self._pack))
                self._worlds = worlds
        return self._worlds

    def _begin(self, world, campaign: str | None, seed: int | None, ironman: bool) -> None:
        from game.ui.session import new_session

        self._read_ahead = None  # a new game: the save read for Continue is not needed
        self.session = new_session(world, campaign, seed, ironman=ironman)
        self.sub_title = f"{self.session.title} · seed {self.session.seed}" + (" · ironman" if ironman else "")

    def start_game(self, world, campaign: str | None = None, seed: int | None = None,
                   ironman: bool = False) -> None:
        from game.ui.screens.board import BoardScreen

        self._begin(world, campaign, seed, ironman)
        self._reset_to(BoardScreen())

    # --- saves --------------------------------------------------------------------------------
    def world_for_save(self, pack_id: str | None):
        """The loaded world a save was made with (by the pack id it names): the last loaded
        when it names none, the core pack when that pack is not loaded (load_save explains)."""
        worlds = self.worlds()
        for world in reversed(worlds):
            if pack_id is None or world.pack_id == pack_id:
                return world
        return worlds[0]

    def load_game(self, path: Path) -> bool:
        """Carry on a saved game. Problems are shown, never raised; the file is never touched."""
        from game.ui.screens.board import BoardScreen

        if not self._carry_on(path):
            title, text = self._load_failed or ("", "")
            self.notify(text, title=title, severity="error", timeout=12)
            return False
        self._reset_to(BoardScreen())
        self._tell_loaded()
        self.warm_journal()
        self.call_after_refresh(self.keep_what_lasts)
        return True

    def _carry_on(self, path: Path, loaded=None) -> bool:
        """Make the session of a save (loading and verifying it unless `loaded` already is).
        False, with what went wrong in `_load_failed`, if it won't load."""
        from game.saves.files import SaveError
        from game.ui.session import Session

        if loaded is None:
            loaded = self._take_read_ahead(path)
        if loaded is None:
            try:
                loaded = self._read_save(path)
            except SaveError as exc:
                self._load_failed = (f"Can't load {path.stem}", f"{exc.problem} {exc.advice}".strip())
                return False
        self._load_failed = None
        self.session = Session.from_save(loaded)
        self.sub_title = f"{self.session.title} · {loaded.save.name}" + (" · ironman" if self.session.ironman else "")
        self._loaded_notes = list(loaded.notes)
        return True

    def _read_save(self, path: Path) -> Loaded:
        """The save at `path`, read and verified against the pack it names. Raises SaveError."""
        from game.saves.files import load_save, pack_of, read_toml

        table = read_toml(path)
        return load_save(path, self.world_for_save(pack_of(table)), table)

    def _tell_loaded(self) -> None:
        for note in self._loaded_notes:
            self.notify(note, title="Loaded", timeout=8)
        self._loaded_notes = []

    def autosave(self, background: bool = False) -> None:
        """Save the game to its slot. A failed save is reported; the game goes on.

        In the background (after a week ends) the write happens on a worker thread so the
        board answers at once; the state saved is the one of this moment. The thread starts
        once the next frame is up: writing a late game takes some milliseconds of the
        processor, which that frame (the week's summary, say) would otherwise share.
        """
        session = self.session
        if session is None:
            return
        state = session.state

        def save() -> None:
            try:
                saved = session.save(state=state)
            except (OSError, ValueError) as exc:
                self.call_from_thread(self.notify, f"The game could not be saved: {not_saved(exc)}", title="Not saved",
                                      severity="error")
            else:
                self.call_from_thread(self._tell_branch, saved)

        if background:
            self.call_after_refresh(self.run_worker, save, thread=True, group="autosave", exit_on_error=False)
            return
        try:
            saved = session.save(state=state)
        except (OSError, ValueError) as exc:
            self.notify(f"The game could not be saved: {not_saved(exc)}", title="Not saved", severity="error")
            return
        self._tell_branch(saved)

    def _tell_branch(self, saved) -> None:
        if saved.branch is not None:
            self.notify(f"The game you stepped back from is kept as {saved.branch.stem}: load it to carry on "
                        "from there.", title="Kept as a branch", timeout=10)

    async def action_quit(self) -> None:
        """Save, then quit. A save that fails asks what to do instead of losing the game."""
        if self.session is not None and not self._quit_unsaved:
            try:
                self._tell_branch(self.session.save())
            except (OSError, ValueError) as exc:
                self._ask_not_saved(not_saved(exc))
                return
        self.exit()

    def _ask_not_saved(self, problem: str) -> None:
        from game.ui.screens.save_dialogs import NotSavedScreen

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is None or self.session is None:
                return
            what, folder = answer
            if what == "quit":
                self._quit_unsaved = True
                self.unsaved = problem
                self.exit(return_code=1)
                return
            if what == "elsewhere" and folder.strip():
                self.session.folder = Path(folder.strip()).expanduser()
            self.call_later(self.action_quit)

        self.push_screen(NotSavedScreen(problem, str(Path.home() / "warm-intro-saves")), callback=chosen)

    def on_unmount(self) -> None:
        gc.enable()  # an app that closed before its first frame leaves the collector as it found it
        # quitting saves too, so closing the terminal window is the only way to lose a turn; a
        # save that fails here is kept in `unsaved` for the command line to report
        if self.session is not None and not self._quit_unsaved:
            try:
                self.session.save()
            except (OSError, ValueError) as exc:
                self.unsaved = not_saved(exc)

    def action_title(self) -> None:
        self.to_title()

    def to_title(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.autosave()
        self.session = None
        self.sub_title = ""
        self._reset_to(TitleScreen())

    def _reset_to(self, screen: Screen) -> None:
        # the base screen stays: the title, or the board of a game the command line opened (then
        # the title goes over it, and the next game the player starts carries on in that board)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if type(self.screen) is not type(screen):
            self.push_screen(self._with_styles(screen))

    # --- acting -----------------------------------------------------------------------------
    def perform(self, action) -> list | None:
        """Apply an action for the player. Returns the visible effects, or None if illegal."""
        from game.engine import Impossible

        try:
            effects = self.session.act(action)
        except Impossible as exc:
            self.notify(str(exc), title="Not now", severity="warning")
            return None
        # while someone waits for an answer, no toast covers the answers: the news is held
        # until the question is settled
        self._held += effects
        if self.session.state.prompt is None:
            held, self._held = self._held, []
            self._announce(held)
        if action.name in ("end_week", "accept_job"):
            self.autosave(background=True)
        return effects

    def _announce(self, effects: list) -> None:
        """Tell the player what just mattered: on the board, in the journal's title (nothing is
        drawn over the board); elsewhere, as notifications."""
        news = self._news(effects)
        if not news:
            return
        tell = getattr(self.screen, "news", None)
        if callable(tell):
            tell(news)
            return
        for title, text, severity, timeout in news:
            self.notify(text, title=title, severity=severity, timeout=timeout)

    def _news(self, effects: list) -> list[tuple[str, str, SeverityLevel, float]]:
        """(title, text, severity, seconds) for each thing worth telling at once, most urgent first."""
        from game.engine.kinds import Door, EffectKind
        from game.ui.codex import titles
        from game.ui.words import door_badge

        names = titles(self.session.world)
        urgent: list[tuple[str, str, SeverityLevel, float]] = []
        good: list[tuple[str, str, SeverityLevel, float]] = []
        for e in effects:
            if e.kind == EffectKind.DOOR and e.after in (Door.AVOIDING, Door.CLOSED):
                title = "A door closed for good" if e.after == Door.CLOSED else "A door is closing"
                urgent.append((title, f"{door_badge(str(e.after))}  {e.cause}", "error", 10))
            elif e.kind == EffectKind.DOOR and e.after == Door.ADVOCATE:
                good.append(("An advocate", f"{door_badge(str(e.after))}  {e.cause}", "information", 8))
            elif e.kind == EffectKind.ADVOCATE_INTRODUCED:
                good.append(("An advocate acted for you", e.cause, "information", 8))
            elif e.kind == EffectKind.ROLE_REVEALED:
                good.append(("A door opened", e.cause, "information", 8))
            elif e.kind == EffectKind.OFFER:
                urgent.append(("An offer", e.cause, "information", 10))
        # new codex cards come as one note, however many a move unlocked
        cards = [names.get(e.target, e.target) for e in effects if e.kind == EffectKind.LESSON]
        if cards:
            good.append(("New codex card" if len(cards) == 1 else f"{len(cards)} new codex cards",
                         f"{' · '.join(cards)}  (press c to read {'it' if len(cards) == 1 else 'them'})", "information", 4))
        return urgent + good

    # --- screens anyone can open ------------------------------------------------------------
    def action_help(self) -> None:
        from game.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_load(self) -> None:
        from game.ui.screens.load import LoadScreen

        if not isinstance(self.screen, LoadScreen):
            self.push_screen(LoadScreen())

    def action_settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_codex(self) -> None:
        from game.ui.screens.codex import CodexScreen

        if not isinstance(self.screen, CodexScreen):
            self.open_page("codex", CodexScreen)

    def watch_theme(self, theme: str) -> None:
        if self.settings.theme != theme:
            self.settings.theme = theme
            self.save_settings()

    def save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self.notify(f"Settings could not be saved: {exc}", severity="warning")

    # --- the command palette ----------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key in palette("app"):
            yield SystemCommand(key.palette, key.palette_help, getattr(self, f"action_{key.action}"))
        for title, help_, action in APP_COMMANDS:
            yield SystemCommand(title, help_, getattr(self, f"action_{action}"))
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()

    # --- too small ----------------------------------------------------------------------------
    async def _on_resize(self, event) -> None:
        # App stops the Resize event in its own handler, so an `on_resize` never runs here
        await super()._on_resize(event)
        self.call_later(self._check_size)

    def _check_size(self) -> None:
        small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        if not small and "game.ui.screens.too_small" not in sys.modules:
            return  # the terminal was never too small: there is no such screen to take away
        from game.ui.screens.too_small import TooSmallScreen

        on_top = isinstance(self.screen, TooSmallScreen)
        if small and not on_top:
            self.push_screen(TooSmallScreen())
        elif not small and on_top:
            self.pop_screen()
        elif small and on_top:
            self.screen.refresh_size()


def not_saved(exc: Exception) -> str:
    """Why a save failed, in words (an OSError names the folder rather than a temporary file)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror + (f" (in {Path(exc.filename).parent})" if exc.filename else "")
    return str(exc)


def run(*, pack=None, campaign=None, seed=None, play=False) -> int:
    app = WarmIntroApp(pack=pack, campaign=campaign, seed=seed, play=play)
    app.run()
    return exit_code(app)


def exit_code(app: WarmIntroApp) -> int:
    """0, or 1 after saying on stderr that the game could not be saved as it closed."""
    import sys

    if app.unsaved:
        print(f"warm-intro: the game could not be saved: {app.unsaved}. Free some space or fix the folder's "
              "permissions, then play again; the last good save is still there.", file=sys.stderr)
        return 1
    return app.return_code or 0
