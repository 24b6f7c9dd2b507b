"""Every export format against its golden file, and parsed back to check its shape.

The golden files in tests/golden/ are what each format writes for
tests/fixtures/export.yaml. After a deliberate change to a format,
regenerate them and review the diff::

    ARGMAP_UPDATE_GOLDEN=1 pytest tests/test_export_formats.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.export import aif, argdown, graphml, mermaid
from argmap.export import csv as csv_export
from argmap.export import json as json_export
from argmap.export.diagram import DiagramOptions, plan
from argmap.export.dot import to_dot
from argmap.formats import ClusterBy, CsvTable, RankDir
from argmap.index import Index
from argmap.loading import load
from argmap.subset import Selection, Subset, select
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(load(FIXTURES / "export.yaml"))


@pytest.fixture(scope="module")
def everything(index: Index) -> Subset:
    return select(index, Selection())


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with ARGMAP_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed (see module docstring)"


def _dot(subset: Subset) -> str:
    return to_dot(plan(subset, DiagramOptions()))


def _dot_lr_speakers(subset: Subset) -> str:
    options = DiagramOptions(cluster=ClusterBy.SPEAKER, rankdir=RankDir.LR, ids=True)
    return to_dot(plan(subset, options))


def _mermaid(subset: Subset) -> str:
    return mermaid.to_mermaid(plan(subset, DiagramOptions()))


WRITERS: dict[str, Callable[[Subset], str]] = {
    "export.json": json_export.export,
    "export.aif.json": aif.export,
    "export.graphml": graphml.export,
    "export.argdown": argdown.export,
    "export.claims.csv": lambda s: csv_export.export(s, CsvTable.CLAIMS),
    "export.relations.csv": lambda s: csv_export.export(s, CsvTable.RELATIONS),
    "export.people.csv": lambda s: csv_export.export(s, CsvTable.PEOPLE),
    "export.sources.csv": lambda s: csv_export.export(s, CsvTable.SOURCES),
    "diagram.dot": _dot,
    "diagram-lr-speakers.dot": _dot_lr_speakers,
    "diagram.mmd": _mermaid,
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_format_matches_its_golden_file(name: str, everything: Subset) -> None:
    check_golden(name, WRITERS[name](everything))


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_format_is_deterministic(name: str, index: Index) -> None:
    first = WRITERS[name](select(index, Selection()))
    again = WRITERS[name](select(Index.build(load(FIXTURES / "export.yaml")), Selection()))
    assert first == again


def test_a_filtered_export_has_its_own_golden_file(index: Index) -> None:
    subset = select(index, Selection(speakers=("ben-south",), context=True))
    check_golden("export-south-context.json", json_export.export(subset))
    check_golden("diagram-south-context.dot", _dot(subset))


# -- JSON ---------------------------------------------------------------------


def test_json_resolves_names_and_relations_both_ways(everything: Subset) -> None:
    data = json.loads(json_export.export(everything))
    assert data["format"] == "argmap-export" and data["version"] == 1
    assert data["selection"] is None
    claims = {c["id"]: c for c in data["claims"]}
    pays = claims["n-pipeline-pays"]
    assert pays["speaker_name"] == "Ada North"
    assert pays["source_label"] == "North & South 2019"
    assert pays["supported_by"] == ["a-pays-linked"]
    assert pays["attacked_by"] == ["r-costs-pays"]
    assert claims["s-memo-costs"]["attacks"] == ["r-costs-pays"]
    rebuttals = {r["id"]: r for r in data["rebuttals"]}
    assert rebuttals["r-forecast-undercut"]["target_type"] == "argument"
    assert rebuttals["r-forecast-undercut"]["target_speaker"] == "ada-north"
    people = {p["id"]: p for p in data["people"]}
    assert people["ada-north"]["groups"] == ["north-south"]


# -- AIF ----------------------------------------------------------------------


def test_aif_is_structurally_valid(everything: Subset) -> None:
    data = json.loads(aif.export(everything))
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    assert len(nodes) == len(data["nodes"]), "node ids are unique"
    assert {n["type"] for n in data["nodes"]} <= aif.NODE_TYPES
    for edge in data["edges"]:
        assert edge["fromID"] in nodes and edge["toID"] in nodes, edge
    out: dict[str, list[str]] = {}
    into: dict[str, list[str]] = {}
    for edge in data["edges"]:
        out.setdefault(edge["fromID"], []).append(edge["toID"])
        into.setdefault(edge["toID"], []).append(edge["fromID"])
    located = {loc["nodeID"] for loc in data["locutions"]}
    people = {p["participantID"] for p in data["participants"]}
    for node in data["nodes"]:
        if node["type"] == "I":
            # Every I-node is asserted by a locution: L -> YA -> I.
            anchors = [y for y in into.get(node["nodeID"], []) if nodes[y]["type"] == "YA"]
            assert anchors, node
            speakers = [x for y in anchors for x in into[y] if nodes[x]["type"] == "L"]
            assert speakers and all(s in located for s in speakers), node
        if node["type"] in ("RA", "CA"):
            assert into.get(node["nodeID"]) and len(out.get(node["nodeID"], [])) == 1, node
    assert all(loc["personID"] in people for loc in data["locutions"])
    assert len([n for n in data["nodes"] if n["type"] == "I"]) == 8
    assert len([n for n in data["nodes"] if n["type"] == "RA"]) == 3
    assert len([n for n in data["nodes"] if n["type"] == "CA"]) == 3


def test_aif_undercut_is_a_conflict_aimed_at_the_inference(everything: Subset) -> None:
    data = json.loads(aif.export(everything))
    names = data["argmap"]["ids"]
    node_of = {argmap_id: node_id for node_id, argmap_id in names.items()}
    undercut, argument = node_of["r-forecast-undercut"], node_of["a-demand-forecast"]
    by_id = {n["nodeID"]: n for n in data["nodes"]}
    assert by_id[undercut]["type"] == "CA" and by_id[argument]["type"] == "RA"
    assert {"fromID": undercut, "toID": argument} in [
        {"fromID": e["fromID"], "toID": e["toID"]} for e in data["edges"]
    ]
    assert by_id[argument]["text"] == "Expert Opinion"


def test_aif_participants_split_names_and_groups_stay_whole(everything: Subset) -> None:
    data = json.loads(aif.export(everything))
    people = {(p["firstname"], p["surname"]) for p in data["participants"]}
    assert ("Ada", "North") in people
    assert ("Ada North and Ben South", "") in people
    assert ("The Ministry", "") in people


def test_aif_timestamps_carry_the_source_date() -> None:
    assert aif.timestamp("2019-03") == "2019-03-01 00:00:00"
    assert aif.timestamp("2019") == "2019-01-01 00:00:00"
    assert aif.timestamp(None) == ""


# -- GraphML ------------------------------------------------------------------

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def test_graphml_parses_and_every_edge_has_both_ends(everything: Subset) -> None:
    root = ET.fromstring(graphml.export(everything))
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.get("edgedefault") == "directed"
    nodes = {n.get("id") for n in graph.findall("g:node", NS)}
    assert len(nodes) == 8 + 3
    edges = graph.findall("g:edge", NS)
    for edge in edges:
        assert edge.get("source") in nodes and edge.get("target") in nodes
    relations = [
        d.text for e in edges for d in e.findall("g:data", NS) if d.get("key") == "e_relation"
    ]
    assert sorted(set(relations)) == ["conclusion", "premise", "rebut", "undercut"]
    keys = {k.get("attr.name") for k in root.findall("g:key", NS)}
    assert {"label", "speaker", "relation", "basis"} <= keys


# -- CSV ----------------------------------------------------------------------


def test_csv_relations_is_an_edge_list(everything: Subset) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_export.export(everything, CsvTable.RELATIONS))))
    linked = [r for r in rows if r["relation_id"] == "a-pays-linked"]
    assert [(r["from"], r["to"], r["argument_linked"]) for r in linked] == [
        ("n-demand-grows", "n-pipeline-pays", "true"),
        ("n-prices-stable", "n-pipeline-pays", "true"),
    ]
    undercut = next(r for r in rows if r["type"] == "undercut")
    assert (undercut["from"], undercut["to"], undercut["to_type"]) == (
        "s-forecasts-wrong",
        "a-demand-forecast",
        "argument",
    )


def test_csv_tables_are_named_files(everything: Subset) -> None:
    assert sorted(csv_export.tables(everything)) == [
        "agreements.csv",
        "claims.csv",
        "people.csv",
        "relations.csv",
        "sources.csv",
        "stances.csv",
    ]


# -- Argdown ------------------------------------------------------------------


def test_argdown_escapes_its_syntax_characters() -> None:
    assert argdown.text("a [b] <c> #d *e* _f_ {g} // h @i") == (
        r"a \[b\] \<c\> \#d \*e\* \_f\_ \{g\} \/\/ h \@i"
    )


def test_argdown_has_pcs_rebuttals_and_undercuts(everything: Subset) -> None:
    text = argdown.export(everything)
    assert "<a-pays-linked>\n\n(1) [n-demand-grows]\n(2) [n-prices-stable]\n----\n(3)" in text
    assert "    <- [s-demand-falls]\n" in text
    assert "<a-demand-forecast>\n    <_ [s-forecasts-wrong]\n" in text
    assert "    <- [s-memo-costs]  // inferred\n" in text


# -- Diagram source -----------------------------------------------------------


def test_mermaid_ids_are_safe_and_labels_escaped(everything: Subset) -> None:
    text = _mermaid(everything)
    assert 'n_m_forecast["The Ministry' in text
    assert "#35;fast" in text and "#lt;grow#gt; #amp; spread" in text
    assert "n_s_forecasts_wrong --x a_a_demand_forecast" in text


def test_dot_draws_linked_premises_through_an_argument_node(everything: Subset) -> None:
    text = _dot(everything)
    assert '"n-demand-grows" -> "a-pays-linked"' in text
    assert '"a-pays-linked" -> "n-pipeline-pays"' in text
    # A one-premise argument is a direct arrow, unless it is undercut.
    assert '"s-memo-costs" -> "ns-joint-caution"' in text
    assert '"s-forecasts-wrong" -> "a-demand-forecast"' in text
