"""Who agrees with whom, row by row and speaker by speaker: ``argmap agreements``,
``argmap matrix --agreements``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.corpus import Agreement
from argmap.index import Index
from argmap.queries.common import _voices_of
from argmap.vocabulary import Basis


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """An agreement with both claims resolved. JSON: docs/queries.md#agreements."""

    id: str
    claims: tuple[str, str]
    speakers: tuple[str | None, str | None]
    speaker_names: tuple[str | None, str | None]
    sources: tuple[str | None, str | None]
    texts: tuple[str | None, str | None]
    basis: Basis
    note: str | None
    cross_source: bool
    """The two claims come from different sources."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claims": list(self.claims),
            "speakers": list(self.speakers),
            "speaker_names": list(self.speaker_names),
            "sources": list(self.sources),
            "texts": list(self.texts),
            "basis": self.basis.value,
            "note": self.note,
            "cross_source": self.cross_source,
        }


AGREEMENT_FIELDS: tuple[str, ...] = (
    "id",
    "claims",
    "speakers",
    "speaker_names",
    "sources",
    "texts",
    "basis",
    "note",
    "cross_source",
)
"""The keys of :meth:`AgreementRow.as_dict`, in order: a CSV header even when no row matches."""


def agreement_row(index: Index, agreement: Agreement) -> AgreementRow:
    first, second = (index.claims.get(c) for c in agreement.claims)
    return AgreementRow(
        id=agreement.id,
        claims=(agreement.claims[0], agreement.claims[1]),
        speakers=(first.speaker if first else None, second.speaker if second else None),
        speaker_names=(
            index.display_name(first.speaker) if first else None,
            index.display_name(second.speaker) if second else None,
        ),
        sources=(first.source if first else None, second.source if second else None),
        texts=(first.text if first else None, second.text if second else None),
        basis=agreement.basis,
        note=agreement.note,
        cross_source=bool(first and second and first.source != second.source),
    )


@dataclass(frozen=True, slots=True)
class AgreementFilter:
    """Which agreements ``find_agreements`` keeps. Each field narrows; empty lets all pass."""

    people: tuple[str, ...] = ()
    """Person ids, on either side; a person also matches their groups' claims."""
    sources: tuple[str, ...] = ()
    """Either claim from one of these sources."""
    tags: tuple[str, ...] = ()
    """Either claim carries one of these tags."""
    basis: Basis | None = None
    cross_source: bool = False


def find_agreements(index: Index, options: AgreementFilter | None = None) -> list[AgreementRow]:
    """Agreements that pass ``options``, in the file's order."""
    options = options or AgreementFilter()
    speakers = _voices_of(index, options.people) if options.people else None
    sources, tags = set(options.sources), set(options.tags)
    rows = []
    for agreement in index.corpus.agreements:
        if index.agreements.get(agreement.id) is not agreement:
            continue  # a duplicated id: the first definition counts
        if options.basis is not None and agreement.basis is not options.basis:
            continue
        claims = [index.claims[c] for c in agreement.claims if c in index.claims]
        if speakers is not None and not any(c.speaker in speakers for c in claims):
            continue
        if sources and not any(c.source in sources for c in claims):
            continue
        if tags and not any(tags.intersection(c.tags) for c in claims):
            continue
        row = agreement_row(index, agreement)
        if options.cross_source and not row.cross_source:
            continue
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class AgreementPair:
    """How often two speakers agree (unordered). JSON: docs/queries.md#who-agrees-with-whom."""

    speakers: tuple[str, str]
    speaker_names: tuple[str, str]
    explicit: int
    inferred: int
    agreements: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.explicit + self.inferred

    def as_dict(self) -> dict[str, Any]:
        return {
            "speakers": list(self.speakers),
            "speaker_names": list(self.speaker_names),
            "total": self.total,
            "explicit": self.explicit,
            "inferred": self.inferred,
            "agreements": list(self.agreements),
        }


AGREEMENT_PAIR_FIELDS: tuple[str, ...] = (
    "speakers",
    "speaker_names",
    "total",
    "explicit",
    "inferred",
    "agreements",
)
"""The keys of :meth:`AgreementPair.as_dict`, in order: a CSV header even when no row matches."""


def who_agrees_with_whom(
    index: Index, options: AgreementFilter | None = None
) -> list[AgreementPair]:
    """Speaker pairs with their agreements, each pair once, most agreements first."""
    grouped: dict[tuple[str, str], list[AgreementRow]] = {}
    for row in find_agreements(index, options):
        first, second = row.speakers
        if first is None or second is None:
            continue
        a, b = sorted((first, second), key=lambda s: (index.display_name(s).casefold(), s))
        grouped.setdefault((a, b), []).append(row)
    pairs = [
        AgreementPair(
            speakers=(a, b),
            speaker_names=(index.display_name(a), index.display_name(b)),
            explicit=sum(r.basis is Basis.EXPLICIT for r in rows),
            inferred=sum(r.basis is Basis.INFERRED for r in rows),
            agreements=tuple(r.id for r in rows),
        )
        for (a, b), rows in grouped.items()
    ]
    pairs.sort(key=lambda p: (-p.total, p.speaker_names[0].casefold(), p.speaker_names[1]))
    return pairs


@dataclass(frozen=True, slots=True)
class AgreementMatrix:
    """A symmetric who-agrees-with-whom table: ``speakers[i]`` labels row and column i."""

    speakers: tuple[tuple[str, str], ...]
    """(id, name), most agreements first."""
    cells: dict[tuple[str, str], AgreementPair] = field(default_factory=dict)
    """Both (a, b) and (b, a) -> the pair's counts; absent means none."""
    totals: dict[str, int] = field(default_factory=dict)
    """Speaker -> agreements they take part in (a pair of their own counts once)."""

    @property
    def symmetric(self) -> bool:
        """Always: (a, b) and (b, a) are the same pair."""
        return True


def agreement_matrix(pairs: Sequence[AgreementPair]) -> AgreementMatrix:
    """Arrange pairs as a symmetric matrix over every speaker who agrees with someone."""
    totals: Counter[str] = Counter()
    names: dict[str, str] = {}
    cells: dict[tuple[str, str], AgreementPair] = {}
    for pair in pairs:
        a, b = pair.speakers
        names[a], names[b] = pair.speaker_names
        totals[a] += pair.total
        if b != a:
            totals[b] += pair.total
        cells[(a, b)] = cells[(b, a)] = pair
    order = sorted(totals, key=lambda s: (-totals[s], names[s].casefold(), s))
    return AgreementMatrix(tuple((s, names[s]) for s in order), cells, dict(totals))
