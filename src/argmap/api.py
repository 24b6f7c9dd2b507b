"""Entry points of the core for Python users and for the CLI."""

from __future__ import annotations

import os

from argmap.checks import Diagnostic, RuleSettings, Selection, run_checks
from argmap.corpus import Corpus
from argmap.index import Index
from argmap.texts import TextStore


def check(
    corpus: Corpus,
    texts: str | os.PathLike[str] | None = None,
    select: tuple[str, ...] = ("ALL",),
    ignore: tuple[str, ...] = (),
    settings: RuleSettings | None = None,
) -> list[Diagnostic]:
    """Run the lint rules on a loaded corpus.

    ``texts`` is the directory holding the sources' text files; without it
    the quote rules report, at info level, that quotes went unchecked.
    ``settings`` changes the rules' limits (e.g. ``RuleSettings(max_quote_words=40)``).
    Raises :class:`~argmap.errors.TextsError` if ``texts`` is not a directory.
    """
    store = TextStore(texts) if texts is not None else None
    return run_checks(Index.build(corpus), store, Selection(select, ignore), settings)
