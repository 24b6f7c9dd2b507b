"""The tag vocabulary with its use: ``argmap tags``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.index import Index


@dataclass(frozen=True, slots=True)
class TagRow:
    """A tag with its use. JSON: see docs/queries.md#tags."""

    id: str
    description: str | None
    """None for a tag claims use that the vocabulary does not declare."""
    claims: int

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "description": self.description, "claims": self.claims}


def list_tags(index: Index) -> list[TagRow]:
    """The declared tags in the file's order, then any undeclared tag claims use."""
    rows = [
        TagRow(t.id, t.description, len(index.claims_by_tag.get(t.id, ())))
        for t in index.tags.values()
    ]
    rows += [
        TagRow(tag, None, len(claims))
        for tag, claims in index.claims_by_tag.items()
        if tag not in index.tags and claims
    ]
    return rows
