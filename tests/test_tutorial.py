"""The docs' examples run: every ``$ argmap ...`` line of a console block exits 0.

They run on the bundled corpus, which annotators are still revising, so the
outputs shown in the docs are illustrations and are not compared here (the
exact outputs are pinned on tests/fixtures/queries.yaml in
tests/test_cli_queries.py, and a few short ones of the docs in
tests/test_doc_outputs.py). A command piped into another tool runs up to the
pipe.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import ROOT

DOCS = ("tutorial.md", "queries.md", "evaluate.md")


def console_commands(path: Path) -> list[list[str]]:
    """The argv of each ``$ argmap`` line in the file's ```console blocks."""
    text = path.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```console\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.splitlines():
            if not line.startswith("$ argmap "):
                continue
            lexer = shlex.shlex(line[2:], posix=True, punctuation_chars="|")
            lexer.whitespace_split = True
            tokens = list(lexer)
            if "|" in tokens:
                tokens = tokens[: tokens.index("|")]
            commands.append(tokens[1:])
    return commands


EXAMPLES = [(name, argv) for name in DOCS for argv in console_commands(ROOT / "docs" / name)]


def test_the_docs_have_examples() -> None:
    counts = {name: sum(1 for n, _ in EXAMPLES if n == name) for name in DOCS}
    assert counts["tutorial.md"] >= 15
    assert counts["queries.md"] >= 25


def test_a_piped_command_runs_up_to_the_pipe() -> None:
    assert console_commands(ROOT / "docs" / "tutorial.md")[-3] == [
        "rebuttals",
        "--against",
        "shines",
        "--format",
        "json",
    ]


@pytest.mark.parametrize(("doc", "argv"), EXAMPLES, ids=[f"{n}:{' '.join(a)}" for n, a in EXAMPLES])
def test_example_runs(runner: CliRunner, doc: str, argv: list[str]) -> None:
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, f"{doc}: argmap {' '.join(argv)}\n{result.stderr}"
    assert result.stdout or result.stderr
