"""Resolve what a user typed (``-a miller``, ``show tamkin``) to entities of the corpus.

One rule everywhere a name is accepted (docs/queries.md, "Naming people and
sources"):

1. An exact id wins; then an exact display name (a person's name, a source's
   title), case aside.
2. Otherwise the value is a case-insensitive fragment of ids, names and
   titles. Of the entities it matches, those whose *name or title* holds it
   as whole words beat those matched only inside an id or mid-word, so
   ``tamkin`` is the person Emily Tamkin, not the source
   ``tamkin-putin-abe-2016`` (whose id merely starts with her name).
3. A fragment that matches one person and otherwise only groups that person
   belongs to names the person: ``miller`` is Chris Miller, although the group
   "Chris Miller and Joshua W. Walker" matches too. A person stands for their
   groups' claims as well (:func:`argmap.queries.common.voices`), so nothing
   is lost, and :attr:`Match.notes` says which groups are counted.
4. Anything else that matches several is an error listing the candidates;
   nothing at all is an error with a "did you mean".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Generic, TypeVar

from argmap.corpus import Claim, Person, PersonKind, Source, Tag
from argmap.errors import LookupFailed
from argmap.index import Index

_T = TypeVar("_T", Person, Source, Claim, Tag)
_Named = Person | Source | Claim | Tag

_PLURAL = {"person": "people", "source": "sources", "claim": "claims", "tag": "tags"}


@dataclass(frozen=True)
class Match(Generic[_T]):
    """What a name resolved to, and what the user should be told about it."""

    entity: _T
    notes: tuple[str, ...] = ()
    """One-line remarks: groups whose claims count for a person, other kinds it also matched."""


def _label(entity: _Named) -> str:
    if isinstance(entity, Person):
        return entity.name
    if isinstance(entity, Source):
        return entity.title
    if isinstance(entity, Claim):
        return entity.text
    return entity.description


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _holds_words(text: str, needle: str) -> bool:
    """Whether ``needle``'s words appear in ``text`` as consecutive whole words."""
    want, have = _words(needle), _words(text)
    if not want:
        return False
    return any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1))


def _tier(entity: _Named, needle: str) -> int | None:
    """How well ``needle`` matches: 0 whole words of the name, 1 whole id segments, 2 inside."""
    label = _label(entity)
    if _holds_words(label, needle):
        return 0
    if _holds_words(entity.id.replace("-", " "), needle):
        return 1
    if needle in entity.id.casefold() or needle in label.casefold():
        return 2
    return None


def _best(entities: Iterable[_Named], query: str) -> list[_Named]:
    """The entities ``query`` matches best, by the rules of this module (steps 1 and 2)."""
    pool = list(entities)
    exact = [e for e in pool if e.id == query]
    if exact:
        return exact
    needle = query.strip().casefold()
    if not needle:
        return []
    named = [e for e in pool if _label(e).strip().casefold() == needle]
    if named:
        return named
    tiers: dict[int, list[_Named]] = {}
    for entity in pool:
        tier = _tier(entity, needle)
        if tier is not None:
            tiers.setdefault(tier, []).append(entity)
    return tiers[min(tiers)] if tiers else []


def _person_over_groups(found: list[_Named]) -> Person | None:
    """The one person when ``found`` is that person plus only groups they belong to."""
    people = [e for e in found if isinstance(e, Person) and e.kind is not PersonKind.GROUP]
    if len(people) != 1:
        return None
    person = people[0]
    others = [e for e in found if e is not person]
    if all(isinstance(e, Person) and person.id in e.members for e in others):
        return person
    return None


def group_note(index: Index, person: Person) -> str | None:
    """``Chris Miller's claims include those of miller-walker (...)``, when they are in groups."""
    groups = index.groups_of.get(person.id, ())
    if not groups:
        return None
    listed = ", ".join(f"{g.id} ({g.name})" for g in groups)
    return (
        f"{person.name}'s claims and rebuttals include those of {listed}, "
        f"{'a group' if len(groups) == 1 else 'groups'} {person.name} belongs to"
    )


def _ambiguous(what: str, query: str, found: list[_Named]) -> LookupFailed:
    listed = ", ".join(f"{e.id} ({_label(e)[:50]})" for e in found[:12])
    more = f" and {len(found) - 12} more" if len(found) > 12 else ""
    prefix = f"{what} {query!r}" if what else repr(query)
    return LookupFailed(
        f"{prefix} is ambiguous: it matches {listed}{more}; give the id", [e.id for e in found]
    )


def _missing(what: str, query: str, ids: Iterable[str]) -> LookupFailed:
    close = get_close_matches(query, list(ids), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return LookupFailed(
        f"no {what} matches {query!r}{hint} ('argmap {_PLURAL.get(what, what)}' lists them)",
        close,
    )


def _resolve(what: str, query: str, table: Mapping[str, _T], *, fuzzy: bool = True) -> _T:
    query = query.strip()
    if query in table:
        return table[query]
    if fuzzy:
        found = _best(table.values(), query)
        if len(found) == 1:
            return table[found[0].id]
        if found:
            person = _person_over_groups(found)
            if person is not None:
                return table[person.id]
            raise _ambiguous(what, query, found)
    raise _missing(what, query, table)


def person_match(index: Index, query: str) -> Match[Person]:
    """A person by the module's rules, with a note when their groups' claims count too."""
    found = _resolve("person", query, index.people)
    note = group_note(index, found) if found.kind is not PersonKind.GROUP else None
    return Match(found, (note,) if note else ())


def person(index: Index, query: str) -> Person:
    """A person by id, exact name, or a fragment of id or name (``trenin``)."""
    return _resolve("person", query, index.people)


def source(index: Index, query: str) -> Source:
    """A source by id, exact title, or a fragment of id or title."""
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


def entity(index: Index, query: str) -> Match[Person] | Match[Source] | str:
    """What ``argmap show`` names: an exact id of any kind (returned as the id), else a
    person or source by the module's rules, people and sources ranked together."""
    query = query.strip()
    if query in index.by_id or query in index.tags:
        return query
    pool: list[Person | Source] = [*index.people.values(), *index.sources.values()]
    found = _best(pool, query)
    if not found:
        every = [*index.by_id, *index.tags]
        close = get_close_matches(query, every, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise LookupFailed(f"no id, person or source matches {query!r}{hint}", close)
    chosen: _Named | None = found[0] if len(found) == 1 else _person_over_groups(found)
    if chosen is None:
        raise _ambiguous("", query, found)
    others = _also(pool, query, chosen)
    if isinstance(chosen, Person):
        note = group_note(index, chosen) if chosen.kind is not PersonKind.GROUP else None
        return Match(chosen, tuple(n for n in (note, others) if n))
    assert isinstance(chosen, Source)
    return Match(chosen, (others,) if others else ())


def _also(pool: list[Person | Source], query: str, chosen: _Named) -> str | None:
    """``'tamkin' also matches source tamkin-putin-abe-2016``: matches of the other kind."""
    needle = query.casefold()
    kind = type(chosen)
    others = [e for e in pool if not isinstance(e, kind) and _tier(e, needle) is not None]
    if not others:
        return None
    what = "source" if kind is Person else "person"
    listed = ", ".join(e.id for e in others[:5])
    return f"{query!r} also matches {what} {listed}; give the id to show it"
