"""Records: the game's dataclasses, made without writing and compiling code for each one.

A dataclass writes its `__init__` (and, when frozen, its `__setattr__` and `__delattr__`)
as source text and compiles it as its module is imported; for the engine's records that
compiling was most of the time the game took to import its rules, before any screen could
be drawn (the rules' table of numbers alone has 172 fields). `record` makes the same kind of
class from the class body alone: the same fields (with `dataclasses.field` for options),
slots, and one `__init__`, comparison, hash and repr shared by all records, which read each
class's fields from tuples worked out once. To the `dataclasses` module a record is a
dataclass: `fields`, `replace`, `asdict` and `is_dataclass` work on it as on any other.

What they mean is what a dataclass's would: fields in their order, arguments by position or
by name, defaults and default factories, `init=False` fields set from their default, then
`__post_init__`; `compare=False` fields are left out of comparing and hashing, `repr=False`
ones out of the repr. A frozen record hashes and refuses changes; one that can change does
not hash. Records do not inherit from other records.

The shared `__init__` sets each field through a call: a few microseconds for a record of
thirty fields, eight times a dataclass's. Most records are made only as a pack is loaded;
the game's own state is copied field by field (State.copy, ContactState.copy), and a new
game's people and roles are copies of one blank state each (rules.setup).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from itertools import repeat
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_put = object.__setattr__

# the dataclasses module's mark for a real field (not a ClassVar or an InitVar): `fields()`
# and `replace()` look for it on each field
_FIELD = dataclasses._FIELD  # type: ignore[attr-defined]


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    # The arguments are gathered into one dict of field -> value, starting from a copy of the
    # plain defaults, and the fields are set from it in one pass: dict copies and updates and
    # `map` loop in C, so a record of thirty fields is made in a few microseconds, not a
    # Python loop's worth of them per field.
    cls = self.__class__
    names: tuple[str, ...] = cls.__record_given__
    values: dict[str, Any] = cls.__record_defaults__.copy()
    if args:
        if len(args) > len(names):
            raise TypeError(f"{cls.__qualname__}() takes {len(names)} positional arguments but {len(args)} were given")
        if kwargs and not kwargs.keys().isdisjoint(names[:len(args)]):
            twice = next(name for name in names[:len(args)] if name in kwargs)
            raise TypeError(f"{cls.__qualname__}() got multiple values for argument {twice!r}")
        values.update(zip(names, args, strict=False))  # the first len(args) fields
    if kwargs:
        if not kwargs.keys() <= cls.__record_known__:
            stray = next(name for name in kwargs if name not in names)
            raise TypeError(f"{cls.__qualname__}() got an unexpected keyword argument {stray!r}")
        values.update(kwargs)
    if len(values) < len(names):
        for name, factory in cls.__record_factories__:
            if name not in values:
                values[name] = factory()
        if len(values) < len(names):
            missing = next(name for name in names if name not in values)
            raise TypeError(f"{cls.__qualname__}() missing a required argument: {missing!r}")
    any(map(_put, repeat(self), values.keys(), values.values()))  # _put returns None: every field is set
    for name, (default, factory) in cls.__record_unset__.items():
        _put(self, name, default if factory is MISSING else factory())
    if cls.__record_post__:
        self.__post_init__()


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


def _refuse_set(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:  # copying and pickling a frozen record (as a dataclass's)
    return [getattr(self, name) for name in self.__slots__]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__slots__, state, strict=True):
        _put(self, name, value)


def _is_class_var(annotation: Any) -> bool:
    return str(annotation).startswith(("ClassVar", "typing.ClassVar"))


def _make(c: type[T], frozen: bool) -> type[T]:
    if any(dataclasses.is_dataclass(base) for base in c.__mro__[1:]):
        raise TypeError(f"{c.__qualname__}: a record cannot inherit from another record or dataclass")
    body = dict(c.__dict__)
    own: dict[str, Field[Any]] = {}
    for name, annotation in body.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        value = body.pop(name, MISSING)
        f: Any = value if isinstance(value, Field) else field(default=value)
        f.name, f.type, f._field_type = name, annotation, _FIELD
        if f.default is not MISSING and f.default_factory is not MISSING:
            raise ValueError(f"{c.__qualname__}.{name}: cannot give both a default and a default factory")
        if f.default is not MISSING and type(f.default).__hash__ is None:  # as a dataclass: one list for all
            raise ValueError(f"{c.__qualname__}.{name}: a changeable default ({type(f.default).__name__}) "
                             "would be shared by every record; use default_factory")
        own[name] = f
    given = [f for f in own.values() if f.init]
    for before, after in zip(given, given[1:], strict=False):
        if after.default is MISSING and after.default_factory is MISSING and \
                (before.default is not MISSING or before.default_factory is not MISSING):
            raise TypeError(f"{c.__qualname__}: field {after.name!r} without a default follows one with a default")
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    body.update(
        __slots__=tuple(own),
        __dataclass_fields__=own,
        __match_args__=tuple(f.name for f in given),
        __record_given__=tuple(f.name for f in given),
        __record_known__=frozenset(f.name for f in given),
        __record_defaults__={f.name: f.default for f in given if f.default is not MISSING},
        __record_factories__=tuple((f.name, f.default_factory) for f in given if f.default_factory is not MISSING),
        __record_unset__={f.name: (f.default, f.default_factory) for f in own.values() if not f.init},
        __record_post__=hasattr(c, "__post_init__"),
        __record_compared__=tuple(f.name for f in own.values() if f.compare),
        __record_shown__=tuple(f.name for f in own.values() if f.repr),
        __init__=_init,
        __eq__=_eq,
        __repr__=_repr,
        __hash__=_hash if frozen else None,
    )
    if frozen:
        body.update(__setattr__=_refuse_set, __delattr__=_refuse_delete,
                    __getstate__=_getstate, __setstate__=_setstate)
    made: type[T] = type(c)(c.__name__, c.__bases__, body)  # type: ignore[misc]  # a new class, with slots
    return made


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field, Field))
def record(cls: type[T] | None = None, /, *, frozen: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """A class like `@dataclass(slots=True, frozen=...)` (see the module's docstring)."""

    def make(c: type[T]) -> type[T]:
        return _make(c, frozen)

    return make if cls is None else make(cls)
