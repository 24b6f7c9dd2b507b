"""The options that choose what ``argmap diagram`` and ``argmap export`` show.

``-a``, ``-s`` and ``-t`` are the query commands' own options
(:mod:`argmap.cli.filters`), so a name resolves the same way everywhere;
``--focus``, ``--depth``, ``--relations`` and ``--context`` are added here.
The result is an :class:`argmap.subset.Selection`; the core does the rest.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import complete, filters
from argmap.cli.common import EXIT_FINDINGS, fail
from argmap.formats import Relations

if TYPE_CHECKING:
    from argmap.index import Index
    from argmap.subset import Selection, Subset

FocusOption = Annotated[
    str | None,
    typer.Option(
        "--focus",
        metavar="CLAIM",
        autocompletion=complete.claims,
        help="Only the neighbourhood of this claim (its id): claims within --depth "
        "relations of it.",
        show_default=False,
    ),
]
DepthOption = Annotated[
    int | None,
    typer.Option(
        "--depth",
        min=0,
        metavar="N",
        help="How many relations away from --focus to go. Default: 2.",
        show_default=False,
    ),
]
RelationsOption = Annotated[
    Relations,
    typer.Option(
        "--relations",
        case_sensitive=False,
        help="Which relations to keep: support (arguments), attack (rebuttals and "
        "undercuts), agree (agreements) or all. With support, attack or agree, claims "
        "left unconnected are dropped.",
    ),
]
ContextOption = Annotated[
    bool,
    typer.Option(
        "--context",
        help="Add the claims one relation away that the filters left out (drawn faded), "
        "so that an answer shows what it answers.",
    ),
]


def build(
    index: Index,
    *,
    authors: list[str] | None,
    sources: list[str] | None,
    tags: list[str] | None,
    focus: str | None,
    depth: int | None,
    relations: Relations,
    context: bool,
) -> Selection:
    """Resolve what was typed into a :class:`~argmap.subset.Selection` (exit 2 if unknown)."""
    from argmap import resolve
    from argmap.errors import LookupFailed
    from argmap.subset import DEFAULT_DEPTH, Selection

    if depth is not None and focus is None:
        fail("--depth needs --focus CLAIM: it counts relations away from that claim")
    focus_id = None
    if focus is not None:
        try:
            focus_id = resolve.claim(index, focus).id
        except LookupFailed as err:
            fail(str(err))
    return Selection(
        sources=filters.sources(index, sources),
        speakers=filters.people(index, authors),
        tags=filters.tags(index, tags),
        focus=focus_id,
        depth=DEFAULT_DEPTH if depth is None else depth,
        relations=relations,
        context=context,
    )


def select_or_fail(index: Index, selection: Selection) -> Subset:
    """The subset, or exit 1 with a message when the filters leave nothing."""
    from argmap.subset import select

    subset = select(index, selection)
    if not subset.corpus.claims:
        if (
            selection.relations is not Relations.ALL
            and select(index, replace(selection, relations=Relations.ALL)).corpus.claims
        ):
            kind = {
                Relations.SUPPORT: "an argument",
                Relations.ATTACK: "a rebuttal",
                Relations.AGREE: "an agreement",
            }[selection.relations]
            fail(
                f"claims match these filters, but none is in {kind} among them "
                f"(--relations {selection.relations.value}): try another --relations, or drop it",
                EXIT_FINDINGS,
            )
        fail("no claim matches these filters", EXIT_FINDINGS)
    return subset
