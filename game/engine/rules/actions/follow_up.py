"""follow_up: remind someone of a promise. A slipped promise makes the reminder sting."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.intent import Action
from game.engine.kinds import (
    AVOIDING,
    CLOSED,
    EMBARRASSMENT,
    EffectKind,
    Outcome,
    PlayerMeter,
)
from game.engine.rules.actions.base import PromiseRule, register
from game.engine.rules.people import fulfil
from game.engine.rules.turn import Turn
from game.engine.state import SLIPPED, State
from game.engine.world import World


@register
class FollowUp(PromiseRule):
    name = "follow_up"
    params = ("contact",)
    outcomes = (Outcome.REMINDED, Outcome.AVOIDING, Outcome.DOOR_CLOSED, Outcome.NUDGED, Outcome.NUDGED_DONE)
    cost_field = "cost_follow_up"
    rank = 4

    def label(self, world: World, action: Action) -> str:
        return f"Follow up with {world.people[action.cid].first_name} on their promise"

    def warning(self, state: State, action: Action) -> tuple[str, str] | None:
        c, t = state.contacts[action.cid], state.world.tuning
        first = state.world.people[action.cid].first_name
        if c.door == AVOIDING:
            return f"{first} is avoiding you: another reminder and {first} will never speak to you again", L.CAUSED_COMMITMENT
        again = "; you were in touch this week already" if c.last_contact_week == state.week else ""
        return (f"a reminder embarrasses {first}, more if it slipped: embarrassment {c.embarrassment} now, "
                f"avoids you at {t.avoid_enter}{again}", L.CAUSED_COMMITMENT)

    def perform(self, turn: Turn, action: Action) -> None:
        s, cid = turn.s, action.cid
        first = turn.name(cid)
        m = s.outstanding_commitments(cid)[0]
        what = turn.promise_words(m)
        mm = turn.cm(m.id)
        mm.reminders += 1
        turn.c(cid).last_contact_week = s.week
        face = turn.w.people[cid].traits.face
        if s.contacts[cid].door == AVOIDING:
            _chased_away(turn, cid)
            return
        if m.status in SLIPPED:
            jump = m.latent + round(turn.t.reminder_jump * (0.5 + face))
            mm.latent = 0
            turn.meter(cid, EMBARRASSMENT, jump, f"you reminded {first} that {what} never happened",
                       L.CAUSED_COMMITMENT)
            turn.update_door(cid, L.CAUSED_COMMITMENT)
            turn.outcome = Outcome.REMINDED
            if turn.s.contacts[cid].door == AVOIDING:
                turn.note(cid, EffectKind.MESSAGE, f"\"Can I take a message?\" {first} is suddenly hard to reach.",
                          L.CAUSED_COMMITMENT)
                turn.outcome = Outcome.AVOIDING
            return
        # still meaning to: the nudge stings a little, and may get it done
        turn.meter(cid, EMBARRASSMENT, round(turn.t.nudge_embarrassment * (0.5 + face)), f"you nudged {first} about {what}",
                   L.CAUSED_COMMITMENT)
        turn.outcome = Outcome.NUDGED
        if turn.chance(turn.w.people[cid].traits.follow_through * turn.t.nudge_chance, "nudge", m.id):
            fulfil(turn, m.id)
            turn.outcome = Outcome.NUDGED_DONE
        turn.update_door(cid, L.CAUSED_COMMITMENT)


def _chased_away(turn: Turn, cid: str) -> None:
    """A second reminder to someone already avoiding you: now they know you know."""
    first = turn.name(cid)
    turn.meter(cid, EMBARRASSMENT, turn.t.chase_embarrassment,
               f"you followed up again; now {first} knows you know", L.CAUSED_COMMITMENT)
    turn.set_door(cid, CLOSED, L.CAUSED_COMMITMENT)
    turn.player(PlayerMeter.REPUTATION, -turn.t.chase_reputation, f"you chased {first} until the door shut", L.REPUTATION_TRAVELS)
    turn.leak(cid, -turn.t.chase_leak, f"you kept chasing {first}")
    turn.c(cid).memory = turn.s.contacts[cid].memory + ("chased",)
    turn.c(cid).slighted = True
    turn.outcome = Outcome.DOOR_CLOSED
