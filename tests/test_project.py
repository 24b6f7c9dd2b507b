"""The project keeps its promises: docs in step with code, the core free of the CLI."""

from __future__ import annotations

import re
import subprocess
import sys

import typer
from typer.testing import CliRunner

from argmap.cli import docgen
from argmap.cli.app import app
from tests.conftest import ROOT


def test_generated_docs_are_current() -> None:
    stale = [
        name
        for name, build in docgen.GENERATED.items()
        if (ROOT / "docs" / name).read_text(encoding="utf-8") != build()
    ]
    assert not stale, f"run 'python -m argmap.cli.docgen' to refresh docs/{', docs/'.join(stale)}"


def test_the_core_never_imports_the_cli_libraries() -> None:
    code = (
        "import importlib, pkgutil, sys, argmap\n"
        "for m in pkgutil.walk_packages(argmap.__path__, 'argmap.'):\n"
        "    if not m.name.startswith(('argmap.cli', 'argmap.__main__')):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in ('typer', 'rich', 'click') if n in sys.modules)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_readme_has_two_setup_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```console\n(.*?)\n```", setup, flags=re.S)
    assert commands == ["pip install . && argmap check", "pip install -e '.[test]' && pytest"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    assert hasattr(group, "commands")
    return sorted(group.commands)


def test_every_command_has_help_and_is_documented() -> None:
    runner = CliRunner()
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        first = result.stdout.split("\n\n")[1].strip()
        assert first and not first.startswith("Options"), f"argmap {name} has no help text"
        assert f"## `argmap {name}`" in reference, f"argmap {name} missing from docs/cli.md"


REFERENCE_FIELDS = ("by", "target", "conclusion", "claim", "question")


def test_the_format_examples_name_entries_of_the_bundled_corpus() -> None:
    """docs/format.md shows real entries: the ids its examples refer to are in the corpus."""
    import yaml

    corpus = yaml.safe_load((ROOT / "data" / "arguments.yaml").read_text(encoding="utf-8"))
    sections = [section for section in corpus.values() if isinstance(section, list)]
    known = {entry["id"] for section in sections for entry in section}
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    missing = []
    for block in re.findall(r"```yaml\n(.*?)```", doc, re.S):
        example = yaml.safe_load(block)
        for name, entries in example.items() if isinstance(example, dict) else []:
            for entry in entries if isinstance(entries, list) else []:
                if not isinstance(entry, dict):
                    continue
                refs = [entry.get(key) for key in REFERENCE_FIELDS]
                refs += [*entry.get("premises", []), *entry.get("claims", [])]
                missing += [f"{name}: {ref}" for ref in refs if isinstance(ref, str)]
    missing = [ref for ref in missing if ref.split(": ", 1)[1] not in known]
    assert not missing, f"docs/format.md names ids the corpus does not have: {missing}"
