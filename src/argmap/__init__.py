"""argmap: map who claims what, on which grounds, and who rebuts whom.

The public API::

    import argmap
    corpus = argmap.load("data/arguments.yaml")     # -> argmap.Corpus
    index = argmap.Index.build(corpus)
    findings = argmap.check(corpus, texts="../shared/texts")

Names are imported on first use, so ``import argmap`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Corpus", "CorpusError", "Diagnostic", "Index", "__version__", "check", "load"]

if TYPE_CHECKING:
    from argmap.api import check
    from argmap.checks import Diagnostic
    from argmap.corpus import Corpus
    from argmap.errors import CorpusError
    from argmap.index import Index
    from argmap.loading import load

_LAZY = {
    "load": "argmap.loading",
    "Corpus": "argmap.corpus",
    "CorpusError": "argmap.errors",
    "Index": "argmap.index",
    "Diagnostic": "argmap.checks",
    "check": "argmap.api",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
