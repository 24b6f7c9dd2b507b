"""`argmap import` recognises its own AIF export by content whatever the suffix, and says
plainly that Argdown source needs `argdown json` first."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import RULES


def test_an_aif_export_named_dot_aif_imports_without_from(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "corpus.aif"
    done = runner.invoke(app, ["export", "--format", "aif", "-f", str(RULES / "pass.yaml"),
                               "-o", str(target)])  # fmt: skip
    assert done.exit_code == 0, done.stderr
    result = runner.invoke(app, ["import", str(target)])
    assert result.exit_code == 0, result.stderr
    assert "read 1 aif file" in result.stderr


def test_argdown_source_gets_a_pointer_to_argdown_json(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "map.argdown"
    source.write_text("[a]: A statement.\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 2
    assert "Argdown source is not read; export it with 'argdown json" in result.stderr
