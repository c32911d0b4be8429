"""Every action, one module each, registered under its public name.

The tables the rest of the game reads (the vocabulary, choices, outcomes, which actions
answer which question) are built here from the rule classes, so an action is described
in one place. To add an action: write its module, import it below, and give it dialogue
lines and a line in AUTHORING.md.
"""

from __future__ import annotations

from game.engine.kinds import PromptKind

# isort: off
# Importing a module registers its rule; this order is the vocabulary's public order.
from game.engine.rules.actions import (  # noqa: F401
    research,
    reflect,
    reach_out,
    meet,
    check_in,
    thank,
    ask_intro,
    ask_referral,
    accept_offer,
    ask_permission,
    decline_offer,
    follow_up,
    release,
    answer_interest,
    apply,
    withdraw,
    accept_job,
    end_week,
)
# isort: on
from game.engine.rules.actions.base import RULES, ActionRule, Preview, Scope

# action name -> the parameters it takes (besides its name)
VOCABULARY: dict[str, tuple[str, ...]] = {name: rule.params for name, rule in RULES.items()}

# action name -> its choices, for the actions that take one
CHOICES: dict[str, tuple[str, ...]] = {name: rule.choices for name, rule in RULES.items() if rule.choices}

# How each action can turn out. A content pack's dialogue lines are keyed by action and
# outcome; these ids are public like the action names.
OUTCOMES: dict[str, tuple[str, ...]] = {name: tuple(map(str, rule.outcomes)) for name, rule in RULES.items()}

# question kind -> the actions that answer it
PROMPT_ANSWERS: dict[PromptKind, tuple[str, ...]] = {
    kind: tuple(name for name, rule in RULES.items() if rule.answers == kind) for kind in PromptKind
}


def by_scope(scope: Scope) -> tuple[ActionRule, ...]:
    """The rules of one scope, in the order the board lists them."""
    return tuple(sorted((r for r in RULES.values() if r.scope == scope), key=lambda r: r.rank))


__all__ = ["CHOICES", "OUTCOMES", "PROMPT_ANSWERS", "RULES", "VOCABULARY", "ActionRule", "Preview", "Scope",
           "by_scope"]
