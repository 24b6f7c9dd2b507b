"""The query commands from the command line, on the mini tram debate (tests/fixtures/queries.yaml).

Tables are pinned exactly at COLUMNS=100 without colour (see the ``runner``
fixture); the pipe formats are pinned by their shape: field names and types.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from argmap.cli.app import app
from tests.conftest import FIXTURES

QUERIES = str(FIXTURES / "queries.yaml")


def run(runner: CliRunner, *args: str) -> Result:
    result = runner.invoke(app, [*args, "-f", QUERIES])
    assert result.exit_code == 0, result.stderr
    return result


def as_json(runner: CliRunner, *args: str) -> Any:
    return json.loads(run(runner, *args, "--format", "json").stdout)


# -- tables, exactly ----------------------------------------------------------


def test_claims_by_a_member_include_the_groups_claims(runner: CliRunner) -> None:
    """A member's claims include their group's: -a cleo-cole finds Baker and Cole's joint claims."""
    expected = """\
Claims by Cleo Cole (5: 1 in their own voice, 4 as baker-cole)

  Speaker                   Claim
 ──────────────────────────────────────────────────────────────────────────────────────────────────
  Ben Baker and Cleo Cole   bc-no-tram  (central)
                            Riverton should not build a tram line.

  Ben Baker and Cleo Cole   bc-buses-cheaper
                            Electric buses would cut traffic at a tenth of the cost of a tram.

  Ben Baker and Cleo Cole   bc-traffic-shifts
                            Traffic pushed out of the centre would move to other streets rather
                            than fall.

  Ben Baker and Cleo Cole   bc-budget-overrun
                            Tram projects usually run over budget.

  Cleo Cole                 cc-construction-years
                            Building the tram would disrupt the centre for years.
"""
    assert run(runner, "claims", "-a", "cleo-cole").stdout == expected


def test_claims_show_reported_speech_and_sources(runner: CliRunner) -> None:
    """Reported speech shows through whom; several sources add an author-year line."""
    expected = """\
Claims tagged budget (4)

  Speaker, source           Claim
 ──────────────────────────────────────────────────────────────────────────────────────────────
  Ann Archer                aa-funding-no-obstacle
  Archer 2020               Funding is no obstacle to the tram.

  Riverton City Council     council-budget-covers-tram
  via Ann Archer            The city budget can cover the cost of a tram line.
  Archer 2020

  Ben Baker and Cleo Cole   bc-buses-cheaper
  Baker & Cole 2020         Electric buses would cut traffic at a tenth of the cost of a tram.

  Ben Baker and Cleo Cole   bc-budget-overrun
  Baker & Cole 2020         Tram projects usually run over budget.
"""
    assert run(runner, "claims", "-t", "budget").stdout == expected


def test_rebuttals_against_a_speaker(runner: CliRunner) -> None:
    """Each rebuttal: attacker claim (speaker) -> target (speaker), kind, basis, note."""
    expected = """\
Rebuttals against Ben Baker and Cleo Cole (1)

  Rebuttal: attacker → target                           How
 ────────────────────────────────────────────────────────────────
  aa-rejects-reply                                      rebut
  Ann Archer, aa-build-tram:                            inferred
  Riverton should build a tram line.                    across
  → Ben Baker and Cleo Cole, bc-no-tram:
  Riverton should not build a tram line.
  Note: Archer wrote first; her thesis denies theirs.
"""
    assert run(runner, "rebuttals", "--against", "baker-cole").stdout == expected


def test_matrix(runner: CliRunner) -> None:
    """Who rebuts whom: row rebuts column, explicit+inferred; a long name wraps, never cut."""
    expected = """\
Who rebuts whom: 5 rebuttals among 2 speakers. Row rebuts column; cells are explicit+inferred; Out =
made, In = received.

  Speaker                   1     2   Out   In
 ──────────────────────────────────────────────
   1 Ann Archer                 0+1     1    4
   2 Ben Baker and Cleo   3+1           4    1
     Cole
"""
    assert run(runner, "matrix").stdout == expected


def test_unanswered_counts(runner: CliRunner) -> None:
    """Objections per target speaker, and how many nothing answers."""
    expected = """\
Objections per target speaker

  Target speaker            Objections   Unanswered   Answered
 ──────────────────────────────────────────────────────────────
  Ann Archer                         4            3          1
  Ben Baker and Cleo Cole            1            0          1
"""
    assert run(runner, "unanswered", "--counts").stdout == expected


