"""``argmap check`` from the command line: reports, formats, selection, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import RULE_TEXTS, RULES

PASS = str(RULES / "pass.yaml")
TEXTS = str(RULE_TEXTS)
READ = "Corpus: tests/fixtures/rules/{}.yaml; settings: none; texts: tests/fixtures/rules/texts."


def test_a_clean_corpus_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-f", PASS, "--texts", TEXTS])
    assert result.exit_code == 0
    assert result.stdout == f"All checks passed. {READ.format('pass')}\n"


def test_errors_exit_1_with_positions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-f", str(RULES / "am103_fail.yaml"), "--texts", TEXTS])
    assert result.exit_code == 1
    assert result.stdout == (
        "tests/fixtures/rules/am103_fail.yaml:24:12: AM103 [error] speaker 'ann-autor' is not "
        "a known person (did you mean 'ann-author'?)  (unresolved-reference)\n"
        f"Found 1 error, 0 warnings, 0 info. {READ.format('am103_fail')}\n"
    )


def test_warnings_fail_only_under_strict(runner: CliRunner) -> None:
    args = ["check", "-f", str(RULES / "am207_fail.yaml"), "--texts", TEXTS]
    relaxed = runner.invoke(app, args)
    assert relaxed.exit_code == 0
    assert relaxed.stdout.endswith(
        f"Found 0 errors, 1 warning, 0 info. {READ.format('am207_fail')} "
        "Warnings fail under --strict.\n"
    )
    assert runner.invoke(app, [*args, "--strict"]).exit_code == 1


def test_info_never_fails(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-f", PASS, "--strict"])
    assert result.exit_code == 0
    assert "AM305 [info]" in result.stdout


def test_concise_format(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["check", "-f", str(RULES / "am105_fail.yaml"), "--texts", TEXTS, "--format", "concise"],
    )
    assert result.stdout == (
        "tests/fixtures/rules/am105_fail.yaml:18:9: AM105 date '2019-02-30' "
        "has no day 30 in 2019-02\n"
    )


def test_json_format_has_stable_keys(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["check", "-f", str(RULES / "am105_fail.yaml"), "--texts", TEXTS, "--format", "json"],
    )
    document = json.loads(result.stdout)
    assert document == {
        "diagnostics": [
            {
                "code": "AM105",
                "name": "invalid-date",
                "severity": "error",
                "message": "date '2019-02-30' has no day 30 in 2019-02",
                "path": "tests/fixtures/rules/am105_fail.yaml",
                "line": 18,
                "column": 9,
                "entity_id": "s1",
            }
        ],
        "summary": {"error": 1, "warning": 0, "info": 0},
        "corpus": {"path": "tests/fixtures/rules/am105_fail.yaml", "origin": "option"},
        "settings": None,
        "texts": "tests/fixtures/rules/texts",
    }


def test_github_format(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["check", "-f", str(RULES / "am105_fail.yaml"), "--texts", TEXTS, "--format", "github"],
    )
    assert result.stdout == (
        "::error file=tests/fixtures/rules/am105_fail.yaml,line=18,col=9,"
        "title=AM105 invalid-date::date '2019-02-30' has no day 30 in 2019-02\n"
    )


def test_select_and_ignore_take_prefixes_and_the_more_specific_wins(runner: CliRunner) -> None:
    fixture = str(RULES / "am208_fail.yaml")
    base = ["check", "-f", fixture, "--texts", TEXTS, "--format", "concise"]
    assert "AM208" in runner.invoke(app, base).stdout
    assert runner.invoke(app, [*base, "--ignore", "AM2"]).stdout == ""
    assert "AM208" in runner.invoke(app, [*base, "--ignore", "AM2", "--select", "AM208"]).stdout
    assert runner.invoke(app, [*base, "--select", "AM2", "--ignore", "AM208"]).stdout == ""
    assert runner.invoke(app, [*base, "--select", "am3,am4"]).stdout == ""


def test_unknown_selector_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-f", PASS, "--select", "AM9"])
    assert result.exit_code == 2
    assert result.stderr == "error: no rule matches AM9; see 'argmap rules' for the codes\n"


def test_missing_texts_directory_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "-f", PASS, "--texts", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "texts directory does not exist" in result.stderr


def test_texts_come_from_the_environment(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-f", PASS], env={"ARGMAP_TEXTS": TEXTS})
    assert result.stdout == f"All checks passed. {READ.format('pass')}\n"


def test_an_unusable_corpus_exits_2_in_the_chosen_format(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\npeople:\n  - id: a\n    id: b\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", str(bad), "--format", "json"])
    assert result.exit_code == 2
    [diagnostic] = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["code"] == "AM001"
    assert (diagnostic["line"], diagnostic["column"]) == (4, 5)
    assert diagnostic["message"].startswith("duplicate key 'id' (first at line 3)")


def test_every_schema_problem_is_shown(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\npeople:\n  - id: a\n  - name: B\nclaims:\n  - id: c\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "-f", str(bad), "--format", "concise"])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert lines[0].endswith("AM002 people[0] (id: a): name: field required")
    assert lines[1].endswith("AM002 people[1]: id: field required")


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(app, ["--version"]).stdout == "argmap 0.1.0\n"
    help_text = runner.invoke(app, ["check", "--help"]).stdout
    assert "--texts" in help_text and "--strict" in help_text
