"""Every person with what they claim and rebut: ``argmap people``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from argmap.corpus import Person
from argmap.index import Index

# -- people, sources, tags ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person with counts. JSON: see docs/queries.md#people."""

    id: str
    name: str
    kind: str
    affiliation: str | None
    description: str | None
    members: tuple[str, ...]
    groups: tuple[str, ...]
    claims: int
    """Claims in their own voice (not their groups')."""
    sources: tuple[str, ...]
    """Sources in which they speak, in file order."""
    rebuts: int
    """Rebuttals made by their claims."""
    rebutted: int
    """Rebuttals aimed at their claims."""
    agreements: int = 0
    """Agreements their claims take part in (given and received are one: agreement is
    symmetric)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "affiliation": self.affiliation,
            "description": self.description,
            "members": list(self.members),
            "groups": list(self.groups),
            "claims": self.claims,
            "sources": list(self.sources),
            "rebuts": self.rebuts,
            "rebutted": self.rebutted,
            "agreements": self.agreements,
        }


PERSON_FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "affiliation",
    "description",
    "members",
    "groups",
    "claims",
    "sources",
    "rebuts",
    "rebutted",
    "agreements",
)
"""The keys of :meth:`PersonRow.as_dict`, in order: a CSV header even when no row matches."""


def _person_row(index: Index, person: Person, received: Counter[str]) -> PersonRow:
    claims = index.claims_by_speaker.get(person.id, [])
    spoken_in = {c.source for c in claims}
    return PersonRow(
        id=person.id,
        name=person.name,
        kind=person.kind.value,
        affiliation=person.affiliation,
        description=person.description,
        members=tuple(person.members),
        groups=tuple(g.id for g in index.groups_of.get(person.id, ())),
        claims=len(claims),
        sources=tuple(s for s in index.sources if s in spoken_in),
        rebuts=sum(len(index.attacks_by.get(c.id, ())) for c in claims),
        rebutted=received[person.id],
        agreements=len({a.id for c in claims for a in index.agreements_of.get(c.id, ())}),
    )


def _received(index: Index) -> Counter[str]:
    received: Counter[str] = Counter()
    for rebuttal in index.rebuttals.values():
        target = index.target_speaker(rebuttal)
        if target is not None:
            received[target] += 1
    return received


def list_people(index: Index) -> list[PersonRow]:
    """Every person, in the file's order."""
    received = _received(index)
    return [_person_row(index, p, received) for p in index.people.values()]
