"""The typer application: one module per command or group, registered here."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap import __version__
from argmap.cli import check as check_cmd
from argmap.cli import diagram as diagram_cmd
from argmap.cli import export as export_cmd
from argmap.cli import import_ as import_cmd
from argmap.cli import listing, meta, rebuttals, show, tree

app = typer.Typer(
    name="argmap",
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


app.command("check")(check_cmd.check)
app.command("schema")(meta.schema)
app.command("rules")(meta.rules)
app.command("claims")(listing.claims)
app.command("rebuttals")(rebuttals.rebuttals)
app.command("matrix")(rebuttals.matrix)
app.command("unanswered")(rebuttals.unanswered)
app.command("show")(show.show)
app.command("tree")(tree.tree)
app.command("people")(listing.people)
app.command("sources")(listing.sources)
app.command("tags")(listing.tags)
app.command("stats")(listing.stats)
app.command("diagram")(diagram_cmd.diagram)
app.command("export")(export_cmd.export)
app.command("import")(import_cmd.import_)
