"""Names with backslashes, control characters and line breaks, in every diagram view.

A person's name is one line wherever a diagram shows it: in a box, a
cluster label, the legend, a tooltip. A backslash in it is drawn as typed
(never read by Graphviz as ``\\n`` or ``\\l``), and a tab, a line break
(CR, LF, U+0085, U+2028, U+2029) or another control character is drawn as a
space, so that the SVG stays well-formed XML.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.dom.minidom
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.export.labels import clean

AWKWARD = "Ann\ttab\x01ctl\u2028ls\r\ncr\x7f\u0085 end\\"
AS_DRAWN = "Ann tab ctl ls cr end\\"
UNDRAWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
NEEDS_DOT = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")


def corpus(tmp_path: Path, first: str, second: str = "Bea Second") -> Path:
    """Two speakers, one rebutting the other, in one source."""
    path = tmp_path / "arguments.yaml"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "people": [
                    {"id": "p1", "name": first, "kind": "person"},
                    {"id": "p2", "name": second, "kind": "person"},
                ],
                "sources": [{"id": "s1", "title": "A talk", "authors": ["p1"], "date": "2020"}],
                "claims": [
                    {"id": "c1", "source": "s1", "speaker": "p1", "text": "First claim."},
                    {"id": "c2", "source": "s1", "speaker": "p2", "text": "Second claim."},
                ],
                "rebuttals": [
                    {"id": "r1", "by": "c2", "target": "c1", "kind": "rebut", "basis": "explicit"}
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


def draw(tmp_path: Path, corpus_file: Path, *options: str, suffix: str) -> str:
    out = tmp_path / f"drawn.{suffix}"
    result = CliRunner().invoke(app, ["diagram", "-f", str(corpus_file), *options, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_clean_draws_control_characters_and_line_breaks_as_one_space() -> None:
    assert clean(AWKWARD) == AS_DRAWN
    assert clean("Ordinary  Name \\n") == "Ordinary  Name \\n"  # left as typed


VIEWS_AND_FORMATS = [
    (view, fmt)
    for view in ("map", "debate", "speakers")
    for fmt in ("dot", "svg", "mermaid", "html")
    if not (view == "speakers" and fmt in ("mermaid", "html"))
]


@pytest.mark.parametrize(("view", "fmt"), VIEWS_AND_FORMATS)
def test_a_name_with_control_characters_is_drawn_on_one_line(
    tmp_path: Path, view: str, fmt: str
) -> None:
    if fmt in ("svg", "html") and shutil.which("dot") is None:
        pytest.skip("needs Graphviz's dot")
    options = ["--view", view, "--format", fmt]
    if view == "map":
        options += ["--cluster", "speaker"]  # the name also labels a cluster
    if fmt in ("svg", "html"):
        options += ["--renderer", "dot"]
    drawn = draw(tmp_path, corpus(tmp_path, AWKWARD), *options, suffix=fmt)
    assert not UNDRAWABLE.search(drawn)
    assert "Ann\t" not in drawn and "ls\r" not in drawn and "ls\n" not in drawn
    assert "Ann tab ctl ls cr end" in drawn
    if fmt == "svg":
        xml.dom.minidom.parseString(drawn.encode())


def test_the_webassembly_renderer_also_draws_well_formed_svg(tmp_path: Path) -> None:
    drawn = draw(
        tmp_path,
        corpus(tmp_path, AWKWARD),
        "--view",
        "speakers",
        "--renderer",
        "wasm",
        suffix="svg",
    )
    xml.dom.minidom.parseString(drawn.encode())
    assert "Ann tab ctl ls cr end\\" in drawn


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        # A backslash before n or l is drawn, not taken for a line break.
        ("Mid \\n not newline", "Mid \\\\n not newline"),
        # A final backslash is drawn, and the line break after it kept.
        ("Trailing backslash\\", "Trailing backslash\\\\"),
        ('Quote " and <b>', 'Quote \\" and <b>'),
    ],
)
def test_the_speakers_view_escapes_backslashes_as_the_map_does(
    tmp_path: Path, name: str, escaped: str
) -> None:
    drawn = draw(tmp_path, corpus(tmp_path, name), "--view", "speakers", suffix="dot")
    assert f'p1 [label="{escaped}\\n1 claim"' in drawn
    assert f'tooltip="{escaped}: 1 claim"' in drawn


@NEEDS_DOT
@pytest.mark.parametrize("name", ["Mid \\n not newline", "Trailing backslash\\"])
def test_the_speakers_view_draws_a_backslash_as_typed(tmp_path: Path, name: str) -> None:
    drawn = draw(
        tmp_path, corpus(tmp_path, name), "--view", "speakers", "--renderer", "dot", suffix="svg"
    )
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", drawn)
    assert name in texts  # the name on a line of its own, as typed
    assert "1 claim" in texts
    assert f"<title>{name}: 1 claim</title>" in drawn or f'xlink:title="{name}: 1 claim"' in drawn
