"""An evaluation as rows and as the JSON document of ``argmap evaluate --format json``."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from argmap.evaluate import Evaluation
from argmap.index import Index


def claim_rows(
    evaluation: Evaluation,
    index: Index,
    *,
    central: bool = False,
    shown: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    """One row per claim (file order): ``id``, ``status``, ``label`` (grounded only),
    ``speaker``, ``central``, ``text`` and ``defeated_by`` (the reasons of a rejected
    claim). ``central`` keeps only the central claims, ``shown`` only these claims."""
    rows: list[dict[str, Any]] = []
    for claim_status in evaluation.claims:
        claim = index.claims[claim_status.id]
        if (central and not claim.central) or (shown is not None and claim.id not in shown):
            continue
        row: dict[str, Any] = {"id": claim.id, "status": claim_status.status.value}
        if claim_status.label is not None:
            row["label"] = claim_status.label.value
        row.update(
            speaker=claim.speaker,
            central=claim.central,
            text=claim.text,
            defeated_by=[reason.as_dict() for reason in claim_status.reasons],
        )
        rows.append(row)
    return rows


def document(
    evaluation: Evaluation,
    index: Index,
    *,
    central: bool = False,
    shown: Collection[str] | None = None,
) -> dict[str, Any]:
    """The JSON answer: ``semantics``, ``extensions`` and ``claims`` (docs/evaluate.md)."""
    return {
        "semantics": evaluation.semantics.value,
        "mapping": evaluation.framework.mapping.value,
        "extensions": None
        if evaluation.extensions is None
        else [list(extension) for extension in evaluation.extensions],
        "extension_count": evaluation.extension_count,
        "claims": claim_rows(evaluation, index, central=central, shown=shown),
    }
