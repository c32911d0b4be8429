"""A meeting, face to face: choose how to spend it, see what it did, and answer what
they ask or offer before you leave."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from game.engine import Action
from game.engine.rules import preview, reads_as
from game.ui.codex import titles
from game.ui.markup import content
from game.ui.screens.base import GameScreen
from game.ui.widgets.footer import GameFooter
from game.ui.words import (
    DOOR_MEANINGS,
    INTEREST_ANSWERS,
    MEET_CHOICES,
    door_badge,
    effect_markup,
    meter_line,
    offer_answers,
    role,
)

LEAVE = "leave"


class ConversationScreen(GameScreen[None]):
    """One meeting with one person."""

    CSS_PATH = "../styles/conversation.tcss"

    BINDINGS = [
        Binding("escape", "leave", "Leave", id="conversation.leave"),
        Binding("1", "pick(0)", "First", id="conversation.first", show=False),
        Binding("2", "pick(1)", "Second", id="conversation.second", show=False),
        Binding("3", "pick(2)", "Third", id="conversation.third", show=False),
    ]

    def __init__(self, cid: str) -> None:
        super().__init__()
        self.cid = cid
        self.lines: list[str] = []
        self.met = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="conv-person")
        with VerticalScroll(id="transcript"):
            yield Static(id="transcript-text")
        yield OptionList(id="choices")
        yield Static(id="answer-intent")
        yield GameFooter()

    @property
    def session(self):
        return self.app.session

    def on_mount(self) -> None:
        s = self.session.state
        p = s.world.people[self.cid]
        self.query_one("#transcript").border_title = "The conversation"
        self.query_one("#choices").border_title = "You"
        if s.prompt is not None and s.prompt.contact == self.cid:
            self.met = True
            self.lines.append(f"You are still talking with {escape(p.first_name)}.")
        else:
            self.lines.append(f"You sit down with {escape(p.name)}. How do you want to spend the hour?")
        # news still showing from the board would sit over the answers
        self.app.clear_notifications()
        self.refresh_view()
        self.query_one("#choices").focus()

    def refresh_view(self) -> None:
        s = self.session.state
        p = s.world.people[self.cid]
        c = s.contacts[self.cid]
        deltas = self.session.last_deltas(self.cid) if self.met else {}
        header = [
            f"[b]{escape(p.name)}[/b] · {escape(p.title)}   {door_badge(c.door)}",
            f"[dim]{escape(DOOR_MEANINGS.get(c.door, ''))}[/]",
            meter_line("trust", c.trust, deltas.get("trust", 0), style="$success")
            + "   " + meter_line("embarrassment", c.embarrassment, deltas.get("embarrassment", 0), style="$error"),
        ]
        seems = reads_as(s, self.cid)
        if seems:
            header.append(f"Seems: {escape(' · '.join(seems))}")
        self.query_one("#conv-person", Static).update(content("\n".join(header)))
        self.query_one("#transcript-text", Static).update(content("\n".join(self.lines)))
        self.query_one("#transcript").scroll_end(animate=False)
        choices = self.query_one("#choices", OptionList)
        choices.set_options(self._choices())
        # an answer to a question is never pre-chosen: one stray Enter must not say "Yes!"
        asked = s.prompt is not None and s.prompt.contact == self.cid
        choices.highlighted = None if asked else 0
        choices.border_subtitle = "pick with ↑ ↓ and Enter, or a number" if asked else ""
        self._show_intent()

    def news(self, items: list) -> None:
        """News from a move made here is already in the transcript, line by line, with its
        cause: nothing is drawn over the answers."""

    def _answer(self, choice: str | None) -> Action | None:
        """The action an option stands for (None for leaving)."""
        if choice is None or choice == LEAVE:
            return None
        if choice.startswith("meet:"):
            return Action("meet", contact=self.cid, choice=choice.split(":", 1)[1])
        if choice.startswith("interest:"):
            return Action("answer_interest", choice=choice.split(":", 1)[1])
        return Action(choice)

    def _show_intent(self) -> None:
        """Under the answers: every risky answer's warning, from the rule that would apply it."""
        s = self.session.state
        lines = []
        for number, option in enumerate(self.query_one("#choices", OptionList).options, start=1):
            action = self._answer(option.id)
            seen = preview(s, action) if action is not None else None
            if seen is not None and seen.warning and self.app.settings.hints:
                lines.append(f"[$warning]⚠ {number}: {escape(seen.warning)}[/]")
        intent = self.query_one("#answer-intent", Static)
        intent.update(content("\n".join(lines)))
        intent.display = bool(lines)

    def _choices(self) -> list[Option]:
        s = self.session.state
        if s.prompt is not None and s.prompt.contact == self.cid:
            if s.prompt.kind == "offer":
                answers = offer_answers(s)
                return [Option(f"{i + 1}. {escape(text)}", id=name) for i, (name, text) in enumerate(answers.items())]
            return [Option(f"{i + 1}. {escape(text)}", id=f"interest:{choice}")
                    for i, (choice, text) in enumerate(INTEREST_ANSWERS.items())]
        if not self.met:
            hours = preview(self.session.state, Action("meet", contact=self.cid)).hours
            options = [Option(f"{i + 1}. {text} · {hours}h", id=f"meet:{choice}")
                       for i, (choice, text) in enumerate(MEET_CHOICES.items())]
            return options + [Option("Leave without meeting", id=LEAVE)]
        return [Option("Say goodbye and go back to the board", id=LEAVE)]

    def _say_prompt(self) -> None:
        s = self.session.state
        p = s.prompt
        if p is None or p.contact != self.cid:
            return
        first = s.world.people[self.cid].first_name
        if p.kind == "offer":
            target = s.world.people[p.subject]
            self.lines.append(
                f"\n[b]{escape(first)}:[/b] \"You know who you should talk to? {escape(target.name)}, "
                f"{escape(target.title)}. Leave it with me, I'll set up a call.\"")
        else:
            self.lines.append(
                f"\n[b]{escape(first)}:[/b] \"So tell me: are you interested in the "
                f"{escape(role(s, p.subject))} position?\"")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option.id)

    def action_pick(self, index: int) -> None:
        options = self.query_one("#choices", OptionList)
        if index < options.option_count:
            self.choose(options.get_option_at_index(index).id)

    def choose(self, choice: str | None) -> None:
        action = self._answer(choice)
        if action is None:
            self.action_leave()
            return
        if action.name == "meet":
            said = MEET_CHOICES[action.picked]
        elif action.name == "answer_interest":
            said = INTEREST_ANSWERS[action.picked]
        else:
            said = offer_answers(self.session.state)[action.name]
        effects = self.app.perform(action)
        if effects is None:
            return
        self.met = True
        self.lines.append(f"\n[b]You:[/b] {escape(said)}")
        story = self.session.said()
        if story:
            self.lines.append(f"[i]{escape(story)}[/i]")
        names = titles(self.session.world)
        for e in effects:
            self.lines.append("  " + effect_markup(self.session.state, e, names))
        self._say_prompt()
        self.refresh_view()

    def action_leave(self) -> None:
        s = self.session.state
        if s.prompt is not None and s.prompt.contact == self.cid:
            first = s.world.people[self.cid].first_name
            self.notify(f"{first} is waiting for your answer.", title="Answer first", severity="warning")
            return
        self.dismiss()
