"""A few outputs shown in the docs are pinned: they print exactly as shown.

tests/test_tutorial.py only runs the docs' examples, since the bundled corpus
is still being revised and most outputs move with it. The ones below are short
and follow from the corpus's most settled parts (the two CSIS theses, the
debaters' not rebutting each other, a grep, a group's member), so a change to
them means the page now tells the reader something false. When one fails
after a deliberate corpus change, run the command from the repository root
with ``COLUMNS=80 NO_COLOR=1`` and paste its output under the command.
"""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import ROOT

PINNED = [
    ("tutorial.md", "argmap claims -s csis --central"),
    ("tutorial.md", "argmap rebuttals --by trenin --against hyodo"),
    ("tutorial.md", 'argmap claims --grep "junior partner"'),
    ("tutorial.md", "argmap claims -a joshua-walker --central"),
    ("tutorial.md", "argmap tree csis-trenin-no-russia-card --depth 1"),
]


def shown_output(doc: str, command: str) -> str:
    """The lines shown under ``$ COMMAND`` in a console block of docs/DOC."""
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    for block in re.findall(r"^```console\n(.*?)^```", text, flags=re.S | re.M):
        for segment in re.split(r"^(?=\$ )", block, flags=re.M):
            line, _, output = segment.partition("\n")
            if line == f"$ {command}":
                return output
    raise AssertionError(f"docs/{doc} no longer shows `$ {command}`")


def test_a_shown_output_is_found_under_its_command() -> None:
    assert shown_output("tutorial.md", "argmap rebuttals --by trenin --against hyodo") == (
        "No rebuttals by Dmitri Trenin, against Shinji Hyodo.\n"
    )


@pytest.mark.parametrize(("doc", "command"), PINNED, ids=[f"{d}:{c}" for d, c in PINNED])
def test_the_doc_shows_what_the_command_prints(
    monkeypatch: pytest.MonkeyPatch, doc: str, command: str
) -> None:
    for name in ("ARGMAP_FILE", "ARGMAP_TEXTS", "ARGMAP_SETTINGS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(ROOT)
    expected = shown_output(doc, command)
    assert expected.strip(), f"docs/{doc} shows no output for `{command}`"
    assert all(line.strip() != "…" for line in expected.splitlines()), "pin only whole outputs"
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    assert result.output == expected, f"docs/{doc}: `$ {command}` now prints:\n{result.output}"
