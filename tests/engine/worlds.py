"""Small hand-built worlds, so a rule can be tested without the whole core pack."""

from game.engine.world import (
    CampaignDef,
    CompanyDef,
    ContactDef,
    FieldDef,
    OpportunityDef,
    StartContact,
    Traits,
    World,
)


def tiny_world(*, cora_trust: int = 70, cora_familiarity: int = 50, knowledge: int = 40, clarity: int = 20) -> World:
    """Cora (a connector the player knows) is tied to Hank, who hires for two roles.

    The posted-nowhere role "analyst" is a so-so fit; "planner" fits the player far better
    and is hidden until someone points to it.
    """
    fields = {"ops": FieldDef("ops", "Operations")}
    companies = {"acme": CompanyDef("acme", "Acme", "ops")}
    people = {
        "cora": ContactDef(
            "cora", "Cora Vance", "connector", "ops",
            traits=Traits(busyness=0.3, follow_through=0.9, generosity=0.9, face=0.5),
            ties=(("hank", 0.8),),
        ),
        "hank": ContactDef(
            "hank", "Hank Ito", "hiring_manager", "ops", company="acme",
            traits=Traits(busyness=0.5, follow_through=0.8, generosity=0.6, face=0.5),
            ties=(("cora", 0.8),),
        ),
        "mo": ContactDef(
            "mo", "Mo Reyes", "executive", "ops",
            traits=Traits(busyness=0.95, follow_through=0.05, generosity=0.9, face=0.9),
            ties=(("zed", 0.6),), volunteers_intro_to="zed",
        ),
        "zed": ContactDef(
            "zed", "Zed Okoro", "executive", "ops",
            traits=Traits(busyness=0.9, follow_through=0.5, generosity=0.3, face=0.5),
            ties=(("mo", 0.6),),
        ),
    }
    opportunities = {
        "analyst": OpportunityDef("analyst", "Analyst", "acme", "ops", "hank", posted=False, appeal=0.3),
        "planner": OpportunityDef("planner", "Planner", "acme", "ops", "zed", posted=False, appeal=0.95),
    }
    campaigns = {
        "test": CampaignDef(
            id="test", title="Test", runway_weeks=20, hours_per_week=8, clarity=clarity,
            knowledge=(("ops", knowledge),), preferences=(("ops", 0.8),),
            contacts=(StartContact("cora", cora_familiarity, cora_trust), StartContact("mo", 15, 50)),
        )
    }
    return World.build(
        pack_id="tiny", pack_version="1", fields=fields, companies=companies, people=people,
        opportunities=opportunities, campaigns=campaigns,
    )
