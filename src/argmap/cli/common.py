"""Options and helpers every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from argmap.environment import ENV_FILE

if TYPE_CHECKING:
    from argmap.errors import Problem
    from argmap.index import Index
    from argmap.model import Corpus

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        envvar=ENV_FILE,
        help="Corpus file to read. Default: $ARGMAP_FILE, else the bundled data/arguments.yaml.",
        show_default=False,
        dir_okay=True,
        metavar="PATH",
    ),
]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``error: message`` on stderr and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    if len(problems) > 1:
        typer.echo(f"{len(problems)} problems; the corpus was not used.", err=True)


def load_corpus(file: Path | None) -> Corpus:
    """Load the corpus or exit 2 with every problem, one per line."""
    from argmap.errors import CorpusError
    from argmap.loading import load

    try:
        return load(file)
    except CorpusError as err:
        print_problems(err.problems)
        raise typer.Exit(EXIT_USAGE) from None


def load_index(file: Path | None) -> Index:
    from argmap.index import Index

    return Index.build(load_corpus(file))