def test_tree_marks_pros_cons_repeats_and_cycles(runner: CliRunner) -> None:
    """The pro/con tree, cut where a claim repeats or a cycle closes."""
    expected = """\
aa-build-tram · Ann Archer
│   Riverton should build a tram line.
├─ PRO argument arg-traffic-and-funding (explicit), linked premises:
│  ├─ + aa-tram-cuts-traffic · Ann Archer
│  │  │   A tram line would cut car traffic in the centre.
│  │  └─ CON bc-traffic-shifts · Ben Baker and Cleo Cole (rebut, explicit)
│  │         Traffic pushed out of the centre would move to other streets rather than fall.
│  └─ + aa-funding-no-obstacle · Ann Archer
│     │   Funding is no obstacle to the tram.
│     └─ PRO argument arg-council-budget (explicit):
│        ├─ + council-budget-covers-tram · Riverton City Council
│        │      The city budget can cover the cost of a tram line.
│        └─ CON bc-budget-overrun · Ben Baker and Cleo Cole (undercut, explicit)
│               Tram projects usually run over budget.
├─ PRO aa-tram-cleaner · Ann Archer (explicit)
│  │   Trams emit less than the diesel buses they would replace.
│  └─ CON bc-buses-cheaper · Ben Baker and Cleo Cole (rebut, inferred)
│         Electric buses would cut traffic at a tenth of the cost of a tram.
└─ CON bc-no-tram · Ben Baker and Cleo Cole (rebut, explicit)
   │   Riverton should not build a tram line.
   ├─ PRO bc-buses-cheaper · Ben Baker and Cleo Cole (explicit)
   │      Electric buses would cut traffic at a tenth of the cost of a tram.
   │      (shown above; not expanded again)
   ├─ PRO cc-construction-years · Cleo Cole (inferred)
   │      Building the tram would disrupt the centre for years.
   └─ CON aa-build-tram · Ann Archer (rebut, inferred)
          Riverton should build a tram line.
          ↺ cycle: this claim is above; not expanded again
"""
    assert run(runner, "tree", "aa-build-tram").stdout == expected


def test_show_a_reported_claim(runner: CliRunner) -> None:
    """A claim in context: who reports it, and the argument it serves."""
    expected = """\
Claim council-budget-covers-tram
  The city budget can cover the cost of a tram line.
  “the budget can absorb the tram's cost”

  Speaker      Riverton City Council (city-council)
  Reported by  Ann Archer (ann-archer)
  Source       Archer 2020: Trams Now: Why Riverton Needs a Tram Line (archer-trams-2020)
  Tags         budget
  Roles        premise

Supported by 0 arguments

Attacked by 0 rebuttals

Rebuts or undercuts 0

Premise in 1 argument
  - arg-council-budget (explicit)
      - concludes aa-funding-no-obstacle (Ann Archer)
          Funding is no obstacle to the tram.
      - premise council-budget-covers-tram (Riverton City Council, via Ann Archer)
          The city budget can cover the cost of a tram line.
      - undercut by bc-budget-overrun (Ben Baker and Cleo Cole), explicit
        [bc-overrun-undercuts-budget]
          Tram projects usually run over budget.
          Note: A budget that covers the estimate does not cover the overrun.
"""
    assert run(runner, "show", "council-budget-covers-tram").stdout == expected


