"""Outputs as the real tools read them: Mermaid's class syntax, size and edge limits and
label quoting, AIF scheme names as arguebuf maps them, GraphML key ids, Argdown tags and
inference rules. (tests/test_mermaid_render.py renders the Mermaid with Mermaid itself,
when its CLI is installed.)"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import yaml

from argmap.export import aif, argdown, graphml, mermaid
from argmap.export.debate import plan_debate
from argmap.export.diagram import DiagramOptions, DiagramView, plan
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
    assert central == ["n_n_pipeline_pays,k_central"]  # and the legend's sample
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


def test_mermaid_above_max_edges_gets_a_warning_naming_the_setting(bundled: Subset) -> None:
    # The whole bundled corpus has more links than the 500 Mermaid draws by default:
    # mmdc said "Edge limit exceeded. 500 edges found, but the limit is 500."
    drawing = plan(bundled, DiagramOptions(legend=False))
    big = mermaid.to_mermaid(drawing)
    assert mermaid.edge_count(big) == len(drawing.links) > mermaid.MAX_EDGES
    warning = mermaid.too_long(big)
    assert warning is not None
    assert (
        f"it has {len(drawing.links):,} links, above Mermaid's default maxEdges of 500" in warning
    )
    # The legend's sample lines and the invisible links that keep its rows count too.
    with_legend = mermaid.to_mermaid(plan(bundled, DiagramOptions()))
    legend_links = re.findall(r"^  k_\w+ \S+ k_\w+$", with_legend, re.M)
    assert mermaid.edge_count(with_legend) == len(drawing.links) + len(legend_links)
    # One config for mmdc that raises both limits, as JSON.
    config = json.loads(warning.split("a -c config.json holding ")[1].split(")")[0])
    assert config == {"maxTextSize": 150_000, "maxEdges": 1_000}


_NODE = re.compile(
    r'^ *[anqk]_\w+(?:\["|\(\["|\(\("|\{\{")(?P<text>[^"]*)(?:"\]|"\]\)|"\)\)|"\}\})'
)
_LINK = re.compile(
    r"^  [anqk]_\w+ (?:-->|---|--x|--o|===|~~~|-\.->|-\.-|-\.-x|-\.-o)"
    r'(?:\|"(?P<text>[^"]*)"\|)? [anqk]_\w+$'
)


def _statements(source: str) -> list[str]:
    """The flowchart's statements: the lines after the front matter, comments left out."""
    body = source.split("\n---\n", 1)[1]
    return [line for line in body.splitlines() if not line.lstrip().startswith("%%")]


def _mermaid_text_is_quoted_and_escaped(source: str) -> None:
    """What Mermaid's lexer needs, checked without Mermaid: every label in double quotes,
    holding no quote, no bracket of HTML but argmap's own <br/> and <i>, no raw & or `."""
    for line in _statements(source)[1:]:
        stripped = line.strip()
        if stripped in ("end", "direction LR") or stripped.startswith(
            ("classDef ", "class ", "style ", "linkStyle ")
        ):
            continue
        if stripped.startswith("subgraph "):
            assert re.fullmatch(r'subgraph (cluster\d+|legend)\["[^"]*"\]', stripped), line
            text = stripped.split('["', 1)[1][:-2]
        else:
            match = _NODE.match(line) or _LINK.match(line)
            assert match is not None, f"not a statement Mermaid reads: {line!r}"
            text = match.group("text") or ""
        text = re.sub(r"<br/>|</?i>", "", text)
        assert not re.search(r"[<>`]|&(?!#)", text), line
        # Every # starts one of Mermaid's entity codes.
        assert all(re.match(r"#(\d+|[a-z]+);", text[i:]) for i, c in enumerate(text) if c == "#")


def test_mermaid_quotes_stance_labels_whose_parentheses_would_open_a_shape() -> None:
    # Before: `n_s --x|con (7 claims)| q_x` made mmdc fail with "Parse error ... got 'PS'":
    # bare edge text may not hold parentheses. Quoted, it may hold anything but a quote.
    debate = select(
        Index.build(load(ROOT / "data" / "arguments.yaml")),
        Selection(speakers=("dmitri-trenin", "shinji-hyodo")),
    )
    source = mermaid.to_mermaid(plan_debate(debate, DiagramOptions(view=DiagramView.DEBATE)))
    labels = re.findall(r"\|([^|]*)\| q_", source)
    assert labels and all(label.startswith('"') and label.endswith('"') for label in labels)
    assert any("claims)" in label for label in labels)
    _mermaid_text_is_quoted_and_escaped(source)


