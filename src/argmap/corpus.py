"""A validated corpus as plain records: what loading returns and everything reads.

:mod:`argmap.model` holds the pydantic models that *validate* a corpus file
(its fields, their types, the closed vocabularies) and describe it in the
JSON Schema. Once a file has passed them, its values are kept in the frozen,
slotted records of this module, with the same names and fields
(``Claim.speaker``, ``Rebuttal.target``, ``Corpus.claims`` ...). Queries,
checks and exports read only these, so a command that finds its corpus in
the cache (:mod:`argmap.cache`) never imports pydantic's model machinery nor
builds its model classes, which cost about half of the start-up floor; a
record is also a fraction of a model instance's memory.

Records are built by :func:`argmap.model.to_records` from validated models,
or by code that already holds valid values (a subset of a corpus). They are
immutable (:func:`replace` makes a changed copy) and compare by value.

They behave like frozen, slotted dataclasses (fields as attributes, equality,
hashing, ``repr``, pickling), and the type checker treats them as such
(``typing.dataclass_transform``), but they are not dataclasses to the
:mod:`dataclasses` module (``asdict``, ``fields`` and ``replace`` do not
apply; :func:`replace` here does). :func:`record` builds them itself:
``dataclasses.dataclass`` writes six methods per class as source and
compiles them, about 1 ms a class, 10 ms of every command's start-up for
these ten. :func:`record` compiles only ``__init__``; equality, hashing,
``repr``, immutability and pickling come from one base class.
"""

from __future__ import annotations

import inspect
from dataclasses import Field, FrozenInstanceError, field
from typing import Any, TypeVar, dataclass_transform

from argmap.positions import SourceMap
from argmap.vocabulary import Basis, PersonKind, RebuttalKind, Side

SCHEMA_VERSION = 1

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An id: a kebab-case slug. AM101 checks ids against it; the JSON Schema carries it."""

DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
"""A date as precise as the text allows: YYYY, YYYY-MM or YYYY-MM-DD (AM105 checks the rest)."""

SECTIONS: tuple[str, ...] = (
    "tags",
    "people",
    "sources",
    "claims",
    "arguments",
    "rebuttals",
    "agreements",
    "questions",
    "stances",
)
"""The list-valued top-level keys, in file order."""

__all__ = [
    "DATE_PATTERN",
    "SCHEMA_VERSION",
    "SECTIONS",
    "SLUG_PATTERN",
    "Agreement",
    "Argument",
    "Basis",
    "Claim",
    "Corpus",
    "Person",
    "PersonKind",
    "Question",
    "Rebuttal",
    "RebuttalKind",
    "Side",
    "Source",
    "Stance",
    "Tag",
]


class _Record:
    """What every record shares: equality, hashing and ``repr`` over its fields
    (as a frozen dataclass has them), immutability, and pickling as its class and
    its field values, rebuilt by one call of the class."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()
    _shown: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._compared)

    def __hash__(self) -> int:
        return hash(tuple([getattr(self, name) for name in self._compared]))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        names: tuple[str, ...] = self.__slots__
        return (type(self), tuple([getattr(self, name) for name in names]))


