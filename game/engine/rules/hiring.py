"""Hiring decisions: weighted sums of reasons, and the reasons come back for display."""

from __future__ import annotations

from game.engine.kinds import AVOIDING, CLOSED, CONNECTED, InterviewMode
from game.engine.state import State


def hire_reasons(state: State, opp_id: str) -> list[tuple[str, float]]:
    """Why a hiring decision may go your way: (reason, weight) pairs, summed into a chance.

    A decision is a weighted sum of reasons, and the reasons are returned so the game can
    show them. Multipliers are given as a final ("... x0.5", factor - 1) adjustment.
    """
    t = state.world.tuning
    opp = state.world.opportunities[opp_id]
    o = state.opportunities[opp_id]
    k = state.knowledge.get(opp.field, 0) / 100
    reasons: list[tuple[str, float]] = [("any application", t.hire_cold)]
    reasons.append(("what you know of the field", t.hire_prep * k))
    if state.reputation != 50:
        reasons.append(("your reputation", t.hire_reputation * (state.reputation - 50) / 50))
    reasons.append(("others want this role", -t.hire_competition * opp.competition))
    if o.referred:
        reasons.append(("someone vouched for you", t.hire_referral))
    hc = state.contacts.get(opp.hiring_contact)
    if hc is not None and hc.stage == CONNECTED and hc.trust > t.hire_trust_from:
        reasons.append(("the hiring contact trusts you",
                        t.hire_trust * (hc.trust - t.hire_trust_from) / (100 - t.hire_trust_from)))
    if hc is not None and f"not_now:{opp_id}" in hc.memory:
        # they took "not right now" at its word and moved on to other candidates
        reasons.append(("you told them the timing wasn't right", -t.hire_not_now))
    if hc is not None and hc.guide and hc.reported_back:
        # you explored honestly with them and told them what you did with it: they know how you think
        reasons.append(("the person hiring already knows how you think", t.hire_guide))
    if o.interview_mode == InterviewMode.INFORMED:
        reasons.append(("you knew why you wanted it", t.hire_informed))
    if hc is not None and hc.guide_lost and o.interview_mode != InterviewMode.OVERCLAIMED:
        # they remember the "Yes!" you could not back up, whatever the role
        reasons.append(("they remember an interview you weren't ready for", -t.hire_overclaim_memory))
    reasons.extend(_back_channel(state, opp.hiring_contact))
    total = sum(w for _, w in reasons)
    if o.interview_mode == InterviewMode.OVERCLAIMED:
        # judged as an interview, on preparation the player lacks
        cap = t.hire_overclaimed_prep * k + t.hire_overclaimed_floor
        if total > cap:
            reasons.append(("an interview you were not ready for", cap - total))
            total = cap
    if not o.referred and (hc is None or hc.stage != CONNECTED):
        reasons.append(("one résumé among hundreds, from a stranger", -total * (1 - t.hire_unknown_factor)))
        total *= t.hire_unknown_factor
    if hc is not None and hc.door in (AVOIDING, CLOSED):
        reasons.append(("the hiring contact avoids you", -total * t.hire_avoided_factor))
    return reasons


def _back_channel(state: State, hc_id: str) -> list[tuple[str, float]]:
    """A hiring contact asks around: people who know them and avoid you say nothing for you.

    Bad news travels: someone you embarrassed or shut out, tied to whoever is hiring,
    changes the subject when your name comes up.
    """
    t = state.world.tuning
    people = state.world.people
    hiring = people[hc_id]
    out: list[tuple[str, float]] = []
    for cid in sorted(state.contacts):
        c = state.contacts[cid]
        if cid == hc_id or c.stage != CONNECTED or c.door not in (AVOIDING, CLOSED):
            continue
        strength = max(people[cid].tie_strength(hc_id), hiring.tie_strength(cid))
        if strength > 0:
            out.append((f"{people[cid].first_name} changes the subject when your name comes up",
                        -t.hire_back_channel * strength))
    return out


def hire_chance(state: State, opp_id: str) -> float:
    """The chance an application or interview for this role ends in an offer."""
    t = state.world.tuning
    return max(t.hire_min, min(t.hire_max, sum(w for _, w in hire_reasons(state, opp_id))))


def decision_words(reasons: list[tuple[str, float]], chance: float, against: bool = False, n: int = 3) -> str:
    """The reasons that weighed most in a hiring decision, in a line, with the odds they made.

    "the odds were about 45%: +30 someone vouched for you · -14 others want this role · ..."
    For a decision that went against you (`against`), what counted against you comes first.
    """
    weighed_in = [r for r in reasons if round(r[1] * 100)]
    top = sorted(weighed_in, key=lambda r: (r[1] >= 0 if against else False, -abs(r[1]), r[0]))[:n]
    weighed = " · ".join(f"{round(w * 100):+d} {why}" for why, w in top)
    return f"the odds were about {round(chance * 20) * 5}%: {weighed}"
