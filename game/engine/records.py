"""Records: the engine's dataclasses, with one comparison, hash and repr shared by all of them.

A dataclass writes its own `__eq__`, `__hash__` and `__repr__` as source text and compiles
them as its module is imported; for the engine's records that compiling was the larger
part of the time the game took to import its rules, before any screen could be drawn.
`record` makes the same dataclass without them and gives it the shared ones below, which
mean what the written ones do: fields in their order, leaving out those marked
`compare=False` (from comparing and hashing) or `repr=False` (from the repr). A frozen
record hashes; a record that can change does not, as with a dataclass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import Field, dataclass, field, fields
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


def _eq(self: Any, other: Any) -> Any:  # a bool, or NotImplemented for another class
    if other.__class__ is self.__class__:
        compared: tuple[str, ...] = self.__record_compared__
        return all(getattr(self, name) == getattr(other, name) for name in compared)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(tuple([getattr(self, name) for name in self.__record_compared__]))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field, Field))
def record(cls: type[T] | None = None, /, *, frozen: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """`@dataclass(slots=True, frozen=...)`, with the shared comparison, hash and repr."""

    def make(c: type[T]) -> type[T]:
        made = dataclass(c, slots=True, frozen=frozen, eq=False, repr=False)
        own = fields(made)  # type: ignore[arg-type]
        made.__record_compared__ = tuple(f.name for f in own if f.compare)  # type: ignore[attr-defined]
        made.__record_shown__ = tuple(f.name for f in own if f.repr)  # type: ignore[attr-defined]
        made.__eq__ = _eq  # type: ignore[method-assign]
        made.__repr__ = _repr  # type: ignore[method-assign]
        made.__hash__ = _hash if frozen else None  # type: ignore[method-assign,assignment]
        return made

    return make if cls is None else make(cls)
