"""answer_interest: "Are you interested in the position?" Say what you actually know.

An uninformed "Yes!" turns the talk into an interview; "I'm still exploring" keeps it mutual
and may make the hiring contact a guide; an informed yes is honest and is not punished.
"""

from __future__ import annotations

from typing import ClassVar

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    FAMILIARITY,
    INTERVIEWING,
    TRUST,
    EffectKind,
    InterviewMode,
    Outcome,
    PromptKind,
)
from game.engine.rules.actions._answers import AnswerRule
from game.engine.rules.actions.base import register
from game.engine.rules.derived import fit, knowable_interest
from game.engine.rules.turn import Turn
from game.engine.state import State
from game.engine.world import World


@register
class AnswerInterest(AnswerRule):
    name = "answer_interest"
    params = ("choice",)
    choices = ("eager_yes", "explore", "not_now")
    outcomes = (Outcome.INTERVIEW, Outcome.INFORMED_YES, Outcome.EXPLORE, Outcome.NOT_NOW)
    answers: ClassVar[PromptKind | None] = PromptKind.INTEREST
    rank = 3
    choice_words = {
        "eager_yes": "\"Yes! Absolutely.\"",
        "explore": "\"I'm still exploring. What does success look like in this role?\"",
        "not_now": "\"Not right now; the timing isn't right for me.\"",
    }

    def label(self, world: World, action: Action) -> str:
        return self.choice_words.get(action.choice or "", "Answer")

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        p = state.prompt
        if action.choice != "eager_yes" or p is None or p.kind != PromptKind.INTEREST:
            return None
        t = state.world.tuning
        field = state.world.opportunities[p.subject].field
        if knowable_interest(state, field) >= t.honest_threshold:
            return None
        first = state.world.people[p.contact].first_name
        known = state.knowledge.get(field, 0)
        return (f"you know too little to mean it (knowledge of the field {known}, clarity {state.clarity}): "
                f"\"Yes!\" turns this into an interview you can't speak to, and {first}'s trust in you "
                f"stops at {t.overclaimed_trust_ceiling} for good", L.HONEST_INTEREST)

    def perform(self, turn: Turn, action: Action) -> None:
        p = self.take_prompt(turn)
        cid, oid = p.contact, p.subject
        choice = action.picked
        if choice == "eager_yes":
            _eager_yes(turn, cid, oid)
        elif choice == "explore":
            _explore(turn, cid, oid)
        else:
            turn.meter(cid, FAMILIARITY, turn.t.not_now_familiarity, f"you told {turn.name(cid)} the timing isn't right", L.HONEST_INTEREST)
            c = turn.c(cid)
            c.memory = c.memory + (f"not_now:{oid}",)  # they take you at your word (see hiring)
            turn.outcome = Outcome.NOT_NOW


def _eager_yes(turn: Turn, cid: str, oid: str) -> None:
    s = turn.s
    opp = turn.w.opportunities[oid]
    first = turn.name(cid)
    honest = knowable_interest(s, opp.field) >= turn.t.honest_threshold and fit(s, oid) >= turn.t.honest_fit
    o = turn.o(oid)
    o.stage, o.stage_week = INTERVIEWING, s.week
    if honest:
        o.interview_mode = InterviewMode.INFORMED
        turn.meter(cid, TRUST, turn.t.informed_yes_trust, f"you knew why you wanted {turn.role(oid)}, and it showed", L.HONEST_INTEREST)
        turn.note(oid, EffectKind.MOVED_TO_INTERVIEW, f"{first} moves you into the process for {turn.role(oid)}.",
                  L.HONEST_INTEREST)
        turn.outcome = Outcome.INFORMED_YES
        return
    o.interview_mode = InterviewMode.OVERCLAIMED
    turn.c(cid).guide_lost = True
    turn.c(cid).guide = False
    turn.outcome = Outcome.INTERVIEW
    turn.note(oid, EffectKind.INTERVIEW, f"\"Yes!\" — and the conversation turns into an interview for {turn.role(oid)}.",
              L.HONEST_INTEREST)
    if s.knowledge.get(opp.field, 0) < turn.t.overclaim_knowledge:
        turn.meter(cid, TRUST, -turn.t.overclaim_trust, f"you couldn't answer {first}'s questions about the role", L.HONEST_INTEREST)


def _explore(turn: Turn, cid: str, oid: str) -> None:
    opp = turn.w.opportunities[oid]
    first = turn.name(cid)
    turn.meter(cid, TRUST, turn.t.explore_trust, f"you were honest with {first}: still exploring", L.HONEST_INTEREST)
    turn.meter(cid, FAMILIARITY, turn.t.explore_familiarity, f"{first} told you what success looks like in the role", L.HONEST_INTEREST)
    turn.knowledge(opp.field, turn.t.explore_knowledge, f"{first} walked you through the role", L.HONEST_INTEREST)
    if not turn.s.contacts[cid].guide_lost:
        turn.c(cid).guide = True
    turn.outcome = Outcome.EXPLORE
