"""research: read up on a field. Homework makes you easy to help and finds postings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import HIDDEN, OPP_KNOWN, EffectKind, Outcome
from game.engine.rules.actions.base import ActionRule, Scope, register
from game.engine.rules.derived import is_open
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class Research(ActionRule):
    name = "research"
    params = ("field",)
    outcomes = (Outcome.LEARNED, Outcome.FOUND_POSTING)
    scope: ClassVar[Scope] = Scope.SELF
    cost_field = "cost_research"
    rank = 0

    def label(self, world: World, action: Action) -> str:
        return f"Research {world.fields[action.fid].name if action.fid in world.fields else action.fid}"

    def entries(self, state: State, subject: str | None) -> Iterable[Action]:
        return [Action("research", field=f) for f in state.knowledge]  # the fields this campaign touches

    def check(self, state: State, action: Action) -> str | None:
        fid = action.fid
        if fid not in state.knowledge:
            if fid in state.world.fields:
                return f"{state.world.fields[fid].name} plays no part in this story."
            return f"There is no field called {fid!r}."
        return None

    def perform(self, turn: Turn, action: Action) -> None:
        s, field_id = turn.s, action.fid
        k = s.knowledge.get(field_id, 0)
        gain = max(turn.t.research_gain_floor, round(turn.t.research_gain * (1 - k / 120)))
        turn.knowledge(field_id, gain, f"you researched {turn.w.fields[field_id].name}", L.DO_YOUR_HOMEWORK)
        turn.outcome = Outcome.LEARNED
        for oid in s.opportunities:
            opp = turn.w.opportunities[oid]
            if opp.field == field_id and opp.posted and s.opportunities[oid].stage == HIDDEN and is_open(s, oid):
                o = turn.o(oid)
                o.stage, o.stage_week = OPP_KNOWN, s.week
                turn.note(oid, EffectKind.ROLE_FOUND, f"You found a posting: {turn.role(oid)}.", L.DO_YOUR_HOMEWORK)
                turn.outcome = Outcome.FOUND_POSTING
                turn.hear_of(opp.hiring_contact, f"{turn.full(opp.hiring_contact)} is named on the posting.",
                             L.DO_YOUR_HOMEWORK)
