"""Every door and every role stage has its words: nothing falls back to a blank or a '?'."""

from game.engine.kinds import Door, OppStage
from game.ui.widgets.contact_detail import STAGE_WORDS
from game.ui.words import DOOR_BADGES, DOOR_MEANINGS, DOOR_STYLES, door_badge


def test_every_door_has_a_badge_a_style_and_a_meaning():
    for table in (DOOR_BADGES, DOOR_STYLES, DOOR_MEANINGS):
        assert set(table) == set(Door)
    assert door_badge("closed", markup=False) == "■ CLOSED"


def test_every_role_stage_the_player_can_see_has_words():
    assert set(STAGE_WORDS) == set(OppStage) - {OppStage.HIDDEN}


def test_the_codex_reads_the_cards_of_the_pack_being_played(world):
    from dataclasses import replace
    from types import MappingProxyType

    from game.engine.world import LessonCard
    from game.ui.codex import cards, titles

    mine = replace(world, lessons=MappingProxyType({
        "close-the-loop": LessonCard("close-the-loop", "Write back", "Tell them what happened next."),
    }))
    assert titles(mine)["close-the-loop"] == "Write back"
    assert cards(mine)["close-the-loop"].text == "Tell them what happened next."
    assert titles(mine)["reputation-travels"] == "Word gets around"  # the game's own name where the pack has none
    assert titles(world)["close-the-loop"] == world.lessons["close-the-loop"].title
