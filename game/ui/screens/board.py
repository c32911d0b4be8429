"""The main board: people on the left, the selected person and what you can do on the
right, the journal along the bottom, and the week, runway and hours always on top."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList

from game.engine import Action
from game.engine.rules import apply, preview
from game.engine.state import ACTIVE_STAGES
from game.ui.keys import bindings, palette
from game.ui.screens.base import GameScreen
from game.ui.widgets.action_list import ActionList
from game.ui.widgets.contact_detail import ContactDetail
from game.ui.widgets.contact_list import YOU, ContactList
from game.ui.widgets.footer import GameFooter
from game.ui.widgets.intent import IntentLine
from game.ui.widgets.journal_log import FIRST, KEEP, JournalLog
from game.ui.widgets.status_bar import StatusBar

# how long after the week's summary is asked for the board behind it is brought up to date
CATCH_UP_S = 0.1


class BoardScreen(GameScreen[None]):
    _news_timer = None
    last_news: list[str] = []  # what the journal's title last told (plain text)
    """Where the game is played."""

    CSS_PATH = "../styles/board.tcss"

    BINDINGS = bindings("board")

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="main"):
            yield ContactList(id="contacts")
            with Vertical(id="right"):
                yield ContactDetail(id="detail")
                yield ActionList(id="actions")
                yield IntentLine(id="intent")
        yield JournalLog(id="journal")
        yield GameFooter()

    def on_mount(self) -> None:
        self.query_one("#contacts").border_title = "People"
        self.query_one("#detail").border_title = "Details"
        self.query_one("#actions").border_title = "What you can do"
        self.query_one("#journal").border_title = "Journal"
        # the first frame's journal holds only the lines its rows show (a loaded game's journal
        # would lay out 40 entries to show 2 to 10 rows of them); the rest are added above them
        # once it is up, out of sight
        self._journal_keep = FIRST
        self.refresh_board()
        self.call_after_refresh(self._keep_whole_journal)
        self.query_one(ContactList).focus()
        if self.session is not None and self.session.state.over:
            # a finished game has nothing left to do on the board: it opens on its story
            self.call_after_refresh(self.show_debrief)

    def news(self, items: list[tuple[str, str, str, float]]) -> None:
        """What just mattered, in the journal's title: on the board nothing is drawn over the
        details, the actions or the warning under them. The journal holds it all, with causes."""
        from textual.markup import escape

        from game.ui.words import plain_text

        self.last_news = [f"{title}: {plain_text(text)}" for title, text, _, _ in items]
        title, text, severity, seconds = items[0]
        more = f"  (+{len(items) - 1} more in the journal)" if len(items) > 1 else ""
        journal = self.query_one(JournalLog)
        journal.border_title = f"Journal · [b]{escape(title)}[/b]: {text}{more}"
        journal.set_class(True, "-news-bad" if severity == "error" else "-news")
        if self._news_timer is not None:
            self._news_timer.stop()
        self._news_timer = self.set_timer(seconds, self._news_done)

    def _news_done(self) -> None:
        journal = self.query_one(JournalLog)
        journal.border_title = "Journal"
        journal.remove_class("-news", "-news-bad")
        self._news_timer = None

    def _keep_whole_journal(self) -> None:
        self._journal_keep = KEEP
        if self.session is not None:
            self.query_one(JournalLog).show(self.session, KEEP)

    def action_debrief(self) -> None:
        self.show_debrief()

    def on_screen_resume(self) -> None:
        if self.app.screen is self:  # not when a dialog closed only to open another over the board
            self.refresh_board()

    @property
    def session(self):
        return self.app.session

    @property
    def selected(self) -> str:
        return self.query_one(ContactList).selected_id

    _shown: tuple = ()  # (session, state, hints) the board last drew
    _journal_keep = KEEP  # journal entries the board keeps (fewer for its first frame)

    def refresh_board(self) -> None:
        session = self.session
        if session is None:
            return
        # states never change once made: the same state (back from a page or a dialog that
        # changed nothing) needs no redrawing, and the board answers in one frame
        shown = (session, session.state, self.app.settings.hints)
        if len(self._shown) == 3 and all(a is b for a, b in zip(shown, self._shown, strict=True)):
            return
        self._shown = shown
        self.query_one(StatusBar).show(session)
        self.query_one(ContactList).show(session)
        self._show_selected()
        self.query_one(JournalLog).show(session, self._journal_keep)

    def _show_selected(self) -> None:
        cid = self.selected
        self.query_one(ContactDetail).show(self.session, cid)
        self.query_one(ActionList).show(self.session, cid, self.app.settings.hints)
        self._show_intent()

    def _show_intent(self) -> None:
        self.query_one(IntentLine).show(self.session.state, self.query_one(ActionList).current,
                                        self.app.settings.hints)

    # --- choosing ---------------------------------------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "contacts":
            self._show_selected()
        elif event.option_list.id == "actions":
            self._show_intent()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "contacts":
            self.query_one(ActionList).focus()
            return
        action = self.query_one(ActionList).chosen(event.option.id)
        if action is not None:
            self.do(action)

    def do(self, action: Action) -> None:
        """Take an action from the board; meetings open the conversation."""
        if action.name == "meet":
            self.open_conversation(action.contact)
            return
        if action.name == "end_week":
            self.action_end_week()
            return
        if action.name == "accept_job":
            self.confirm_job(action)
            return
        if self.app.perform(action) is not None:
            self.after_action()

    def confirm_job(self, action: Action) -> None:
        """Taking a job ends the campaign: ask first, with what the player knows of it."""
        from game.engine import estimated_fit
        from game.ui.screens.confirm import ConfirmScreen
        from game.ui.words import role

        s = self.session.state
        others = sum(1 for oid, o in s.opportunities.items() if oid != action.oid and o.stage in ACTIVE_STAGES)
        detail = (f"It looks like a {round(estimated_fit(s, action.oid) * 100)}% fit to you. Taking it ends the campaign"
                  + (f"; {others} other role{'s' if others != 1 else ''} in play stop{'s' if others == 1 else ''} here." if others else "."))

        def answered(yes: bool | None) -> None:
            if yes and self.app.perform(action) is not None:
                self.after_action()

        self.app.push_screen(ConfirmScreen(f"Take the offer: {role(s, action.oid)}?", detail,
                                           yes="Yes, take the job", no="Not yet"), callback=answered)

    def after_action(self) -> None:
        self.refresh_board()
        state = self.session.state
        if state.prompt is not None:
            self.open_conversation(state.prompt.contact)
        elif state.over:
            self.show_debrief()

    def open_conversation(self, cid: str) -> None:
        from game.ui.screens.conversation import ConversationScreen

        reason = preview(self.session.state, Action("meet", contact=cid)).reason
        if reason and self.session.state.prompt is None:
            self.notify(reason, title="Not now", severity="warning")
            return
        self.app.push_screen(ConversationScreen(cid))

    def show_debrief(self) -> None:
        from game.ui.screens.debrief import DebriefScreen

        self.app.push_screen(DebriefScreen())

    # --- keys -------------------------------------------------------------------------------
    def action_end_week(self) -> None:
        """End the week; with most of its hours unused, ask first."""
        from game.ui.screens.confirm import ConfirmScreen

        s = self.session.state
        total = s.world.campaigns[s.campaign].hours_per_week
        if s.over or s.hours_left * 2 <= total:
            self.end_week()
            return
        runway = apply(s, Action("end_week"))[0].runway  # the rule itself says what the week costs
        detail = (f"Unused hours don't carry over. The week turns: promises are kept or slip, replies arrive, "
                  f"and your runway drops to {runway} week{'s' if runway != 1 else ''}.")
        question = f"End week {s.week} with {s.hours_left} of {total} hours unused?"
        screen = self.app.kept_screen("end-week?", lambda: ConfirmScreen(question, detail, yes="Yes, end the week",
                                                                         no="Not yet", again="n"))
        screen.ask(question, detail)
        self.app.push_screen(screen, callback=lambda yes: self.end_week() if yes else None)

    def end_week(self) -> None:
        from game.ui.screens.week_summary import WeekSummaryScreen

        session = self.session
        week = session.state.week
        effects = self.app.perform(Action("end_week"))
        if effects is None:
            return
        self.app.keep_what_lasts()
        over = session.state.over
        if not (self.app.settings.week_summary or over):
            self.refresh_board()
            return
        summary = session.summarise_week(week, effects)
        screen = self.app.kept_screen("week-summary", lambda: WeekSummaryScreen(summary))
        screen.show(summary)
        self.app.push_screen(screen, callback=lambda _: self.show_debrief() if over else None)
        # the summary covers the board: it catches up once the summary is up, or when it is
        # back in sight if that comes first (on_screen_resume), so the summary's frame is not
        # kept waiting for a board nobody sees
        self.set_timer(CATCH_UP_S, self.refresh_board)

    def action_meet(self) -> None:
        cid = self.selected
        if cid == YOU:
            self.notify("Pick a person on the left first.", severity="warning")
            return
        if self.session.state.contacts[cid].stage != "connected":
            self.do(Action("reach_out", contact=cid))
            return
        self.open_conversation(cid)

    def action_network(self) -> None:
        from game.ui.screens.network import NetworkScreen

        self.app.open_page("network", NetworkScreen)

    def action_codex(self) -> None:
        self.app.action_codex()

    def action_settings(self) -> None:
        self.app.action_settings()

    def action_journal(self) -> None:
        from game.ui.screens.journal import JournalScreen

        self.app.open_page("journal", JournalScreen)

    def action_undo(self) -> None:
        session = self.session
        reason = session.can_undo()
        if reason:
            self.notify(reason, title="No undo", severity="warning")
            return
        last = session.state.history.action
        session.undo()
        self.refresh_board()
        self.notify(f"Took back: {last.label()}", title="Undone", timeout=3)

    def action_redo(self) -> None:
        session = self.session
        reason = session.can_redo()
        if reason:
            self.notify(reason, title="No redo", severity="warning")
            return
        session.redo()
        self.refresh_board()
        self.notify(f"Back to week {session.state.week}, {session.state.hours_left}h left.", title="Redone", timeout=3)

    def action_rewind(self) -> None:
        from game.ui.screens.save_dialogs import RewindScreen

        session = self.session
        if session.ironman:
            self.notify("This is an ironman game: every choice stands.", title="No rewind", severity="warning")
            return

        def rewind(week: int | None) -> None:
            if week is None:
                return
            session.rewind(week)
            self.refresh_board()
            self.notify(f"Back at the start of week {week}.", title="Rewound", timeout=4)

        self.app.push_screen(RewindScreen(session.state.week), callback=rewind)

    def action_save_as(self) -> None:
        from game.ui.screens.save_dialogs import SaveAsScreen

        def save(name: str | None) -> None:
            if name is not None:
                try:
                    path = self.session.save(name).path
                except (OSError, ValueError) as exc:
                    self.notify(f"The game could not be saved: {exc}", title="Not saved", severity="error")
                    return
                self.notify(f"Saved as {path.stem}. It will keep itself up to date from now on.",
                            title="Saved", timeout=5)

        self.app.push_screen(SaveAsScreen(self.session.slot), callback=save)

    def action_back_to_people(self) -> None:
        self.query_one(ContactList).focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        for key in palette("board"):
            yield SystemCommand(key.palette, key.palette_help, getattr(self, f"action_{key.action}"))
        state = self.session.state if self.session else None
        if state is not None:
            for cid in self.session.people():
                name = state.world.people[cid].name
                yield SystemCommand(f"Select {name}", f"Show {name} on the board",
                                    lambda cid=cid: self.select(cid), discover=False)

    def select(self, cid: str) -> None:
        contacts = self.query_one(ContactList)
        ids = [o.id for o in contacts.options]
        if cid in ids:
            contacts.highlighted = ids.index(cid)
            contacts.focus()
