"""Every source with its counts: ``argmap sources``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.corpus import Source
from argmap.index import Index
from argmap.queries.common import source_labels


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source with counts. JSON: see docs/queries.md#sources."""

    id: str
    label: str
    """Author-year, as one cites it: ``Hyodo & Trenin 2019`` (see :func:`source_labels`)."""
    title: str
    outlet: str | None
    date: str | None
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    url: str | None
    claims: int
    speakers: tuple[str, ...]
    """Who speaks in it, in order of first claim."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "authors": list(self.authors),
            "editors": list(self.editors),
            "url": self.url,
            "claims": self.claims,
            "speakers": list(self.speakers),
        }


SOURCE_FIELDS: tuple[str, ...] = (
    "id",
    "label",
    "title",
    "outlet",
    "date",
    "authors",
    "editors",
    "url",
    "claims",
    "speakers",
)
"""The keys of :meth:`SourceRow.as_dict`, in order: a CSV header even when no row matches."""


def _source_row(index: Index, source: Source, labels: dict[str, str] | None = None) -> SourceRow:
    claims = index.claims_by_source.get(source.id, [])
    labels = labels if labels is not None else source_labels(index)
    return SourceRow(
        id=source.id,
        label=labels.get(source.id, source.id),
        title=source.title,
        outlet=source.outlet,
        date=source.date,
        authors=tuple(source.authors),
        editors=tuple(source.editors),
        url=source.url,
        claims=len(claims),
        speakers=tuple(dict.fromkeys(c.speaker for c in claims)),
    )


def list_sources(index: Index) -> list[SourceRow]:
    """Every source, in the file's order."""
    labels = source_labels(index)
    return [_source_row(index, s, labels) for s in index.sources.values()]