def test_show_a_member_of_a_group(runner: CliRunner) -> None:
    """A person: their claims per source (their group's included) and whom they rebut."""
    expected = """\
Ben Baker (ben-baker)

  Kind       person
  Member of  Ben Baker and Cleo Cole (baker-cole): the group's claims and rebuttals count here too
  Author of  Baker & Cole 2020 (baker-cole-reply-2020)

Claims: 4 in 1 source
  - Baker & Cole 2020: The Case Against the Tram (baker-cole-reply-2020), 4
      - bc-no-tram (Ben Baker and Cleo Cole, central)
          Riverton should not build a tram line.
      - bc-buses-cheaper (Ben Baker and Cleo Cole)
          Electric buses would cut traffic at a tenth of the cost of a tram.
      - bc-traffic-shifts (Ben Baker and Cleo Cole)
          Traffic pushed out of the centre would move to other streets rather than fall.
      - bc-budget-overrun (Ben Baker and Cleo Cole)
          Tram projects usually run over budget.

Rebuts: 4 rebuttals
  - Ann Archer (ann-archer): 4 rebuttals (3 explicit, 1 inferred)
      bc-rejects-tram, bc-traffic-answers-archer, bc-overrun-undercuts-budget,
      bc-buses-answer-cleaner

Rebutted by: 1 rebuttal
  - Ann Archer (ann-archer): 1 rebuttal (0 explicit, 1 inferred)
      aa-rejects-reply
"""
    assert run(runner, "show", "ben-baker").stdout == expected


def test_tree_depth_says_what_it_cuts(runner: CliRunner) -> None:
    result = run(runner, "tree", "aa-build-tram", "--depth", "0")
    assert result.stdout == (
        "aa-build-tram · Ann Archer\n"
        "    Riverton should build a tram line.\n"
        "    … 3 more below (raise --depth)\n"
    )
    assert result.stderr == "note: 3 branches below the depth limit not shown\n"


# -- pipe formats: stable field names, ids on every row ----------------------

CLAIM_FIELDS = [
    "id",
    "source",
    "speaker",
    "speaker_name",
    "reported",
    "reported_by",
    "central",
    "text",
    "quote",
    "tags",
    "roles",
    "note",
]
REBUTTAL_FIELDS = [
    "id",
    "kind",
    "basis",
    "by",
    "by_speaker",
    "by_speaker_name",
    "by_source",
    "by_text",
    "target",
    "target_type",
    "target_claim",
    "target_speaker",
    "target_speaker_name",
    "target_source",
    "target_text",
    "note",
    "cross_source",
    "answered_by",
]


def test_claims_json_shape(runner: CliRunner) -> None:
    rows = as_json(runner, "claims", "-a", "city-council")
    assert rows == [
        {
            "id": "council-budget-covers-tram",
            "source": "archer-trams-2020",
            "speaker": "city-council",
            "speaker_name": "Riverton City Council",
            "reported": True,
            "reported_by": ["ann-archer"],
            "central": False,
            "text": "The city budget can cover the cost of a tram line.",
            "quote": "the budget can absorb the tram's cost",
            "tags": ["budget"],
            "roles": ["premise"],
            "note": None,
        }
    ]
    assert list(rows[0]) == CLAIM_FIELDS


def test_rebuttals_json_shape(runner: CliRunner) -> None:
    rows = as_json(runner, "rebuttals", "--kind", "undercut")
    assert [list(r) for r in rows] == [REBUTTAL_FIELDS]
    (row,) = rows
    assert (row["target_type"], row["target"], row["target_claim"]) == (
        "argument",
        "arg-council-budget",
        "aa-funding-no-obstacle",
    )
    assert row["cross_source"] is True
    assert row["answered_by"] == []


def test_unanswered_rows_are_rebuttal_rows(runner: CliRunner) -> None:
    rows = as_json(runner, "unanswered")
    assert [list(r) for r in rows] == [REBUTTAL_FIELDS] * 3
    assert all(r["answered_by"] == [] for r in rows)


def test_matrix_json_is_a_flat_list_of_pairs(runner: CliRunner) -> None:
    assert as_json(runner, "matrix") == [
        {
            "by_speaker": "baker-cole",
            "by_speaker_name": "Ben Baker and Cleo Cole",
            "target_speaker": "ann-archer",
            "target_speaker_name": "Ann Archer",
            "total": 4,
            "explicit": 3,
            "inferred": 1,
            "rebut": 3,
            "undercut": 1,
            "rebuttals": [
                "bc-rejects-tram",
                "bc-traffic-answers-archer",
                "bc-overrun-undercuts-budget",
                "bc-buses-answer-cleaner",
            ],
        },
        {
            "by_speaker": "ann-archer",
            "by_speaker_name": "Ann Archer",
            "target_speaker": "baker-cole",
            "target_speaker_name": "Ben Baker and Cleo Cole",
            "total": 1,
            "explicit": 0,
            "inferred": 1,
            "rebut": 1,
            "undercut": 0,
            "rebuttals": ["aa-rejects-reply"],
        },
    ]


