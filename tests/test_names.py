"""Names as users type them (docs/queries.md, "Naming people, sources and tags").

The fixture has Ben Baker and Cleo Cole, who also write together as the
group ``baker-cole`` ("Ben Baker and Cleo Cole"), and a source whose id
starts with a person's name (``archer-trams-2020``, by Ann Archer).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from argmap import resolve
from argmap.cli.app import app
from argmap.errors import LookupFailed
from argmap.index import Index
from argmap.loading import load
from tests.conftest import FIXTURES, ROOT

QUERIES = str(FIXTURES / "queries.yaml")
CORPUS = str(ROOT / "data" / "arguments.yaml")


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(load(QUERIES))


def test_an_exact_id_wins(index: Index) -> None:
    assert resolve.person(index, "baker-cole").id == "baker-cole"


def test_an_exact_display_name_wins_over_a_group_holding_it(index: Index) -> None:
    assert resolve.person(index, "Ben Baker").id == "ben-baker"
    assert resolve.person(index, "ben baker").id == "ben-baker"
    assert resolve.person(index, "Ben Baker and Cleo Cole").id == "baker-cole"


def test_a_fragment_matching_one_person_and_their_groups_is_the_person(index: Index) -> None:
    match = resolve.person_match(index, "baker")
    assert match.entity.id == "ben-baker"
    assert match.notes == (
        "Ben Baker's claims and rebuttals include those of baker-cole (Ben Baker and Cleo "
        "Cole), a group Ben Baker belongs to",
    )
    assert resolve.person(index, "COLE").id == "cleo-cole"


def test_a_fragment_matching_two_people_is_still_ambiguous(index: Index) -> None:
    with pytest.raises(LookupFailed, match=r"person 'er' is ambiguous: it matches ann-archer"):
        resolve.person(index, "er")


def test_show_prefers_a_name_to_an_id_that_merely_starts_with_it(index: Index) -> None:
    match = resolve.entity(index, "archer")
    assert not isinstance(match, str)
    assert match.entity.id == "ann-archer"
    assert match.notes == (
        "'archer' also matches source archer-trams-2020; give the id to show it",
    )
    assert resolve.entity(index, "archer-trams-2020") == "archer-trams-2020"
    assert resolve.entity(index, "arg-cleaner") == "arg-cleaner"  # an argument id


def test_the_cli_says_when_a_group_is_counted(runner: CliRunner) -> None:
    result = runner.invoke(app, ["claims", "-f", QUERIES, "-a", "baker", "--format", "csv"])
    assert result.exit_code == 0
    assert result.stderr.startswith("note: Ben Baker's claims and rebuttals include those of ")
    speakers = {line.split(",")[2] for line in result.stdout.splitlines()[1:]}
    assert speakers == {"baker-cole"}


@pytest.mark.parametrize("name", ["Miller", "Walker", "Chris Miller", "tamkin", "shines"])
def test_the_names_of_the_bundled_corpus_resolve(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, ["claims", "-f", CORPUS, "-a", name, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)


@pytest.mark.parametrize("name", ["tamkin", "shines"])
def test_show_takes_an_authors_surname(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, ["show", "-f", CORPUS, name, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["type"] == "person"
    assert f"'{name}' also matches source" in result.stderr


def test_matrix_and_rebuttals_by_count_the_same_way(runner: CliRunner) -> None:
    """A person's ``--by`` count is their matrix row plus their groups' rows."""
    pairs = json.loads(runner.invoke(app, ["matrix", "-f", CORPUS, "--format", "json"]).stdout)
    made: dict[str, int] = {}
    for pair in pairs:
        made[pair["by_speaker"]] = made.get(pair["by_speaker"], 0) + pair["total"]
    result = runner.invoke(app, ["rebuttals", "-f", CORPUS, "--by", "miller", "--format", "json"])
    listed = json.loads(result.stdout)
    assert len(listed) == made["chris-miller"] + made["miller-walker"]
    table = runner.invoke(app, ["rebuttals", "-f", CORPUS, "--by", "chris-miller"])
    own, group = made["chris-miller"], made["miller-walker"]
    assert (
        f"Rebuttals by Chris Miller ({own + group}: {own} in their own voice, "
        f"{group} as miller-walker)" in table.stdout
    )
    matrix = runner.invoke(app, ["matrix", "-f", CORPUS])
    assert "A group counts in its own row" in " ".join(matrix.stdout.split())
