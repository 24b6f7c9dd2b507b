"""Small pieces several rules share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from difflib import get_close_matches

from argmap.anchoring import Paragraphs, read_paragraphs
from argmap.checks import CheckContext
from argmap.corpus import Source
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


def source_paragraphs(context: CheckContext, source: Source) -> Paragraphs | None:
    """A source's text split into paragraphs as the quote rules see it, read once per run;
    None without texts, or when the text cannot be had (AM302/AM303 say why)."""
    name = source.text
    if context.texts is None or name is None:
        return None
    # Called for every claim by several rules: one dict of texts by name.
    read: dict[str, Paragraphs | None] = context.cache.setdefault("paragraphs", {})
    try:
        return read[name]
    except KeyError:
        found = read[name] = read_paragraphs(context.texts, name)
        return found
