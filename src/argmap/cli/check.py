"""``argmap check``: lint the corpus for annotation consistency."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FileOption, fail
from argmap.environment import ENV_TEXTS
from argmap.formats import CheckFormat


@dataclass(frozen=True)
class CheckOptions:
    """``argmap check``'s options, parsed."""

    file: Path | None
    texts: Path | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    strict: bool
    format: CheckFormat
    max_quote_words: int = 30


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return tuple(out)


def check(
    file: FileOption = None,
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            envvar=ENV_TEXTS,
            help="Directory holding the sources' text files, for quote checks. "
            "Default: $ARGMAP_TEXTS. Without it, quotes are reported as unchecked.",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Run only these rule codes or prefixes (repeatable or comma-separated), "
            "e.g. AM3 or AM301. Default: all.",
            metavar="CODES",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Skip these rule codes or prefixes. The more specific of --select and "
            "--ignore wins.",
            metavar="CODES",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only errors.")
    ] = False,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", help="How to report findings.", case_sensitive=False),
    ] = CheckFormat.TEXT,
    max_quote_words: Annotated[
        int,
        typer.Option(
            "--max-quote-words",
            min=1,
            metavar="N",
            help="AM307 (long-quote) flags quotes of more than N words, elisions excluded.",
        ),
    ] = 30,
) -> None:
    """Check the corpus for annotation consistency, like a linter.

    Every finding has a rule code (see docs/rules.md) and points at a line and
    column of the YAML. Exit codes: 0 clean; 1 errors (or warnings with
    --strict); 2 the corpus or the texts directory cannot be used, or bad usage.
    """
    options = CheckOptions(
        file,
        texts,
        _split(select) or ("ALL",),
        _split(ignore),
        strict,
        output_format,
        max_quote_words,
    )
    raise typer.Exit(run(options))


def run(options: CheckOptions) -> int:
    """Run a check with parsed options; print the report; return the exit code."""
    from argmap.cache import load
    from argmap.checks import Diagnostic, RuleSettings, Selection, failed, run_checks
    from argmap.checks.report import render
    from argmap.errors import CorpusError, TextsError
    from argmap.index import Index
    from argmap.texts import TextStore

    selection = Selection(options.select, options.ignore)
    unknown = selection.unknown()
    if unknown:
        fail(f"no rule matches {', '.join(unknown)}; see 'argmap rules' for the codes")
    store = None
    if options.texts is not None:
        try:
            store = TextStore(options.texts)
        except TextsError as err:
            fail(str(err))
    try:
        corpus = load(options.file)
    except CorpusError as err:
        diagnostics = [Diagnostic.from_problem(p) for p in err.problems]
        typer.echo(render(diagnostics, options.format, strict=options.strict), nl=False)
        return EXIT_USAGE
    settings = RuleSettings(max_quote_words=options.max_quote_words)
    diagnostics = run_checks(Index.build(corpus), store, selection, settings)
    report = render(diagnostics, options.format, strict=options.strict)
    typer.echo(report, nl=False)
    return EXIT_FINDINGS if failed(diagnostics, strict=options.strict) else EXIT_OK
