"""Playing a few actions in a test: the shorthand the rule tests share."""

from game.engine.actions import Action
from game.engine.rules import apply

END = Action("end_week")


def play(state, *actions):
    """Apply the actions in order; the last state and every effect on the way."""
    effects = []
    for a in actions:
        state, fx = apply(state, a)
        effects += fx
    return state, effects


def meet(cid, choice="advice"):
    return Action("meet", contact=cid, choice=choice)
