"""``argmap import`` on the field's real corpora in ``../shared/corpora``.

These tests skip when that folder is not there (it is reference data beside
the project, not part of it; see its README for origins and licences).
Every file imports, every imported corpus loads with no schema or reference
error, and every node of the inputs is accounted for: mapped, or listed as
not mapped with a reason.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from argmap.checks import Selection, run_checks
from argmap.dumping import dump
from argmap.importers.run import ImportResult, import_paths
from argmap.index import Index
from argmap.loading import loads
from argmap.texts import TextStore
from tests.conftest import ROOT

CORPORA = ROOT.parent / "shared" / "corpora"
ARAUCARIA = CORPORA / "aif" / "araucaria"
US2016 = CORPORA / "aif" / "us2016-sample"
MICROTEXTS = CORPORA / "arggraph" / "microtexts"
ARGDOWN = CORPORA / "argdown"

pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is not here")


@pytest.fixture(scope="module")
def imported() -> dict[str, ImportResult]:
    return {
        "araucaria": import_paths([ARAUCARIA]),
        "us2016": import_paths([US2016]),
        "microtexts": import_paths([MICROTEXTS]),
        "argdown": import_paths([ARGDOWN]),
    }


def aif_nodes(folder: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for file in folder.glob("*.json"):
        counts.update(node["type"] for node in json.loads(file.read_text("utf-8"))["nodes"])
    return counts


@pytest.mark.parametrize("name", ["araucaria", "us2016", "microtexts", "argdown"])
def test_every_corpus_imports_and_loads_without_errors_of_schema_or_reference(
    imported: dict[str, ImportResult], name: str
) -> None:
    corpus = loads(dump(imported[name].corpus), f"{name}.yaml")
    findings = run_checks(Index.build(corpus), None, Selection(select=("AM1", "AM2")))
    errors = Counter(d.code for d in findings if d.severity.value == "error")
    # Three RA-nodes of Araucaria's nodeset531 repeat one argument: merged, not AM205.
    assert errors == Counter()


def test_every_file_of_the_corpora_is_imported_or_passed_over_for_a_reason(
    imported: dict[str, ImportResult],
) -> None:
    files = {p for p in CORPORA.rglob("*") if p.is_file()} - {CORPORA / "README.md"}
    read = {p for result in imported.values() for p in result.inputs}
    passed = {s.path for result in imported.values() for s in result.skipped}
    assert files == read | passed
    kinds = {(s.path.suffix, s.reason) for r in imported.values() for s in r.skipped}
    assert {suffix for suffix, _ in kinds} == {".md", ".txt", ".argdown", ".dtd", ""}


def test_araucaria_every_node_is_accounted_for(imported: dict[str, ImportResult]) -> None:
    result = imported["araucaria"]
    nodes = aif_nodes(ARAUCARIA)
    assert sum(result.files.values()) == 662
    assert result.written["sources"] == 662
    assert result.written["claims"] == nodes["I"] == 3993
    merged = [(m.element, m.into) for _, m in result.merged]
    assert merged == [
        ("4900", "nodeset531-4897"),
        ("4903", "nodeset531-4897"),
        ("4906", "nodeset531-4897"),
    ]
    assert result.written["arguments"] + len(merged) == nodes["RA"] == 1746
    assert result.written["rebuttals"] == nodes["CA"] == 38
    # The L- and YA-nodes all anchor claims; the locutions name AIFdb users, not speakers.
    assert {u.kind for _, u in result.unmapped} == {"locution"}


def test_us2016_dialogue_maps_speakers_and_counts_what_it_leaves(
    imported: dict[str, ImportResult],
) -> None:
    result = imported["us2016"]
    nodes = aif_nodes(US2016)
    written = result.written
    unmapped = Counter(u.kind for _, u in result.unmapped)
    assert written["claims"] == nodes["I"]
    assert written["agreements"] == nodes["MA"] == 33
    assert written["arguments"] + unmapped["RA node"] == nodes["RA"]
    # One CA-node has two attacking I-nodes (two rebuttals); one has an L-node as its
    # only source (no rebuttal, listed as not mapped).
    assert (written["rebuttals"], unmapped["CA node"], nodes["CA"]) == (33, 1, 33)
    assert unmapped["TA node"] == nodes["TA"]
    people = {p["id"] for p in result.corpus["people"]}
    assert {"clinton", "trump", "sanders"} <= people


def test_microtexts_every_adu_is_a_claim_and_every_quote_is_in_its_text(
    imported: dict[str, ImportResult],
) -> None:
    result = imported["microtexts"]
    assert result.written["claims"] == 576
    assert result.written["sources"] == 112
    corpus = loads(dump(result.corpus), "microtexts.yaml")
    findings = run_checks(
        Index.build(corpus), TextStore(MICROTEXTS), Selection(select=("AM301", "AM302", "AM304"))
    )
    assert findings == []
    edges = Counter(u.kind for _, u in result.unmapped)
    assert edges["und edge"] == 51  # undercuts of attacks, which argmap cannot hold
    assert set(edges) <= {"und edge", "stance attribute"}


def test_argdown_examples_keep_their_structure(imported: dict[str, ImportResult]) -> None:
    result = imported["argdown"]
    assert result.written["sources"] == 3
    assert result.written["arguments"] > 0
    assert result.written["rebuttals"] > 0
    assert {u.kind for _, u in result.unmapped} <= {"section", "undercut relation"}


def test_a_diagram_of_all_araucaria_refuses_with_advice(
    imported: dict[str, ImportResult], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from argmap.cli.app import app

    corpus = tmp_path / "araucaria.yaml"
    corpus.write_text(dump(imported["araucaria"].corpus), encoding="utf-8")
    result = CliRunner().invoke(app, ["diagram", "-f", str(corpus), "-o", str(tmp_path / "a.svg")])
    assert result.exit_code == 2
    assert "above the 1500 that Graphviz lays out in seconds; narrow it with" in result.stderr
    assert not (tmp_path / "a.svg").exists()
