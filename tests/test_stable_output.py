"""Machine output keeps its shape: the same CSV columns with rows or without,
and tables that wrap text but never break an id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.completion import scan_ids
from tests.conftest import ROOT

CORPUS = str(ROOT / "data" / "arguments.yaml")

LISTINGS = [
    ["claims"],
    ["rebuttals"],
    ["matrix"],
    ["matrix", "--agreements"],
    ["unanswered"],
    ["agreements"],
    ["questions"],
    ["stances"],
    ["people"],
    ["sources"],
    ["tags"],
    ["stats"],
]


@pytest.fixture
def empty(tmp_path: Path) -> str:
    path = tmp_path / "empty.yaml"
    path.write_text("schema_version: 1\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("argv", LISTINGS, ids=" ".join)
def test_csv_has_the_same_columns_with_rows_or_without(
    runner: CliRunner, empty: str, argv: list[str]
) -> None:
    full = runner.invoke(app, [*argv, "-f", CORPUS, "--format", "csv"])
    none = runner.invoke(app, [*argv, "-f", empty, "--format", "csv"])
    assert full.exit_code == none.exit_code == 0, none.output
    assert len(full.stdout.splitlines()) > 1
    assert none.stdout.splitlines()[:1] == full.stdout.splitlines()[:1]
    if argv != ["stats"]:  # stats counts zeros; the others have no row to show
        assert len(none.stdout.splitlines()) == 1


def test_a_filter_that_matches_nothing_keeps_the_header(runner: CliRunner) -> None:
    full = runner.invoke(app, ["claims", "-f", CORPUS, "--format", "csv"])
    none = runner.invoke(app, ["claims", "-f", CORPUS, "--grep", "zzzz", "--format", "csv"])
    assert none.stdout == full.stdout.splitlines()[0] + "\n"


IDS = scan_ids((ROOT / "data" / "arguments.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("argv", "section"),
    [
        (["people"], "people"),
        (["sources"], "sources"),
        (["tags"], "tags"),
        (["claims"], "claims"),
        (["rebuttals"], "rebuttals"),
        (["agreements"], "agreements"),
        (["questions"], "questions"),
    ],
)
def test_tables_at_80_columns_never_break_an_id(
    runner: CliRunner, argv: list[str], section: str
) -> None:
    result = runner.invoke(app, [*argv, "-f", CORPUS], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    width = max(len(line) for line in result.stdout.splitlines())
    assert width <= 80
    broken = [i for i, _ in IDS[section] if i not in result.stdout]
    assert broken == [], f"ids not shown whole: {broken[:5]}"
