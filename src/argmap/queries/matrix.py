"""Who rebuts whom, speaker by speaker: ``argmap matrix``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.index import Index
from argmap.queries.rebuttals import RebuttalFilter, find_rebuttals
from argmap.queries.rows import RebuttalRow
from argmap.vocabulary import Basis, RebuttalKind


@dataclass(frozen=True, slots=True)
class SpeakerPair:
    """How often one speaker rebuts another. JSON: docs/queries.md#who-rebuts-whom."""

    by_speaker: str
    by_speaker_name: str
    target_speaker: str
    target_speaker_name: str
    explicit: int
    inferred: int
    rebut: int
    undercut: int
    rebuttals: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.explicit + self.inferred

    def as_dict(self) -> dict[str, Any]:
        return {
            "by_speaker": self.by_speaker,
            "by_speaker_name": self.by_speaker_name,
            "target_speaker": self.target_speaker,
            "target_speaker_name": self.target_speaker_name,
            "total": self.total,
            "explicit": self.explicit,
            "inferred": self.inferred,
            "rebut": self.rebut,
            "undercut": self.undercut,
            "rebuttals": list(self.rebuttals),
        }


PAIR_FIELDS: tuple[str, ...] = (
    "by_speaker",
    "by_speaker_name",
    "target_speaker",
    "target_speaker_name",
    "total",
    "explicit",
    "inferred",
    "rebut",
    "undercut",
    "rebuttals",
)
"""The keys of :meth:`SpeakerPair.as_dict`, in order: a CSV header even when no row matches."""


def _pairs(index: Index, rows: Iterable[RebuttalRow]) -> list[SpeakerPair]:
    grouped: dict[tuple[str, str], list[RebuttalRow]] = {}
    for row in rows:
        if row.by_speaker is None or row.target_speaker is None:
            continue
        grouped.setdefault((row.by_speaker, row.target_speaker), []).append(row)
    pairs = []
    for (by, target), members in grouped.items():
        pairs.append(
            SpeakerPair(
                by_speaker=by,
                by_speaker_name=index.display_name(by),
                target_speaker=target,
                target_speaker_name=index.display_name(target),
                explicit=sum(r.basis is Basis.EXPLICIT for r in members),
                inferred=sum(r.basis is Basis.INFERRED for r in members),
                rebut=sum(r.kind is RebuttalKind.REBUT for r in members),
                undercut=sum(r.kind is RebuttalKind.UNDERCUT for r in members),
                rebuttals=tuple(r.id for r in members),
            )
        )
    pairs.sort(key=lambda p: (-p.total, p.by_speaker_name.casefold(), p.target_speaker_name))
    return pairs


def who_rebuts_whom(index: Index, options: RebuttalFilter | None = None) -> list[SpeakerPair]:
    """Speaker x speaker counts of the rebuttals that pass ``options``, most first."""
    return _pairs(index, find_rebuttals(index, options))


@dataclass(frozen=True, slots=True)
class Matrix:
    """A square who-rebuts-whom table: ``speakers[i]`` labels row i and column i."""

    speakers: tuple[tuple[str, str], ...]
    """(id, name), most involved first."""
    cells: dict[tuple[str, str], SpeakerPair] = field(default_factory=dict)
    """(by_speaker, target_speaker) -> counts; absent means none."""
    _made: Counter[str] = field(default_factory=Counter, init=False, repr=False, compare=False)
    _received: Counter[str] = field(default_factory=Counter, init=False, repr=False, compare=False)

    @property
    def symmetric(self) -> bool:
        """Never: (a, b) is who rebuts whom, (b, a) the other way."""
        return False

    def __post_init__(self) -> None:
        # Totals per speaker, summed once: a lookup per speaker, not a scan of every cell.
        for (by, target), pair in self.cells.items():
            self._made[by] += pair.total
            self._received[target] += pair.total

    def made(self, speaker: str) -> int:
        """Rebuttals ``speaker`` makes, against anyone."""
        return self._made[speaker]

    def received(self, speaker: str) -> int:
        """Rebuttals made against ``speaker``."""
        return self._received[speaker]


def rebuttal_matrix(pairs: Sequence[SpeakerPair]) -> Matrix:
    """Arrange pairs as a square matrix over every speaker who rebuts or is rebutted.

    Speakers are ordered by rebuttals made plus received, then by name.
    """
    involvement: Counter[str] = Counter()
    names: dict[str, str] = {}
    for pair in pairs:
        involvement[pair.by_speaker] += pair.total
        involvement[pair.target_speaker] += pair.total
        names[pair.by_speaker] = pair.by_speaker_name
        names[pair.target_speaker] = pair.target_speaker_name
    order = sorted(involvement, key=lambda s: (-involvement[s], names[s].casefold(), s))
    return Matrix(
        speakers=tuple((s, names[s]) for s in order),
        cells={(p.by_speaker, p.target_speaker): p for p in pairs},
    )
