"""A pack's scripted events: triggers and effects are data; every change still names its lesson."""

from __future__ import annotations

from game.engine.conditions import holds
from game.engine.kinds import (
    CLOSED,
    HIDDEN,
    OPP_KNOWN,
    UNKNOWN,
    EffectKind,
    Meter,
    PlayerMeter,
)
from game.engine.rules.derived import is_open
from game.engine.rules.turn import Turn
from game.engine.world import EventDef, EventEffect


def _due(turn: Turn, ev: EventDef) -> bool:
    s = turn.s
    if ev.campaigns and s.campaign not in ev.campaigns:
        return False
    if s.week < ev.from_week or (ev.until_week is not None and s.week > ev.until_week):
        return False
    return all(holds(cond, s) for cond in ev.when)


def scripted_events(turn: Turn) -> None:
    for ev in turn.w.events:
        if not _due(turn, ev):
            continue
        if ev.once and ev.id in turn.fired:
            continue
        if not turn.chance(ev.chance, "event", ev.id):
            continue
        turn.fired = turn.fired | {ev.id}
        turn.emit("player", EffectKind.EVENT, 0, ev.text, ev.lesson, True, None, ev.id)
        for fx in ev.effects:
            _event_effect(turn, ev, fx)


def _event_effect(turn: Turn, ev: EventDef, fx: EventEffect) -> None:
    s = turn.s
    cause = fx.text or ev.text
    if fx.kind == "meter":
        c = s.contacts.get(fx.target)
        if c is None or c.door == CLOSED or c.stage == UNKNOWN:
            return
        turn.meter(fx.target, Meter(fx.meter), fx.delta, cause, ev.lesson)
        turn.update_door(fx.target, ev.lesson)
    elif fx.kind == "player":
        if fx.target.startswith("knowledge:"):
            turn.knowledge(fx.target.split(":", 1)[1], fx.delta, cause, ev.lesson)
        else:
            turn.player(PlayerMeter(fx.target), fx.delta, cause, ev.lesson)
    elif fx.kind == "hear_of":
        if fx.target in s.contacts:
            turn.hear_of(fx.target, cause, ev.lesson)
    elif fx.kind == "introduce":
        c = s.contacts.get(fx.target)
        if c is not None and c.door != CLOSED:
            turn.connect(fx.target, fx.trust, fx.familiarity, cause, ev.lesson, introduced_by=fx.by)
    elif fx.kind == "reveal":
        o = s.opportunities.get(fx.target)
        if o is not None and o.stage == HIDDEN and is_open(s, fx.target):
            oo = turn.o(fx.target)
            oo.stage, oo.stage_week = OPP_KNOWN, s.week
            if fx.by is not None:
                oo.referred, oo.introduced_by = True, fx.by
            turn.note(fx.target, EffectKind.ROLE_REVEALED, cause, ev.lesson)
    elif fx.kind == "journal":
        turn.note("player", EffectKind.JOURNAL, cause, ev.lesson)
