"""A new game: where the story stands when it begins."""

from __future__ import annotations

from game.engine import lessons as L
from game.engine.kinds import CONNECTED, KNOWN, OPEN, UNKNOWN
from game.engine.rules.derived import campaign_fields, true_fit
from game.engine.rules.doors import door_for
from game.engine.state import ContactState, Fixed, LedgerEntry, OpportunityState, State
from game.engine.world import World


def new_game(world: World, campaign: str, seed: int) -> State:
    """The starting State of a campaign. Same world, campaign and seed: same game."""
    if campaign not in world.campaigns:
        known = ", ".join(world.campaigns) or "none"
        raise KeyError(f"no campaign {campaign!r} in pack {world.pack_id!r} (campaigns: {known})")
    camp = world.campaigns[campaign]
    people = camp.people or tuple(world.people)
    # everyone starts as a copy of one blank state, and every role too: a copy is made field
    # by field, a third of the time of making a record from its arguments (game.engine.records)
    blank = ContactState("")
    contacts = {}
    for pid in sorted(people):
        contacts[pid] = c = blank.copy()
        c.id = pid
    for start in camp.contacts:
        c = contacts[start.id]
        c.stage = CONNECTED
        c.trust = start.trust
        c.familiarity = start.familiarity
        c.last_contact_week = 0
        c.ledger = (
            LedgerEntry(0, "trust", start.trust, "where things stood when the story begins",
                        L.RELATIONSHIP_BEFORE_LEVERAGE),
            LedgerEntry(0, "familiarity", start.familiarity, "your shared history so far", L.RELATIONSHIP_BEFORE_LEVERAGE),
        )
        c.door = door_for(world.tuning, c, OPEN, outstanding=False)
    for pid in camp.known:
        if contacts[pid].stage == UNKNOWN:
            contacts[pid].stage = KNOWN
    opp_ids = camp.opportunities or tuple(world.opportunities)
    unseen = OpportunityState("")
    opportunities = {}
    for oid in sorted(opp_ids):
        opportunities[oid] = o = unseen.copy()
        o.id = oid
    return State(
        world=world,
        campaign=campaign,
        seed=seed,
        week=1,
        hours_left=camp.hours_per_week,
        runway=camp.runway_weeks,
        clarity=camp.clarity,
        reputation=camp.reputation,
        knowledge={f: 0 for f in campaign_fields(world, campaign)} | dict(camp.knowledge),
        contacts=contacts,
        opportunities=opportunities,
        commitments={},
        tokens={},
        fixed=Fixed({oid: true_fit(world, campaign, oid) for oid in sorted(opp_ids)},
                    frozenset(world.opportunities[oid].hiring_contact for oid in opp_ids)),
    )
