"""ask_permission: instead of a promise, ask to reach out yourself and mention their name."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import TRUST, EffectKind, Outcome
from game.engine.rules.actions._answers import AnswerRule
from game.engine.rules.actions.base import register
from game.engine.rules.turn import Turn
from game.engine.world import World


@register
class AskPermission(AnswerRule):
    name = "ask_permission"
    outcomes = (Outcome.PERMISSION,)
    rank = 1

    def label(self, world: World, action: Action) -> str:
        return "Ask permission to use their name"

    def perform(self, turn: Turn, action: Action) -> None:
        p = self.take_prompt(turn)
        cid, tid = p.contact, p.subject
        turn.tokens()[tid] = cid
        turn.outcome = Outcome.PERMISSION
        turn.meter(cid, TRUST, turn.t.permission_trust, f"you made helping easy for {turn.name(cid)}: no favour to remember",
                   L.REDUCE_THEIR_RISK)
        turn.hear_of(tid, f"{turn.name(cid)} said you can mention their name to {turn.full(tid)}.", L.REDUCE_THEIR_RISK)
        turn.note(tid, EffectKind.TOKEN, f"You may mention {turn.name(cid)}'s name when you reach out to {turn.full(tid)}.",
                  L.REDUCE_THEIR_RISK)
