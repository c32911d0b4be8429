"""What answering a question shares: the question is taken off the table first."""

from __future__ import annotations

from typing import ClassVar

from game.engine.kinds import PromptKind
from game.engine.rules.actions.base import ActionRule, Scope
from game.engine.rules.turn import Turn
from game.engine.state import Prompt


class AnswerRule(ActionRule):
    """An answer to a question someone just asked; nothing else can happen until it is given."""

    scope: ClassVar[Scope] = Scope.PROMPT
    answers: ClassVar[PromptKind | None] = PromptKind.OFFER

    def take_prompt(self, turn: Turn) -> Prompt:
        p = turn.s.prompt
        assert p is not None, "checked: a question is open"
        turn.s.prompt = None
        return p
