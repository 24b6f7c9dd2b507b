"""Outputs as the real tools read them: Mermaid's class syntax and size limit, AIF scheme
names as arguebuf maps them, GraphML key ids, Argdown tags and inference rules."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from argmap.export import aif, argdown, graphml, mermaid
from argmap.export.diagram import DiagramOptions, plan
from argmap.index import Index
from argmap.loading import load
from argmap.subset import Selection, Subset, select
from tests.conftest import FIXTURES, ROOT

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture(scope="module")
def everything() -> Subset:
    return select(Index.build(load(FIXTURES / "export.yaml")), Selection())


@pytest.fixture(scope="module")
def bundled() -> Subset:
    return select(Index.build(load(ROOT / "data" / "arguments.yaml")), Selection())


def test_mermaid_attaches_each_class_with_a_class_statement(everything: Subset) -> None:
    source = mermaid.to_mermaid(plan(everything, DiagramOptions()))
    # ":::a,b" is one class named "a,b" to Mermaid: never write a list there.
    assert not re.search(r":::[\w]+,", source)
    defined = set(re.findall(r"^  classDef (\w+) ", source, re.M))
    attached = dict(re.findall(r"^  class ([\w,]+) (\w+)$", source, re.M))
    assert set(attached.values()) <= defined
    central = [ids for ids, name in attached.items() if name == "central"]
    assert central == ["n_n_pipeline_pays"]
    # "central" comes after the speaker classes, so its thick outline wins.
    names = re.findall(r"^  class [\w,]+ (\w+)$", source, re.M)
    assert names[-1] == "central"


def test_mermaid_above_max_text_size_gets_a_warning_naming_the_setting(
    bundled: Subset, everything: Subset
) -> None:
    big = mermaid.to_mermaid(plan(bundled, DiagramOptions()))
    assert mermaid.text_size(big) > mermaid.MAX_TEXT_SIZE
    warning = mermaid.too_long(big)
    assert warning is not None
    assert "maxTextSize" in warning and "mermaid.initialize" in warning
    assert mermaid.too_long(mermaid.to_mermaid(plan(everything, DiagramOptions()))) is None


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("argument-from-example", "Example"),
        ("practical-reasoning", "Practical Reasoning"),
        ("argument-from-sign", "Sign"),
        ("argument-from-consequences", "Consequences"),
        ("argument-from-expert-opinion", "Expert Opinion"),
        ("argument-from-analogy", "Analogy"),
        ("argument-from-position-to-know", "Position To Know"),
        (None, "Default Inference"),
    ],
)
def test_aif_scheme_names_are_aifdb_names(slug: str | None, name: str) -> None:
    assert aif.scheme_text(slug) == name


def test_arguebuf_reads_every_scheme_of_the_bundled_corpus(bundled: Subset) -> None:
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf (test extra) is not installed")
    document = aif.document(bundled)
    graph = arguebuf.load.aif(json.loads(json.dumps(document)))
    named = [a for a in bundled.corpus.arguments if a.scheme]
    schemes = Counter(
        node.scheme.name if node.scheme else None
        for node in graph.scheme_nodes.values()
        if type(node.scheme).__name__ == "Support"
    )
    assert sum(schemes.values()) == len(bundled.corpus.arguments)
    # Only the arguments without a scheme fall back to arguebuf's default.
    assert schemes["DEFAULT"] == len(bundled.corpus.arguments) - len(named)
    assert schemes["EXAMPLE"] == sum(a.scheme == "argument-from-example" for a in named)


def test_graphml_key_ids_are_unique(everything: Subset) -> None:
    root = ET.fromstring(graphml.export(everything))
    ids = [key.get("id") for key in root.findall("g:key", NS)]
    assert len(ids) == len(set(ids))
    names = {(k.get("for"), k.get("attr.name")) for k in root.findall("g:key", NS)}
    assert {("node", "basis"), ("edge", "basis")} <= names


def test_argdown_tags_speakers_by_id_and_invents_no_inference_rule(everything: Subset) -> None:
    source = argdown.export(everything)
    # The group's name has no parenthesis to lose; its tag is its id, its name data.
    assert "#north-south {" in source and 'speaker_name: "Ada North and Ben South"' in source
    assert "\ninference " not in source
    assert '\n{basis: "inferred"}\n' in source
    # Tag colours are outline shades, visible as Argdown's borders on white.
    colours = re.findall(r'^        "[\w-]+": "(#[0-9A-F]{6})"$', source, re.M)
    assert colours and all(sum(int(c[i : i + 2], 16) for i in (1, 3, 5)) < 3 * 160 for c in colours)
