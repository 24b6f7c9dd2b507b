"""``argmap init`` scaffolds a project, and the pre-commit hook checks it.

The hook is tested by running its ``entry`` as pre-commit would: from the
repository's top, with no file names (``pass_filenames: false``).
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import ROOT

ARGMAP = Path(sys.executable).parent / "argmap"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("ARGMAP_FILE", "ARGMAP_TEXTS", "ARGMAP_SETTINGS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_lays_out_a_project_that_checks_clean(home: Path) -> None:
    result = CliRunner().invoke(app, ["init", "debate"])
    assert result.exit_code == 0, result.output
    project = home / "debate"
    assert sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file()) == [
        ".pre-commit-config.yaml",
        "argmap-schema.json",
        "data/arguments.yaml",
        "pyproject.toml",
        "texts/README.md",
    ]
    corpus = (project / "data" / "arguments.yaml").read_text(encoding="utf-8")
    assert corpus.startswith("# yaml-language-server: $schema=../argmap-schema.json\n")
    assert (project / "pyproject.toml").read_text(encoding="utf-8") == (
        '[tool.argmap]\nfile = "data/arguments.yaml"\ntexts = "texts"\nstrict = true\n'
    )
    done = subprocess.run([ARGMAP, "check"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == (
        "All checks passed. Corpus: data/arguments.yaml; settings: pyproject.toml; texts: texts.\n"
    )


def test_init_appends_to_an_existing_pyproject_and_keeps_existing_files(home: Path) -> None:
    (home / "pyproject.toml").write_text('[project]\nname = "notes"', encoding="utf-8")
    (home / "texts").mkdir()
    (home / "texts" / "README.md").write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0
    assert "  texts/README.md (exists; left as it is)\n" in result.stdout
    assert (home / "texts" / "README.md").read_text(encoding="utf-8") == "mine\n"
    assert (home / "pyproject.toml").read_text(encoding="utf-8") == (
        '[project]\nname = "notes"\n\n[tool.argmap]\nfile = "data/arguments.yaml"\n'
        'texts = "texts"\nstrict = true\n'
    )


def test_init_refuses_a_project_that_exists(home: Path) -> None:
    assert CliRunner().invoke(app, ["init"]).exit_code == 0
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: pyproject.toml: has [tool.argmap] already; this is an argmap project\n"
    )


def hook_entry(path: Path) -> list[str]:
    hooks = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(hooks, dict):  # a .pre-commit-config.yaml
        hooks = [h for repo in hooks["repos"] for h in repo["hooks"]]
    (hook,) = [h for h in hooks if h["id"] == "argmap-check"]
    assert hook["pass_filenames"] is False
    return shlex.split(hook["entry"])


def test_the_pre_commit_hook_fails_a_broken_corpus_and_passes_a_fixed_one(home: Path) -> None:
    assert CliRunner().invoke(app, ["init"]).exit_code == 0
    offered = hook_entry(ROOT / ".pre-commit-hooks.yaml")
    assert offered == hook_entry(home / ".pre-commit-config.yaml") == ["argmap", "check"]
    command = [str(ARGMAP), *offered[1:]]
    corpus = home / "data" / "arguments.yaml"
    corpus.write_text(
        corpus.read_text(encoding="utf-8").replace(
            "people:\n", "people:\n- id: Ann_Archer\n  name: Ann Archer\n"
        ),
        encoding="utf-8",
    )
    done = subprocess.run(command, cwd=home, capture_output=True, text=True)
    assert done.returncode == 1
    assert "AM101" in done.stdout
    corpus.write_text(
        corpus.read_text(encoding="utf-8").replace("Ann_Archer", "ann-archer"), encoding="utf-8"
    )
    done = subprocess.run(command, cwd=home, capture_output=True, text=True)
    # An unused person is an info finding: the hook passes.
    assert done.returncode == 0, done.stdout
    # The hook verifies quotes against texts/ as the settings say.
    assert done.stdout.endswith("settings: pyproject.toml; texts: texts.\n")
