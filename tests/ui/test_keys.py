"""One table of keys feeds the bindings, the command palette and F1 help."""

from game.ui.keys import KEYS, bindings, help_table, palette
from game.ui.screens.board import BoardScreen
from game.ui.screens.help import KEYS_MARK, help_text


def test_help_prints_the_table_in_place_of_its_mark():
    text = help_text()
    assert KEYS_MARK not in text
    assert help_table() in text
    assert "| n | board | end the week |" in text


def test_every_key_the_board_binds_is_in_help_and_the_palette_offers_only_bound_keys():
    table = help_table()
    bound = {b.key for b in BoardScreen.BINDINGS}
    assert bound == {k.keys for k in KEYS if k.where == "board" and k.action}
    for key in KEYS:
        assert f"| {key.shown} |" in table
    assert all(k.action for k in palette("board"))
    assert [b.id for b in bindings("app")] == ["help", "quit"]
