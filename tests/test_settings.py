"""Project discovery (docs/settings.md): which settings file and which corpus a run uses.

Each test builds a small project in a temporary directory, changes into it
(or below it) and runs ``argmap check`` as a user would.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.settings import CorpusOrigin, choose_corpus, find_settings_file, load_settings
from tests.conftest import ROOT, RULE_TEXTS, RULES


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project: ``pyproject.toml`` with ``[tool.argmap]``, ``data/arguments.yaml``, ``texts/``."""
    monkeypatch.delenv("ARGMAP_FILE", raising=False)
    monkeypatch.delenv("ARGMAP_TEXTS", raising=False)
    monkeypatch.delenv("ARGMAP_SETTINGS", raising=False)
    (tmp_path / "data").mkdir()
    shutil.copy(RULES / "pass.yaml", tmp_path / "data" / "arguments.yaml")
    shutil.copytree(RULE_TEXTS, tmp_path / "texts")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.argmap]\nfile = "data/arguments.yaml"\ntexts = "texts"\n',
        encoding="utf-8",
    )
    (tmp_path / "notes" / "deep").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_the_nearest_settings_file_upward_is_used(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "notes" / "deep")
    document = check()
    corpus = str(project / "data" / "arguments.yaml")
    assert document["corpus"] == {"path": corpus, "origin": "settings"}
    assert document["settings"] == str(project / "pyproject.toml")
    assert document["texts"] == str(project / "texts")


def test_the_summary_line_says_what_was_read(project: Path) -> None:
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 0
    assert result.stdout == (
        "All checks passed. Corpus: data/arguments.yaml; settings: pyproject.toml; texts: texts.\n"
    )


def test_precedence_option_then_environment_then_settings(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = project / "other.yaml"
    shutil.copy(RULES / "am207_fail.yaml", other)
    assert choose_corpus().origin is CorpusOrigin.SETTINGS
    monkeypatch.setenv("ARGMAP_FILE", "other.yaml")
    assert choose_corpus().path == Path("other.yaml")
    assert choose_corpus().origin is CorpusOrigin.ENVIRONMENT
    assert choose_corpus(Path("x.yaml")).origin is CorpusOrigin.OPTION


def test_without_settings_a_corpus_found_upward_then_the_bundled_sample(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.chdir(project / "notes")
    choice = choose_corpus()
    assert (choice.path, choice.origin) == (project / "data" / "arguments.yaml", CorpusOrigin.FOUND)
    (project / "data" / "arguments.yaml").unlink()
    choice = choose_corpus()
    assert choice.origin is CorpusOrigin.BUNDLED
    result = CliRunner().invoke(app, ["check", "--select", "AM1"])
    assert "(the bundled sample); settings: none." in result.stdout


NOTE = "note: no corpus here: reading the sample bundled with argmap (see docs/settings.md)\n"


@pytest.mark.parametrize(
    "command",
    [["stats"], ["claims"], ["tree", "--help"], ["export", "--format", "json"], ["rebuttals"]],
)
def test_every_command_that_falls_back_to_the_bundled_sample_says_so_once(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "data" / "arguments.yaml").unlink()
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ("" if "--help" in command else NOTE)
    # A corpus given (or found) is no fallback: no note.
    shutil.copy(RULES / "pass.yaml", project / "data" / "arguments.yaml")
    assert CliRunner().invoke(app, command).stderr == ""
    assert CliRunner().invoke(app, [*command, "-f", str(RULES / "pass.yaml")]).stderr == ""


def test_a_pyproject_without_a_tool_argmap_table_is_not_a_settings_file(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_settings_file() is None


def test_argmap_toml_wins_over_pyproject_in_one_directory(project: Path) -> None:
    (project / "argmap.toml").write_text("strict = true\n", encoding="utf-8")
    settings = load_settings()
    assert settings.path == project / "argmap.toml"
    assert settings.strict is True
    assert settings.file is None


def test_settings_give_select_ignore_strict_and_the_quote_limit(project: Path) -> None:
    shutil.copy(RULES / "am207_fail.yaml", project / "data" / "arguments.yaml")
    runner = CliRunner()
    assert runner.invoke(app, ["check"]).exit_code == 0  # AM207 is a warning
    with (project / "pyproject.toml").open("a", encoding="utf-8") as settings:
        settings.write('strict = true\nmax-quote-words = 2\nselect = ["AM2", "AM307"]\n')
    result = runner.invoke(app, ["check", "--format", "concise"])
    assert result.exit_code == 1
    codes = {line.split()[1] for line in result.stdout.splitlines()}
    assert codes == {"AM207", "AM307"}
    # An option beats the settings file.
    assert runner.invoke(app, ["check", "--no-strict", "--select", "AM1"]).exit_code == 0
    (project / "pyproject.toml").write_text(
        '[tool.argmap]\nignore = "AM207"\nstrict = true\n', encoding="utf-8"
    )
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_texts_from_settings_that_do_not_exist_leave_quotes_unchecked(project: Path) -> None:
    shutil.rmtree(project / "texts")
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 0
    assert "AM305 [info]" in result.stdout
    assert result.stdout.endswith("Corpus: data/arguments.yaml; settings: pyproject.toml.\n")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "colour = 1",
            "unknown key 'colour'; the keys are file, texts, select, ignore, strict, "
            "max-quote-words",
        ),
        ('strict = "yes"', "'strict' must be true or false"),
        ("max-quote-words = 0", "'max-quote-words' must be a whole number of 1 or more"),
        ("select = [3]", "'select' must be a list of rule codes"),
        ("file = 3", "'file' must be a path"),
        ("file = ", "is not valid TOML"),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_file(project: Path, table: str, message: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.argmap]\n{table}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["claims"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: pyproject.toml")
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_argmap_settings_names_a_file_or_none(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_SETTINGS", "none")
    assert load_settings().path is None
    (project / "elsewhere.toml").write_text('texts = "t2"\n', encoding="utf-8")
    monkeypatch.setenv("ARGMAP_SETTINGS", "elsewhere.toml")
    assert load_settings().texts == Path("t2")
    monkeypatch.setenv("ARGMAP_SETTINGS", "missing.toml")
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 2
    assert "missing.toml: no such settings file" in result.stderr


def test_queries_read_the_corpus_the_settings_name(project: Path) -> None:
    result = CliRunner().invoke(app, ["people", "--format", "csv"])
    assert result.exit_code == 0
    assert "ann-author" in result.stdout


def test_this_repository_checks_its_own_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """``argmap check`` in a clone reads the clone's file, with the shared texts if present."""
    monkeypatch.delenv("ARGMAP_SETTINGS", raising=False)
    monkeypatch.delenv("ARGMAP_FILE", raising=False)
    monkeypatch.chdir(ROOT)
    settings = load_settings()
    assert settings.path == ROOT / "pyproject.toml"
    assert choose_corpus(None, settings).path == Path("data/arguments.yaml")
    assert settings.texts == Path("../shared/texts")
    assert (settings.strict, settings.select, settings.ignore) == (None, (), ())
