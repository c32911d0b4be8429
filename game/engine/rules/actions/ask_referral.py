"""ask_referral: ask someone to put in a word for you for a role."""

from __future__ import annotations

from collections.abc import Iterable

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    APPLIED,
    INTERVIEWING,
    OPP_KNOWN,
    EffectKind,
    Outcome,
    PromiseKind,
)
from game.engine.rules.actions._asking import AskRule
from game.engine.rules.actions.base import register
from game.engine.rules.derived import opp_visible, role_words
from game.engine.rules.people import promise
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World

_IN_PLAY = (OPP_KNOWN, APPLIED, INTERVIEWING)


@register
class AskReferral(AskRule):
    name = "ask_referral"
    params = ("contact", "opportunity")
    outcomes = (Outcome.REFERRED, Outcome.PRESSED_PROMISE, Outcome.PRESSED_REFUSED, Outcome.MESSAGE_TAKEN)
    cost_field = "cost_ask"
    rank = 7
    asking = "to vouch for you"

    def label(self, world: World, action: Action) -> str:
        return f"Ask {world.people[action.cid].first_name} to put in a word: {role_words(world, action.oid)}"

    def entries_for(self, state: State, cid: str) -> Iterable[Action]:
        roles, made = state.world.opportunities, self._made
        out = []
        for oid, o in state.opportunities.items():
            if o.stage in _IN_PLAY and roles[oid].hiring_contact != cid:
                action = made.get((cid, oid))
                if action is None:  # a value, made once for each pair (see ContactRule.toward)
                    action = made[cid, oid] = Action("ask_referral", contact=cid, opportunity=oid)
                out.append(action)
        return out

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[tuple[str, str], Action] = {}

    def check_person(self, state: State, action: Action, first: str) -> str | None:
        w, cid, oid = state.world, action.cid, action.opportunity
        reason = opp_visible(state, oid)
        if reason or oid is None:
            return reason
        opp = w.opportunities[oid]
        if opp.hiring_contact == cid:
            return f"{first} is the hiring contact: apply or talk to them directly."
        if w.people[cid].company != opp.company and w.people[cid].tie_strength(opp.hiring_contact) <= 0:
            return f"{first} has no way to put in a word for that role."
        if state.opportunities[oid].referred:
            return "Someone has already put in a word for you there."
        if state.opportunities[oid].stage not in _IN_PLAY:
            return "That role is no longer in play."
        if any(m.to == oid and m.outstanding for m in state.commitments.values()):
            return "A word for that role is already promised."
        return None

    def subject(self, action: Action) -> str:
        return action.oid

    def whom(self, state: State, action: Action) -> str:
        return state.world.opportunities[action.oid].hiring_contact

    def granted(self, turn: Turn, action: Action) -> None:
        cid, oid = action.cid, action.oid
        first = turn.name(cid)
        o = turn.o(oid)
        o.referred = True
        if o.introduced_by is None:
            o.introduced_by = cid
        hc = turn.w.opportunities[oid].hiring_contact
        turn.hear_of(hc, f"{first} told you {turn.full(hc)} is hiring for it.", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.note(oid, EffectKind.REFERRAL, f"{first} put in a good word for you for {turn.role(oid)}.",
                  L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.helped(cid)
        turn.outcome = Outcome.REFERRED

    def reluctant_promise(self, turn: Turn, cid: str, subject: str) -> None:
        promise(turn, cid, PromiseKind.REFERRAL, subject, asked=True, overstep_p=turn.t.pressed_referral_overstep)
        turn.note(cid, EffectKind.PROMISE_MADE,
                  f"\"Sure, I'll pass it on,\" says {turn.name(cid)}, a little too quickly.", L.CAUSED_COMMITMENT)

    def refusal(self, first: str) -> str:
        return f"{first} says they don't really know your work yet."
