"""The typer application: one module per command or group, found from a registry.

Adding a command is one line in :data:`COMMANDS`: its name and the function
(or ``typer.Typer`` group) that implements it, as ``"module:attribute"``.
Commands are imported and built only when run (:mod:`argmap.cli.lazy`), so
each command's start-up pays for its own imports only.
"""

from __future__ import annotations

from typing import Annotated

import typer

from argmap import __version__
from argmap.cli.lazy import LazyGroup

COMMANDS: dict[str, str] = {
    "check": "argmap.cli.check:check",
    "schema": "argmap.cli.meta:schema",
    "rules": "argmap.cli.meta:rules",
    "claims": "argmap.cli.listing:claims",
    "rebuttals": "argmap.cli.rebuttals:rebuttals",
    "matrix": "argmap.cli.rebuttals:matrix",
    "unanswered": "argmap.cli.rebuttals:unanswered",
    "show": "argmap.cli.show:show",
    "tree": "argmap.cli.tree:tree",
    "people": "argmap.cli.listing:people",
    "sources": "argmap.cli.listing:sources",
    "tags": "argmap.cli.listing:tags",
    "stats": "argmap.cli.listing:stats",
    "diagram": "argmap.cli.diagram:diagram",
    "export": "argmap.cli.export:export",
    "evaluate": "argmap.cli.evaluate:evaluate",
}
"""Every command, in the order ``argmap --help`` lists them."""


class Commands(LazyGroup):
    registry = COMMANDS


app = typer.Typer(
    name="argmap",
    cls=Commands,
    help="Map who claims what, on which grounds, and who rebuts whom, across a debate "
    "spread over several pieces.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Map who claims what, on which grounds, and who rebuts whom.

    Exit codes: 0 success; 1 findings (check) or nothing found where something was
    required; 2 bad usage, or a corpus or file that cannot be used.
    """
