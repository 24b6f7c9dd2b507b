"""A one-column table printed without rich is, byte for byte, the table rich prints.

``argmap claims`` from one voice in one source prints a table of one column;
:func:`argmap.cli.output.plain_table` lays it out without importing rich's
console (a fifth of that command's start-up). These tests print the same rows
both ways, on the project's corpus at many widths and on generated text, and
compare the bytes.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import output
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
            patch.setattr(output, "plain_table", lambda *args, **kwargs: None)
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
_TEXT = st.lists(
    st.one_of(_WORDS, st.sampled_from([" ", "  ", "\n", "\n\n", " \n", "[b]", "日本", "\t"])),
    max_size=30,
).map("".join)


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