def test_matrix_csv_joins_lists_with_semicolons(runner: CliRunner) -> None:
    result = run(runner, "matrix", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[1] == {
        "by_speaker": "ann-archer",
        "by_speaker_name": "Ann Archer",
        "target_speaker": "baker-cole",
        "target_speaker_name": "Ben Baker and Cleo Cole",
        "total": "1",
        "explicit": "0",
        "inferred": "1",
        "rebut": "1",
        "undercut": "0",
        "rebuttals": "aa-rejects-reply",
    }


@pytest.mark.parametrize(
    ("command", "fields"),
    [
        (["people"], ["id", "name", "kind", "affiliation", "description", "members",
                      "groups", "claims", "sources", "rebuts", "rebutted", "agreements"]),
        (["sources"], ["id", "label", "title", "outlet", "date", "authors", "editors", "url",
                       "claims", "speakers"]),
        (["tags"], ["id", "description", "claims"]),
        (["stats"], ["group", "id", "name", "measure", "count"]),
        (["unanswered", "--counts"], ["target_speaker", "target_speaker_name", "objections",
                                      "unanswered", "answered", "rebuttals"]),
    ],
)  # fmt: skip
def test_listing_fields(runner: CliRunner, command: list[str], fields: list[str]) -> None:
    rows = as_json(runner, *command)
    assert rows
    assert all(list(row) == fields for row in rows)


def test_yaml_and_json_agree(runner: CliRunner) -> None:
    as_yaml = yaml.safe_load(run(runner, "rebuttals", "--format", "yaml").stdout)
    assert as_yaml == as_json(runner, "rebuttals")


def test_markdown_table(runner: CliRunner) -> None:
    assert run(runner, "tags", "--format", "markdown").stdout == (
        "| Tag | Description | Claims |\n"
        "|---|---|---|\n"
        "| transport | Traffic, trams and buses | 6 |\n"
        "| budget | What it costs and who pays | 4 |\n"
        "| environment | Emissions and air | 2 |\n"
    )


def test_show_json_nests_the_context(runner: CliRunner) -> None:
    data = as_json(runner, "show", "aa-build-tram")
    assert list(data) == [
        "type", "claim", "supported_by", "attacked_by", "attacks", "premise_in", "agreements",
        "stances",
    ]  # fmt: skip
    assert [a["argument"]["id"] for a in data["supported_by"]] == [
        "arg-traffic-and-funding",
        "arg-cleaner",
    ]
    assert [p["id"] for p in data["supported_by"][0]["premises"]] == [
        "aa-tram-cuts-traffic",
        "aa-funding-no-obstacle",
    ]
    assert [r["id"] for r in data["attacked_by"]] == ["bc-rejects-tram"]
    assert [r["id"] for r in data["attacks"]] == ["aa-rejects-reply"]


@pytest.mark.parametrize(
    ("entity", "kind", "keys"),
    [
        ("ben-baker", "person", ["type", "person", "groups", "members", "authored", "claims",
                                 "rebuts", "rebutted_by", "agrees_with", "stances"]),
        ("archer-trams-2020", "source", ["type", "source", "claims", "rebuttals"]),
        ("arg-council-budget", "argument", ["type", "argument", "conclusion", "premises",
                                            "undercut_by"]),
        ("bc-rejects-tram", "rebuttal", ["type", "rebuttal", "undercuts", "answered_by"]),
        ("budget", "tag", ["type", "tag", "claims"]),
    ],
)  # fmt: skip
def test_show_any_entity_as_json(
    runner: CliRunner, entity: str, kind: str, keys: list[str]
) -> None:
    data = as_json(runner, "show", entity)
    assert (data["type"], list(data)) == (kind, keys)


def test_tree_json_nodes(runner: CliRunner) -> None:
    root = as_json(runner, "tree", "aa-funding-no-obstacle")
    keys = ["relation", "type", "id", "via", "kind", "basis", "speaker", "speaker_name",
            "text", "stop", "hidden", "stances", "children"]  # fmt: skip
    assert list(root) == keys
    (argument,) = root["children"]
    assert (argument["relation"], argument["type"], argument["id"]) == (
        "pro",
        "argument",
        "arg-council-budget",
    )
    assert [(c["relation"], c["id"], c["kind"]) for c in argument["children"]] == [
        ("premise", "council-budget-covers-tram", None),
        ("con", "bc-budget-overrun", "undercut"),
    ]


def test_tree_markdown(runner: CliRunner) -> None:
    assert run(runner, "tree", "aa-funding-no-obstacle", "--format", "markdown").stdout == (
        "- Ann Archer: Funding is no obstacle to the tram. `aa-funding-no-obstacle`\n"
        "  - **PRO** argument `arg-council-budget` (explicit):\n"
        "    - **+** Riverton City Council: The city budget can cover the cost of a tram "
        "line. `council-budget-covers-tram`\n"
        "    - **CON** Ben Baker and Cleo Cole: Tram projects usually run over budget. "
        "`bc-budget-overrun` (undercut, explicit)\n"
    )


# -- names as users type them, and their errors ------------------------------


def test_fragments_resolve(runner: CliRunner) -> None:
    assert as_json(runner, "claims", "-a", "COUNCIL")[0]["speaker"] == "city-council"
    by_source = as_json(runner, "claims", "-s", "case against", "--central")
    assert [r["id"] for r in by_source] == ["bc-no-tram"]


def test_an_ambiguous_name_lists_the_candidates(runner: CliRunner) -> None:
    # 'an' is inside Ann Archer's name and the group's ("and"): two of one rank.
    result = runner.invoke(app, ["claims", "-a", "an", "-f", QUERIES])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: person 'an' is ambiguous: it matches ann-archer (Ann Archer), baker-cole "
        "(Ben Baker and Cleo Cole); give the id\n"
    )


