"""Actions: what a player can do, with public, stable names.

The names are part of the public vocabulary (saves, demo scripts, scenario tests and the
simulator use them), so never rename one once shipped. Each action is one rule class in
`game.engine.rules.actions`; the tables here are read from those classes.
"""

from __future__ import annotations

from game.engine.intent import Action, Impossible
from game.engine.rules.actions import CHOICES, OUTCOMES, PROMPT_ANSWERS, RULES, VOCABULARY

__all__ = ["CHOICES", "OUTCOMES", "PROMPT_ANSWERS", "RULES", "VOCABULARY", "Action", "Impossible"]
