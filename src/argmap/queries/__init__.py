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
from argmap.queries.matrix import Matrix, SpeakerPair, rebuttal_matrix, who_rebuts_whom
from argmap.queries.people import PersonRow, list_people
from argmap.queries.questions import QuestionRow, list_questions, question_row
from argmap.queries.rebuttals import RebuttalFilter, find_rebuttals
from argmap.queries.rows import ArgumentRow, ClaimRow, RebuttalRow, claim_row, rebuttal_row
from argmap.queries.sources import SourceRow, list_sources
from argmap.queries.stances import StanceFilter, StanceRow, find_stances, positions, stance_row
from argmap.queries.stats import KIND_MEASURES, SOURCE_MEASURES, SPEAKER_MEASURES, StatRow, stats
from argmap.queries.tags import TagRow, list_tags
from argmap.queries.tree import TreeNode, pro_con_tree
from argmap.queries.unanswered import UnansweredCount, unanswered, unanswered_counts
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
