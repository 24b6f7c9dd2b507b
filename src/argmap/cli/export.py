"""``argmap export``: the corpus, or part of it, as data for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import filters, selection
from argmap.cli.common import FileOption, fail, load_index
from argmap.formats import CsvTable, ExportFormat, Mapping, Relations

if TYPE_CHECKING:
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
            help="Write here (atomically) instead of stdout. For csv, a directory "
            "(existing, or ending in /) gets every table as NAME.csv.",
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
    writes the key (numbers to claim ids) beside it as FILE with suffix .key.
    """
    from argmap.export import aif, argdown, csv, files, graphml, json
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
    # A path that ends in a separator names a directory, even before it exists.
    to_directory = output is not None and (Path(output).is_dir() or output.endswith(("/", "\\")))
    if to_directory and output_format is not ExportFormat.CSV:
        fail(f"{output} is a directory: only --format csv writes one file per table")
    if to_directory:
        assert output is not None
        directory = Path(output)
        try:
            directory.mkdir(parents=True, exist_ok=True)
            tables = csv.tables(subset)
            for name, body in tables.items():
                files.write_atomic(directory / name, body.encode("utf-8"))
        except OSError as err:
            fail(f"cannot write to {output}: {err.strerror or err}")
        typer.echo(f"wrote {', '.join(tables)} in {output}", err=True)
        return
    if output_format is ExportFormat.ICCMA:
        _export_iccma(subset, mapping, output)
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
    try:
        files.write_atomic(Path(output), text.encode("utf-8"))
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror or err}")
    typer.echo(f"wrote {output} ({output_format.value})", err=True)


def _export_iccma(subset: Subset, mapping: Mapping, output: str | None) -> None:
    from argmap.evaluate.framework import build
    from argmap.export import files, iccma
    from argmap.index import Index

    framework = build(Index.build(subset.corpus), mapping)
    if output is None:
        typer.echo(iccma.export(framework), nl=False)
        return
    path = Path(output)
    key = path.with_suffix(".key") if path.suffix != ".key" else path.with_name(path.name + ".key")
    try:
        files.write_atomic(path, iccma.framework_text(framework).encode("utf-8"))
        files.write_atomic(key, iccma.key_text(framework).encode("utf-8"))
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror or err}")
    n, attacks = framework.numbered()
    typer.echo(f"wrote {path} (iccma: {n} nodes, {len(attacks)} attacks) and {key}", err=True)
