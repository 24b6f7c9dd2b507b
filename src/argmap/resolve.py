"""Resolve what a user typed (``-a trenin``) to entities of the corpus.

A person or source matches by exact id, then by a case-insensitive fragment
of its id, name or title. More than one match is an error that lists the
candidates; none is an error with a "did you mean".
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches
from typing import TypeVar

from argmap.errors import LookupFailed
from argmap.index import Index
from argmap.model import Claim, Person, Source, Tag

_T = TypeVar("_T", Person, Source, Claim, Tag)


def _label(entity: Person | Source | Claim | Tag) -> str:
    if isinstance(entity, Person):
        return entity.name
    if isinstance(entity, Source):
        return entity.title
    if isinstance(entity, Claim):
        return entity.text
    return entity.description


def _resolve(what: str, query: str, table: Mapping[str, _T], *, fuzzy: bool = True) -> _T:
    query = query.strip()
    if query in table:
        return table[query]
    needle = query.casefold()
    if fuzzy and needle:
        found = [
            e for e in table.values() if needle in e.id.casefold() or needle in _label(e).casefold()
        ]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            # A fragment that is a whole word of exactly one candidate wins (e.g. "miller").
            exact_word = [
                e
                for e in found
                if needle in e.id.casefold().split("-") or needle in _label(e).casefold().split()
            ]
            if len(exact_word) == 1:
                return exact_word[0]
            listed = ", ".join(f"{e.id} ({_label(e)[:50]})" for e in found[:12])
            more = f" and {len(found) - 12} more" if len(found) > 12 else ""
            raise LookupFailed(
                f"{what} {query!r} is ambiguous: it matches {listed}{more}; give the id",
                [e.id for e in found],
            )
    close = get_close_matches(query, list(table), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    plural = {"person": "people", "source": "sources", "claim": "claims", "tag": "tags"}
    raise LookupFailed(
        f"no {what} matches {query!r}{hint} ('argmap {plural.get(what, what)}' lists them)",
        close,
    )


def person(index: Index, query: str) -> Person:
    """A person by id or by a fragment of id or name (``trenin``)."""
    return _resolve("person", query, index.people)


def source(index: Index, query: str) -> Source:
    """A source by id or by a fragment of id or title."""
    return _resolve("source", query, index.sources)


def tag(index: Index, query: str) -> str:
    """A tag id: declared in the vocabulary, or used by some claim."""
    if query in index.tags or query in index.claims_by_tag:
        return query
    known = {**{t: Tag(id=t, description=t) for t in index.claims_by_tag}, **index.tags}
    return _resolve("tag", query, known, fuzzy=False).id


def claim(index: Index, query: str) -> Claim:
    """A claim by exact id (fragments of ids are suggested, not guessed)."""
    return _resolve("claim", query, index.claims, fuzzy=False)