_R = TypeVar("_R", bound=_Record)
_MISSING: Any = object()


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_R]) -> type[_R]:
    """``cls`` as a frozen, slotted record of its annotated fields, in their order:
    a default is a plain value or ``field(default_factory=...)``, and
    ``field(compare=False, repr=False)`` leaves a field out of equality and repr."""
    names = tuple(inspect.get_annotations(cls))  # its own, in order
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in names and key not in ("__dict__", "__weakref__")
    }
    scope: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    params, lines, compared, shown = [], [], [], []
    for name in names:
        declared = cls.__dict__.get(name, _MISSING)
        value = name
        if isinstance(declared, Field):
            scope[f"_{name}"] = declared.default_factory
            params.append(f"{name}=_MISSING")
            value = f"_{name}() if {name} is _MISSING else {name}"
            if declared.compare:
                compared.append(name)
            if declared.repr:
                shown.append(name)
        else:
            if declared is _MISSING:
                params.append(name)
            else:
                scope[f"_{name}"] = declared
                params.append(f"{name}=_{name}")
            compared.append(name)
            shown.append(name)
        lines.append(f"    _set(self, {name!r}, {value})")
    source = f"def __init__(self, {', '.join(params)}) -> None:\n" + "\n".join(lines) + "\n"
    exec(source, scope)  # the one method compiled per class, as dataclasses does
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    namespace.update(
        __slots__=names,
        __match_args__=names,
        __init__=init,
        _compared=tuple(compared),
        _shown=tuple(shown),
    )
    built: type[_R] = type(cls.__name__, cls.__bases__, namespace)
    return built


def replace(item: _R, /, **changes: Any) -> _R:
    """A copy of the record ``item`` with ``changes`` (as ``dataclasses.replace``)."""
    names: tuple[str, ...] = item.__slots__
    return type(item)(**{**{name: getattr(item, name) for name in names}, **changes})


@record
class Tag(_Record):
    """A topic in the corpus's tag vocabulary."""

    id: str
    description: str


@record
class Person(_Record):
    """An author, a quoted or reported speaker, or a group whose position is described."""

    id: str
    name: str
    kind: PersonKind = PersonKind.PERSON
    affiliation: str | None = None
    description: str | None = None
    members: list[str] = field(default_factory=list)
    color: str | None = None


@record
class Source(_Record):
    """One piece of the debate: an article, an essay, a debate issue."""

    id: str
    title: str
    authors: list[str]
    outlet: str | None = None
    editors: list[str] = field(default_factory=list)
    date: str | None = None
    date_note: str | None = None
    url: str | None = None
    text: str | None = None
    text_sha256: str | None = None


@record
class Claim(_Record):
    """An atomic proposition, attributed to a speaker and anchored by a verbatim quote."""

    id: str
    source: str
    speaker: str
    text: str
    quote: str | None = None
    reported: bool = False
    tags: list[str] = field(default_factory=list)
    central: bool = False
    note: str | None = None


@record
class Argument(_Record):
    """Linked premises that together support one conclusion."""

    id: str
    conclusion: str
    premises: list[str]
    basis: Basis = Basis.EXPLICIT
    scheme: str | None = None
    note: str | None = None


@record
class Rebuttal(_Record):
    """An attack by one claim on a claim (rebut) or on an argument (undercut)."""

    id: str
    by: str
    target: str
    kind: RebuttalKind = RebuttalKind.REBUT
    basis: Basis = Basis.EXPLICIT
    note: str | None = None


@record
class Agreement(_Record):
    """Two claims that assert the same thing in substance (AIF's MA node; Argdown's equivalence)."""

    id: str
    claims: list[str]
    basis: Basis = Basis.EXPLICIT
    note: str | None = None


@record
class Question(_Record):
    """What a debate is about: a motion, a resolution, an issue a piece poses."""

    id: str
    text: str
    source: str | None = None
    posed_by: str | None = None
    note: str | None = None


@record
class Stance(_Record):
    """A claim's answer to a question: pro or con."""

    id: str
    question: str
    claim: str
    stance: Side
    basis: Basis = Basis.EXPLICIT
    note: str | None = None


@record
class Corpus(_Record):
    """A whole corpus file, validated, with where each value came from."""

    schema_version: int = SCHEMA_VERSION
    tags: list[Tag] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    arguments: list[Argument] = field(default_factory=list)
    rebuttals: list[Rebuttal] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap.empty, compare=False, repr=False)
    """Where each value came from: the file and 1-based line and column."""

    def with_source_map(self, source_map: SourceMap) -> Corpus:
        """Attach the positions recorded by the loader (returns ``self``)."""
        object.__setattr__(self, "source_map", source_map)  # not a field's value
        return self
