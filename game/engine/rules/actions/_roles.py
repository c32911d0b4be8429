"""What the actions on a role share: the player must know of it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from game.engine.intent import Action
from game.engine.kinds import OppStage
from game.engine.rules.actions.base import ActionRule, Scope
from game.engine.rules.derived import opp_visible
from game.engine.state import State


class RoleRule(ActionRule):
    """An action on one role, listed for the roles at the stages it applies to."""

    scope: ClassVar[Scope] = Scope.OPPORTUNITY
    params = ("opportunity",)
    listed_at: ClassVar[tuple[OppStage, ...]] = ()

    def entries(self, state: State, subject: str | None) -> Iterable[Action]:
        if subject is not None and state.opportunities[subject].stage in self.listed_at:
            return (Action(self.name, opportunity=subject),)
        return ()

    def check(self, state: State, action: Action) -> str | None:
        return opp_visible(state, action.oid) or self.check_role(state, action.oid)

    def check_role(self, state: State, oid: str) -> str | None:
        return None
