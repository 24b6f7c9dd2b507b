"""Questions an analyst asks of the corpus, answered from the :class:`~argmap.index.Index`.

Every function here is pure: it takes an index (built once per corpus) and
typed options, and returns rows or views as frozen dataclasses. Nothing here
prints or parses command-line text, and the queries take ids: the CLI
resolves ``-a trenin`` to ``dmitri-trenin`` with :mod:`argmap.resolve` first
(:func:`entity_id` does the same for any kind of entity, for ``show``). Each
row has ``as_dict()``, the stable JSON shape documented in ``docs/queries.md``.

The API at a glance::

    index = Index.build(load())
    find_claims(index, ClaimFilter(authors=("dmitri-trenin",)))   # -> list[ClaimRow]
    find_rebuttals(index, RebuttalFilter(against=("shinji-hyodo",)))  # -> list[RebuttalRow]
    who_rebuts_whom(index)                 # -> list[SpeakerPair], most rebuttals first
    rebuttal_matrix(who_rebuts_whom(index))    # -> Matrix, for a speaker x speaker table
    unanswered(index)                      # -> list[RebuttalRow] that nothing rebuts in turn
    unanswered_counts(index)               # -> list[UnansweredCount] per target speaker
    pro_con_tree(index, "some-claim", depth=3)  # -> TreeNode
    describe(index, "dmitri-trenin")       # -> PersonView (or ClaimView, SourceView, ...)
    list_people(index), list_sources(index), list_tags(index), stats(index)
    find_agreements(index, AgreementFilter(people=("shinji-hyodo",)))  # -> list[AgreementRow]
    agreement_matrix(who_agrees_with_whom(index))  # -> AgreementMatrix (symmetric)
    list_questions(index)                  # -> list[QuestionRow] with pro/con speakers
    find_stances(index, StanceFilter(questions=("russia-card",)))  # -> list[StanceRow]

Conventions shared by all of it:

* Order is the file's order (for claims, the reading order within each
  source) unless a function says otherwise; output is deterministic.
* A person stands for their own voice *and* the groups that list them as a
  member: claims or rebuttals of ``miller-walker`` count for
  ``joshua-walker``. A group stands for itself only (see :func:`voices`).
* Dangling references (reported by ``argmap check``) are skipped, never
  raised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.queries.agreements import (
        AgreementFilter,
        AgreementMatrix,
        AgreementPair,
        AgreementRow,
        agreement_matrix,
        agreement_row,
        find_agreements,
        who_agrees_with_whom,
    )
    from argmap.queries.claims import ClaimFilter, find_claims
    from argmap.queries.common import claim_roles, reported_by, source_labels, voices
    from argmap.queries.counts import (
        KIND_MEASURES,
        SOURCE_MEASURES,
        SPEAKER_MEASURES,
        StatRow,
        stats,
    )
    from argmap.queries.matrix import Matrix, SpeakerPair, rebuttal_matrix, who_rebuts_whom
    from argmap.queries.objections import UnansweredCount, unanswered, unanswered_counts
    from argmap.queries.people import PersonRow, list_people
    from argmap.queries.questions import QuestionRow, list_questions, question_row
    from argmap.queries.rebuttals import RebuttalFilter, find_rebuttals
    from argmap.queries.rows import ArgumentRow, ClaimRow, RebuttalRow, claim_row, rebuttal_row
    from argmap.queries.sources import SourceRow, list_sources
    from argmap.queries.stances import StanceFilter, StanceRow, find_stances, positions, stance_row
    from argmap.queries.tags import TagRow, list_tags
    from argmap.queries.tree import TreeNode, pro_con_tree
    from argmap.queries.views import (
        AgreementView,
        ArgumentView,
        ClaimView,
        PersonView,
        QuestionView,
        RebuttalView,
        SourceClaims,
        SourceView,
        StanceView,
        TagView,
        View,
        describe,
        entity_id,
    )

_LAZY: dict[str, str] = {
    "AgreementFilter": "argmap.queries.agreements",
    "AgreementMatrix": "argmap.queries.agreements",
    "AgreementPair": "argmap.queries.agreements",
    "AgreementRow": "argmap.queries.agreements",
    "agreement_matrix": "argmap.queries.agreements",
    "agreement_row": "argmap.queries.agreements",
    "find_agreements": "argmap.queries.agreements",
    "who_agrees_with_whom": "argmap.queries.agreements",
    "ClaimFilter": "argmap.queries.claims",
    "find_claims": "argmap.queries.claims",
    "claim_roles": "argmap.queries.common",
    "reported_by": "argmap.queries.common",
    "source_labels": "argmap.queries.common",
    "voices": "argmap.queries.common",
    "Matrix": "argmap.queries.matrix",
    "SpeakerPair": "argmap.queries.matrix",
    "rebuttal_matrix": "argmap.queries.matrix",
    "who_rebuts_whom": "argmap.queries.matrix",
    "PersonRow": "argmap.queries.people",
    "list_people": "argmap.queries.people",
    "QuestionRow": "argmap.queries.questions",
    "list_questions": "argmap.queries.questions",
    "question_row": "argmap.queries.questions",
    "RebuttalFilter": "argmap.queries.rebuttals",
    "find_rebuttals": "argmap.queries.rebuttals",
    "ArgumentRow": "argmap.queries.rows",
    "ClaimRow": "argmap.queries.rows",
    "RebuttalRow": "argmap.queries.rows",
    "claim_row": "argmap.queries.rows",
    "rebuttal_row": "argmap.queries.rows",
    "SourceRow": "argmap.queries.sources",
    "list_sources": "argmap.queries.sources",
    "StanceFilter": "argmap.queries.stances",
    "StanceRow": "argmap.queries.stances",
    "find_stances": "argmap.queries.stances",
    "positions": "argmap.queries.stances",
    "stance_row": "argmap.queries.stances",
    "KIND_MEASURES": "argmap.queries.counts",
    "SOURCE_MEASURES": "argmap.queries.counts",
    "SPEAKER_MEASURES": "argmap.queries.counts",
    "StatRow": "argmap.queries.counts",
    "stats": "argmap.queries.counts",
    "TagRow": "argmap.queries.tags",
    "list_tags": "argmap.queries.tags",
    "TreeNode": "argmap.queries.tree",
    "pro_con_tree": "argmap.queries.tree",
    "UnansweredCount": "argmap.queries.objections",
    "unanswered": "argmap.queries.objections",
    "unanswered_counts": "argmap.queries.objections",
    "AgreementView": "argmap.queries.views",
    "ArgumentView": "argmap.queries.views",
    "ClaimView": "argmap.queries.views",
    "PersonView": "argmap.queries.views",
    "QuestionView": "argmap.queries.views",
    "RebuttalView": "argmap.queries.views",
    "SourceClaims": "argmap.queries.views",
    "SourceView": "argmap.queries.views",
    "StanceView": "argmap.queries.views",
    "TagView": "argmap.queries.views",
    "View": "argmap.queries.views",
    "describe": "argmap.queries.views",
    "entity_id": "argmap.queries.views",
}
"""Each public name and the module that defines it: imported on first use, so that a
command pays only for the queries it runs."""


__all__ = [
    "KIND_MEASURES",
    "SOURCE_MEASURES",
    "SPEAKER_MEASURES",
    "AgreementFilter",
    "AgreementMatrix",
    "AgreementPair",
    "AgreementRow",
    "AgreementView",
    "ArgumentRow",
    "ArgumentView",
    "ClaimFilter",
    "ClaimRow",
    "ClaimView",
    "Matrix",
    "PersonRow",
    "PersonView",
    "QuestionRow",
    "QuestionView",
    "RebuttalFilter",
    "RebuttalRow",
    "RebuttalView",
    "SourceClaims",
    "SourceRow",
    "SourceView",
    "SpeakerPair",
    "StanceFilter",
    "StanceRow",
    "StanceView",
    "StatRow",
    "TagRow",
    "TagView",
    "TreeNode",
    "UnansweredCount",
    "View",
    "agreement_matrix",
    "agreement_row",
    "claim_roles",
    "claim_row",
    "describe",
    "entity_id",
    "find_agreements",
    "find_claims",
    "find_rebuttals",
    "find_stances",
    "list_people",
    "list_questions",
    "list_sources",
    "list_tags",
    "positions",
    "pro_con_tree",
    "question_row",
    "rebuttal_matrix",
    "rebuttal_row",
    "reported_by",
    "source_labels",
    "stance_row",
    "stats",
    "unanswered",
    "unanswered_counts",
    "voices",
    "who_agrees_with_whom",
    "who_rebuts_whom",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap.queries' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
