"""Small pieces several rules share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from difflib import get_close_matches

from argmap.index import Entity, EntityKind, Index

SECTIONS: tuple[tuple[EntityKind, str], ...] = (
    ("person", "people"),
    ("source", "sources"),
    ("claim", "claims"),
    ("argument", "arguments"),
    ("rebuttal", "rebuttals"),
    ("agreement", "agreements"),
    ("question", "questions"),
    ("stance", "stances"),
)


def entities(index: Index) -> Iterator[tuple[EntityKind, str, int, Entity]]:
    """Every entity with an id (tags aside), with its kind, section and position in it."""
    corpus = index.corpus
    for kind, section in SECTIONS:
        items: list[Entity] = list(getattr(corpus, section))
        for i, entity in enumerate(items):
            yield kind, section, i, entity


def did_you_mean(name: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when something close exists, else ``""``."""
    close = get_close_matches(name, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
