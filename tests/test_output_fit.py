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


def test_a_table_of_counts_too_wide_for_the_terminal_is_split_not_cropped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("NO_COLOR", "1")
    rows = [{"id": "Miller 2017", "claims": 127, "arguments": 89, "rebuts": 23, "stances": 42}]
    columns = [
        Column("id", "Source", max_width=20),
        *(Column(k, k.capitalize(), justify="right") for k in ("claims", "arguments")),
        *(Column(k, k.capitalize(), justify="right") for k in ("rebuts", "stances")),
    ]
    render_rows(rows, columns, ListFormat.TABLE, title="Per source")
    assert capsys.readouterr().out == (
        "Per source\n"
        "\n"
        "  Source        Claims   Arguments\n"
        " ──────────────────────────────────\n"
        "  Miller 2017      127          89\n"
        "\n"
        "  Source        Rebuts   Stances\n"
        " ────────────────────────────────\n"
        "  Miller 2017       23        42\n"
    )


@pytest.mark.parametrize("width", ["40", "60", "80"])
def test_stats_show_every_heading_and_count_at_any_width(
    width: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from argmap.cli.app import app

    monkeypatch.setenv("COLUMNS", width)
    out = CliRunner().invoke(app, ["stats"]).stdout
    assert max(len(line) for line in out.splitlines()) <= int(width)
    headings = {word for line in out.splitlines() for word in line.split()}
    for heading in ("Source", "Claims", "Spkrs", "Out", "In", "Across", "Agree", "Stance"):
        assert heading in headings
    # Miller 2017's 127 claims are shown (in the part that has the Claims column).
    assert any(line.split()[-1:] != [] and "127" in line.split() for line in out.splitlines())


@pytest.mark.parametrize("width", ["60", "80", "100"])
def test_a_name_column_of_long_ids_folds_them_rather_than_crop_the_text_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: str
) -> None:
    # As in `argmap stances` over every question: long question ids in a narrow
    # name column, a speaker column, and the claims' text, which must wrap whole.
    monkeypatch.setenv("COLUMNS", width)
    monkeypatch.setenv("NO_COLOR", "1")
    text = "Abe is working on better ties with Moscow as a strategy to stop Russia lining up"
    rows = [
        {"q": "ap-us-welcome-japan-russia-ties-long", "who": "Chris Miller and Joshua W. Walker"},
        {"q": "russia-card", "who": "Dmitri Trenin"},
    ]
    for row in rows:
        row["claim"] = f"ap-mw-abe-keeps-moscow-from-beijing (pro)\n{text}"
    columns = [
        Column("q", "Question", max_width=14),
        Column("who", "Speaker", max_width=20),
        Column("claim", "Claim", wrap=True),
    ]
    render_rows(rows, columns, ListFormat.TABLE)
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= int(width)
    words = " ".join(out.split())
    assert text in words  # every word of the text, in order, none cut
