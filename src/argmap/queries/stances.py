"""Who stands where on a question: ``argmap stances``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from argmap.corpus import Stance
from argmap.index import Index
from argmap.queries.common import _voices_of
from argmap.vocabulary import Basis, Side

Position = Literal["pro", "con", "mixed"]


@dataclass(frozen=True, slots=True)
class StanceRow:
    """A stance with its claim and question resolved. JSON: docs/queries.md#stances."""

    id: str
    question: str
    question_text: str | None
    claim: str
    speaker: str | None
    speaker_name: str | None
    source: str | None
    stance: Side
    basis: Basis
    text: str | None
    """The claim's text."""
    note: str | None
    position: Position | None
    """The speaker's position on the question over all their stances: ``mixed`` when
    they have claims on both sides."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "question_text": self.question_text,
            "claim": self.claim,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "source": self.source,
            "stance": self.stance.value,
            "basis": self.basis.value,
            "text": self.text,
            "note": self.note,
            "position": self.position,
        }


STANCE_FIELDS: tuple[str, ...] = (
    "id",
    "question",
    "question_text",
    "claim",
    "speaker",
    "speaker_name",
    "source",
    "stance",
    "basis",
    "text",
    "note",
    "position",
)
"""The keys of :meth:`StanceRow.as_dict`, in order: a CSV header even when no row matches."""


@dataclass(frozen=True, slots=True)
class StanceFilter:
    """Which stances ``find_stances`` keeps. Each field narrows; empty lets all pass."""

    questions: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    """Person ids; a person also matches their groups' claims."""
    sources: tuple[str, ...] = ()
    basis: Basis | None = None
    side: Side | None = None


def positions(index: Index, question_id: str) -> dict[str, Position]:
    """Each speaker's position on a question: pro, con, or mixed (claims on both sides)."""
    sides: dict[str, set[Side]] = {}
    for stance in index.stances_on.get(question_id, ()):
        speaker = index.speaker_of(stance.claim)
        if speaker is not None:
            sides.setdefault(speaker, set()).add(stance.stance)
    return {
        speaker: "mixed" if len(found) > 1 else next(iter(found)).value
        for speaker, found in sides.items()
    }


def stance_row(index: Index, stance: Stance, position: Position | None = None) -> StanceRow:
    claim = index.claims.get(stance.claim)
    question = index.questions.get(stance.question)
    return StanceRow(
        id=stance.id,
        question=stance.question,
        question_text=question.text if question else None,
        claim=stance.claim,
        speaker=claim.speaker if claim else None,
        speaker_name=index.display_name(claim.speaker) if claim else None,
        source=claim.source if claim else None,
        stance=stance.stance,
        basis=stance.basis,
        text=claim.text if claim else None,
        note=stance.note,
        position=position,
    )


def find_stances(index: Index, options: StanceFilter | None = None) -> list[StanceRow]:
    """Stances that pass ``options``: by question (file order), then grouped by speaker
    in order of first appearance, then the file's order."""
    options = options or StanceFilter()
    speakers = _voices_of(index, options.people) if options.people else None
    sources = set(options.sources)
    wanted = set(options.questions)
    rows: list[StanceRow] = []
    for question in index.corpus.questions:
        if wanted and question.id not in wanted:
            continue
        if index.questions.get(question.id) is not question:
            continue
        where = positions(index, question.id)
        by_speaker: dict[str | None, list[StanceRow]] = {}
        for stance in index.stances_on.get(question.id, ()):
            claim = index.claims.get(stance.claim)
            speaker = claim.speaker if claim else None
            if options.basis is not None and stance.basis is not options.basis:
                continue
            if options.side is not None and stance.stance is not options.side:
                continue
            if speakers is not None and speaker not in speakers:
                continue
            if sources and (claim is None or claim.source not in sources):
                continue
            row = stance_row(index, stance, where.get(speaker) if speaker else None)
            by_speaker.setdefault(speaker, []).append(row)
        for group in by_speaker.values():
            rows.extend(group)
    return rows
