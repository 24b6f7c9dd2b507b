"""A command group that imports and builds only the command that is run.

typer builds every command of an app up front: it inspects each function's
parameters and imports each command's module, with everything that module
needs (rich, the queries, the exporters, Graphviz). For a CLI of a dozen
commands that is most of the start-up time. :class:`LazyGroup` keeps a
registry of ``name -> "module:attribute"`` instead and builds a command the
first time click asks for it, so ``argmap claims`` imports the claims command
and nothing else. ``argmap --help`` and the generated docs still see every
command.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import typer
from typer._click import Command, Context, Parameter
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command, get_command_from_info
from typer.models import CommandInfo

from argmap import collector
from argmap.cli import coercion


def build_command(name: str, target: str) -> Command:
    """Import ``target`` (``"package.module:attribute"``) and make it the command ``name``.

    The attribute is a command function (what ``app.command()`` decorates) or
    a ``typer.Typer`` sub-application (a command group).
    """
    module_name, _, attribute = target.partition(":")
    found = getattr(importlib.import_module(module_name), attribute)
    if isinstance(found, typer.Typer):
        command = get_command(found)
        command.name = name
        return command
    return get_command_from_info(
        CommandInfo(name=name, callback=found, cls=QuickCommand),
        pretty_exceptions_short=True,
        rich_markup_mode=None,
    )


class QuickCommand(TyperCommand):
    """A typer command whose parameters coerce values without pydantic (:mod:`.coercion`)."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)  # with the help option, made on first use
        coercion.install(params)
        return params

    def invoke(self, ctx: Context) -> Any:
        reads_corpus = any(param.name == "file" for param in self.params)
        if not reads_corpus:
            collector.settle()  # reads no corpus: start-up ends here (argmap.collector)
            return super().invoke(ctx)
        try:
            result = super().invoke(ctx)
        except typer.Exit as done:
            if done.exit_code in (0, 1):  # the command did its job (1: findings)
                prepare_diagrams()
            raise
        prepare_diagrams()
        return result


def prepare_diagrams() -> None:
    """After a command that reads the corpus, typed at a terminal: have the layout engine of
    diagrams built in the background if the first diagram would have to compile it
    (:func:`argmap.export.wasm_ready.prepare_ahead`). Scripts, CI and tests (stderr not a
    terminal) never start anything; a kept module costs a few file reads."""
    if stderr_is_terminal():
        from argmap.export import wasm_ready

        try:
            wasm_ready.prepare_ahead()
        except Exception:  # a head start, never a reason for the command to fail
            return


def stderr_is_terminal() -> bool:
    """Whether the user is at a terminal (stderr: stdout is often piped to a pager or file)."""
    import sys

    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced, or closed
        return False


def quicken(command: Command) -> None:
    """Give ``command``'s parameters (and its subcommands', for a group) the quick coercion."""
    coercion.install(command.params)
    commands = getattr(command, "commands", {})
    if not isinstance(commands, LazyCommands):  # a lazy group quickens each on first use
        for sub in commands.values():
            quicken(sub)


class LazyCommands(MutableMapping[str, Command]):
    """``name -> click command``, where each command is built on first access.

    Listing the names (``keys()``, ``in``, ``len``) builds nothing, so click's
    "No such command 'clams'. Did you mean 'claims'?" costs no import.
    """

    def __init__(
        self,
        registry: Mapping[str, str],
        finish: Callable[[str, Command], Command] = lambda _name, command: command,
    ) -> None:
        self._registry = dict(registry)
        self._finish = finish
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        command = self._built.get(name)
        if command is None:
            command = self._finish(name, build_command(name, self._registry[name]))
            quicken(command)
            self._built[name] = command
        return command

    def __setitem__(self, name: str, command: Command) -> None:
        self._registry.setdefault(name, "")
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._registry[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._registry)

    def __len__(self) -> int:
        return len(self._registry)

    def __contains__(self, name: object) -> bool:
        return name in self._registry


class LazyGroup(TyperGroup):
    """A typer group whose commands come from :attr:`registry`, built when used.

    Subclass it with a ``registry`` and pass it as ``typer.Typer(cls=...)``.
    """

    registry: Mapping[str, str] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        commands = LazyCommands(self.registry, self.finish)
        for name, command in self.commands.items():  # any registered the usual way
            commands[name] = command
        self.commands = commands

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)  # typer appends the completion options after __init__
        coercion.install(params)
        return params

    def finish(self, name: str, command: Command) -> Command:
        """Adjust a command once built (options every command shares); as is by default."""
        return command
