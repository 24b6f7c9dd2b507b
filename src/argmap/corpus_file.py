"""Which corpus file a command reads, and its bytes: the part of loading that needs no YAML.

Kept apart from :mod:`argmap.loading` so that a command answered from the
cache of validated corpora (:mod:`argmap.cache`) never imports the parser.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from argmap.environment import ENV_FILE
from argmap.errors import CorpusError, Problem


def default_corpus_path() -> Path:
    """The corpus a command reads when given no ``--file``.

    ``$ARGMAP_FILE`` if set; otherwise the bundled ``data/arguments.yaml``:
    inside the installed package for a wheel install, or at the top of the
    source checkout for an editable install.
    """
    env = os.environ.get(ENV_FILE)
    if env:
        return Path(env)
    return bundled_corpus_path()


@lru_cache(maxsize=1)
def bundled_corpus_path() -> Path:
    """Where the bundled corpus is in this installation."""
    packaged = resources.files("argmap") / "data" / "arguments.yaml"
    if isinstance(packaged, Path) and packaged.is_file():
        return packaged
    # Editable install or a plain checkout: src/argmap/corpus_file.py -> repo root.
    return Path(__file__).resolve().parents[2] / "data" / "arguments.yaml"


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
