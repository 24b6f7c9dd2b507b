"""``argmap agreements`` and ``argmap matrix --agreements``: who says the same thing as whom."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import complete, filters
from argmap.cli.common import FileOption
from argmap.cli.output import Column, FormatOption, Row
from argmap.formats import ListFormat
from argmap.vocabulary import Basis

if TYPE_CHECKING:
    from argmap.index import Index
    from argmap.queries import AgreementFilter

PersonOption = Annotated[
    list[str] | None,
    typer.Option(
        "--author",
        "-a",
        "--speaker",
        metavar="PERSON",
        autocompletion=complete.people,
        help="Agreements with this speaker on either side. Id or a case-insensitive fragment "
        "of the name; repeat for any of several. A person also matches their groups.",
        show_default=False,
    ),
]
CrossOption = Annotated[
    bool,
    typer.Option("--cross-source", help="Only agreements between claims of different sources."),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-s",
        metavar="SOURCE",
        autocompletion=complete.sources,
        help="Agreements with a claim from this source on either side (id or title "
        "fragment). Repeat for any of several.",
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
        help="Agreements with a claim carrying this tag on either side. Repeat for any.",
        show_default=False,
    ),
]


def _filter(
    index: Index,
    people: list[str] | None,
    basis: Basis | None,
    source: list[str] | None,
    tag: list[str] | None,
    cross_source: bool,
) -> AgreementFilter:
    from argmap.queries import AgreementFilter

    return AgreementFilter(
        people=filters.people(index, people),
        sources=filters.sources(index, source),
        tags=filters.tags(index, tag),
        basis=basis,
        cross_source=cross_source,
    )


def _describe(index: Index, flt: AgreementFilter) -> str:
    words = [flt.basis.value, "agreements"] if flt.basis else ["agreements"]
    parts = []
    if flt.people:
        parts.append("with " + " or ".join(index.display_name(p) for p in flt.people))
    parts += filters.scope_words(index, flt.sources, flt.tags, flt.cross_source)
    return " ".join(words) + (" " + ", ".join(parts) if parts else "")


def _card(row: Row) -> str:
    names = row["speaker_names"]
    lines = [row["id"]]
    for i in (0, 1):
        lines.append(f"{'= ' if i else ''}{names[i] or '(unknown speaker)'}, {row['claims'][i]}:")
        lines.append(row["texts"][i] or "")
    if row["note"]:
        lines.append(f"Note: {row['note']}")
    return "\n".join(lines)


def _how(row: Row) -> str:
    return str(row["basis"]) + ("\nacross" if row["cross_source"] else "")


AGREEMENT_COLUMNS = [
    Column("id", "Agreement: claim = claim", wrap=True, cell=_card),
    Column("basis", "How", cell=_how),
]


def agreements(
    author: PersonOption = None,
    source: SourceOption = None,
    tag: TagOption = None,
    basis: filters.BasisOption = None,
    cross_source: CrossOption = False,
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """List agreements: two claims, usually of two speakers, that say the same thing.

    An agreement is symmetric: neither claim is a reason for the other. 'How'
    reads the basis (explicit: a text says it shares the other's view;
    inferred: the annotator's reading, with a note), and 'across' when the two
    claims come from different sources.

    Examples:

    \b
        argmap agreements -a hyodo
        argmap agreements --cross-source --format json
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import find_agreements
    from argmap.queries.agreements import AGREEMENT_FIELDS

    index = load_index(file)
    flt = _filter(index, author, basis, source, tag, cross_source)
    rows = [r.as_dict() for r in find_agreements(index, flt)]
    described = _describe(index, flt)
    render_rows(
        rows,
        AGREEMENT_COLUMNS,
        output_format,
        fields=AGREEMENT_FIELDS,
        title=f"{described[:1].upper()}{described[1:]} ({len(rows)})",
        spaced=True,
        empty=f"No {described}.",
    )


AGREEMENT_PAIR_COLUMNS = [
    Column("speakers", "Speakers"),
    Column("total", "Total"),
    Column("explicit", "Explicit"),
    Column("inferred", "Inferred"),
]


def agreement_matrix_view(
    index: Index,
    people: list[str],
    basis: Basis | None,
    source: list[str] | None,
    tag: list[str] | None,
    cross_source: bool,
    top: int | None,
    output_format: ListFormat,
) -> None:
    """``argmap matrix --agreements``: the symmetric speaker x speaker table, or its pairs."""
    from argmap.cli.output import render_rows
    from argmap.cli.rebuttals import Margin, folded, grid_view
    from argmap.queries import agreement_matrix, who_agrees_with_whom
    from argmap.queries.agreements import AGREEMENT_PAIR_FIELDS

    flt = _filter(index, people or None, basis, source, tag, cross_source)
    pairs = who_agrees_with_whom(index, flt)
    if output_format not in (ListFormat.TABLE, ListFormat.MARKDOWN):
        render_rows(
            [p.as_dict() for p in pairs],
            AGREEMENT_PAIR_COLUMNS,
            output_format,
            fields=AGREEMENT_PAIR_FIELDS,
        )
        return
    grid = agreement_matrix(pairs)
    margins: list[Margin] = [("total", "All", lambda s: grid.totals.get(s, 0))]
    rows, columns, shown = grid_view(grid, margins, top, output_format)
    total = sum(p.total for p in pairs)
    n = len(grid.speakers)
    title = f"Who agrees with whom: {total} {_describe(index, flt)} among {n} speakers"
    title += folded(shown, n, top)
    title += (
        ". Symmetric: each pair counted once; cells are explicit+inferred; All = the "
        "agreements a speaker takes part in (for 'others', each agreement once)."
    )
    render_rows(rows, columns, output_format, title=title, empty="No agreements match.")
