"""release: let someone off the hook for a promise. The recovery exists; the waiting was the cost."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    EMBARRASSMENT,
    RELEASED,
    TRUST,
    EffectKind,
    Outcome,
    PromiseKind,
)
from game.engine.rules.actions.base import PromiseRule, register
from game.engine.rules.turn import Turn
from game.engine.state import SLIPPED
from game.engine.world import World


@register
class Release(PromiseRule):
    name = "release"
    params = ("contact",)
    outcomes = (Outcome.RELEASED,)
    cost_field = "cost_release"
    rank = 5

    def label(self, world: World, action: Action) -> str:
        return f"Tell {world.people[action.cid].first_name} not to worry about the promise"

    def perform(self, turn: Turn, action: Action) -> None:
        s, cid = turn.s, action.cid
        first = turn.name(cid)
        m = s.outstanding_commitments(cid)[0]
        slipped = m.status in SLIPPED
        # a promise that already slipped comes back to mind as you mention it: letting them
        # off stops the weight growing but lifts only release_relief_slipped of it
        turn.touch(cid, how="your note")
        mm = turn.cm(m.id)
        mm.status, mm.latent = RELEASED, 0
        turn.outcome = Outcome.RELEASED
        turn.c(cid).last_contact_week = s.week
        turn.note(cid, EffectKind.PROMISE_RELEASED,
                  f"You told {first} not to worry about {turn.promise_words(m)}: you'd handle it.", L.CAUSED_COMMITMENT)
        turn.meter(cid, EMBARRASSMENT, -(turn.t.release_relief_slipped if slipped else turn.t.release_relief), f"{first} is relieved to be let off the hook",
                   L.CAUSED_COMMITMENT)
        turn.meter(cid, TRUST, turn.t.release_trust, f"{first} appreciates the grace", L.CAUSED_COMMITMENT)
        if m.kind == PromiseKind.INTRODUCTION:
            turn.hear_of(m.to, f"You can reach {turn.full(m.to)} yourself.", L.CAUSED_COMMITMENT)
        turn.update_door(cid, L.CAUSED_COMMITMENT)
