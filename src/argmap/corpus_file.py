"""Which corpus file a command reads, and its bytes: the part of loading that needs no YAML.

Kept apart from :mod:`argmap.loading` so that a command answered from the
cache of validated corpora (:mod:`argmap.cache`) never imports the parser.
"""

from __future__ import annotations

from pathlib import Path

from argmap.environment import ENV_FILE
from argmap.errors import CorpusError, Problem


def default_corpus_path() -> Path:
    """The corpus a command reads when given no ``--file``.

    ``$ARGMAP_FILE`` if set; else the ``file`` of the nearest settings file
    (``argmap.toml`` or ``pyproject.toml``'s ``[tool.argmap]``); else a
    ``data/arguments.yaml`` found upward from the current directory; else the
    sample bundled with argmap (:mod:`argmap.settings`).
    """
    from argmap.settings import choose_corpus

    return choose_corpus().path


def bundled_corpus_path() -> Path:
    """Where the bundled corpus is in this installation."""
    from argmap.settings import bundled_corpus_path as bundled

    return bundled()


def read_corpus_bytes(file: Path) -> bytes:
    """The corpus file's bytes, through the input layer (:mod:`argmap.reading`)."""
    from argmap.reading import InputError, read_input

    try:
        return read_input(file)
    except InputError as err:
        reason = err.reason
        if reason == "no such file":
            reason = f"no such file; give an existing corpus with --file or ${ENV_FILE}"
        elif reason.startswith("is a directory"):
            reason = "is a directory, not a corpus file; name the .yaml file itself"
        raise CorpusError([Problem("AM001", reason, file)]) from None
