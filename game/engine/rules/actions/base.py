"""The shape every action's rule has, and the registry that the menu, the rules and the bots ask.

One class per action owns its parameters, its cost, when it may be taken (with the reason
when not), what a player is warned of before choosing it, and what it does.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from game.engine.intent import PARAMS, Action
from game.engine.kinds import CLOSED, CONNECTED, UNKNOWN, Outcome, PromptKind
from game.engine.records import record
from game.engine.state import State
from game.engine.world import Tuning, World

if TYPE_CHECKING:
    from game.engine.rules.turn import Turn


class Scope(StrEnum):
    """What an action is about, which is also where the board lists it."""

    SELF = "self"  # the player's own work: research, reflection
    CONTACT = "contact"  # one person
    OPPORTUNITY = "opportunity"  # one role
    PROMPT = "prompt"  # an answer to a question someone just asked
    WEEK = "week"  # ending the week


@record(frozen=True)
class Preview:
    """What a player sees before choosing an action: its cost, and why not or what it risks."""

    hours: int
    reason: str | None = None  # why it cannot be taken now (None: it can)
    warning: str | None = None  # what it is likely to do that goes against a lesson
    lesson: str | None = None  # the lesson the warning is about


class ActionRule:
    """One action: its parameters, cost, legality, preview and effect."""

    name: ClassVar[str]
    params: ClassVar[tuple[str, ...]] = ()
    choices: ClassVar[tuple[str, ...]] = ()
    outcomes: ClassVar[tuple[Outcome, ...]]
    scope: ClassVar[Scope]
    answers: ClassVar[PromptKind | None] = None  # the question this action answers, if any
    cost_field: ClassVar[str | None] = None  # the Tuning entry for its hours
    # which of the parameters (in intent.PARAMS order) the action takes: set by `register`
    given: ClassVar[tuple[bool, ...]] = ()
    rank: ClassVar[int] = 0  # where it stands among its scope's actions on the board

    def hours(self, t: Tuning) -> int:
        """Hours the action takes out of the week."""
        if self.cost_field is None:
            return 0
        value: int = getattr(t, self.cost_field)
        return value

    # what the choices are called where the player picks one (a meeting's approach, an answer)
    choice_words: ClassVar[dict[str, str]] = {}

    def label(self, world: World, action: Action) -> str:
        """What the action is called on a button or in a list, in the game's words."""
        return self.name.replace("_", " ").capitalize()

    def entries(self, state: State, subject: str | None) -> Iterable[Action]:
        """What the board lists for this subject (a contact id, or None), possible or not.

        An action with choices is listed once, without a choice: the choice is made in
        the conversation. `legal_actions` expands the choices.
        """
        return ()

    def check(self, state: State, action: Action) -> str | None:
        """Why this action can't be taken now (after the checks every action shares)."""
        return None

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        """(what it will likely do, the lesson) when taking it now goes against a lesson."""
        return None

    def perform(self, turn: Turn, action: Action) -> None:
        raise NotImplementedError


RULES: dict[str, ActionRule] = {}


def register(cls: type[ActionRule]) -> type[ActionRule]:
    """Register an action's rule under its public name (the registration order is the menu's)."""
    if cls.name in RULES:
        raise ValueError(f"two rules for the action {cls.name!r}")
    cls.given = tuple(key in cls.params for key in PARAMS)
    RULES[cls.name] = cls()
    return cls


class ContactRule(ActionRule):
    """An action toward one person: they must be known, reachable and (mostly) connected."""

    scope: ClassVar[Scope] = Scope.CONTACT
    needs_connection: ClassVar[bool] = True
    # False for an ask: none of its entries can be taken while the person owes you a promise
    # (its `judge` says so), and `legal_actions` skips them all at once
    while_owed: ClassVar[bool] = True

    def check(self, state: State, action: Action) -> str | None:
        cid = action.cid
        c = state.contacts.get(cid)
        if c is None or c.stage == UNKNOWN:
            return "You don't know anyone by that name yet."
        first = state.world.people[cid].first_name
        if c.door == CLOSED:
            return f"{first} will not speak to you again."
        if self.needs_connection and c.stage != CONNECTED:
            return f"You haven't been in touch with {first} yet: reach out first."
        return self.judge(state, action, first)

    def judge(self, state: State, action: Action, first: str) -> str | None:
        """Everything `check` asks once the person is reachable (known, not closed, and in touch
        if the action needs it), as every entry this rule lists for a known person is.
        `legal_actions` asks this directly, having judged the person once."""
        return self.check_person(state, action, first)

    def check_person(self, state: State, action: Action, first: str) -> str | None:
        """The checks particular to this action, once the person is reachable."""
        return None

    def entries(self, state: State, subject: str | None) -> Iterable[Action]:
        if subject is not None and state.contacts[subject].stage == CONNECTED:
            return self.entries_for(state, subject)
        return ()

    def entries_for(self, state: State, cid: str) -> Iterable[Action]:
        return self.toward(cid)

    def toward(self, cid: str) -> tuple[Action]:
        """(this action toward the person,): an action is a value, made once for each person
        and listed by every state that lists it."""
        made = self._toward.get(cid)
        if made is None:
            made = self._toward[cid] = (Action(self.name, contact=cid),)
        return made

    def __init__(self) -> None:
        self._toward: dict[str, tuple[Action]] = {}


class PromiseRule(ContactRule):
    """An action about a promise someone made you: possible only while one is outstanding."""

    def entries_for(self, state: State, cid: str) -> Iterable[Action]:
        return self.toward(cid) if state.outstanding_commitments(cid) else ()

    def check_person(self, state: State, action: Action, first: str) -> str | None:
        if not state.outstanding_commitments(action.cid):
            return f"{first} owes you nothing."
        return None
