"""Agreements, questions and stances in every export format.

On tests/fixtures/rules/pass-debate.yaml: one agreement (needs-japan =
critic-needs-japan, inferred), one question (card-question) with a con
(no-card) and an inferred pro (needs-japan).
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from argmap.export import aif, argdown, graphml
from argmap.export import csv as csv_export
from argmap.export import json as json_export
from argmap.formats import CsvTable, Relations
from argmap.index import Index
from argmap.loading import load
from argmap.subset import Selection, Subset, select
from tests.conftest import RULES

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture(scope="module")
def debate() -> Subset:
    return select(Index.build(load(RULES / "pass-debate.yaml")), Selection())


def test_json_carries_agreements_questions_and_stances(debate: Subset) -> None:
    doc = json_export.document(debate)
    assert doc["agreements"] == [
        {
            "id": "analysts-agree-with-critic",
            "claims": ["needs-japan", "critic-needs-japan"],
            "basis": "inferred",
            "note": "Both say Moscow looks to Tokyo to balance Beijing.",
            "speakers": ["some-analysts", "cy-critic"],
        }
    ]
    [question] = doc["questions"]
    assert question["stances"] == ["ann-on-card", "analysts-on-card"]
    assert [(s["claim"], s["stance"], s["speaker"]) for s in doc["stances"]] == [
        ("no-card", "con", "ann-author"),
        ("needs-japan", "pro", "some-analysts"),
    ]
    claims = {c["id"]: c for c in doc["claims"]}
    assert claims["needs-japan"]["agreements"] == ["analysts-agree-with-critic"]
    assert claims["needs-japan"]["stances"] == ["analysts-on-card"]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_an_agreements_and_a_stances_table(debate: Subset) -> None:
    [agreement] = _rows(csv_export.export(debate, CsvTable.AGREEMENTS))
    assert (agreement["claim_a"], agreement["claim_b"], agreement["speaker_b"]) == (
        "needs-japan",
        "critic-needs-japan",
        "cy-critic",
    )
    stances = _rows(csv_export.export(debate, CsvTable.STANCES))
    assert [(s["claim"], s["stance"], s["basis"]) for s in stances] == [
        ("no-card", "con", "explicit"),
        ("needs-japan", "pro", "inferred"),
    ]
    assert stances[0]["question_text"] == "Can Japan play a Russia card against China?"
    relations = _rows(csv_export.export(debate, CsvTable.RELATIONS))
    assert [r["type"] for r in relations if r["relation_id"] == "analysts-agree-with-critic"] == [
        "agree"
    ]


def test_graphml_has_question_nodes_and_agree_and_stance_edges(debate: Subset) -> None:
    root = ET.fromstring(graphml.export(debate))
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}
    nodes = {
        n.get("id"): {
            keys[d.get("key")]: d.text for d in n.findall("g:data", NS) if d.get("key") in keys
        }
        for n in root.iter(f"{{{NS['g']}}}node")
    }
    assert nodes["card-question"]["kind"] == "question"
    edges = [
        (
            e.get("source"),
            e.get("target"),
            next(d.text for d in e.findall("g:data", NS) if keys.get(d.get("key")) == "relation"),
        )
        for e in root.iter(f"{{{NS['g']}}}edge")
    ]
    assert ("needs-japan", "critic-needs-japan", "agree") in edges
    assert ("no-card", "card-question", "con") in edges
    assert ("needs-japan", "card-question", "pro") in edges
    ids = set(nodes)
    assert all(source in ids and target in ids for source, target, _ in edges)


def test_aif_writes_an_ma_node_per_agreement_and_no_question(debate: Subset) -> None:
    doc = aif.document(debate)
    ma = [n for n in doc["nodes"] if n["type"] == "MA"]
    assert [n["text"] for n in ma] == ["Default Rephrase"]
    [into] = [e for e in doc["edges"] if e["toID"] == ma[0]["nodeID"]]
    [out] = [e for e in doc["edges"] if e["fromID"] == ma[0]["nodeID"]]
    names = doc["argmap"]["ids"]
    assert (names[into["fromID"]], names[out["toID"]]) == ("needs-japan", "critic-needs-japan")
    assert names[ma[0]["nodeID"]] == "analysts-agree-with-critic"
    assert not any("Russia card against China?" in n["text"] for n in doc["nodes"])


def test_argdown_writes_mutual_support_and_question_statements(debate: Subset) -> None:
    source = argdown.export(debate)
    tail = source[source.index("# Agreements and questions") :]
    assert tail.splitlines()[2:8] == [
        "// agreement analysts-agree-with-critic (inferred): Both say Moscow looks to Tokyo "
        "to balance Beijing.",
        "[needs-japan]",
        "    +> [critic-needs-japan]",
        "",
        "[critic-needs-japan]",
        "    +> [needs-japan]",
    ]
    assert "[card-question]: Can Japan play a Russia card against China? #question" in tail
    assert tail.rstrip().endswith("    <- [no-card]\n    <+ [needs-japan]  // inferred")


def test_a_corpus_without_them_exports_as_before(debate: Subset) -> None:
    plain = select(Index.build(load(RULES / "pass.yaml")), Selection())
    assert "# Agreements and questions" not in argdown.export(plain)
    assert json.loads(json_export.export(plain))["agreements"] == []


def test_an_argdown_section_of_agreements_alone_is_titled_for_them() -> None:
    index = Index.build(load(RULES / "pass-debate.yaml"))
    source = argdown.export(select(index, Selection(relations=Relations.AGREE)))
    assert "\n# Agreements\n" in source
    assert "question" not in source.lower()
