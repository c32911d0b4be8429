"""The engine's records compare, hash and print as the dataclasses they are (game.engine.records)."""

from dataclasses import field, replace

import pytest

from game.engine.records import record


@record(frozen=True)
class Card:
    name: str
    weight: int = 1
    note: str = field(default="", compare=False, repr=False)


@record
class Tally:
    count: int = 0
    seen: tuple[str, ...] = ()


def test_equal_by_the_fields_that_compare_in_order():
    assert Card("a", 2) == Card("a", 2, note="other")
    assert Card("a", 2) != Card("a", 3)
    assert Card("a") != ("a", 1)  # another kind of thing is never equal
    assert Tally(1, ("x",)) == Tally(1, ("x",)) and Tally(1) != Tally(2)


def test_a_frozen_record_hashes_as_it_compares_and_a_changing_one_does_not_hash():
    assert hash(Card("a", 2)) == hash(Card("a", 2, note="other"))
    assert len({Card("a"), Card("a"), Card("b")}) == 2
    with pytest.raises(TypeError):
        hash(Tally())


def test_repr_names_the_fields_it_shows():
    assert repr(Card("a", 2, note="hidden")) == "Card(name='a', weight=2)"
    assert repr(Tally(3)) == "Tally(count=3, seen=())"


def test_a_frozen_record_stays_as_made_and_replace_makes_another():
    card = Card("a")
    with pytest.raises(AttributeError):
        card.weight = 5  # type: ignore[misc]
    assert replace(card, weight=5) == Card("a", 5) and card.weight == 1
    assert not hasattr(card, "__dict__")  # slotted: a record holds its fields and nothing else
