"""``argmap import``: bring AIF, arggraph or Argdown JSON maps into one argmap corpus."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.common import fail, write_output, write_outputs
from argmap.formats import ImportFormat

if TYPE_CHECKING:
    from argmap.importers.run import ImportResult


@dataclass(frozen=True)
class ImportOptions:
    """``argmap import``'s options, parsed."""

    paths: tuple[Path, ...]
    format: ImportFormat | None
    output: Path | None
    speaker: str | None
    texts_out: Path | None
    report: Path | None


def import_(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Files or directories to import (directories are walked; each file "
            "becomes a source).",
            show_default=False,
        ),
    ],
    from_format: Annotated[
        ImportFormat | None,
        typer.Option(
            "--from",
            case_sensitive=False,
            help="The input format. Default: recognised from each file's content.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT.yaml",
            help="Write the corpus here (atomically) instead of stdout.",
            show_default=False,
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            metavar="NAME",
            help="Credit claims whose input names no speaker to NAME. Default: a "
            "placeholder person per source, '<source>-author'.",
            show_default=False,
        ),
    ] = None,
    texts_out: Annotated[
        Path | None,
        typer.Option(
            "--texts-out",
            metavar="DIR",
            help="Write the sources' full texts (arggraph's .txt files) here, for "
            "argmap check --texts DIR.",
            show_default=False,
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="FILE.json",
            help="Also write the full account as JSON: counts, and every element "
            "that was not mapped, by file and id.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Import argument maps from the field's formats into one argmap corpus.

    Reads AIF JSON (AIFdb, OVA, argmap export), arggraph XML (arg-microtexts)
    and Argdown JSON (argdown json). Each file becomes a source; several merge
    into one corpus with unique ids. A summary on stderr says what was read,
    what was written, and every element that was not mapped and why.
    docs/import.md describes each mapping.
    """
    options = ImportOptions(
        tuple(paths),
        from_format,
        None if output is None or str(output) == "-" else output,
        speaker.strip() if speaker and speaker.strip() else None,
        texts_out,
        report,
    )
    run(options)


def run(options: ImportOptions) -> None:
    """Import, write the corpus (and texts and report), print the summary."""
    from argmap.dumping import dump
    from argmap.importers.fragment import ImportFailed
    from argmap.importers.report import document
    from argmap.importers.run import import_paths
    from argmap.importers.validate import validate

    try:
        result = import_paths(options.paths, options.format, options.speaker)
    except ImportFailed as err:
        fail(str(err))
    problem = validate(result.corpus)
    if problem is not None:  # a bug in an importer: say so rather than write a broken file
        fail(f"the imported corpus does not fit the schema ({problem}); please report this", 3)
    formats = ", ".join(sorted(f.value for f in result.files))
    header = [
        f"Imported by argmap import --from {formats} from {_files(sum(result.files.values()))}.",
        "Format: docs/format.md; what each input element became: docs/import.md.",
    ]
    text = dump(result.corpus, header)
    reads = result.inputs
    if options.texts_out is not None:
        write_outputs(str(options.texts_out), result.texts, reads=reads)
    if options.report is not None:
        body = json.dumps(document(result), indent=2, ensure_ascii=False) + "\n"
        write_output(str(options.report), body.encode("utf-8"), reads=reads)
    write_output(str(options.output or "-"), text.encode("utf-8"), reads=reads)
    _summary(result, options)


def _summary(result: ImportResult, options: ImportOptions) -> None:
    from argmap.importers.report import (
        merged_lines,
        passed_over_lines,
        read_lines,
        unmapped_lines,
        written_line,
    )

    lines = read_lines(result)
    where = f" to {options.output}" if options.output is not None else ""
    lines.append(written_line(result) + where)
    if options.texts_out is not None:
        count = len(result.texts)
        texts = f"{count:,} source text{'s' if count != 1 else ''}"
        lines.append(f"wrote {texts} in {options.texts_out}")
    lines.extend(merged_lines(result))
    lines.extend(unmapped_lines(result))
    lines.extend(passed_over_lines(result))
    if options.report is not None:
        lines.append(f"every element, by id: {options.report}")
    for line in lines:
        indent = len(line) - len(line.lstrip())
        for piece in textwrap.wrap(
            line, width=80, subsequent_indent=" " * (indent + 2), break_on_hyphens=False
        ) or [line]:
            typer.echo(piece, err=True)


def _files(count: int) -> str:
    return f"{count:,} file{'s' if count != 1 else ''}"