def test_an_unknown_name_suggests(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rebuttals", "--by", "ann-archr", "-f", QUERIES])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no person matches 'ann-archr'; did you mean 'ann-archer'? "
        "('argmap people' lists them)\n"
    )


def test_unknown_ids_for_show_and_tree(runner: CliRunner) -> None:
    shown = runner.invoke(app, ["show", "aa-build-tran", "-f", QUERIES])
    assert (shown.exit_code, shown.stderr) == (
        2,
        "error: no id, person or source matches 'aa-build-tran'; did you mean 'aa-build-tram'?\n",
    )
    tree = runner.invoke(app, ["tree", "ann-archer", "-f", QUERIES])
    assert tree.exit_code == 2
    assert tree.stderr.startswith("error: no claim matches 'ann-archer'")


def test_bad_choices_are_usage_errors(runner: CliRunner) -> None:
    for args in (["claims", "--role", "hero"], ["rebuttals", "--basis", "maybe"]):
        result = runner.invoke(app, [*args, "-f", QUERIES])
        assert result.exit_code == 2
        assert "Invalid value" in result.stderr


def test_nothing_matches_is_not_an_error(runner: CliRunner) -> None:
    result = run(runner, "claims", "--grep", "monorail")
    assert (result.stdout, result.stderr) == ("", "No claims matching 'monorail'.\n")
    assert as_json(runner, "claims", "--grep", "monorail") == []


# -- terminals ----------------------------------------------------------------


def test_no_ansi_codes_without_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    for command in WIDE_COMMANDS:
        assert "\x1b[" not in run(runner, *command).stdout


WIDE_COMMANDS = [
    ["claims"],
    ["rebuttals"],
    ["unanswered"],
    ["matrix"],
    ["people"],
    ["sources"],
    ["tags"],
    ["stats"],
    ["show", "aa-build-tram"],
    ["tree", "aa-build-tram"],
]


@pytest.mark.parametrize("command", WIDE_COMMANDS, ids=" ".join)
def test_tables_fit_the_width(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    for width in (60, 80, 120):
        monkeypatch.setenv("COLUMNS", str(width))
        widest = max(len(line) for line in run(runner, *command).stdout.splitlines())
        assert widest <= width, width


def test_query_modules_import_nothing_heavy() -> None:
    """Start-up: the CLI modules defer rich, pydantic and the core to the command's run."""
    code = (
        "import sys\n"
        "import argmap.cli.listing, argmap.cli.rebuttals, argmap.cli.show, argmap.cli.tree\n"
        "heavy = ('rich', 'pydantic', 'argmap.model', 'argmap.index', 'argmap.queries')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
