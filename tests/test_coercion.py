"""The quick coercion of command-line values (argmap.cli.coercion) answers as typer does.

typer 0.2x builds a pydantic adapter for every parameter of the command being
run; argmap converts ordinary values itself and leaves the rest to that
adapter. These tests hold the two to the same answer, value or error message,
for every parameter of every command, on ordinary and awkward values alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter
from typer.main import get_command

from argmap.cli.app import COMMANDS, app
from argmap.cli.coercion import QuickParam, quick_param
from tests.conftest import ROOT

_COMMON: list[Any] = ["", " ", "x", "-", "é", b"bytes", 0, 1, True, False, 2.5, None]
_BOOLS: list[Any] = ["true", "false", "1", "0", "yes", "off", "T", " true "]
_INTS: list[Any] = ["0", "5", "007", "-1", "+5", " 5", "5.0", "1_000", "abc", "9" * 25, "2"]
_FLOATS: list[Any] = ["0.1", "1", "1.", ".5", "1e3", "inf", "nan", "05.50", "-0.5", "abc", 3]
_PATHS: list[Any] = [
    "data",
    "data/",
    "data/arguments.yaml",
    "no/such/file.yaml",
    "~",
    ".",
    "a\0b",
    Path("data"),
    str(ROOT / "pyproject.toml"),
]


def _samples(annotation: Any) -> list[Any]:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = list(annotation)
        values = [str(m.value) for m in members]
        return [*members, *values, *(v.upper() for v in values), "nope"]
    extra = {bool: _BOOLS, int: _INTS, float: _FLOATS, Path: _PATHS}.get(annotation, [])
    return [*_COMMON, *extra]


def _every_param() -> Iterator[tuple[str, _TyperParameter]]:
    group = get_command(app)
    for name in COMMANDS:
        command = group.commands[name]  # type: ignore[attr-defined]
        ctx = Context(command)
        for param in command.get_params(ctx):
            if isinstance(param, _TyperParameter):
                yield f"{name} {param.name}", param
    for param in group.get_params(Context(group)):
        if isinstance(param, _TyperParameter):
            yield f"argmap {param.name}", param


PARAMS = dict(_every_param())


def _outcome(runtime: Any, value: Any, param: _TyperParameter, ctx: Context) -> tuple[str, Any]:
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except BadParameter as err:
        return "error", err.message
    return "value", (type(result), repr(result))  # repr: nan equals nan


def test_every_parameter_of_a_simple_kind_is_quick() -> None:
    """Each parameter argmap declares gets the quick path, so no command builds an adapter."""
    slow = [name for name, param in PARAMS.items() if quick_param(param.type_descriptor) is None]
    assert slow == []


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_quick_coercion_answers_as_typers_adapter(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the relative paths are the repository's
    param = PARAMS[name]
    quick = quick_param(param.type_descriptor)
    assert isinstance(quick, QuickParam)
    adapter = build_runtime_param(param.type_descriptor)
    ctx = Context(get_command(app))
    annotation = param.type_descriptor.annotation
    many = get_origin(annotation) is list
    samples = _samples(get_args(annotation)[0] if many else annotation)
    if many:
        samples = [*samples, *((s,) for s in samples), tuple(samples[:3]), [samples[0]]]
    for value in samples:
        assert _outcome(quick, value, param, ctx) == _outcome(adapter, value, param, ctx), value


def test_an_error_reads_as_typer_words_it(runner: Any) -> None:
    from argmap.cli.app import app as cli

    result = runner.invoke(cli, ["tree", "x", "--depth", "-1"])
    assert result.exit_code == 2
    assert "Invalid value for '--depth'" in result.stderr
    assert "greater than or equal to 0" in result.stderr
