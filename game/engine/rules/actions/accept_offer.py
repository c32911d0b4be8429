"""accept_offer: say yes to a volunteered introduction. It becomes their promise, and your debt."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import TRUST, EffectKind, Outcome, PromiseKind, PromptKind
from game.engine.rules.actions._answers import AnswerRule
from game.engine.rules.actions.base import register
from game.engine.rules.derived import preparation, reads_as
from game.engine.rules.people import promise
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class AcceptOffer(AnswerRule):
    name = "accept_offer"
    outcomes = (Outcome.PROMISED,)
    rank = 0

    def label(self, world: World, action: Action) -> str:
        return "Accept the offer"

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        p = state.prompt
        if p is None or p.kind != PromptKind.OFFER:
            return None
        seems = reads_as(state, p.contact)
        if "very busy" not in seems and "lets things slip" not in seems:
            return None
        first = state.world.people[p.contact].first_name
        return (f"{first} seems {' and '.join(w for w in seems if w != 'proud')}: a promise like this often slips, "
                f"and one that slips weighs on {first} every week until they avoid you", L.CAUSED_COMMITMENT)

    def perform(self, turn: Turn, action: Action) -> None:
        s = turn.s
        p = self.take_prompt(turn)
        cid, tid = p.contact, p.subject
        busy = turn.w.people[tid].traits.busyness
        prep = preparation(s, turn.w.people[tid].field)
        promise(turn, cid, PromiseKind.INTRODUCTION, tid, asked=False,
                overstep_p=max(0.0, turn.t.offer_overstep + turn.t.offer_overstep_busy * busy
                               - turn.t.offer_overstep_prep * prep))
        turn.meter(cid, TRUST, turn.t.offer_accept_trust, f"{turn.name(cid)} is pleased to be helping", L.CAUSED_COMMITMENT)
        turn.note(cid, EffectKind.OFFER_ACCEPTED, f"{turn.name(cid)} will set up a call with {turn.full(tid)}.",
                  L.CAUSED_COMMITMENT)
        turn.c(cid).memory = s.contacts[cid].memory + (f"promised:{tid}",)
        turn.outcome = Outcome.PROMISED
