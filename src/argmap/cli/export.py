"""``argmap export``: the corpus, or part of it, as data for other tools."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from argmap.cli import filters, selection
from argmap.cli.common import (
    FileOption,
    corpus_path,
    fail,
    load_index,
    write_output,
    write_outputs,
)
from argmap.formats import CsvTable, ExportFormat, Relations


def export(
    file: FileOption = None,
    authors: filters.AuthorOption = None,
    sources: filters.SourceOption = None,
    tags: filters.TagOption = None,
    focus: selection.FocusOption = None,
    depth: selection.DepthOption = None,
    relations: selection.RelationsOption = Relations.ALL,
    context: selection.ContextOption = False,
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="json (the resolved corpus), aif (AIFdb JSON), graphml (yEd, Gephi, "
            "draw.io), argdown, or csv (tables).",
        ),
    ] = ExportFormat.JSON,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write here (atomically; - is stdout) instead of stdout. For csv, a "
            "directory (existing, or ending in /) gets every table as NAME.csv, all or none.",
            show_default=False,
        ),
    ] = None,
    table: Annotated[
        CsvTable,
        typer.Option(
            "--table",
            case_sensitive=False,
            help="For csv to stdout or a file: which table (claims, relations, people, sources).",
        ),
    ] = CsvTable.CLAIMS,
) -> None:
    """Export claims, arguments and rebuttals for other tools.

    The same filters as argmap diagram choose what is exported (nothing given:
    the whole corpus). Without -o the export goes to stdout, to pipe into jq and
    the like. docs/export.md describes every format.
    """
    from argmap.export import aif, argdown, csv, graphml, json
    from argmap.export.diagram import default_title
    from argmap.index import Index

    index = load_index(file)
    chosen = selection.build(
        index,
        authors=authors,
        sources=sources,
        tags=tags,
        focus=focus,
        depth=depth,
        relations=relations,
        context=context,
    )
    subset = selection.select_or_fail(index, chosen)
    reads = [corpus_path(file)]
    # A path that ends in a separator names a directory, even before it exists.
    to_directory = output is not None and (
        os.path.isdir(output) or output.endswith(("/", "\\", os.sep))
    )
    if to_directory and output_format is not ExportFormat.CSV:
        fail(f"{output}: is a directory; only --format csv writes one file per table")
    if to_directory:
        assert output is not None
        tables = csv.tables(subset)
        write_outputs(
            output, {name: body.encode("utf-8") for name, body in tables.items()}, reads=reads
        )
        typer.echo(f"wrote {', '.join(tables)} in {output}", err=True)
        return
    if output_format is ExportFormat.JSON:
        text = json.export(subset)
    elif output_format is ExportFormat.AIF:
        text = aif.export(subset)
    elif output_format is ExportFormat.GRAPHML:
        text = graphml.export(subset)
    elif output_format is ExportFormat.ARGDOWN:
        title = default_title(subset, Index.build(subset.corpus), index)
        text = argdown.export(subset, title)
    else:
        text = csv.export(subset, table)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_output(output, text.encode("utf-8"), reads=reads)
    if output != "-":
        typer.echo(f"wrote {output} ({output_format.value})", err=True)
