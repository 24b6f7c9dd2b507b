"""The loader's two paths agree: the fast one (parser events) and the careful one (nodes).

The fast path builds values and positions straight from libyaml's events and
hands anything unusual to the careful path, whose messages and positions are
the reference. Whatever the text, the fast path must give exactly the careful
path's values and positions, or step aside.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import event_loader, loading, process
from argmap.errors import CorpusError
from argmap.positions import NodePath, SourceMap
from tests.conftest import ROOT
from tests.test_loading_properties import VALID, mutated


def fast(text: str | bytes, loader: Any = None) -> tuple[dict[str, Any], SourceMap] | None:
    """The fast path's result (with ``loader``'s parser; argmap's by default), or None
    when it hands the text to the careful path."""
    try:
        value, tree = event_loader.build(
            text,
            loading._Loader if loader is None else loader,
            loading._read_scalar,
            max_depth=loading.MAX_DEPTH,
            max_nodes=loading.MAX_NODES,
        )
    except event_loader.Unusual:
        return None
    return value, SourceMap(None, tree=tree)


def careful(text: str) -> tuple[dict[str, Any], SourceMap] | None:
    try:
        return loading._parse_carefully(text, None)
    except CorpusError:
        return None


def paths(value: Any, prefix: NodePath = ()) -> list[NodePath]:
    """Every node path in ``value``, and a few that lead nowhere."""
    found: list[NodePath] = [prefix, (*prefix, "nowhere"), (*prefix, 10**6)]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths(item, (*prefix, i))
    return found


def assert_same(text: str) -> None:
    quick = fast(text)
    from_bytes = fast(text.encode("utf-8"))  # what load() hands libyaml: the file's bytes
    assert (quick is None) == (from_bytes is None)
    if quick is None or from_bytes is None:
        return
    assert from_bytes[0] == quick[0]
    reference = careful(text)
    assert reference is not None, "the fast path accepted what the careful path refuses"
    assert quick[0] == reference[0]
    assert [type(v) for v in _leaves(quick[0])] == [type(v) for v in _leaves(reference[0])]
    for path in paths(reference[0]):
        for key in (False, True):
            expected = reference[1].locate(path, key=key)
            assert quick[1].locate(path, key=key) == expected, path
            assert from_bytes[1].locate(path, key=key) == expected, path


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def test_the_bundled_corpus_takes_the_fast_path_with_the_same_result() -> None:
    text = (ROOT / "data" / "arguments.yaml").read_text(encoding="utf-8")
    assert fast(text) is not None
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        VALID,
        "schema_version: 1\nclaims: [{id: a, tags: [x, 'y', \"z\"]}, {}]\n",
        "schema_version: 1\nx: [1, 1.5, true, ~, null, 2019-02-03, 0x1f, 20:19, '', =]\n",
        "schema_version: 1\nnested: {a: {b: [[], {}, [[1]]]}}\n",
        "schema_version: 1\n? complex\n: key\n",
        "'quoted key': 1\n\"1\": 2\n3: three\n",
        "schema_version: 1\nname: Café — «naïve» 東京 \U0001f600\nafter: [é, x]\n",
    ],
)
def test_the_paths_agree_on_chosen_documents(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # an explicit tag
        "a: 1\na: 2\n",  # a duplicate key
        "<<: {a: 1}\n",  # a merge key
        "[a]: 1\n",  # a complex key
        "a: 1\n---\nb: 2\n",  # two documents
        "- a\n",  # not a mapping
        "a: b\x85c: d\n",  # a line break YAML 1.1 counts and editors do not
        "a: [\n",  # a syntax error
        "a: !!int\n",  # a value that cannot be read
        "a: " + "[" * 70 + "]" * 70 + "\n",  # nesting deeper than MAX_DEPTH
    ],
)
def test_the_fast_path_steps_aside_for_anything_unusual(text: str) -> None:
    assert fast(text) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_paths_agree_on_mutated_corpora(text: str) -> None:
    assert_same(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("ab1:-[]{},'\"#&*!|>~.\n \t\x85"), max_size=120))
def test_the_paths_agree_on_random_yaml_shapes(text: str) -> None:
    assert_same(text)


def test_pyyamls_event_classes_are_its_own_again_after_every_load() -> None:
    # While it parses, the fast path has the C parser make events as records
    # (no Python __init__ per event); yaml.parse elsewhere sees yaml.events'.
    import yaml
    import yaml._yaml

    # The PyYAML installed makes every kind of event as a record (else the loader
    # would turn its events into records one by one: the same result, slower).
    assert event_loader._makes_records(yaml._yaml)
    for text in (VALID, "a: &x 1\nb: *x\n", "a: [\n"):
        fast(text)
        events = list(yaml.parse("a: 1", Loader=yaml.CSafeLoader))
        assert isinstance(events[0], yaml.StreamStartEvent)
        assert yaml._yaml.ScalarEvent is yaml.ScalarEvent
        assert yaml._yaml.MappingStartEvent is yaml.MappingStartEvent


def fast_in_python(text: str) -> tuple[dict[str, Any], SourceMap] | None:
    """The fast path over PyYAML's Python parser (as without libyaml)."""
    import yaml

    return fast(text, yaml.SafeLoader)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_fast_path_reads_the_python_parsers_events_alike(text: str) -> None:
    quick, python = fast(text), fast_in_python(text)
    if quick is None or python is None:
        return  # the two parsers differ on some errors; the careful path decides those
    assert python[0] == quick[0]
    for path in paths(quick[0]):
        assert python[1].locate(path) == quick[1].locate(path), path
        assert python[1].locate(path, key=True) == quick[1].locate(path, key=True), path


def test_a_library_caller_keeps_pyyamls_classes_while_argmap_parses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only in a process the command line owns does the loader swap PyYAML's event
    classes; a program that imports argmap gets the same values and positions
    from PyYAML's own events, and its other threads never see a record."""
    import yaml
    import yaml._yaml

    owned = fast(VALID)
    monkeypatch.setattr(process, "owned_by_cli", False)
    assert event_loader._c_module(yaml.CSafeLoader) is None
    seen: list[bool] = []

    def scalar(node: yaml.ScalarNode) -> tuple[Any, bool]:
        seen.append(yaml._yaml.ScalarEvent is yaml.ScalarEvent)
        return loading._read_scalar(node)

    value, tree = event_loader.build(
        VALID, yaml.CSafeLoader, scalar, max_depth=loading.MAX_DEPTH, max_nodes=loading.MAX_NODES
    )
    assert seen and all(seen)  # PyYAML's own classes throughout the parse
    assert owned is not None and value == owned[0]
    for path in paths(value):
        assert SourceMap(None, tree=tree).locate(path) == owned[1].locate(path), path
