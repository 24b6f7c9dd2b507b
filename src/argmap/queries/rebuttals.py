"""Who rebuts whom, row by row: ``argmap rebuttals``."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.index import Index
from argmap.queries.common import _voices_of
from argmap.queries.rows import RebuttalRow, rebuttal_row
from argmap.vocabulary import Basis, RebuttalKind


@dataclass(frozen=True, slots=True)
class RebuttalFilter:
    """Which rebuttals to keep. Each field narrows; several values in one are alternatives."""

    by: tuple[str, ...] = ()
    """Person ids of the attacking claim's speaker (groups of a member included)."""
    against: tuple[str, ...] = ()
    """Person ids of the attacked claim's speaker (of the conclusion, for an undercut)."""
    basis: Basis | None = None
    kind: RebuttalKind | None = None
    sources: tuple[str, ...] = ()
    """Source ids of either side: the attacking claim or the attacked one."""
    tags: tuple[str, ...] = ()
    """Tags of either side."""
    cross_source: bool = False
    """Only rebuttals whose two sides come from different sources."""


def _rebuttal_passes(index: Index, row: RebuttalRow, options: RebuttalFilter) -> bool:
    if options.basis is not None and row.basis is not options.basis:
        return False
    if options.kind is not None and row.kind is not options.kind:
        return False
    if options.by and row.by_speaker not in _voices_of(index, options.by):
        return False
    if options.against and row.target_speaker not in _voices_of(index, options.against):
        return False
    if options.sources and not ({row.by_source, row.target_source} & set(options.sources)):
        return False
    if options.tags:
        tags: set[str] = set()
        for claim_id in (row.by, row.target_claim):
            claim = index.claims.get(claim_id) if claim_id else None
            if claim is not None:
                tags.update(claim.tags)
        if tags.isdisjoint(options.tags):
            return False
    return not (options.cross_source and not row.cross_source)


def find_rebuttals(index: Index, options: RebuttalFilter | None = None) -> list[RebuttalRow]:
    """Rebuttals that pass ``options``, in the file's order."""
    options = options or RebuttalFilter()
    rows = []
    for rebuttal in index.rebuttals.values():
        row = rebuttal_row(index, rebuttal)
        if _rebuttal_passes(index, row, options):
            rows.append(row)
    return rows
