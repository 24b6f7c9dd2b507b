"""``argmap schema`` and ``argmap rules``: what the format and the linter are."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.formats import ListFormat


def schema() -> None:
    """Print the JSON Schema of the corpus format, for editors and validators.

    The same schema is checked in as docs/schema.json; point yaml-language-server
    at it with a '# yaml-language-server: $schema=...' comment.
    """
    from argmap.schema import schema_json

    typer.echo(schema_json(), nl=False)


def rules(
    output_format: Annotated[
        ListFormat,
        typer.Option("--format", help="Output format.", case_sensitive=False),
    ] = ListFormat.TABLE,
) -> None:
    """List the check rules: code, name, default severity and summary."""
    from argmap.checks import registry
    from argmap.cli.output import Column, render_rows

    rows = [
        {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary}
        for r in registry()
    ]
    columns = [
        Column("code", "Code"),
        Column("name", "Name"),
        Column("severity", "Severity"),
        Column("summary", "Summary", wrap=True),
    ]
    render_rows(rows, columns, output_format)
