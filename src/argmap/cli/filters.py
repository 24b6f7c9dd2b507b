"""The filter options the query commands share, and their resolution to ids.

PERSON, SOURCE and TAG values are what a user types: an id, or for people
and sources a case-insensitive fragment of the name or title. They are
resolved with :mod:`argmap.resolve`; an ambiguous or unknown value ends the
command with exit code 2 and a message listing candidates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from argmap.cli import complete
from argmap.cli.common import fail
from argmap.vocabulary import Basis, RebuttalKind

if TYPE_CHECKING:
    from argmap.index import Index


def _person_help(option: str, what: str) -> str:
    return (
        f"Id or a case-insensitive fragment of the name ({option} trenin). Repeat for any "
        f"of several. A person also matches the groups they are a member of: {option} "
        f"joshua-walker finds the {what} of miller-walker too."
    )


AuthorOption = Annotated[
    list[str] | None,
    typer.Option(
        "--author",
        "-a",
        "--speaker",
        metavar="PERSON",
        autocompletion=complete.people,
        help="Claims by this speaker. " + _person_help("-a", "claims"),
        show_default=False,
    ),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-s",
        metavar="SOURCE",
        autocompletion=complete.sources,
        help="Only this source: id or a fragment of the title. Repeat for any of several.",
        show_default=False,
    ),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        autocompletion=complete.tags,
        help="Only claims with this tag ('argmap tags' lists them). Repeat for any of several.",
        show_default=False,
    ),
]
ByOption = Annotated[
    list[str] | None,
    typer.Option(
        "--by",
        metavar="PERSON",
        autocompletion=complete.people,
        help="Rebuttals made by this speaker's claims. " + _person_help("--by", "rebuttals"),
        show_default=False,
    ),
]
AgainstOption = Annotated[
    list[str] | None,
    typer.Option(
        "--against",
        metavar="PERSON",
        autocompletion=complete.people,
        help="Rebuttals aimed at this speaker's claims (for an undercut: the speaker of "
        "the conclusion). " + _person_help("--against", "rebuttals"),
        show_default=False,
    ),
]
BasisOption = Annotated[
    Basis | None,
    typer.Option(
        "--basis",
        help="explicit: the text itself answers the target; inferred: the annotator links "
        "them, often across pieces.",
        case_sensitive=False,
        show_default=False,
    ),
]
KindOption = Annotated[
    RebuttalKind | None,
    typer.Option(
        "--kind",
        help="rebut: attacks a claim; undercut: attacks an argument's inference.",
        case_sensitive=False,
        show_default=False,
    ),
]
CrossSourceOption = Annotated[
    bool,
    typer.Option(
        "--cross-source",
        help="Only rebuttals whose attacker and target come from different sources.",
    ),
]
RebuttalSourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-s",
        metavar="SOURCE",
        autocompletion=complete.sources,
        help="Rebuttals with either side in this source: id or a fragment of the title.",
        show_default=False,
    ),
]
RebuttalTagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        autocompletion=complete.tags,
        help="Rebuttals with either side tagged so.",
        show_default=False,
    ),
]

_T = TypeVar("_T")


def _each(values: Sequence[str] | None, lookup: Callable[[str], _T]) -> tuple[_T, ...]:
    from argmap.errors import LookupFailed

    found: list[_T] = []
    for value in values or ():
        try:
            found.append(lookup(value))
        except LookupFailed as err:
            fail(str(err))
    return tuple(dict.fromkeys(found))


def people(index: Index, values: Sequence[str] | None) -> tuple[str, ...]:
    """Person ids for what was typed; exit 2 on an unknown or ambiguous value.

    When a person belongs to groups (whose claims count for them too), a note
    on stderr says so.
    """
    from argmap import resolve
    from argmap.cli.common import note

    def lookup(value: str) -> str:
        found = resolve.person_match(index, value)
        for remark in found.notes:
            note(remark)
        return found.entity.id

    return _each(values, lookup)


def voices(rows: Sequence[Mapping[str, object]], people: Sequence[str], key: str) -> str:
    """``: 22 in their own voice, 3 as miller-walker``: how a count splits by voice.

    A person stands for the groups they belong to as well (``-a chris-miller``
    and ``--by chris-miller`` include miller-walker's), while ``matrix`` and
    ``people`` count each voice on its own; this split, added to a title's
    count, makes the two add up. Empty when every row is in the people's own voice.
    """
    if not people or not rows:
        return ""
    counts = Counter(str(row[key]) for row in rows)
    if set(counts) <= set(people):
        return ""
    own = sum(n for speaker, n in counts.items() if speaker in people)
    groups = ", ".join(f"{n} as {s}" for s, n in sorted(counts.items()) if s not in people)
    return f": {own} in their own voice, {groups}"


def sources(index: Index, values: Sequence[str] | None) -> tuple[str, ...]:
    from argmap import resolve

    return _each(values, lambda v: resolve.source(index, v).id)


def tags(index: Index, values: Sequence[str] | None) -> tuple[str, ...]:
    from argmap import resolve

    return _each(values, lambda v: resolve.tag(index, v))


def scope_words(
    index: Index, sources: Sequence[str], tags: Sequence[str], cross_source: bool
) -> list[str]:
    """The source, tag and cross-source filters in words, for a listing's title:
    ``["touching Miller 2017", "tagged sanctions", "across sources"]``."""
    parts = []
    if sources:
        from argmap.queries import source_labels

        labels = source_labels(index)
        parts.append("touching " + " or ".join(labels.get(s, s) for s in sources))
    if tags:
        parts.append("tagged " + " or ".join(tags))
    if cross_source:
        parts.append("across sources")
    return parts
