"""Agreements, questions and stances: the format, the index and their rules.

``tests/fixtures/rules/pass-debate.yaml`` is the base rule corpus with one
agreement, one question and two stances; it passes every rule.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import argmap
from argmap import Index
from argmap.vocabulary import ClaimRole, Side
from tests.conftest import RULE_TEXTS, RULES


def _codes(name: str) -> list[tuple[str, int | None]]:
    diagnostics = argmap.check(argmap.load(RULES / name), texts=RULE_TEXTS)
    return [(d.code, d.line) for d in diagnostics]


def test_the_debate_corpus_passes_every_rule() -> None:
    assert _codes("pass-debate.yaml") == []


def test_the_index_links_agreements_and_stances_both_ways() -> None:
    index = Index.build(argmap.load(RULES / "pass-debate.yaml"))
    [agreement] = index.agreements_of["needs-japan"]
    assert index.agreements_of["critic-needs-japan"] == [agreement]
    assert index.agreeing_with(agreement, "needs-japan") == "critic-needs-japan"
    assert index.agreeing_with(agreement, "critic-needs-japan") == "needs-japan"
    assert [s.id for s in index.stances_on["card-question"]] == ["ann-on-card", "analysts-on-card"]
    assert index.stances_of["no-card"][0].stance is Side.CON
    assert index.by_id["card-question"].kind == "question"


def test_agreeing_and_stance_taking_are_roles_of_a_claim() -> None:
    from argmap.queries import claim_roles

    index = Index.build(argmap.load(RULES / "pass-debate.yaml"))
    assert claim_roles(index, "critic-needs-japan") == (ClaimRole.AGREEING,)
    assert ClaimRole.STANCE in claim_roles(index, "no-card")


def test_an_empty_section_with_only_comments_is_an_empty_list() -> None:
    text = (RULES / "pass.yaml").read_text(encoding="utf-8")
    corpus = _load_text(text + "agreements:\n# none yet\nquestions:\nstances:\n")
    assert corpus.agreements == [] and corpus.questions == [] and corpus.stances == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("claims: [needs-japan]", None, "at least 2 items"),
        ("claims: [needs-japan, critic-needs-japan, no-card]", None, "at most 2 items"),
    ],
)
def test_an_agreement_joins_exactly_two_claims(field: str, value: None, message: str) -> None:
    text = (RULES / "pass-debate.yaml").read_text(encoding="utf-8")
    broken = text.replace("claims: [needs-japan, critic-needs-japan]", field)
    with pytest.raises(argmap.CorpusError, match=message):
        _load_text(broken)


def _load_text(text: str) -> argmap.Corpus:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.yaml"
        path.write_text(text, "utf-8")
        return argmap.load(path)


def test_a_stance_is_pro_or_con() -> None:
    text = (RULES / "pass-debate.yaml").read_text(encoding="utf-8")
    with pytest.raises(
        argmap.CorpusError, match=r"stances\[0\].*stance: Input should be 'pro' or 'con'"
    ):
        _load_text(text.replace("stance: con", "stance: against", 1))


def test_references_of_the_new_sections_must_resolve() -> None:
    text = (RULES / "pass-debate.yaml").read_text(encoding="utf-8")
    broken = (
        text.replace("claims: [needs-japan, critic-needs-japan]", "claims: [needs-japan, critic]")
        .replace("question: card-question\n  claim: no-card", "question: card\n  claim: no-card")
        .replace("posed_by: ann-author", "posed_by: ann")
    )
    index = Index.build(_load_text(broken))
    messages = [d.message for d in argmap.check(index.corpus) if d.code == "AM103"]
    assert messages == [
        "claim 'critic' is not a known claim",
        "posed_by 'ann' is not a known person",
        "question 'card' is not a known question",
    ]


def test_an_inferred_stance_or_agreement_needs_a_note() -> None:
    assert ("AM403", 88) in _codes("am403b_fail.yaml")
