"""argmap writes DOT itself (argmap.export.dot_source), byte for byte as the graphviz package did.

Each diagram is drawn twice, once with argmap's writer and once with
``graphviz.Digraph`` and ``graphviz.nohtml`` put in its place, and the two
sources must be equal; generated graphs with awkward names and values
(quotes, backslashes, angle brackets, keywords, numbers, ports) too.
"""

from __future__ import annotations

import warnings
from typing import Any

import graphviz
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.export import dot_source
from tests.conftest import ROOT

CORPUS = str(ROOT / "data" / "arguments.yaml")

DIAGRAMS = [
    [],
    ["--view", "debate"],
    ["--view", "speakers"],
    ["--view", "debate", "-a", "trenin", "-a", "hyodo"],
    ["--rankdir", "lr", "--ids", "--cluster", "source"],
    ["--rankdir", "tb", "--no-legend", "--title", 'A "quoted" <title> \\ with a backslash'],
    ["--focus", "csis-trenin-no-russia-card", "--depth", "2", "--context"],
    ["-a", "trenin", "--status", "grounded"],
    ["--focus", "csis-trenin-no-russia-card", "--depth", "1", "--page", "slide"],
    ["--relations", "attack", "--cluster", "speaker"],
    ["-t", "russia-card", "--wrap", "20"],
]


def draw(runner: CliRunner, args: list[str]) -> str:
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "--format", "dot", "-o", "-", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("args", DIAGRAMS, ids=" ".join)
def test_every_view_is_the_dot_the_graphviz_package_writes(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    ours = draw(runner, args)
    monkeypatch.setattr(dot_source, "Digraph", graphviz.Digraph)
    monkeypatch.setattr(dot_source, "nohtml", graphviz.nohtml)
    theirs = draw(runner, args)
    assert ours == theirs
    assert ours.startswith(("digraph argmap {", "digraph speakers {"))


TEXT = st.one_of(
    st.sampled_from(
        ["", "node", "Graph", "strict", "a_1", "-4.2", ".5", "1.", "x:y", "a:b:ne", "<b>x</b>"]
    ),
    st.text(alphabet='ab \\"<>:-._1é\n{}|', max_size=8),
)
ATTRS = st.dictionaries(st.sampled_from(["label", "color", "id", "shape", "x y"]), TEXT, max_size=3)


def build(module: Any, steps: list[tuple[str, str, str, dict[str, str]]], mark: bool) -> str:
    graph = module.Digraph(
        "g h", graph_attr={"rankdir": "BT", "b": "x y"}, node_attr={}, edge_attr={"a": "1"}
    )
    for kind, first, second, attrs in steps:
        text = module.nohtml(first) if mark else first
        if kind == "node":
            graph.node(text, **attrs)
        elif kind == "edge":
            graph.edge(first, second, **attrs)
        elif kind == "attr":
            graph.attr(**attrs)
        else:
            with graph.subgraph(name=first or None) as inner:
                inner.attr("node", **attrs)
                inner.node(second, label=text)
                with inner.subgraph() as deeper:
                    deeper.edge(second, first)
    return str(graph.source)


@given(
    st.lists(
        st.tuples(st.sampled_from(["node", "edge", "attr", "subgraph"]), TEXT, TEXT, ATTRS),
        max_size=6,
    ),
    st.booleans(),
)
def test_any_names_and_values_are_quoted_as_the_graphviz_package_quotes_them(
    steps: list[tuple[str, str, str, dict[str, str]]], mark: bool
) -> None:
    with warnings.catch_warnings(record=True) as theirs_warned:
        warnings.simplefilter("always")
        theirs = build(graphviz, steps, mark)
    with warnings.catch_warnings(record=True) as ours_warned:
        warnings.simplefilter("always")
        ours = build(dot_source, steps, mark)
    assert ours == theirs
    # A name ending in an odd number of backslashes gets the package's own warning.
    assert [str(w.message) for w in ours_warned] == [str(w.message) for w in theirs_warned]


def test_an_attribute_statement_names_graph_node_or_edge() -> None:
    with pytest.raises(ValueError, match="must target graph, node, or edge"):
        dot_source.Digraph().attr("cluster", color="red")
