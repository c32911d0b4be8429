"""A placeholder play command: a bot plays a campaign and the story is printed."""

from __future__ import annotations


def play_in_terminal(world, campaign: str | None, seed: int | None) -> int:
    from game.engine.sim import play

    campaign = campaign or next(iter(world.campaigns))
    result = play(world, campaign, "patient", seed or 0, keep_state=True)
    state = result.final_state
    for effect in state.journal():
        if effect.visible and effect.meter not in ("runway",):
            print(f"week {effect.week:>2}  {effect.cause}")
    print(f"\noutcome: {state.outcome}, score {result.score}")
    return 0
