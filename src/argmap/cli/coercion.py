"""Command-line values turned into Python values without a pydantic adapter per parameter.

typer (0.2x) coerces every value of the command being run through a pydantic
``TypeAdapter`` built for that parameter: importing that machinery and
building a dozen validators costs more than everything else ``argmap claims``
does. The kinds of parameter argmap declares (``str``, ``bool``, ``int`` and
``float`` with bounds, ``Path``, an enum of choices, and lists of these) need
none of it for an ordinary value, so :func:`install` gives each such parameter
a :class:`QuickParam`: it converts the common, unambiguous values itself,
with the very helpers typer's adapters call (``coerce_cli_choice``,
``coerce_cli_path``), and hands anything else (a value it is not sure of, or
any value that fails) to typer's own adapter. Every result and every error
message is therefore typer's; ``tests/test_coercion.py`` holds the two paths
to the same answers for every parameter of every command.

This leans on typer's internals (the runtime-parameter hook of 0.2x). On a
typer without them :func:`install` does nothing: argmap stays correct, only
slower to start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from typer._click import Context, Parameter
from typer._click.exceptions import BadParameter

try:  # typer 0.2x's runtime coercion layer
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
    from typer._typing import is_literal_type, literal_values
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another typer: nothing to speed up
    _TyperParameter = None  # type: ignore[assignment,misc]

_INTEGER = re.compile(r"[0-9]{1,18}")
_DECIMAL = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?")


class _Unsure(Exception):
    """The quick path declines a value: typer's adapter decides."""


def _as_str(value: Any) -> str:
    if type(value) is str:
        return value
    raise _Unsure


def _as_bool(value: Any) -> bool:
    if type(value) is bool:
        return value
    raise _Unsure


def _in_bounds(number: float, low: float | None, high: float | None) -> bool:
    return (low is None or number >= low) and (high is None or number <= high)


@dataclass(frozen=True)
class _Leaf:
    """How to convert one value of one annotation (a list item, or the whole value)."""

    annotation: Any
    descriptor: TypeDescriptor
    choices: tuple[Any, ...] | None = None

    def convert(self, value: Any, param: Parameter, ctx: Context) -> Any:
        annotation, info = self.annotation, self.descriptor.parameter_info
        if self.choices is not None:
            try:
                return coerce_cli_choice(
                    value, choices=self.choices, case_sensitive=info.case_sensitive, ctx=ctx
                )
            except ValueError:
                raise _Unsure from None
        if annotation is str:
            return _as_str(value)
        if annotation is bool:
            return _as_bool(value)
        if annotation is int or annotation is float:
            pattern = _INTEGER if annotation is int else _DECIMAL
            if type(value) is annotation or (type(value) is str and pattern.fullmatch(value)):
                number = annotation(value)
                if _in_bounds(number, info.min, info.max):
                    return number
            raise _Unsure
        if annotation is Path:
            if isinstance(value, Path):
                path = value
            elif type(value) is str and value and "\0" not in value:
                path = Path(value)
            else:
                raise _Unsure
            try:  # the stat checks (exists, file_okay, ...) are typer's own
                return coerce_cli_path(path, info, path_type=Path, param=param, ctx=ctx)  # type: ignore[arg-type]
            except BadParameter:
                raise _Unsure from None  # the adapter words the error about the text given
        raise _Unsure  # pragma: no cover - _leaf() only builds the kinds above


def _leaf(annotation: Any, descriptor: TypeDescriptor) -> _Leaf | None:
    info = descriptor.parameter_info
    if info.parser is not None or getattr(info, "clamp", False):
        return None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _Leaf(annotation, descriptor, tuple(annotation))
    if is_literal_type(annotation):
        return _Leaf(annotation, descriptor, literal_values(annotation))
    if annotation in (str, bool, int, float):
        return _Leaf(annotation, descriptor)
    if annotation is Path and routes_to_path(annotation, info):
        return _Leaf(annotation, descriptor)
    return None


if _TyperParameter is not None:

    @dataclass(frozen=True)
    class QuickParam(RuntimeParam):
        """A parameter's coercion: the quick path, else (once needed) typer's adapter."""

        descriptor: TypeDescriptor
        leaf: _Leaf
        many: bool
        fallback: list[RuntimeParam] = field(default_factory=list, compare=False)

        def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            try:
                if self.many:
                    items = value if isinstance(value, (list, tuple)) else [value]
                    return [self.leaf.convert(item, param, ctx) for item in items]
                return self.leaf.convert(value, param, ctx)
            except _Unsure:
                return self.adapter()._coerce_value(value, param=param, ctx=ctx)

        def adapter(self) -> RuntimeParam:
            """typer's own coercion for this parameter, built on first use."""
            if not self.fallback:
                self.fallback.append(build_runtime_param(self.descriptor))
            return self.fallback[0]


def quick_param(descriptor: TypeDescriptor) -> QuickParam | None:
    """The quick coercion for a parameter of this type, or None to leave it to typer."""
    if descriptor.file_annotation is not None:
        return None
    annotation = descriptor.annotation
    many = descriptor.is_list
    if many:
        (annotation,) = annotation.__args__
    elif getattr(annotation, "__origin__", None) is not None and not is_literal_type(annotation):
        return None  # a tuple, a union: typer's
    leaf = _leaf(annotation, descriptor)
    if leaf is None:
        return None
    return QuickParam(
        parameter_info=descriptor.parameter_info,
        annotation=descriptor.annotation,
        descriptor=descriptor,
        leaf=leaf,
        many=many,
    )


def install(params: list[Parameter]) -> None:
    """Give each typer parameter in ``params`` the quick coercion, where its type has one."""
    if _TyperParameter is None:  # pragma: no cover - another typer
        return
    for param in params:
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            quick = quick_param(param.type_descriptor)
            if quick is not None:
                param._runtime_param = quick
