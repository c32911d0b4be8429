"""An action as the player states it: a public name and its parameters (a frozen intent).

This is what saves, demo scripts, scenario tests, replay codes and the simulator store.
What an action costs, when it may be taken and what it does belong to its rule, one class
per action in `game.engine.rules.actions`.
"""

from __future__ import annotations

from typing import Any, NamedTuple, NoReturn

PARAMS = ("contact", "target", "opportunity", "field", "choice")


class Impossible(Exception):
    """An action that cannot be taken now. The message says why, in the game's words."""


class Action(NamedTuple):
    name: str
    contact: str | None = None
    target: str | None = None
    opportunity: str | None = None
    field: str | None = None
    choice: str | None = None

    # the parameters an action's rule requires, once `check` has passed --------------------
    @property
    def cid(self) -> str:
        value = self.contact
        return value if value is not None else _missing(self, "contact")

    @property
    def tid(self) -> str:
        value = self.target
        return value if value is not None else _missing(self, "target")

    @property
    def oid(self) -> str:
        value = self.opportunity
        return value if value is not None else _missing(self, "opportunity")

    @property
    def fid(self) -> str:
        value = self.field
        return value if value is not None else _missing(self, "field")

    @property
    def picked(self) -> str:
        value = self.choice
        return value if value is not None else _missing(self, "choice")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.name}
        for key in PARAMS:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    def label(self) -> str:
        parts = [self.name]
        for key in PARAMS:
            value = getattr(self, key)
            if value is not None:
                parts.append(f"{key}={value}")
        return " ".join(parts)


def _missing(action: Action, key: str) -> NoReturn:
    raise Impossible(f"{action.name} needs {key}.")
