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
    """Empty: the settings file's, else every rule."""
    ignore: tuple[str, ...]
    """Empty: the settings file's."""
    strict: bool | None
    """``None``: the settings file's, else not strict."""
    format: CheckFormat
    max_quote_words: int | None = None
    """``None``: the settings file's, else 30."""


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
            "Default: $ARGMAP_TEXTS, else the settings file's 'texts' (when it exists). "
            "Without it, quotes are reported as unchecked.",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Run only these rule codes or prefixes (repeatable or comma-separated), "
            "e.g. AM3 or AM301. Default: the settings file's 'select', else all.",
            metavar="CODES",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Skip these rule codes or prefixes. The more specific of --select and "
            "--ignore wins. Default: the settings file's 'ignore'.",
            metavar="CODES",
        ),
    ] = None,
    strict: Annotated[
        bool | None,
        typer.Option(
            "--strict/--no-strict",
            help="Fail (exit 1) on warnings too, not only errors. "
            "Default: the settings file's 'strict', else not strict.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", help="How to report findings.", case_sensitive=False),
    ] = CheckFormat.TEXT,
    max_quote_words: Annotated[
        int | None,
        typer.Option(
            "--max-quote-words",
            min=1,
            metavar="N",
            help="AM307 (long-quote) flags quotes of more than N words, elisions excluded. "
            "Default: the settings file's 'max-quote-words', else 30.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check the corpus for annotation consistency, like a linter.

    Every finding has a rule code (see docs/rules.md) and points at a line and
    column of the YAML. Options not given come from the nearest settings file
    (argmap.toml, or [tool.argmap] in pyproject.toml; see docs/settings.md).
    Exit codes: 0 clean; 1 errors (or warnings with --strict); 2 the corpus,
    the settings or the texts directory cannot be used, or bad usage.
    """
    options = CheckOptions(
        file,
        texts,
        _split(select),
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
    from argmap.checks.report import RunInfo, render
    from argmap.cli.common import choose_corpus, texts_dir
    from argmap.collector import paused, settle
    from argmap.errors import CorpusError, TextsError
    from argmap.index import Index
    from argmap.positions import display_path
    from argmap.texts import TextStore

    choice, settings = choose_corpus(options.file)
    select = options.select or settings.select or ("ALL",)
    ignore = options.ignore or settings.ignore
    strict = options.strict if options.strict is not None else bool(settings.strict)
    max_quote_words = options.max_quote_words or settings.max_quote_words or 30
    selection = Selection(select, ignore)
    unknown = selection.unknown()
    if unknown:
        where = "" if options.select or options.ignore else f" (from {settings.table})"
        fail(f"no rule matches {', '.join(unknown)}{where}; see 'argmap rules' for the codes")
    texts = texts_dir(options.texts, settings)
    store = None
    if texts is not None:
        try:
            store = TextStore(texts)
        except TextsError as err:
            fail(str(err))
    run_info = RunInfo(
        corpus=display_path(choice.path),
        origin=choice.origin.value,
        settings=display_path(settings.path) if settings.path is not None else None,
        texts=display_path(texts) if texts is not None else None,
    )
    try:
        corpus = load(choice.path)
    except CorpusError as err:
        diagnostics = [Diagnostic.from_problem(p) for p in err.problems]
        typer.echo(render(diagnostics, options.format, strict=strict, run=run_info), nl=False)
        return EXIT_USAGE
    rule_settings = RuleSettings(max_quote_words=max_quote_words)
    with paused():
        diagnostics = run_checks(Index.build(corpus), store, selection, rule_settings)
        # The index, the texts and the findings live until the report is out: had the
        # collector come back on here, its next runs would walk them all (0.2 s at
        # 100k claims), for no garbage.
        settle()
    report = render(diagnostics, options.format, strict=strict, run=run_info)
    typer.echo(report, nl=False)
    return EXIT_FINDINGS if failed(diagnostics, strict=strict) else EXIT_OK
