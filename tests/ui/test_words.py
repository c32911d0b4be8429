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
