"""One truth for validity: the checker and the JSON Schema judge the same files alike.

Each case breaks the clean fixture (tests/fixtures/rules/pass.yaml) in one
place and feeds the file to both ``argmap check`` and a JSON Schema validator
(``argmap schema``). Where JSON Schema can express the rule (types, strict
booleans, id and date shapes), both must refuse the file. Where it cannot
(a reference to an id that does not exist, 30 February, a duplicated id),
the schema passes the file and the check refuses it: those rules are the
checker's alone, listed here so that the gap is on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.loading import read_document
from argmap.schema import corpus_schema
from tests.conftest import ROOT, RULE_TEXTS, RULES

BASE = (RULES / "pass.yaml").read_text(encoding="utf-8")
VALIDATOR = Draft202012Validator(corpus_schema())

BOTH = [
    ("central: a string", "  central: true\n", '  central: "yes"\n'),
    ("central: a number", "  central: true\n", "  central: 1\n"),
    ("reported: a string", "  reported: true\n", '  reported: "true"\n'),
    ("an id that is no slug", "- id: no-card\n", "- id: No_Card\n"),
    (
        "a reference that is no slug",
        "  speaker: ann-author\n  central",
        "  speaker: Ann Author\n  central",
    ),
    ("a tag that is no slug", "  tags: [russia-card]\n", "  tags: [Russia Card]\n"),
    ("a date of the wrong shape", "  date: 2019-03\n", "  date: 2019-3\n"),
    ("a date with words", "  date: 2019-03\n", "  date: March 2019\n"),
    ("an unknown field", "  central: true\n", "  central: true\n  centrl: true\n"),
    ("a wrong kind", "  kind: group\n", "  kind: crowd\n"),
    ("a missing text", "  text: Japan cannot use Russia as leverage against China.\n", ""),
]
"""(case, what to replace, with what): both the schema and the check refuse."""

CHECK_ONLY = [
    (
        "a reference to no one",
        "  speaker: ann-author\n  central",
        "  speaker: bob-author\n  central",
    ),
    ("a day that does not exist", "  date: 2019-03\n", "  date: 2019-02-30\n"),
    ("a duplicated id", "- id: ties-a-must\n", "- id: no-card\n"),
]
"""Rules JSON Schema cannot express: the schema passes these files, the check does not."""


def broken(tmp_path: Path, old: str, new: str) -> Path:
    assert BASE.count(old) >= 1, old
    path = tmp_path / "corpus.yaml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    return path


def schema_errors(path: Path) -> list[str]:
    document: Any = read_document(path)[0]
    return [error.message for error in VALIDATOR.iter_errors(json.loads(json.dumps(document)))]


def check_exit(runner: CliRunner, path: Path) -> int:
    result = runner.invoke(app, ["check", "-f", str(path), "--texts", str(RULE_TEXTS)])
    return result.exit_code


def test_the_clean_fixture_and_the_bundled_corpus_pass_both(runner: CliRunner) -> None:
    assert schema_errors(RULES / "pass.yaml") == []
    assert check_exit(runner, RULES / "pass.yaml") == 0
    assert schema_errors(ROOT / "data" / "arguments.yaml") == []


@pytest.mark.parametrize(("case", "old", "new"), BOTH, ids=[c[0] for c in BOTH])
def test_both_refuse_what_the_schema_can_express(
    runner: CliRunner, tmp_path: Path, case: str, old: str, new: str
) -> None:
    path = broken(tmp_path, old, new)
    assert schema_errors(path), f"the schema passes {case}"
    assert check_exit(runner, path) in (1, 2), f"argmap check passes {case}"


@pytest.mark.parametrize(("case", "old", "new"), CHECK_ONLY, ids=[c[0] for c in CHECK_ONLY])
def test_the_check_alone_refuses_what_the_schema_cannot_express(
    runner: CliRunner, tmp_path: Path, case: str, old: str, new: str
) -> None:
    path = broken(tmp_path, old, new)
    assert schema_errors(path) == []
    assert check_exit(runner, path) == 1
