"""docs/import.md's examples run, and print exactly what the page shows.

Each ``$ argmap ...`` line of a console block runs in a fresh directory that
holds a copy of tests/fixtures/import, in page order (a later example may read
what an earlier one wrote); its output (stdout and stderr, as a terminal shows
them) must be the lines that follow it on the page.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import FIXTURES, ROOT

PAGE = ROOT / "docs" / "import.md"


def examples() -> list[tuple[list[str], str]]:
    """(argv, expected output) for every ``$ argmap`` line of the page's console blocks."""
    found: list[tuple[list[str], str]] = []
    text = PAGE.read_text(encoding="utf-8")
    for block in re.findall(r"^```console\n(.*?)^```", text, flags=re.S | re.M):
        for command in re.split(r"^(?=\$ )", block, flags=re.M):
            if not command.startswith("$ argmap "):
                continue
            line, _, output = command.partition("\n")
            found.append((shlex.split(line[2:])[1:], output))
    return found


def test_the_page_has_an_example_of_each_format_and_of_an_error() -> None:
    commands = [" ".join(argv) for argv, _ in examples()]
    for needle in ("aif/debate.json", "arggraph -o", "argdown/cars.json", "bad/"):
        assert any(needle in c for c in commands), needle


def test_examples_print_what_the_page_shows(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES / "import", tmp_path / "tests" / "fixtures" / "import")
    monkeypatch.chdir(tmp_path)
    for argv, expected in examples():
        result = runner.invoke(app, argv)
        assert result.output == expected, f"argmap {' '.join(argv)}"
