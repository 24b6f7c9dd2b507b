"""``argmap export``: the corpus, or part of it, as data for other tools."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

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
from argmap.formats import CsvTable, ExportFormat, Mapping, Relations

if TYPE_CHECKING:
    from pathlib import Path

    from argmap.subset import Subset


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
            "draw.io), argdown, csv (tables), or iccma (the Dung framework of argmap "
            "evaluate, for competition solvers).",
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
            help="For csv to stdout or a file: which table (claims, relations, people, sources, "
            "agreements, stances).",
        ),
    ] = CsvTable.CLAIMS,
    mapping: Annotated[
        Mapping,
        typer.Option(
            "--mapping",
            case_sensitive=False,
            help="For iccma: bipolar (supports count) or dung (claims and rebuttals only).",
        ),
    ] = Mapping.BIPOLAR,
) -> None:
    """Export claims, arguments and rebuttals for other tools.

    The same filters as argmap diagram choose what is exported (nothing given:
    the whole corpus). Without -o the export goes to stdout, to pipe into jq and
    the like. docs/export.md describes every format. For iccma, -o FILE also
    writes the key (numbers to node ids) beside it, as FILE with the suffix .key.
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
    if output_format is ExportFormat.ICCMA:
        _export_iccma(subset, mapping, output, reads)
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


def _export_iccma(subset: Subset, mapping: Mapping, output: str | None, reads: list[Path]) -> None:
    from pathlib import Path

    from argmap import writing
    from argmap.evaluate.framework import build
    from argmap.export import iccma
    from argmap.index import Index

    framework = build(Index.build(subset.corpus), mapping)
    if output is None or writing.is_stdout(output):
        typer.echo(iccma.export(framework), nl=False)
        return
    path = Path(output)
    key = (
        path.with_name(path.name + ".key")
        if path.suffix in ("", ".key")
        else path.with_suffix(".key")
    )
    # The framework and its key are one result: written together, all or none.
    write_outputs(
        str(path.parent) + os.sep,
        {
            path.name: iccma.framework_text(framework).encode("utf-8"),
            key.name: iccma.key_text(framework).encode("utf-8"),
        },
        reads=reads,
    )
    n, attacks = framework.numbered()
    typer.echo(f"wrote {path} (iccma: {n} nodes, {len(attacks)} attacks) and {key}", err=True)
