"""The row types several questions share: a claim, a rebuttal, an argument."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from argmap.corpus import Argument, Claim, Rebuttal
from argmap.index import Index
from argmap.queries.common import _Reporters, _undercut_on_support, claim_roles
from argmap.vocabulary import Basis, ClaimRole, RebuttalKind


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with its speaker resolved. JSON: see docs/queries.md#claim-rows."""

    id: str
    source: str
    speaker: str
    speaker_name: str
    reported: bool
    reported_by: tuple[str, ...]
    """Through whom reported speech reaches us (see :func:`reported_by`); empty otherwise."""
    central: bool
    text: str
    quote: str | None
    tags: tuple[str, ...]
    roles: tuple[ClaimRole, ...]
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "reported": self.reported,
            "reported_by": list(self.reported_by),
            "central": self.central,
            "text": self.text,
            "quote": self.quote,
            "tags": list(self.tags),
            "roles": [r.value for r in self.roles],
            "note": self.note,
        }


CLAIM_FIELDS: tuple[str, ...] = (
    "id",
    "source",
    "speaker",
    "speaker_name",
    "reported",
    "reported_by",
    "central",
    "text",
    "quote",
    "tags",
    "roles",
    "note",
)
"""The keys of :meth:`ClaimRow.as_dict`, in order: a CSV header even when no row matches."""


def claim_row(index: Index, claim: Claim, reporters: _Reporters | None = None) -> ClaimRow:
    """A claim as a row. (``reporters`` shares work across many rows of one index.)"""
    return ClaimRow(
        id=claim.id,
        source=claim.source,
        speaker=claim.speaker,
        speaker_name=index.display_name(claim.speaker),
        reported=claim.reported,
        reported_by=(reporters or _Reporters(index)).of(claim),
        central=claim.central,
        text=claim.text,
        quote=claim.quote,
        tags=tuple(claim.tags),
        roles=claim_roles(index, claim.id),
        note=claim.note,
    )


@dataclass(frozen=True, slots=True)
class RebuttalRow:
    """A rebuttal with both sides resolved. JSON: see docs/queries.md#rebuttal-rows."""

    id: str
    kind: RebuttalKind
    basis: Basis
    by: str
    """The attacking claim."""
    by_speaker: str | None
    by_speaker_name: str | None
    by_source: str | None
    by_text: str | None
    target: str
    """The attacked claim (rebut) or argument (undercut)."""
    target_type: Literal["claim", "argument"] | None
    target_claim: str | None
    """The attacked claim, or the conclusion of the undercut argument."""
    target_speaker: str | None
    target_speaker_name: str | None
    target_source: str | None
    target_text: str | None
    """The text of ``target_claim``."""
    note: str | None
    cross_source: bool
    """Attacker and target come from different sources: an echo across pieces."""
    answered_by: tuple[str, ...]
    """Rebuttals that attack the attacking claim in turn (or undercut its support)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "basis": self.basis.value,
            "by": self.by,
            "by_speaker": self.by_speaker,
            "by_speaker_name": self.by_speaker_name,
            "by_source": self.by_source,
            "by_text": self.by_text,
            "target": self.target,
            "target_type": self.target_type,
            "target_claim": self.target_claim,
            "target_speaker": self.target_speaker,
            "target_speaker_name": self.target_speaker_name,
            "target_source": self.target_source,
            "target_text": self.target_text,
            "note": self.note,
            "cross_source": self.cross_source,
            "answered_by": list(self.answered_by),
        }


REBUTTAL_FIELDS: tuple[str, ...] = (
    "id",
    "kind",
    "basis",
    "by",
    "by_speaker",
    "by_speaker_name",
    "by_source",
    "by_text",
    "target",
    "target_type",
    "target_claim",
    "target_speaker",
    "target_speaker_name",
    "target_source",
    "target_text",
    "note",
    "cross_source",
    "answered_by",
)
"""The keys of :meth:`RebuttalRow.as_dict`, in order: a CSV header even when no row matches."""


def rebuttal_row(index: Index, rebuttal: Rebuttal) -> RebuttalRow:
    attacker = index.claims.get(rebuttal.by)
    target_type: Literal["claim", "argument"] | None = None
    if rebuttal.target in index.claims:
        target_type = "claim"
    elif rebuttal.target in index.arguments:
        target_type = "argument"
    target_claim_id = index.target_claim(rebuttal)
    target = index.claims.get(target_claim_id) if target_claim_id else None
    answers = [*index.attacks_on.get(rebuttal.by, ()), *_undercut_on_support(index, rebuttal.by)]
    return RebuttalRow(
        id=rebuttal.id,
        kind=rebuttal.kind,
        basis=rebuttal.basis,
        by=rebuttal.by,
        by_speaker=attacker.speaker if attacker else None,
        by_speaker_name=index.display_name(attacker.speaker) if attacker else None,
        by_source=attacker.source if attacker else None,
        by_text=attacker.text if attacker else None,
        target=rebuttal.target,
        target_type=target_type,
        target_claim=target_claim_id,
        target_speaker=target.speaker if target else None,
        target_speaker_name=index.display_name(target.speaker) if target else None,
        target_source=target.source if target else None,
        target_text=target.text if target else None,
        note=rebuttal.note,
        cross_source=bool(attacker and target and attacker.source != target.source),
        answered_by=tuple(dict.fromkeys(r.id for r in answers)),
    )


@dataclass(frozen=True, slots=True)
class ArgumentRow:
    """An argument. JSON: see docs/queries.md#show."""

    id: str
    conclusion: str
    premises: tuple[str, ...]
    basis: Basis
    scheme: str | None
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "conclusion": self.conclusion,
            "premises": list(self.premises),
            "basis": self.basis.value,
            "scheme": self.scheme,
            "note": self.note,
        }


def _argument_row(argument: Argument) -> ArgumentRow:
    return ArgumentRow(
        argument.id,
        argument.conclusion,
        tuple(argument.premises),
        argument.basis,
        argument.scheme,
        argument.note,
    )
