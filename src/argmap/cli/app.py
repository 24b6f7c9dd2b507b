"""The typer application: one module per command or group, found from a registry.

Adding a command is one line in :data:`COMMANDS`: its name and the function
(or ``typer.Typer`` group) that implements it, as ``"module:attribute"``.
Commands are imported and built only when run (:mod:`argmap.cli.lazy`), so
each command's start-up pays for its own imports only.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from typer import _click
from typer.exceptions import TyperException
from typer.models import CommandInfo

from argmap import __version__
from argmap.cli.lazy import LazyGroup
from argmap.environment import ENV_DEBUG, ENV_MAX_INPUT, ENV_NO_CACHE

COMMANDS: dict[str, str] = {
    "init": "argmap.cli.init:init",
    "check": "argmap.cli.check:check",
    "schema": "argmap.cli.meta:schema",
    "rules": "argmap.cli.meta:rules",
    "claims": "argmap.cli.listing:claims",
    "rebuttals": "argmap.cli.rebuttals:rebuttals",
    "matrix": "argmap.cli.rebuttals:matrix",
    "unanswered": "argmap.cli.rebuttals:unanswered",
    "agreements": "argmap.cli.agreements:agreements",
    "questions": "argmap.cli.stances:questions",
    "stances": "argmap.cli.stances:stances",
    "show": "argmap.cli.show:show",
    "tree": "argmap.cli.tree:tree",
    "people": "argmap.cli.listing:people",
    "sources": "argmap.cli.listing:sources",
    "tags": "argmap.cli.listing:tags",
    "stats": "argmap.cli.listing:stats",
    "diagram": "argmap.cli.diagram:diagram",
    "export": "argmap.cli.export:export",
    "import": "argmap.cli.import_:import_",
    "evaluate": "argmap.cli.evaluate:evaluate",
}
"""Every command, in the order ``argmap --help`` lists them."""


class Commands(LazyGroup):
    """The command group, with the top-level handler that turns any failure into an exit code.

    A bug must never show a traceback, nor exit 1 (which ``check`` uses for
    findings): an unexpected exception becomes ``internal error: ...`` and
    exit 3. Ctrl-C exits 130 and SIGTERM 143 (after clean-up has run).
    """

    registry = COMMANDS

    def finish(self, name: str, command: _click.Command) -> _click.Command:
        """Give every command that reads a corpus (it has ``--file``) the ``--no-cache`` option."""
        if any(param.name == "file" for param in command.params):
            command.params.append(_no_cache_option())
        return command

    def invoke(self, ctx: _click.Context) -> Any:
        from argmap.cli.common import EXIT_INTERNAL
        from argmap.interrupts import Terminated

        try:
            return super().invoke(ctx)
        except (TyperException, typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except Terminated as err:
            raise typer.Exit(err.exit_code) from None
        except BrokenPipeError:
            raise  # typer's main handles a closed pipe quietly
        except RecursionError:
            typer.echo(_internal("the input is nested too deeply (RecursionError)"), err=True)
            raise typer.Exit(EXIT_INTERNAL) from None
        except MemoryError:
            typer.echo(_internal("out of memory (MemoryError)"), err=True)
            raise typer.Exit(EXIT_INTERNAL) from None
        except Exception as err:
            if os.environ.get(ENV_DEBUG):
                raise
            typer.echo(_internal(_short(err)), err=True)
            raise typer.Exit(EXIT_INTERNAL) from None


def _no_cache(value: bool) -> bool:
    if value:
        from argmap import cache

        cache.disable()
    return value


def _no_cache_option() -> _click.Parameter:
    """The ``--no-cache`` option, declared as typer declares options and shared by commands."""

    def declaration(
        no_cache: Annotated[
            bool,
            typer.Option(
                "--no-cache",
                callback=_no_cache,
                expose_value=False,
                help="Read the corpus afresh and use no cache (of validated corpora, or "
                f"of the compiled layout engine for diagrams); also ${ENV_NO_CACHE}=1.",
            ),
        ] = False,
    ) -> None:
        """Declares the option."""

    [option] = typer.main.get_command_from_info(
        CommandInfo(callback=declaration), pretty_exceptions_short=True, rich_markup_mode=None
    ).params
    return option


def _short(err: BaseException) -> str:
    """One line, at most 200 characters: the exception's type and message."""
    text = " ".join(str(err).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def _internal(reason: str) -> str:
    return (
        f"internal error: {reason}\n"
        "This is a bug in argmap, not in your files: please report it with the command "
        f"you ran (set {ENV_DEBUG}=1 to see the traceback)."
    )


app = typer.Typer(
    name="argmap",
    cls=Commands,
    help="Map who claims what, on which grounds, and who rebuts whom, across a debate "
    "spread over several pieces.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


def _max_input(value: str | None) -> str | None:
    from argmap import reading

    if value is None:
        reading.configure(None)
        return value
    try:
        reading.configure(reading.parse_size(value))
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    return value


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    max_input: Annotated[
        str | None,
        typer.Option(
            "--max-input",
            envvar=ENV_MAX_INPUT,
            metavar="SIZE",
            callback=_max_input,
            help="The largest file argmap reads (corpus or text), e.g. 512M or 2G. Default: 256M.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Map who claims what, on which grounds, and who rebuts whom.

    Exit codes: 0 success; 1 findings (check) or nothing found where something was
    required; 2 bad usage, or a corpus or file that cannot be used; 3 an internal
    error (a bug: please report it); 130 interrupted (Ctrl-C); 143 terminated.
    """
