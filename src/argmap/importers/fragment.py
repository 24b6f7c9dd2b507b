"""What one input file becomes: corpus entities as plain data, and what did not map.

An importer turns one parsed file into a :class:`Fragment`: the people,
source, claims, arguments, rebuttals, agreements, questions and stances it
yields, as the plain dictionaries a corpus file holds (keys in file order),
plus what it read and every element it could not map, with the reason.
:mod:`argmap.importers.merge` joins fragments into one corpus.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.positions import display_path

Entity = dict[str, Any]
"""One entity as a corpus file writes it: ``{"id": ..., ...}``, keys in file order."""


class ImportFailed(ArgmapError):
    """An input file cannot be imported at all (not the format, or broken)."""

    def __init__(self, path: Path, message: str, element: str | None = None) -> None:
        self.path = path
        self.element = element
        self.message = message
        where = display_path(path)
        if element is not None:
            where += f": {element}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Unmapped:
    """One element of an input that has no place in the corpus, and why."""

    path: Path
    element: str
    """The element's id in its file (an AIF nodeID, an arggraph edge id, an Argdown title)."""
    kind: str
    """What the element is, e.g. ``TA node`` or ``und edge``."""
    reason: str
    """Why it was not mapped; elements that share a reason are grouped in the summary."""


@dataclass(frozen=True, slots=True)
class Merged:
    """One element of an input that repeats an entity already written, so adds nothing."""

    path: Path
    element: str
    """The element's id in its file (an AIF nodeID)."""
    kind: str
    """What the element is, e.g. ``RA node``."""
    into: str
    """The id of the entity it repeats."""
    reason: str
    """What makes the two the same, e.g. ``same premises and conclusion``."""


@dataclass(slots=True)
class Fragment:
    """What one input file becomes."""

    path: Path
    source: Entity
    people: list[Entity] = field(default_factory=list)
    tags: list[Entity] = field(default_factory=list)
    questions: list[Entity] = field(default_factory=list)
    claims: list[Entity] = field(default_factory=list)
    arguments: list[Entity] = field(default_factory=list)
    rebuttals: list[Entity] = field(default_factory=list)
    agreements: list[Entity] = field(default_factory=list)
    stances: list[Entity] = field(default_factory=list)
    text: bytes | None = None
    """The source's full text (for ``--texts-out``), when the input has one."""
    read: Counter[str] = field(default_factory=Counter)
    """What was read, by element type (``I node``, ``I→RA edge``, ``reb edge`` ...)."""
    unmapped: list[Unmapped] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    """Elements that repeat an entity already written, merged into it."""
    _person_ids: set[str] = field(default_factory=set, repr=False)

    def skip(self, element: str, kind: str, reason: str) -> None:
        """Record an element that has no place in the corpus."""
        self.unmapped.append(Unmapped(self.path, element, kind, reason))

    def merge(self, element: str, kind: str, into: str, reason: str) -> None:
        """Record an element that repeats the entity ``into`` (so it is not written again)."""
        self.merged.append(Merged(self.path, element, kind, into, reason))

    def person(self, person: Entity) -> str:
        """Add a person unless one of that id is already here; return the id."""
        person_id = str(person["id"])
        if person_id not in self._person_ids:
            self._person_ids.add(person_id)
            self.people.append(person)
        return person_id


@dataclass(frozen=True, slots=True)
class Context:
    """What an importer needs besides the parsed file."""

    path: Path
    source_id: str
    """The id the file's source gets, unique among the files of one import; entity ids
    of the file start with it."""
    speaker: str | None = None
    """``--speaker``: the name of the person to credit when the input names nobody."""