def test_mermaid_escapes_hostile_text_everywhere() -> None:
    hostile = select(Index.build(load(FIXTURES / "hostile-text.yaml")), Selection())
    source = mermaid.to_mermaid(plan(hostile, DiagramOptions(ids=True)))
    _mermaid_text_is_quoted_and_escaped(source)
    # A backtick after the opening quote would make a Markdown string of the label.
    assert '["#96;code#96; first' in source
    assert "#35;quot; #35;lt; #35;35;" in source  # Mermaid's own codes, shown as typed
    debate = plan_debate(hostile, DiagramOptions(view=DiagramView.DEBATE))
    _mermaid_text_is_quoted_and_escaped(mermaid.to_mermaid(debate))


def test_mermaid_front_matter_sets_a_wrapping_width_wider_than_argmap_s_lines(
    everything: Subset,
) -> None:
    # Mermaid wraps labels at 200 px unless told: a 36-character line broke in two.
    drawing = plan(everything, DiagramOptions())
    source = mermaid.to_mermaid(drawing)
    front = yaml.safe_load(source.split("---\n")[1])
    assert front["title"] == "The whole corpus"
    width = front["config"]["flowchart"]["wrappingWidth"]
    longest = max(len(line) for box in drawing.claims for line in box.lines)
    assert width >= longest * mermaid.CHAR_WIDTH and width >= 200
    # --wrap 0 keeps each claim on one line, however long.
    one_line = plan(everything, DiagramOptions(wrap=0))
    front = yaml.safe_load(mermaid.to_mermaid(one_line).split("---\n")[1])
    assert front["config"]["flowchart"]["wrappingWidth"] > width


def test_mermaid_frames_are_dashed_and_unfilled(everything: Subset) -> None:
    source = mermaid.to_mermaid(plan(everything, DiagramOptions()))
    assert re.findall(
        r"^  style (cluster\d+) fill:none,stroke:#\w{6},stroke-dasharray", source, re.M
    ) == [
        "cluster0",
        "cluster1",
    ]


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


def test_mermaid_draws_a_legend_of_what_the_diagram_uses(everything: Subset) -> None:
    source = mermaid.to_mermaid(plan(everything, DiagramOptions()))
    legend = source[source.index('  subgraph legend["') : source.index("  style legend")]
    # Speakers in their colours, with their claims in the diagram, as Graphviz's legend.
    assert '    k_speaker0["Ada North (3)"]' in legend
    assert re.search(
        r"^  class k_speaker0 speaker0$|^  class [\w,]*k_speaker0[\w,]* speaker0", source, re.M
    )
    # A sample of each kind of line drawn here, and only those: no agreement, no stance.
    captions = re.findall(r'k_text\d+\["([^"]*)"\]', legend)
    assert captions == [
        "supports",
        "linked premises (jointly)",
        "rebuts a claim",
        "undercuts an inference (at a dot)",
        "inferred (by the annotator)",
    ]
    assert "  k_tail2 --x k_text2" in source and "  k_tail7 -.-> k_text7" in source
    # --no-legend leaves it out, and the key stays a comment.
    bare = mermaid.to_mermaid(plan(everything, DiagramOptions(legend=False)))
    assert "legend" not in bare and " k_" not in bare and "%% Key:" in bare


ODD_IDS = """\
schema_version: 1
people:
- {id: p, name: P}
sources:
- {id: s, title: S, authors: [p]}
claims:
- {id: a-b, source: s, speaker: p, text: First., quote: first}
- id: a_b
  source: s
  speaker: p
  text: 日本とロシアの関係は中国との関係とは別の籠に入っている。
  quote: second
arguments:
- {id: arg, conclusion: a-b, premises: [a_b]}
"""


def test_mermaid_keeps_ids_that_differ_only_in_punctuation_apart(tmp_path: Path) -> None:
    # AM101 flags "a_b", but the diagram is still drawn: before, both claims became
    # "n_a_b", one box with an arrow to itself.
    path = tmp_path / "odd-ids.yaml"
    path.write_text(ODD_IDS, encoding="utf-8")
    source = mermaid.to_mermaid(
        plan(select(Index.build(load(path)), Selection()), DiagramOptions())
    )
    assert '  n_a_b["First.' in source and '  n_aX5fXb["日本' in source
    assert "  n_aX5fXb --> n_a_b" in source
    # A line of 28 CJK characters is as wide as 56 Latin ones: Mermaid must not wrap it.
    front = yaml.safe_load(source.split("---\n")[1])
    assert front["config"]["flowchart"]["wrappingWidth"] >= 56 * mermaid.CHAR_WIDTH
