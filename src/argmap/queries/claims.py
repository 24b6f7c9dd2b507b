"""Claims by author, source, tag, role or text: ``argmap claims``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.corpus import Claim
from argmap.index import Index
from argmap.queries.common import _fold, _Reporters, _voices_of, claim_roles
from argmap.queries.rows import ClaimRow, claim_row
from argmap.vocabulary import ClaimRole


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims ``find_claims`` keeps. Each field narrows; an empty one lets all pass.

    Several values in one field are alternatives (any of them); different fields
    must all hold.
    """

    authors: tuple[str, ...] = ()
    """Person ids; a person also matches the claims of groups they are a member of."""
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    central: bool = False
    """Only the claims marked ``central``."""
    grep: str | None = None
    """Text to find in the claim's text or quote, ignoring case and curly quotes."""
    roles: tuple[ClaimRole, ...] = ()


def find_claims(index: Index, options: ClaimFilter | None = None) -> list[ClaimRow]:
    """Claims that pass ``options``, in the file's order (reading order per source)."""
    options = options or ClaimFilter()
    pool: Sequence[Claim]
    if options.authors:
        speakers = _voices_of(index, options.authors)
        pool = _in_file_order(index, (index.claims_by_speaker.get(s, []) for s in speakers))
    elif options.sources:
        pool = _in_file_order(index, (index.claims_by_source.get(s, []) for s in options.sources))
    elif options.tags:
        pool = _in_file_order(index, (index.claims_by_tag.get(t, []) for t in options.tags))
    else:
        pool = index.corpus.claims
    sources = set(options.sources)
    tags = set(options.tags)
    roles = set(options.roles)
    needle = _fold(options.grep) if options.grep else None
    reporters = _Reporters(index)
    rows: list[ClaimRow] = []
    seen: set[str] = set()
    for claim in pool:
        if claim.id in seen or index.claims.get(claim.id) is not claim:
            continue  # a duplicated id: the first definition is the claim
        seen.add(claim.id)
        if sources and claim.source not in sources:
            continue
        if tags and tags.isdisjoint(claim.tags):
            continue
        if options.central and not claim.central:
            continue
        if needle is not None and needle not in _fold(f"{claim.text}\n{claim.quote or ''}"):
            continue
        if roles and roles.isdisjoint(claim_roles(index, claim.id)):
            continue
        rows.append(claim_row(index, claim, reporters))
    return rows


def _in_file_order(index: Index, lists: Iterable[list[Claim]]) -> list[Claim]:
    """Claims from several index lists, once each, in the file's order."""
    merged = {id(c): c for claims in lists for c in claims}
    return sorted(merged.values(), key=lambda c: index.by_id[c.id].row)
