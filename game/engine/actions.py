"""Actions: what a player can do, with public, stable names.

The names are part of the public vocabulary (saves, demo scripts, scenario tests and the
simulator use them), so never rename one once shipped. Each action is one rule class in
`game.engine.rules.actions`; the tables here are read from those classes.
"""

from __future__ import annotations

from typing import Any

from game.engine.intent import Action, Impossible
from game.engine.rules.actions import CHOICES, OUTCOMES, PROMPT_ANSWERS, RULES, VOCABULARY

__all__ = ["CHOICES", "OUTCOMES", "PROMPT_ANSWERS", "RULES", "VOCABULARY", "Action", "Impossible", "action_from_dict"]


def action_from_dict(data: dict[str, Any]) -> Action:
    """Build an action from its public form, checking names and parameters."""
    data = dict(data)
    name = data.pop("action", None)
    if name not in VOCABULARY:
        raise ValueError(f"unknown action {name!r}; expected one of: {', '.join(VOCABULARY)}")
    wanted = VOCABULARY[name]
    for key in data:
        if key not in wanted:
            expected = ", ".join(wanted) if wanted else "no parameters"
            raise ValueError(f"action {name!r} does not take {key!r} (it takes {expected})")
    for key in wanted:
        if data.get(key) in (None, ""):
            raise ValueError(f"action {name!r} needs {key!r}")
        if not isinstance(data[key], str):
            raise ValueError(f"action {name!r}: {key!r} must be text")
    if name in CHOICES and data["choice"] not in CHOICES[name]:
        raise ValueError(f"action {name!r}: choice {data['choice']!r} is not one of {', '.join(CHOICES[name])}")
    return Action(name, **data)
