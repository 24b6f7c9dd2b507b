"""Objections nobody has answered: ``argmap unanswered``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from argmap.index import Index
from argmap.queries.rebuttals import RebuttalFilter, find_rebuttals
from argmap.queries.rows import RebuttalRow


def unanswered(index: Index, options: RebuttalFilter | None = None) -> list[RebuttalRow]:
    """Objections nothing rebuts in turn, grouped by target speaker.

    A rebuttal is answered when its attacking claim is itself attacked: rebutted,
    or undercut in an argument that supports it. Target speakers with the most
    unanswered objections come first; within one speaker, the file's order.
    """
    rows = [r for r in find_rebuttals(index, options) if not r.answered_by]
    per_speaker = Counter(r.target_speaker_name or "" for r in rows)
    return sorted(
        rows, key=lambda r: (-per_speaker[r.target_speaker_name or ""], r.target_speaker_name or "")
    )


@dataclass(frozen=True, slots=True)
class UnansweredCount:
    """Per target speaker: objections made to them, and how many nothing answers."""

    target_speaker: str
    target_speaker_name: str
    objections: int
    unanswered: int
    rebuttals: tuple[str, ...]
    """The unanswered ones."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "target_speaker": self.target_speaker,
            "target_speaker_name": self.target_speaker_name,
            "objections": self.objections,
            "unanswered": self.unanswered,
            "answered": self.objections - self.unanswered,
            "rebuttals": list(self.rebuttals),
        }


def unanswered_counts(index: Index, options: RebuttalFilter | None = None) -> list[UnansweredCount]:
    """For each speaker who is rebutted: objections, and how many go unanswered."""
    rows = find_rebuttals(index, options)
    grouped: dict[str, list[RebuttalRow]] = {}
    for row in rows:
        if row.target_speaker is not None:
            grouped.setdefault(row.target_speaker, []).append(row)
    counts = [
        UnansweredCount(
            target_speaker=speaker,
            target_speaker_name=index.display_name(speaker),
            objections=len(members),
            unanswered=sum(not r.answered_by for r in members),
            rebuttals=tuple(r.id for r in members if not r.answered_by),
        )
        for speaker, members in grouped.items()
    ]
    counts.sort(key=lambda c: (-c.unanswered, -c.objections, c.target_speaker_name.casefold()))
    return counts
