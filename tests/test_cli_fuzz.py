"""Every command, given any options, ends in exit 0, 1 or 2: never a traceback, never exit 3.

Hypothesis builds command lines for every command in the registry (so a new
command is fuzzed the day it is added): the command's own options in any
order, each with a value drawn from a pool that mixes what a user would
type (ids from the corpus, every choice of every enum, numbers) with what
breaks programs (empty strings, ``-``, ``inf``, ``nan``, huge numbers,
control characters, HTML, paths that are devices, directories or missing).
Each option's value is drawn for its type (numbers for numbers, an enum's
own values for a choice). Outputs go to a temporary directory only. The run
is bounded by the number of examples per command (``ARGMAP_FUZZ_EXAMPLES``,
default 40), not by a clock.
"""

from __future__ import annotations

import atexit
import enum
import inspect
import os
import shutil
import tempfile
import typing
from pathlib import Path

import pytest
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
    str(FIXTURES / "unknown-source.yaml"),
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


NUMBERS = ["0", "1", "-1", "2", "3", "100", "1e309", "inf", "-inf", "nan", "99999999999999999999"]


def _kind(annotation: object) -> object:
    """The option's value type, without ``None`` and ``list[...]`` around it."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is list or (len(args) == 1 and args[0] is not annotation):
        return _kind(args[0])
    return annotation


def _options(name: str) -> list[tuple[str, bool, str, object]]:
    """(flag, is a flag, option or argument, value type) for each parameter of ``name``."""
    command = GROUP.get_command(CONTEXT, name)  # type: ignore[attr-defined]
    assert command is not None
    found = []
    for param in command.params:
        opts = list(param.opts)
        long = next((o for o in opts if o.startswith("--")), opts[0])
        descriptor = getattr(param, "type_descriptor", None)
        kind = _kind(descriptor.annotation) if descriptor is not None else str
        flag = bool(getattr(param, "is_flag", False))
        found.append((long, flag, param.param_type_name, kind))
    return found


def _value(option: str, kind: object, out: Path) -> st.SearchStrategy[str]:
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
    if kind in (int, float):
        return st.one_of(st.sampled_from(NUMBERS), st.sampled_from(NASTY))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        values = [str(m.value) for m in kind]
        return st.one_of(st.sampled_from(values), st.sampled_from(NASTY))
    return st.one_of(st.sampled_from(IDS), st.sampled_from(CHOICES), st.sampled_from(NASTY))


@st.composite
def command_lines(draw: st.DrawFn, name: str, out: Path) -> list[str]:
    argv = [name]
    params = _options(name)
    chosen = draw(st.lists(st.sampled_from(params), max_size=4)) if params else []
    for option, is_flag, role, kind in chosen:
        if role == "argument":
            argv.append(draw(_value(option, kind, out)))
        elif is_flag:
            argv.append(option)
        else:
            argv += [option, draw(_value(option, kind, out))]
    if "--file" not in argv and draw(st.booleans()):
        argv += ["--file", draw(st.sampled_from(CORPORA[:7]))]
    return argv


OUT = Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))
atexit.register(shutil.rmtree, OUT, True)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_any_command_line_ends_cleanly(name: str) -> None:
    @settings(
        max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "40")),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        database=None,
    )
    @given(argv=command_lines(name, OUT))
    def run(argv: list[str]) -> None:
        result = CliRunner().invoke(
            app, argv, env={"ARGMAP_FILE": str(RULES / "pass.yaml"), "NO_COLOR": "1"}
        )
        assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.stderr[-2000:])
        assert "internal error" not in result.stderr, (argv, result.stderr)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            argv,
            repr(result.exception),
        )

    run()


def test_every_command_is_fuzzed() -> None:
    assert {name for name in COMMANDS if _options(name) or name in ("schema",)} == set(COMMANDS)
