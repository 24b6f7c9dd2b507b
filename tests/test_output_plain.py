"""A table printed without rich is, byte for byte, the table rich prints.

:func:`argmap.cli.output.plain_table` lays out the listings' tables without
importing rich's console (a fifth of a listing's start-up). These tests print
the same rows both ways, every listing of the project's corpus at many widths
and generated tables of one to four columns, and compare the bytes.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import output
from argmap.cli.app import app
from argmap.cli.output import Column, Row, render_rows
from argmap.formats import ListFormat
from argmap.index import Index
from argmap.loading import load
from argmap.queries import ClaimFilter, find_claims
from tests.conftest import ROOT

CLAIM = Column("text", "Claim", wrap=True)


def printed(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    rows: list[Row],
    *,
    width: int,
    title: str,
    spaced: bool = True,
    plain: bool,
    columns: list[Column] | None = None,
) -> str:
    """What render_rows prints at ``width``, with the plain table allowed or not."""
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    with monkeypatch.context() as patch:
        if not plain:
            patch.setattr(output, "_plain_columns", lambda *args, **kwargs: None)
        capsys.readouterr()
        render_rows(rows, columns or [CLAIM], ListFormat.TABLE, title=title, spaced=spaced)
        return capsys.readouterr().out


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(load(ROOT / "data" / "arguments.yaml"))


def test_claims_of_one_speaker_print_without_rich(index: Index) -> None:
    rows = [r.as_dict() for r in find_claims(index, ClaimFilter(authors=("trenin",)))]
    text = output.plain_table(rows, [CLAIM], title="Claims", spaced=True, width=100)
    assert text is not None
    title, top, heading, rule = text.splitlines()[:4]
    assert (title, top, heading) == ("Claims", "", "  Claim")
    assert rule.startswith(" ──") and set(rule[1:]) == {"─"}


@pytest.mark.parametrize("width", [20, 23, 24, 25, 30, 40, 57, 60, 64, 79, 80, 100, 140, 200])
def test_every_speakers_claims_print_as_rich_prints_them(
    index: Index,
    width: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for person in index.corpus.people:
        rows = [r.as_dict() for r in find_claims(index, ClaimFilter(authors=(person.id,)))]
        if not rows:
            continue
        title = f"Claims by {person.name} ({len(rows)})"
        for quotes in (False, True):
            if quotes:
                rows = [{**r, "text": f"{r['text']}\n“{r['quote']}”"} for r in rows if r["quote"]]
                if not rows:
                    continue
            expected = printed(capsys, monkeypatch, rows, width=width, title=title, plain=False)
            got = printed(capsys, monkeypatch, rows, width=width, title=title, plain=True)
            assert got == expected, (person.id, width, quotes)


_WORDS = st.sampled_from(
    ["a", "bb", "claim", "Japan\u2019s", "“quoted”", "—", "x" * 19, "y" * 45, "z" * 70, "an-id"]
)
_SPACES = st.sampled_from([" ", "  ", "\n", "\n\n", " \n"])
_SAFE_TEXT = st.lists(st.one_of(_WORDS, _SPACES), max_size=30).map("".join)
"""Text plain_table lays out itself."""
_TEXT = st.lists(
    st.one_of(_WORDS, _SPACES, st.sampled_from(["[b]", "日本", "\t", "e\u0301"])),
    max_size=30,
).map("".join)
"""Text that is sometimes left to rich (markup-like, wide, tabs, combining marks)."""


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(_TEXT, min_size=1, max_size=5),
    title=_TEXT.filter(lambda t: "\n" not in t),
    header=st.sampled_from(["Claim", "Claim text", "A heading longer than most", "x" * 30]),
    width=st.integers(min_value=20, max_value=130),
    spaced=st.booleans(),
)
def test_generated_tables_print_as_rich_prints_them(
    cells: list[str],
    title: str,
    header: str,
    width: int,
    spaced: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows: list[Row] = [{"text": cell} for cell in cells]
    columns = [Column("text", header, wrap=True)]
    kwargs = {"width": width, "title": title, "spaced": spaced, "columns": columns}
    expected = printed(capsys, monkeypatch, rows, plain=False, **kwargs)  # type: ignore[arg-type]
    got = printed(capsys, monkeypatch, rows, plain=True, **kwargs)  # type: ignore[arg-type]
    assert got == expected


LISTINGS = [
    ["claims"],
    ["claims", "-a", "trenin"],
    ["claims", "-a", "miller", "--quotes"],
    ["claims", "-s", "csis"],
    ["rebuttals"],
    ["unanswered"],
    ["agreements"],
    ["questions"],
    ["people"],
    ["sources"],
    ["tags"],
    ["stats"],
    ["matrix"],
    ["evaluate"],
    ["evaluate", "--semantics", "preferred"],
]


@pytest.mark.parametrize("width", [20, 31, 40, 60, 80, 100, 160])
def test_every_listing_prints_as_rich_prints_it(
    width: int, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = str(ROOT / "data" / "arguments.yaml")
    monkeypatch.setenv("COLUMNS", str(width))
    for args in LISTINGS:
        got = runner.invoke(app, [*args, "--file", corpus])
        with monkeypatch.context() as patch:  # rich lays out and measures every table
            patch.setattr(output, "_plain_columns", lambda *a, **k: None)
            expected = runner.invoke(app, [*args, "--file", corpus])
        assert (got.exit_code, got.stdout) == (expected.exit_code, expected.stdout), args


_COLUMN = st.builds(
    Column,
    key=st.just(""),
    header=st.sampled_from(["Claim", "How", "Target speaker", "Claims", "A long heading here"]),
    wrap=st.booleans(),
    justify=st.sampled_from(["left", "right"]),
    max_width=st.sampled_from([None, None, 8, 24]),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    columns=st.lists(_COLUMN, min_size=2, max_size=4),
    cells=st.lists(st.lists(_SAFE_TEXT, min_size=4, max_size=4), min_size=1, max_size=4),
    title=_SAFE_TEXT.filter(lambda t: "\n" not in t),
    width=st.integers(min_value=20, max_value=130),
    spaced=st.booleans(),
)
def test_generated_tables_of_several_columns_print_as_rich_prints_them(
    columns: list[Column],
    cells: list[list[str]],
    title: str,
    width: int,
    spaced: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keyed = [
        Column(f"c{i}", c.header, c.wrap, True, None, c.justify, c.max_width)
        for i, c in enumerate(columns)
    ]
    rows: list[Row] = [{f"c{i}": text for i, text in enumerate(line)} for line in cells]
    kwargs = {"width": width, "title": title, "spaced": spaced, "columns": keyed}
    expected = printed(capsys, monkeypatch, rows, plain=False, **kwargs)  # type: ignore[arg-type]
    got = printed(capsys, monkeypatch, rows, plain=True, **kwargs)  # type: ignore[arg-type]
    assert got == expected
    monkeypatch.setenv("COLUMNS", str(width))
    measured = output.table_width(rows, keyed)
    with monkeypatch.context() as patch:
        patch.setattr(output, "_plain_columns", lambda *a, **k: None)
        assert measured == output.table_width(rows, keyed)
