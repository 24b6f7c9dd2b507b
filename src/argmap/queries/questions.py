"""Every question with its pro and con sides: ``argmap questions``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.corpus import Question
from argmap.index import Index
from argmap.queries.stances import positions
from argmap.vocabulary import Side


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """A question with its stances counted. JSON: docs/queries.md#questions."""

    id: str
    text: str
    source: str | None
    posed_by: str | None
    posed_by_name: str | None
    pro: int
    """Stances (claims) answering yes."""
    con: int
    pro_speakers: tuple[str, ...]
    """Speakers with at least one pro claim (a mixed speaker is on both sides)."""
    con_speakers: tuple[str, ...]
    mixed_speakers: tuple[str, ...]
    """Speakers with claims on both sides."""
    speaker_names: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "source": self.source,
            "posed_by": self.posed_by,
            "posed_by_name": self.posed_by_name,
            "pro": self.pro,
            "con": self.con,
            "pro_speakers": list(self.pro_speakers),
            "con_speakers": list(self.con_speakers),
            "mixed_speakers": list(self.mixed_speakers),
            "speaker_names": dict(self.speaker_names),
        }


QUESTION_FIELDS: tuple[str, ...] = (
    "id",
    "text",
    "source",
    "posed_by",
    "posed_by_name",
    "pro",
    "con",
    "pro_speakers",
    "con_speakers",
    "mixed_speakers",
    "speaker_names",
)
"""The keys of :meth:`QuestionRow.as_dict`, in order: a CSV header even when no row matches."""


def question_row(index: Index, question: Question) -> QuestionRow:
    stances = index.stances_on.get(question.id, [])
    sides: dict[Side, list[str]] = {Side.PRO: [], Side.CON: []}
    for stance in stances:
        speaker = index.speaker_of(stance.claim)
        if speaker is not None and speaker not in sides[stance.stance]:
            sides[stance.stance].append(speaker)
    where = positions(index, question.id)
    speakers = dict.fromkeys([*sides[Side.PRO], *sides[Side.CON]])
    return QuestionRow(
        id=question.id,
        text=question.text,
        source=question.source,
        posed_by=question.posed_by,
        posed_by_name=index.display_name(question.posed_by) if question.posed_by else None,
        pro=sum(s.stance is Side.PRO for s in stances),
        con=sum(s.stance is Side.CON for s in stances),
        pro_speakers=tuple(sides[Side.PRO]),
        con_speakers=tuple(sides[Side.CON]),
        mixed_speakers=tuple(s for s in speakers if where.get(s) == "mixed"),
        speaker_names={s: index.display_name(s) for s in speakers},
    )


def list_questions(index: Index) -> list[QuestionRow]:
    """Every question, in the file's order."""
    return [
        question_row(index, q) for q in index.corpus.questions if index.questions.get(q.id) is q
    ]
