"""docs/first-project.md, the five-minute walk-through, runs as written.

The page is followed top to bottom in an empty directory, at 80 columns:

* a ```` ```console ```` block's ``$ argmap ...`` lines run, and each prints
  exactly the lines below it; ``$ cd DIR`` changes directory; ``$ pip ...``
  is the reader's install step, already done here;
* a block with ``title="PATH"`` writes that file: the whole text, or for a
  ``diff`` block, each ``-`` line replaced by the ``+`` line after it.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "first-project.md"
_BLOCK = re.compile(r'^```(\w+)(?: title="([^"]+)")?\n(.*?)^```\n', re.S | re.M)


def steps() -> list[tuple[str, str | None, str]]:
    """(language, title, body) of every fenced block, in page order."""
    return [m.groups() for m in _BLOCK.finditer(PAGE.read_text(encoding="utf-8"))]  # type: ignore[misc]


def apply_diff(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    lines = body.splitlines()
    for old, new in zip(lines[::2], lines[1::2], strict=True):
        assert old.startswith("-") and new.startswith("+"), (old, new)
        assert old[1:] in text, f"{old[1:]!r} is not in {path}"
        text = text.replace(old[1:], new[1:], 1)
    path.write_text(text, encoding="utf-8")


def test_the_walk_through_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ARGMAP_FILE", "ARGMAP_TEXTS", "ARGMAP_SETTINGS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    # As on a machine with Graphviz (the page's output): init prepares no layout engine.
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    ran = 0
    for language, title, body in steps():
        if title:
            if language == "diff":
                apply_diff(Path(title), body)
            else:
                Path(title).write_text(body, encoding="utf-8")
            continue
        if language != "console":
            continue
        for command in re.split(r"^(?=\$ )", body, flags=re.M):
            if not command.startswith("$ "):
                continue
            line, _, expected = command.partition("\n")
            argv = shlex.split(line[2:])
            if argv[0] == "pip":
                continue
            if argv[0] == "cd":
                monkeypatch.chdir(argv[1])
                continue
            assert argv[0] == "argmap", line
            result = runner.invoke(app, argv[1:])
            assert result.output == expected, line
            ran += 1
    assert ran >= 6
    assert (tmp_path / "my-debate" / ".pre-commit-config.yaml").is_file()
