"""Every command, given any options, ends in exit 0, 1 or 2: never a traceback, never exit 3.

Hypothesis builds command lines for every command in the registry (so a new
command is fuzzed the day it is added): the command's own options in any
order, each with a value drawn from a pool that mixes what a user would
type (ids from the corpus, every choice of every enum, numbers) with what
breaks programs (empty strings, ``-``, ``inf``, ``nan``, huge numbers,
control characters, HTML, paths that are devices, directories or missing).
Outputs go to a temporary directory only. The run is bounded by the number
of examples, not by a clock.
"""

from __future__ import annotations

import atexit
import enum
import inspect
import os
import shutil
import tempfile
from pathlib import Path

import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer import _click
from typer.testing import CliRunner

import argmap.formats
from argmap.cli.app import COMMANDS, app
from tests.conftest import FIXTURES, RULE_TEXTS, RULES

GROUP = typer.main.get_command(app)
CONTEXT = _click.Context(GROUP)

CORPORA = [
    str(RULES / "pass.yaml"),
    str(FIXTURES / "export.yaml"),
    str(FIXTURES / "queries.yaml"),
    str(RULES / "am103_fail.yaml"),
    str(RULES / "am203_fail.yaml"),
    str(RULES / "am108_fail.yaml"),
    "/dev/null",
    "/dev/zero",
    str(FIXTURES),
    "missing.yaml",
]
IDS = [
    "no-card",
    "ties-a-must",
    "needs-japan",
    "baskets",
    "no-card-argument",
    "ann-author",
    "some-analysts",
    "s1",
    "russia-card",
    "ann",
    "nobody",
]
CHOICES = sorted(
    {
        member.value
        for _, kind in inspect.getmembers(argmap.formats, inspect.isclass)
        if issubclass(kind, enum.Enum) and kind is not enum.Enum
        for member in kind
        if isinstance(member.value, str)
    }
)
NASTY = ["", "-", "--", "0", "1", "-1", "3", "1e309", "inf", "nan", "é", "\x01", "<<x>", "a" * 300]


def _options(name: str) -> list[tuple[str, bool, str]]:
    """(flag, is a flag, what it is) for each parameter of the command ``name``."""
    command = GROUP.get_command(CONTEXT, name)
    assert command is not None
    found = []
    for param in command.params:
        opts = list(param.opts)
        long = next((o for o in opts if o.startswith("--")), opts[0])
        found.append((long, bool(getattr(param, "is_flag", False)), param.param_type_name))
    return found


def _value(option: str, out: Path) -> st.SearchStrategy[str]:
    if option == "--file":
        return st.sampled_from(CORPORA)
    if option == "directory":  # argmap init DIR: a new project, inside the temporary directory
        return st.sampled_from([str(out / "project"), str(out), str(out / "x.svg"), "/dev/null"])
    if option == "--texts":
        return st.sampled_from([str(RULE_TEXTS), str(RULES / "pass.yaml"), "missing", "/dev/null"])
    if option == "--output":
        return st.sampled_from(
            [
                "-",
                "",
                str(out / "x.svg"),
                str(out / "x.json"),
                str(out / "x.dot"),
                str(out / "x.png"),
                str(out / "tables") + "/",
                str(out),
                str(out / "no" / "x.csv"),
            ]
        )
    return st.one_of(st.sampled_from(IDS), st.sampled_from(CHOICES), st.sampled_from(NASTY))


@st.composite
def command_lines(draw: st.DrawFn, out: Path) -> list[str]:
    name = draw(st.sampled_from(list(COMMANDS)))
    argv = [name]
    params = _options(name)
    chosen = draw(st.lists(st.sampled_from(params), max_size=6)) if params else []
    for option, is_flag, kind in chosen:
        if kind == "argument":
            argv.append(draw(_value(option, out)))
        elif is_flag:
            argv.append(option)
        else:
            argv += [option, draw(_value(option, out))]
    if "--file" not in argv and draw(st.booleans()):
        argv += ["--file", str(RULES / "pass.yaml")]
    return argv


OUT = Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))
atexit.register(shutil.rmtree, OUT, True)


@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(argv=command_lines(OUT))
def test_any_command_line_ends_cleanly(argv: list[str]) -> None:
    result = CliRunner().invoke(
        app, argv, env={"ARGMAP_FILE": str(RULES / "pass.yaml"), "NO_COLOR": "1"}
    )
    assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.stderr[-2000:])
    assert "internal error" not in result.stderr, (argv, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        argv,
        repr(result.exception),
    )


def test_every_command_is_fuzzed() -> None:
    assert {name for name in COMMANDS if _options(name) or name in ("schema",)} == set(COMMANDS)
