"""meet: an hour-long conversation, asking for advice, learning about their work or offering help.

A good meeting may end with a question: the hiring contact's "Are you interested?", or a
volunteered offer to introduce you to someone.
"""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    APPLIED,
    AVOIDING,
    CLOSED,
    CONNECTED,
    FAMILIARITY,
    GUARDED,
    HIDDEN,
    OPP_KNOWN,
    TRUST,
    EffectKind,
    Outcome,
    PlayerMeter,
    PromptKind,
)
from game.engine.rules.actions.base import ContactRule, register
from game.engine.rules.derived import is_open, preparation
from game.engine.rules.people import generosity, unavailable
from game.engine.rules.turn import Turn
from game.engine.state import Prompt, State
from game.engine.world import World

_PREPARED = {"advice": Outcome.ADVICE, "learn": Outcome.LEARN, "offer_help": Outcome.OFFER_HELP}
_UNPREPARED = {"advice": Outcome.ADVICE_UNPREPARED, "learn": Outcome.LEARN_UNPREPARED,
               "offer_help": Outcome.OFFER_HELP_UNPREPARED}


@register
class Meet(ContactRule):
    name = "meet"
    params = ("contact", "choice")
    choices = ("advice", "learn", "offer_help")
    outcomes = (*_PREPARED.values(), *_UNPREPARED.values(), Outcome.MESSAGE_TAKEN, Outcome.CUT_SHORT)
    cost_field = "cost_meet"
    rank = 1
    choice_words = {
        "advice": "Ask for advice",
        "learn": "Ask about their work",
        "offer_help": "Offer to help with something of theirs",
    }

    def label(self, world: World, action: Action) -> str:
        who = world.people[action.cid].first_name
        return f"Meet {who}: {self.choice_words.get(action.choice, 'talk')}" if action.choice else f"Meet {who}…"

    def check_person(self, state: State, action: Action, first: str) -> str | None:
        c = state.contacts[action.cid]
        if c.met_week == state.week and c.door != AVOIDING:
            return f"You already met {first} this week."
        return None

    def perform(self, turn: Turn, action: Action) -> None:
        s, w, cid = turn.s, turn.w, action.cid
        if unavailable(turn, cid):
            return
        turn.touch(cid)
        if turn.s.contacts[cid].door == AVOIDING:
            turn.note(cid, EffectKind.MESSAGE, f"{turn.name(cid)} cut the meeting short and left quickly.",
                      L.CAUSED_COMMITMENT)
            turn.outcome = Outcome.CUT_SHORT
            return
        c = turn.c(cid)
        c.met_count += 1
        c.met_week = s.week
        turn.helped(cid)
        c.advice_pending = True
        c.stale_notes = 0  # a real conversation: the next note has something to follow
        prepared = preparation(s, w.people[cid].field) >= turn.t.homework_threshold
        choice = action.picked
        if choice == "advice":
            _advice(turn, cid, prepared)
        elif choice == "learn":
            _learn(turn, cid, prepared)
        else:
            _offer_help(turn, cid)
        turn.update_door(cid, L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.outcome = (_PREPARED if prepared else _UNPREPARED)[choice]
        c.memory = c.memory + (f"met:{choice}",)
        _maybe_prompt(turn, cid, prepared)


def _advice(turn: Turn, cid: str, prepared: bool) -> None:
    s, person = turn.s, turn.w.people[cid]
    first = person.first_name
    t = turn.t
    turn.meter(cid, FAMILIARITY, t.meet_advice_familiarity, f"you asked {first} for advice", L.RELATIONSHIP_BEFORE_LEVERAGE)
    if prepared:
        turn.meter(cid, TRUST, t.meet_advice_trust, _why_easy(turn, cid), L.DO_YOUR_HOMEWORK)
    else:
        turn.meter(cid, TRUST, t.meet_advice_unprepared_trust, f"{first} worked hard to figure out what you need", L.DO_YOUR_HOMEWORK)
    turn.player(PlayerMeter.CLARITY, t.meet_advice_clarity, f"{first}'s advice sharpened your goals", L.DO_YOUR_HOMEWORK)
    if prepared:
        for tid, strength in sorted(person.ties, key=lambda tie: (-tie[1], tie[0]))[:t.meet_mentions]:
            if tid in s.contacts and strength >= t.meet_mention_tie:
                turn.hear_of(tid, f"{first} mentioned {turn.full(tid)}.", L.DO_YOUR_HOMEWORK)


def _why_easy(turn: Turn, cid: str) -> str:
    """What made a prepared player easy to help: whichever of goals and homework did more."""
    s, person = turn.s, turn.w.people[cid]
    first = person.first_name
    known = s.knowledge.get(person.field, 0)
    if s.clarity >= known:
        return f"you knew what you were looking for, so {first} could help"
    fname = turn.w.fields[person.field].name if person.field in turn.w.fields else person.field
    return f"you had done your homework on {fname}, so {first} could help"


def _learn(turn: Turn, cid: str, prepared: bool) -> None:
    w, person = turn.w, turn.w.people[cid]
    first = person.first_name
    fname = w.fields[person.field].name if person.field in w.fields else person.field
    t = turn.t
    turn.meter(cid, FAMILIARITY, t.meet_learn_familiarity, f"you asked {first} about their work", L.RELATIONSHIP_BEFORE_LEVERAGE)
    if prepared:
        turn.meter(cid, TRUST, t.meet_learn_trust, f"{first} enjoyed talking about their work", L.RELATIONSHIP_BEFORE_LEVERAGE)
        turn.knowledge(person.field, t.meet_learn_knowledge, f"{first} showed you how {fname} works from inside",
                       L.DO_YOUR_HOMEWORK)
    else:
        # without homework the hour goes on the basics you could have read
        turn.meter(cid, TRUST, t.meet_learn_unprepared_trust, f"{first} spent the hour on basics you could have read",
                   L.DO_YOUR_HOMEWORK)
        turn.knowledge(person.field, t.meet_learn_unprepared_knowledge, f"{first} explained the basics of {fname}",
                       L.DO_YOUR_HOMEWORK)
    turn.player(PlayerMeter.CLARITY, t.meet_learn_clarity, "hearing about real work told you what you like", L.DO_YOUR_HOMEWORK)


def _offer_help(turn: Turn, cid: str) -> None:
    first = turn.name(cid)
    t = turn.t
    turn.meter(cid, FAMILIARITY, t.meet_help_familiarity, f"you offered {first} a hand with something of theirs",
               L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.meter(cid, TRUST, t.meet_help_trust, f"you gave before asking; {first} noticed", L.RELATIONSHIP_BEFORE_LEVERAGE)
    turn.player(PlayerMeter.REPUTATION, t.meet_help_reputation, f"you helped {first}", L.REPUTATION_TRAVELS)


def _maybe_prompt(turn: Turn, cid: str, prepared: bool) -> None:
    """A meeting may end with the interest question or a volunteered offer."""
    if _interest_question(turn, cid):
        return
    s, c = turn.s, turn.s.contacts[cid]
    if c.offered or c.door in (GUARDED, AVOIDING, CLOSED) or "pressed" in c.memory:
        return
    person = turn.w.people[cid]
    target = person.volunteers_intro_to
    blurts = person.traits.busyness >= turn.t.reads_busy
    if target is not None and target in s.contacts and s.contacts[target].stage != CONNECTED and (prepared or blurts):
        # a busy person offers in the heat of the moment, ready or not; anyone else only once
        # they can tell what you are looking for
        turn.c(cid).offered = True
        s.prompt = Prompt(PromptKind.OFFER, cid, target)
        return
    if not prepared:
        return  # they can't tell whom to introduce you to
    willing = generosity(turn, cid)
    candidates = [t for t, st in sorted(person.ties, key=lambda t: (-t[1], t[0]))
                  if t in s.contacts and s.contacts[t].stage != CONNECTED and st >= turn.t.offer_tie]
    if candidates and willing >= turn.t.offer_generosity and turn.chance(willing * turn.t.offer_chance, "offer", cid):
        turn.c(cid).offered = True
        s.prompt = Prompt(PromptKind.OFFER, cid, candidates[0])


def _interest_question(turn: Turn, cid: str) -> bool:
    """A hiring contact asks about their open role first. True if they asked.

    They ask the first time you meet them while the role is open to you, even after you
    applied: an application is not yet an answer to "Are you interested?".
    """
    s, w = turn.s, turn.w
    c = s.contacts[cid]
    for oid in sorted(s.opportunities):
        opp = w.opportunities[oid]
        o = s.opportunities[oid]
        if opp.hiring_contact != cid or oid in c.asked_interest or o.stage not in (HIDDEN, OPP_KNOWN, APPLIED) \
                or not is_open(s, oid):
            continue
        turn.c(cid).asked_interest = c.asked_interest | {oid}
        if o.stage == HIDDEN:
            oo = turn.o(oid)
            oo.stage, oo.stage_week = OPP_KNOWN, s.week
            oo.introduced_by = c.introduced_by
            turn.note(oid, EffectKind.ROLE_MENTIONED, f"{turn.name(cid)} mentioned an opening: {turn.role(oid)}.",
                      L.HONEST_INTEREST)
        elif turn.s.opportunities[oid].introduced_by is None:
            turn.o(oid).introduced_by = c.introduced_by
        s.prompt = Prompt(PromptKind.INTEREST, cid, oid)
        return True
    return False
