"""What a diagram or an export shows: argmap.subset on the export fixture."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from argmap.errors import LookupFailed
from argmap.formats import Relations
from argmap.index import Entity, Index
from argmap.loading import load
from argmap.subset import Selection, select
from tests.conftest import FIXTURES, RULES


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(load(FIXTURES / "export.yaml"))


def ids(items: Sequence[Entity]) -> list[str]:
    return [item.id for item in items]


def test_no_filter_returns_the_corpus_itself(index: Index) -> None:
    subset = select(index, Selection())
    assert subset.corpus is index.corpus
    assert subset.context == frozenset()


def test_an_author_keeps_their_claims_and_their_groups_and_the_relations_among_them(
    index: Index,
) -> None:
    subset = select(index, Selection(speakers=("ada-north",)))
    assert ids(subset.corpus.claims) == [
        "n-pipeline-pays",
        "n-demand-grows",
        "n-prices-stable",
        "ns-joint-caution",
    ]
    # The linked argument is whole; the forecast argument needs the ministry's claim.
    assert ids(subset.corpus.arguments) == ["a-pays-linked"]
    assert subset.corpus.rebuttals == []
    # People, sources and tags are pruned to what the claims refer to.
    assert ids(subset.corpus.people) == ["ada-north", "ben-south", "north-south"]
    assert ids(subset.corpus.sources) == ["north-south-2019"]
    assert ids(subset.corpus.tags) == ["energy", "trade"]


def test_two_authors_are_their_debate_with_the_relations_between_them(index: Index) -> None:
    subset = select(index, Selection(speakers=("ada-north", "ben-south")))
    assert "m-forecast" not in ids(subset.corpus.claims)
    assert ids(subset.corpus.rebuttals) == ["r-demand", "r-costs-pays"]
    assert ids(subset.corpus.arguments) == ["a-pays-linked", "a-caution-costs"]


def test_context_adds_the_claims_one_relation_away_and_flags_them(index: Index) -> None:
    subset = select(index, Selection(speakers=("ben-south",), context=True))
    assert subset.context == frozenset({"n-demand-grows", "n-pipeline-pays", "m-forecast"})
    assert ids(subset.corpus.rebuttals) == ["r-demand", "r-forecast-undercut", "r-costs-pays"]
    # The undercut argument comes along, or the undercut would dangle.
    assert "a-demand-forecast" in ids(subset.corpus.arguments)


def test_focus_walks_whole_arguments_so_none_is_cut_in_half(index: Index) -> None:
    subset = select(index, Selection(focus="n-prices-stable", depth=1))
    # One step from a premise reaches its co-premise and the conclusion.
    assert ids(subset.corpus.claims) == ["n-pipeline-pays", "n-demand-grows", "n-prices-stable"]
    assert ids(subset.corpus.arguments) == ["a-pays-linked"]


def test_focus_depth_zero_is_the_claim_alone(index: Index) -> None:
    subset = select(index, Selection(focus="n-pipeline-pays", depth=0))
    assert ids(subset.corpus.claims) == ["n-pipeline-pays"]


def test_focus_on_an_unknown_claim_is_a_lookup_failure(index: Index) -> None:
    with pytest.raises(LookupFailed):
        select(index, Selection(focus="no-such-claim"))


def test_relations_attack_keeps_rebuttals_and_the_arguments_undercuts_need(
    index: Index,
) -> None:
    subset = select(index, Selection(relations=Relations.ATTACK))
    assert ids(subset.corpus.rebuttals) == ["r-demand", "r-forecast-undercut", "r-costs-pays"]
    assert ids(subset.corpus.arguments) == ["a-demand-forecast"]
    assert "n-prices-stable" not in ids(subset.corpus.claims)


def test_relations_support_drops_rebuttals_and_unconnected_claims(index: Index) -> None:
    subset = select(index, Selection(relations=Relations.SUPPORT))
    assert subset.corpus.rebuttals == []
    assert "s-demand-falls" not in ids(subset.corpus.claims)
    assert len(subset.corpus.arguments) == 3


def test_filters_of_different_kinds_all_apply(index: Index) -> None:
    subset = select(index, Selection(speakers=("ben-south",), tags=("trade",)))
    assert ids(subset.corpus.claims) == ["s-memo-costs"]
    subset = select(index, Selection(sources=("south-memo", "north-south-2019"), tags=("trade",)))
    assert ids(subset.corpus.claims) == ["n-pipeline-pays", "n-prices-stable", "s-memo-costs"]


@pytest.fixture(scope="module")
def debate() -> Index:
    return Index.build(load(RULES / "pass-debate.yaml"))


def test_relations_agree_keeps_only_agreements_and_their_claims(debate: Index) -> None:
    subset = select(debate, Selection(relations=Relations.AGREE))
    assert ids(subset.corpus.agreements) == ["analysts-agree-with-critic"]
    assert ids(subset.corpus.claims) == ["needs-japan", "critic-needs-japan"]
    assert subset.corpus.arguments == [] and subset.corpus.rebuttals == []
    assert subset.corpus.stances == []


def test_relations_attack_or_support_drop_agreements(debate: Index) -> None:
    for relations in (Relations.ATTACK, Relations.SUPPORT):
        assert select(debate, Selection(relations=relations)).corpus.agreements == []


def test_an_agreement_is_one_step_from_a_focus(debate: Index) -> None:
    # The critic's claim is tied to the rest only by agreeing with the analysts.
    subset = select(debate, Selection(focus="critic-needs-japan", depth=1))
    assert ids(subset.corpus.claims) == ["needs-japan", "critic-needs-japan"]
    assert ids(subset.corpus.agreements) == ["analysts-agree-with-critic"]
    two = select(debate, Selection(focus="critic-needs-japan", depth=2))
    assert "baskets" in ids(two.corpus.claims)  # which rebuts the analysts


def test_context_brings_back_the_claim_a_kept_claim_agrees_with(debate: Index) -> None:
    subset = select(debate, Selection(speakers=("cy-critic",), context=True))
    assert ids(subset.corpus.claims) == ["needs-japan", "critic-needs-japan"]
    assert subset.context == frozenset({"needs-japan"})
    assert ids(subset.corpus.agreements) == ["analysts-agree-with-critic"]
