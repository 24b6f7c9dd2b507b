"""No output replaces the project's own corpus or source texts, even from a command that
does not read them (an import written over the corpus would lose the annotation)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import RULES


@pytest.fixture
def project(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("ARGMAP_SETTINGS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init"]).exit_code == 0
    (tmp_path / "texts" / "piece.txt").write_text("A text.\n", encoding="utf-8")
    return tmp_path


def test_import_over_the_project_corpus_is_refused(runner: CliRunner, project: Path) -> None:
    corpus = project / "data" / "arguments.yaml"
    before = corpus.read_bytes()
    source = runner.invoke(app, ["export", "--format", "aif", "-f", str(RULES / "pass.yaml")])
    (project / "in.aif.json").write_text(source.stdout, encoding="utf-8")
    result = runner.invoke(app, ["import", "in.aif.json", "-o", "data/arguments.yaml"])
    assert result.exit_code == 2
    assert "the project's corpus" in result.stderr
    assert corpus.read_bytes() == before


def test_an_export_over_a_source_text_is_refused(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(
        app, ["export", "-f", str(RULES / "pass.yaml"), "--format", "json", "-o", "texts/piece.txt"]
    )
    assert result.exit_code == 2
    assert "one of the project's source texts" in result.stderr
    assert (project / "texts" / "piece.txt").read_text(encoding="utf-8") == "A text.\n"
