"""One way to print a listing, in every format: table, json, csv, yaml, markdown.

Tables are for people: they fit the terminal and wrap the text column, with
no ANSI codes when stdout is not a terminal or ``NO_COLOR`` is set. The
other formats are for pipes and carry every field, ids included.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import typer

from argmap.formats import ListFormat

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column of a table: which row key, its heading, and how it behaves."""

    key: str
    header: str
    wrap: bool = False
    """Wrap this column (the text column); the others keep their width."""
    table: bool = True
    """Show it in the table and markdown views (JSON, CSV and YAML show every key)."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def _csv_cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def color_wanted() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def console(*, stderr: bool = False) -> Any:
    """A rich Console that respects NO_COLOR and plain pipes."""
    from rich.console import Console

    plain = not color_wanted()
    width = None
    if not sys.stdout.isatty():
        width = int(os.environ.get("COLUMNS", "100"))
    return Console(
        stderr=stderr,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        soft_wrap=False,
        width=width,
        emoji=False,
    )


def format_rows(rows: Sequence[Row], columns: Sequence[Column], fmt: ListFormat) -> str:
    """Rows as text in a pipe format (everything but ``table``)."""
    if fmt is ListFormat.JSON:
        return json.dumps(list(rows), indent=2, ensure_ascii=False) + "\n"
    if fmt is ListFormat.YAML:
        import yaml

        return str(yaml.safe_dump(list(rows), sort_keys=False, allow_unicode=True, width=100))
    if fmt is ListFormat.CSV:
        buffer = io.StringIO()
        keys = list(rows[0].keys()) if rows else [c.key for c in columns]
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(keys)
        for row in rows:
            writer.writerow([_csv_cell(row.get(k)) for k in keys])
        return buffer.getvalue()
    if fmt is ListFormat.MARKDOWN:
        shown = [c for c in columns if c.table]

        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = [
            "| " + " | ".join(c.header for c in shown) + " |",
            "|" + "|".join("---" for _ in shown) + "|",
        ]
        lines += [
            "| " + " | ".join(esc(_cell(row.get(c.key))) for c in shown) + " |" for row in rows
        ]
        return "\n".join(lines) + "\n"
    raise ValueError(f"not a pipe format: {fmt}")


def render_rows(
    rows: Sequence[Row],
    columns: Sequence[Column],
    fmt: ListFormat,
    *,
    title: str | None = None,
    empty: str = "Nothing matches.",
) -> None:
    """Print rows in the chosen format. The one function every listing uses."""
    if fmt is not ListFormat.TABLE:
        typer.echo(format_rows(rows, columns, fmt), nl=False)
        return
    if not rows:
        typer.echo(empty, err=True)
        return
    from rich import box
    from rich.table import Table

    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        show_lines=False,
        header_style="bold",
        title_justify="left",
        expand=False,
    )
    for column in columns:
        if not column.table:
            continue
        table.add_column(
            column.header,
            overflow="fold",
            no_wrap=not column.wrap,
            ratio=1 if column.wrap else None,
            min_width=20 if column.wrap else None,
        )
    for row in rows:
        table.add_row(*(_cell(row.get(c.key)) for c in columns if c.table))
    console().print(table)
