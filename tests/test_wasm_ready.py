"""The layout engine of diagrams is built before the first diagram (argmap.export.wasm_ready).

Where no ``dot`` is on PATH, diagrams lay out with Graphviz compiled to
WebAssembly, and its optimised module takes a second or two to compile. So
that the first diagram finds it kept:

* ``argmap init`` compiles it in the foreground, with one line of progress;
* a command that reads the corpus, typed at a terminal (``argmap check`` is
  the first a newcomer runs), starts its build in the background on its way
  out, when it is neither kept nor being built;
* ``argmap diagram --prepare`` compiles it on request.

Nothing is started by scripts, CI or these tests (stderr is not a terminal),
with ``--no-cache`` or ``ARGMAP_NO_CACHE``, where ``dot`` is on PATH, after a
command that failed, or twice at once.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import lazy
from argmap.cli.app import app
from argmap.export import wasm_module, wasm_ready
from argmap.export.wasm_ready import Outcome
from tests.conftest import FIXTURES, ROOT
from tests.test_wasm_module import _compiled_once, fresh  # noqa: F401 (a fixture)


@pytest.fixture
def machine(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> list[list[str]]:
    """test_wasm_module's ``fresh`` (an empty cache, background builds recorded, not
    started; compiles real, made once per run) on a machine without Graphviz's ``dot``."""
    started: list[list[str]] = request.getfixturevalue("fresh")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    return started


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user typed the command at a terminal."""
    monkeypatch.setattr(lazy, "stderr_is_terminal", lambda: True)


def put_dot_on_path(tmp_path: Path) -> None:
    dot = tmp_path / "bin" / "dot"
    dot.write_text("#!/bin/sh\nexit 0\n")
    dot.chmod(0o755)


def build_command() -> list[str]:
    return [sys.executable, "-m", "argmap.export.wasm_module", str(wasm_ready.stamp())]


def check(*options: str) -> int:
    return CliRunner().invoke(app, ["check", "--no-strict", *options]).exit_code


# -- a command at a terminal starts the build on its way out ----------------------


def test_check_at_a_terminal_starts_the_build(machine: list[list[str]], terminal: None) -> None:
    assert check() == 0
    assert machine == [build_command()]
    assert wasm_ready.building_file(str(wasm_ready.stamp())).exists()


def test_any_command_that_reads_the_corpus_starts_it(
    machine: list[list[str]], terminal: None
) -> None:
    assert CliRunner().invoke(app, ["claims", "-a", "trenin"]).exit_code == 0
    assert machine == [build_command()]


def test_check_with_findings_starts_it_too(machine: list[list[str]], terminal: None) -> None:
    assert check("-f", str(FIXTURES / "rules" / "am101_fail.yaml")) == 1  # errors found
    assert machine == [build_command()]


def test_one_build_at_a_time(machine: list[list[str]], terminal: None) -> None:
    check()
    check()
    assert len(machine) == 1
    assert wasm_ready.prepare_ahead() is Outcome.BUILDING


def test_once_the_module_is_kept_nothing_more_is_started(
    machine: list[list[str]], terminal: None
) -> None:
    check()
    assert wasm_module.build(str(wasm_ready.stamp()))  # what the background process does
    check()
    assert len(machine) == 1
    assert wasm_ready.prepare_ahead() is Outcome.READY


def test_a_module_kept_by_a_diagram_counts_as_ready(machine: list[list[str]]) -> None:
    wasm_module._write(wasm_module.artefact_path(), _compiled_once("cranelift").module)
    assert wasm_ready.prepare_ahead() is Outcome.READY


def test_a_ready_file_whose_module_is_gone_is_not_trusted(machine: list[list[str]]) -> None:
    stamp = str(wasm_ready.stamp())
    assert wasm_module.build(stamp)
    wasm_module.artefact_path().unlink()
    assert not wasm_ready.is_ready(stamp)
    assert wasm_ready.prepare_ahead() is Outcome.STARTED


def test_a_build_that_failed_is_not_started_again(machine: list[list[str]]) -> None:
    failed = wasm_ready.failed_file(str(wasm_ready.stamp()))
    failed.parent.mkdir(parents=True)
    failed.touch()
    assert wasm_ready.prepare_ahead() is Outcome.FAILED_BEFORE
    assert machine == []


# -- when nothing is started ------------------------------------------------------


def test_not_at_a_terminal(machine: list[list[str]]) -> None:
    assert check() == 0  # CliRunner's stderr is no terminal, like a script's or CI's
    assert machine == []
    assert not wasm_ready.directory().exists()


@pytest.mark.parametrize("how", ["option", "variable"])
def test_not_with_no_cache(
    machine: list[list[str]], terminal: None, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "variable":
        monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
        assert check() == 0
    else:
        assert check("--no-cache") == 0
    assert machine == []
    assert not wasm_ready.directory().exists()


def test_not_where_dot_is_on_path(machine: list[list[str]], terminal: None, tmp_path: Path) -> None:
    put_dot_on_path(tmp_path)
    assert check() == 0
    assert machine == []
    assert wasm_ready.prepare_ahead() is Outcome.DOT_ON_PATH


def test_not_after_a_command_that_failed(machine: list[list[str]], terminal: None) -> None:
    assert check("--select", "XX9") == 2
    assert machine == []


def test_not_after_a_command_that_reads_no_corpus(machine: list[list[str]], terminal: None) -> None:
    assert CliRunner().invoke(app, ["rules"]).exit_code == 0
    assert machine == []


def test_not_without_the_webassembly_graphviz(
    machine: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wasm_ready, "package_dir", lambda name: None)
    assert wasm_ready.prepare_ahead() is Outcome.NOT_INSTALLED
    assert machine == []


def test_a_script_starts_nothing(tmp_path: Path) -> None:
    """A real ``argmap check`` whose stderr is a pipe, on a machine without ``dot``."""
    env = {**os.environ, "PATH": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("ARGMAP_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--no-strict"],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "cache" / "argmap").is_dir()  # the corpus cache was used
    assert not (tmp_path / "cache" / "argmap" / "wasm").exists()


# -- the stamp: cheap, and it follows what the module depends on -----------------


def test_the_stamp_imports_no_wasmtime() -> None:
    probe = (
        "import sys; from argmap.export import wasm_ready; "
        "assert wasm_ready.stamp(); print(sorted(m for m in sys.modules if 'wasm' in m))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout == "['argmap.export.wasm_ready']\n"


def test_the_stamp_follows_wasmtime_graphviz_and_the_host(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stamp = wasm_ready.stamp()
    assert stamp is not None and stamp == wasm_ready.stamp()
    with monkeypatch.context() as patch:
        patch.setattr(wasm_ready, "wasmtime_libraries", lambda: ["_libwasmtime.so:1:2"])
        assert wasm_ready.stamp() != stamp
    with monkeypatch.context() as patch:
        patch.setattr(wasm_ready, "host", lambda: "linux x86_64 another-host")
        assert wasm_ready.stamp() != stamp
    other = tmp_path / "graphviz.wasm"
    other.write_bytes(b"\0asm")
    monkeypatch.setattr(wasm_ready, "wasm_path", lambda: other)
    assert wasm_ready.stamp() != stamp


# -- argmap init compiles it in the foreground --------------------------------------

PROGRESS = re.compile(
    r"^Preparing the layout engine for diagrams \(once per machine\)\.\.\. done in \d+\.\d s\.$",
    re.MULTILINE,
)


def init(tmp_path: Path, name: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["init", str(tmp_path / name)])
    return result.exit_code, result.stdout, result.stderr


def test_init_prepares_the_engine_where_diagrams_need_it(
    machine: list[list[str]], tmp_path: Path
) -> None:
    code, out, _ = init(tmp_path, "debate")
    assert code == 0
    assert PROGRESS.search(out)
    assert out.index("Preparing") < out.index("Next:")
    assert wasm_ready.is_ready(str(wasm_ready.stamp()))
    assert machine == []  # in the foreground: nothing left for later

    code, out, _ = init(tmp_path, "another")
    assert code == 0
    assert "Preparing" not in out  # kept already


def test_init_prepares_nothing_where_dot_is_on_path(
    machine: list[list[str]], tmp_path: Path
) -> None:
    put_dot_on_path(tmp_path)
    code, out, _ = init(tmp_path, "debate")
    assert code == 0
    assert "Preparing" not in out
    assert not wasm_ready.directory().exists()


def test_init_prepares_nothing_with_no_cache(
    machine: list[list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    code, out, _ = init(tmp_path, "debate")
    assert code == 0
    assert "Preparing" not in out
    assert not wasm_ready.directory().exists()


def test_init_succeeds_when_the_engine_cannot_be_compiled(
    machine: list[list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wasmtime

    def refuse(compiler: str) -> wasm_module.Compiled:
        raise wasmtime.WasmtimeError("no compiler for this CPU")

    monkeypatch.setattr(wasm_module, "_compile", refuse)
    code, out, err = init(tmp_path, "debate")
    assert code == 0
    assert "Preparing the layout engine for diagrams (once per machine)... failed.\n" in out
    assert err == (
        "note: the layout engine was not prepared: wasmtime cannot compile it here "
        "(no compiler for this CPU); the first diagram compiles it\n"
    )
    assert (tmp_path / "debate" / "data" / "arguments.yaml").exists()


# -- argmap diagram --prepare ------------------------------------------------------


def diagram(*options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["diagram", "--prepare", *options])
    return result.exit_code, result.stdout, result.stderr


def test_prepare_compiles_and_keeps_the_engine(machine: list[list[str]]) -> None:
    code, out, _ = diagram()
    assert code == 0
    first, kept = out.splitlines()
    assert PROGRESS.match(first)
    assert kept == f"Kept in {wasm_ready.directory()} (safe to delete)."
    assert wasm_ready.is_ready(str(wasm_ready.stamp()))

    code, out, _ = diagram()
    assert code == 0
    assert out == (
        "The layout engine for diagrams is ready.\n"
        f"Kept in {wasm_ready.directory()} (safe to delete).\n"
    )


def test_prepare_rebuilds_a_damaged_module(machine: list[list[str]]) -> None:
    diagram()
    artefact = wasm_module.artefact_path()
    good = artefact.read_bytes()
    artefact.write_bytes(good[:1000])
    assert diagram()[0] == 0
    assert artefact.read_bytes() == good


def test_prepare_where_dot_is_on_path(machine: list[list[str]], tmp_path: Path) -> None:
    put_dot_on_path(tmp_path)
    assert diagram() == (
        0,
        "Nothing to prepare: diagrams use 'dot' on PATH (or add --renderer wasm).\n",
        "",
    )
    assert not wasm_ready.directory().exists()
    code, out, _ = diagram("--renderer", "wasm")
    assert code == 0
    assert PROGRESS.match(out)


def test_prepare_refuses_what_it_cannot_do(machine: list[list[str]]) -> None:
    assert diagram("-o", "map.svg") == (
        2,
        "",
        "error: --prepare draws nothing: drop -o and --format, and draw in a second run\n",
    )
    code, _, err = diagram("--renderer", "dot")
    assert code == 2
    assert err.startswith("error: 'dot' is not on PATH: install Graphviz")
    assert diagram("--no-cache") == (
        2,
        "",
        "error: --prepare keeps the compiled layout engine in argmap's cache: "
        "drop --no-cache, or unset ARGMAP_NO_CACHE\n",
    )
    assert diagram("-f", "missing.yaml", "--view", "debate", "--relations", "support") == (
        2,
        "",
        "error: --prepare reads no corpus and draws nothing: drop -f, --view, --relations\n",
    )
    assert diagram("-a", "trenin")[2] == (
        "error: --prepare reads no corpus and draws nothing: drop -a/-s/-t/--focus\n"
    )
    assert not wasm_ready.directory().exists()


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGINT, 130, b"interrupted\n"), (signal.SIGTERM, 143, b"")],
)
def test_ctrl_c_stops_prepare_at_once_and_keeps_nothing(
    tmp_path: Path, signum: int, code: int, said: bytes
) -> None:
    """Ctrl-C, or SIGTERM (a container stopping), ends the line with 'stopped.'."""
    env = {**os.environ, "PATH": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("ARGMAP_NO_CACHE", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "argmap", "diagram", "--prepare"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    begun = os.read(child.stdout.fileno(), 9)  # the compile (a second or more) starts now
    child.send_signal(signum)
    out, err = child.communicate(timeout=120)
    assert child.returncode == code
    assert begun + out == (
        b"Preparing the layout engine for diagrams (once per machine)... stopped.\n"
    )
    assert err == said
    assert not list((tmp_path / "cache").rglob("*.cwasm"))
