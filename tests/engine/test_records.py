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


@record(frozen=True)
class Named:
    name: str
    tags: tuple[str, ...] = field(default_factory=tuple)
    first: str = field(default="", init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "first", self.name.split()[0])


def test_arguments_by_position_or_name_with_defaults_factories_and_fields_set_after():
    assert Named("Ada Byron").first == "Ada" and Named("Ada Byron").tags == ()
    assert Named("Ada Byron", ("x",)) == Named(tags=("x",), name="Ada Byron")
    assert Tally().count == 0 and Tally(seen=("a",)).seen == ("a",)


@pytest.mark.parametrize("make, says", [
    (lambda: Card(), "missing a required argument: 'name'"),
    (lambda: Card("a", 1, "n", "extra"), "takes 3 positional arguments but 4 were given"),
    (lambda: Card("a", name="b"), "got multiple values for argument 'name'"),
    (lambda: Card("a", colour="red"), "got an unexpected keyword argument 'colour'"),
    (lambda: Named("Ada", first="A"), "got an unexpected keyword argument 'first'"),  # set by the record itself
])
def test_wrong_arguments_are_refused_as_a_dataclass_would(make, says):
    with pytest.raises(TypeError, match=says):
        make()


def test_to_the_dataclasses_module_a_record_is_a_dataclass():
    from dataclasses import asdict, fields, is_dataclass

    card = Card("a", 2, note="n")
    assert is_dataclass(card) and [f.name for f in fields(card)] == ["name", "weight", "note"]
    assert asdict(card) == {"name": "a", "weight": 2, "note": "n"}
    assert replace(Named("Ada Byron"), name="Bo Li").first == "Bo"
    assert Card.__match_args__ == ("name", "weight", "note")


def test_a_frozen_record_copies_and_pickles_whole():
    import copy
    import pickle

    card = Card("a", 2, note="n")
    for again in (copy.copy(card), copy.deepcopy(card), pickle.loads(pickle.dumps(card))):
        assert again == card and again.note == "n"


def test_a_record_made_wrongly_is_refused_when_its_class_is_made():
    with pytest.raises(TypeError, match="'weight' without a default follows one with a default"):
        @record
        class Backwards:
            name: str = ""
            weight: int

    with pytest.raises(ValueError, match="use default_factory"):
        @record
        class Shared:
            seen: list[str] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="cannot inherit"):
        @record
        class Deck(Tally):
            size: int = 0

