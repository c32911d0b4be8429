"""The game's markup reader makes exactly the content Textual's parser makes, and reads the
game's own text (cards, details, status, journal) without handing it to that parser."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from textual.content import Content
from textual.markup import MarkupError

from game.ui.markup import _simple, content
from game.ui.session import Session
from game.ui.widgets.contact_detail import contact_detail, player_detail
from game.ui.widgets.contact_list import card, you_card
from game.ui.widgets.intent import intent_markup
from game.ui.widgets.journal_log import journal_lines

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from long_game import long_game  # noqa: E402

# pieces of markup, the game's and the awkward: tags by name and by [/], variables, tags
# Textual reads as text, escapes, values, colours, control codes, unclosed and unmatched tags
PIECES = ["[b]", "[/b]", "[/]", "[dim]", "[/dim]", "[$success]", "[b $text-muted]", "[/b $text-muted]",
          "[bold]", "[/bold]", "[ b ]", "[/ b ]", "[i]", "[reverse]", "[$warning]", "[$error 50%]",
          "[#ff0000]", "[red on blue]", "[@click=app.quit]", "[link='x']", "[]", "[ ]", "[1]", "[-x]",
          "[a [b]", "[/x]", "[", "]", "\\[", "\\", "[/", "Priya", " ", "  ", "\n", "·", "↘", "52", "$x",
          "\r", "\x07", "═", "a-b", "[b$x]", "[on]", "[not b]", "[u]"]


def same(markup: str) -> None:
    """`content(markup)` is what Textual makes of it, or refuses as Textual does."""
    try:
        expected = Content.from_markup(markup)
    except MarkupError:
        with pytest.raises(MarkupError):
            content(markup)
        return
    got = content(markup)
    assert (got.plain, got.spans) == (expected.plain, expected.spans), markup


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
@example("[b]Priya[/b]  [$success]warm[/]\n [dim]trust[/] 52 [$success]+3[/]")
@example("[b][dim]x[/b]y[/]")  # closing an outer tag by name: left to Textual
@example("[b]x[/bold]")  # the same style written two ways: left to Textual
@example("[b][i]left open")
@example("[b][/b][dim][/]")  # tags around nothing make no span
def test_it_makes_what_textual_makes(markup):
    same(markup)


@pytest.fixture(scope="module")
def late_session(world):
    state = long_game(world)
    return Session(world, state.campaign, state.seed, state=state)


def board_text(session: Session) -> list[str]:
    """Every piece of markup the board of this game shows, whoever is selected."""
    state = session.state
    text = [you_card(session), player_detail(session)]
    for cid in session.people():
        text += [card(session, cid), contact_detail(session, cid)]
    from game.engine.rules import menu

    text += [intent_markup(state, action) for action in menu(state, None)]
    return text + journal_lines(session, session.journal())


def test_the_boards_own_text_is_read_without_textuals_parser(late_session):
    text = board_text(late_session)
    assert len(text) > 300
    for markup in text:
        same(markup)
        # a player's or person's name may hold a bracket, escaped: only then does Textual read it
        assert "\\" in markup or _simple(markup) is not None, markup


def test_the_check_can_fail():
    # Textual reads "[1]" as text, not as a tag: so must the reader (by handing it over)
    assert _simple("[1] and [b]this[/b]") is None
    assert content("[1] and [b]this[/b]").plain == "[1] and this"
