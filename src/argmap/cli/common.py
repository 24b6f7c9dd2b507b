"""Options and helpers every command shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from argmap.corpus import Corpus
    from argmap.errors import Problem
    from argmap.index import Index
    from argmap.settings import CorpusChoice, Settings

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        help="Corpus file to read. Default: $ARGMAP_FILE, else the settings file's 'file', "
        "else a data/arguments.yaml found upward, else the bundled sample (docs/settings.md).",
        show_default=False,
        dir_okay=True,
        metavar="PATH",
    ),
]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``error: message`` on stderr and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    """Print ``note: message`` on stderr: what a reader of the output should know."""
    typer.echo(f"note: {message}", err=True)


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    if len(problems) > 1:
        typer.echo(f"{len(problems)} problems; the corpus was not used.", err=True)


def load_corpus(file: Path | None) -> Corpus:
    """Load the corpus or exit 2 with every problem, one per line."""
    from argmap.cache import load
    from argmap.errors import CorpusError

    choice = choose_corpus(file)[0]
    if choice.origin.value == "bundled":
        bundled_note()
    try:
        return load(choice.path)
    except CorpusError as err:
        print_problems(err.problems)
        raise typer.Exit(EXIT_USAGE) from None


BUNDLED_NOTE = "no corpus here: reading the sample bundled with argmap (see docs/settings.md)"


def bundled_note() -> None:
    """Say on stderr that no corpus was given or found, so the bundled sample answers
    (each command loads its corpus once, so says it once)."""
    note(BUNDLED_NOTE)


def corpus_path(file: Path | None) -> Path:
    """The corpus file a command reads (:func:`argmap.settings.choose_corpus`)."""
    return choose_corpus(file)[0].path


def choose_corpus(file: Path | None) -> tuple[CorpusChoice, Settings]:
    """The corpus a command reads and the settings in force; a bad settings file exits 2."""
    from argmap import settings as project

    try:
        settings = project.load_settings()
        return project.choose_corpus(file, settings), settings
    except project.SettingsError as err:
        fail(str(err))


def texts_dir(option: Path | None, settings: Settings) -> Path | None:
    """The texts directory: ``--texts`` (or ``$ARGMAP_TEXTS``), else the settings file's ``texts``.

    A ``texts`` from the settings file that does not exist is skipped (a clone
    without the texts still checks everything else, and AM305 says quotes went
    unchecked); one given as an option must exist.
    """
    if option is not None:
        return option
    if settings.texts is not None and settings.texts.is_dir():
        return settings.texts
    return None


def write_output(target: str, data: bytes, *, reads: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``target`` through :mod:`argmap.writing`; ``-`` is stdout.

    ``reads`` are the files this command reads (the corpus, texts): writing
    over one is refused. Any failure prints one line and exits 2.
    """
    from argmap import writing

    if writing.is_stdout(target):
        stream = typer.get_binary_stream("stdout")
        stream.write(data)
        stream.flush()
        return
    try:
        writing.write_file(target, data, protect=protected(reads))
    except writing.OutputError as err:
        fail(str(err))


def write_outputs(
    directory: str, files: Mapping[str, bytes], *, reads: Iterable[Path] = ()
) -> None:
    """Write several files into ``directory``, all or none (:func:`argmap.writing.write_files`)."""
    from argmap import writing

    try:
        writing.write_files(directory, files, protect=protected(reads))
    except writing.OutputError as err:
        fail(str(err))


def protected(reads: Iterable[Path]) -> dict[Path, str]:
    """``reads`` as the output layer's protected paths, each described for the message,
    and the project's own corpus and source texts, which no output may replace even
    when this command does not read them (``argmap import -o data/arguments.yaml``)."""
    found = _project_files()
    found.update({path: f"{path}, which this command reads" for path in reads})
    return found


def _project_files() -> dict[Path, str]:
    from argmap import settings as project

    try:
        settings = project.load_settings()
        choice = project.choose_corpus(None, settings)
    except project.SettingsError:
        return {}
    found: dict[Path, str] = {}
    if choice.origin is not project.CorpusOrigin.BUNDLED:
        origin = project.describe_origin(choice, settings)
        found[choice.path] = f"{choice.path}, the project's corpus ({origin})"
    if settings.texts is not None and settings.texts.is_dir():
        for text in settings.texts.iterdir():
            if text.is_file():
                found[text] = f"{text}, one of the project's source texts"
    return found


def load_index(file: Path | None) -> Index:
    from argmap.index import Index

    return Index.build(load_corpus(file))
