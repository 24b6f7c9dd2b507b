"""What the loader refuses, and where it says so: cases from the hostile-input audit (issue 14).

Each of these once ended in a traceback, a value silently changed, or a
position one line off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.errors import CorpusError
from argmap.loading import loads
from tests.test_loading import MINIMAL


def problems(text: str) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        loads(text, "corpus.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("d: !!int", "corpus.yaml:2:4: cannot read '' as int"),
        ("e: !!bool maybe", "corpus.yaml:2:4: cannot read 'maybe' as bool"),
        ("n: !!float", "corpus.yaml:2:4: cannot read '' as float"),
    ],
)
def test_a_tagged_value_that_cannot_be_read_is_an_error_not_a_crash(
    line: str, message: str
) -> None:
    assert problems(f"schema_version: 1\n{line}\n") == [message]


def test_an_aliased_scalar_is_refused_like_an_aliased_list() -> None:
    text = MINIMAL.replace("name: Ann", "name: &who Ann").replace("title: One", "title: *who")
    assert problems(text) == [
        "corpus.yaml:4:11: aliases are not supported: this anchored value is used again "
        "with '*'; write the value out in full at each place"
    ]


def test_an_anchor_used_once_is_harmless() -> None:
    assert loads(MINIMAL.replace("name: Ann", "name: &who Ann")).people[0].name == "Ann"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("schema_version: 1\npeople:\n  - id: a\n    name: A\x00nn\n", "corpus.yaml:4:12:"),
        # The column counts characters, not the bytes of the UTF-8 before it.
        ("schema_version: 1\n# café\npeople:\n  - id: é\x01\n", "corpus.yaml:4:10:"),
    ],
)
def test_a_control_character_gets_a_line_and_column(text: str, where: str) -> None:
    [message] = problems(text)
    assert message.startswith(where + " invalid YAML: unacceptable character #x")
    assert "\n" not in message


@pytest.mark.parametrize("odd_break", ["\x85", "\u2028", "\u2029"])
def test_line_numbers_count_only_the_line_breaks_editors_count(odd_break: str) -> None:
    # YAML 1.1 (PyYAML) breaks lines at NEL, LS and PS; YAML 1.2 and editors do not.
    text = MINIMAL.replace("name: Ann", f'name: "Ann{odd_break}Smith"').replace(
        "    title: One\n", "    title: One\n    pages: 3\n"
    )
    assert problems(text) == [
        "corpus.yaml:8:5: sources[0] (id: s1): unknown field 'pages'; "
        "check its spelling in docs/format.md"
    ]


@pytest.mark.parametrize("version", ["true", "1.0", '"1"', "01:00"])
def test_the_schema_version_is_the_integer_one(version: str) -> None:
    text = MINIMAL.replace("schema_version: 1", f"schema_version: {version}")
    assert problems(text) == ["corpus.yaml:1:17: schema_version: Input should be 1"]


def test_a_time_like_date_stays_text_instead_of_becoming_a_number() -> None:
    # YAML 1.1 reads 20:19 as 1219 (base 60); it is kept as written, for AM105 to judge.
    text = MINIMAL.replace("    authors: [ann]\n", "    authors: [ann]\n    date: 20:19\n")
    assert loads(text).sources[0].date == "20:19"


def test_a_huge_document_stops_early_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARGMAP_MAX_NODES", "50")
    huge = "schema_version: 1\nitems: [" + ", ".join(["x"] * 100) + "]\n"
    expected = (
        "has more than 50 keys and values, far more than any corpus needs; "
        "if the file is right, raise $ARGMAP_MAX_NODES"
    )
    # The 51st node: the root, two keys, two values, and the list's 46th item.
    assert problems(huge) == [f"corpus.yaml:2:{8 + 3 * 45 + 1}: {expected}"]
    # Also when the document would go to the careful path (here for its anchor).
    anchored = huge.replace("items:", "a: &x 1\nitems:")
    assert problems(anchored) == [f"corpus.yaml:3:{8 + 3 * 43 + 1}: {expected}"]


def test_a_file_with_a_byte_order_mark_or_any_script_loads_the_same(tmp_path: Path) -> None:
    text = MINIMAL.replace("name: Ann", "name: Ann Café 東京")
    plain, marked = tmp_path / "plain.yaml", tmp_path / "marked.yaml"
    plain.write_text(text, encoding="utf-8")
    marked.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    expected = loads(text)
    assert argmap.load(plain) == expected
    assert argmap.load(marked) == expected
    located = argmap.load(plain).source_map.locate(("people", 0, "name"))
    assert located is not None and (located.line, located.column) == (4, 11)
