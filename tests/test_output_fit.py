"""Tables never crop: when the ids in two wrapping columns cannot all stay whole at the
terminal's width, they fold at the column's edge rather than run off the terminal."""

from __future__ import annotations

import pytest

from argmap.cli.output import Column, format_rows, render_rows
from argmap.formats import ListFormat

LONG = "an-identifier-that-is-long-enough-to-fill-half-a-terminal-x"


def test_two_wrapping_columns_of_long_ids_fold_instead_of_cropping(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    rows = [{"a": f"{LONG}a text", "b": f"rebutted by {LONG}b (Someone)"}]
    columns = [Column("a", "A", wrap=True), Column("b", "B", wrap=True)]
    render_rows(rows, columns, ListFormat.TABLE)
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    folded = "".join(out.split())
    assert f"{LONG}b(Someone)" in folded.replace("│", "")


def test_a_mapping_in_a_csv_cell_is_id_equals_name_pairs() -> None:
    rows = [{"names": {"a": "Ann", "b": "Bo"}}]
    text = format_rows(rows, [Column("names", "Names")], ListFormat.CSV)
    assert text.splitlines() == ["names", "a=Ann;b=Bo"]
