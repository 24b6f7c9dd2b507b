"""``argmap claims``, ``people``, ``sources``, ``tags`` and ``stats``: the corpus as listings.

Each command resolves its options to ids, calls one function of
:mod:`argmap.queries`, and prints the rows with :func:`argmap.cli.output.render_rows`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import filters
from argmap.cli.common import FileOption, fail
from argmap.cli.output import Column, FormatOption, Row
from argmap.environment import ENV_TEXTS
from argmap.formats import ListFormat
from argmap.vocabulary import ClaimRole

if TYPE_CHECKING:
    from argmap.index import Index
    from argmap.queries import ClaimFilter


def _names(index: Index, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(index.display_name(i) for i in ids)


def speaker_cell(index: Index) -> Callable[[Row], str]:
    """A claim's speaker; for reported speech, also through whom it is reported."""

    def cell(row: Row) -> str:
        via = _names(index, row["reported_by"])
        return f"{row['speaker_name']}\nvia {via}" if via else str(row["speaker_name"])

    return cell


def claims(
    author: filters.AuthorOption = None,
    source: filters.SourceOption = None,
    tag: filters.TagOption = None,
    central: Annotated[
        bool, typer.Option("--central", help="Only the central claims (a speaker's main theses).")
    ] = False,
    grep: Annotated[
        str | None,
        typer.Option(
            "--grep",
            "-g",
            metavar="TEXT",
            help="Only claims whose text or quote contains TEXT (ignoring case and curly quotes).",
            show_default=False,
        ),
    ] = None,
    role: Annotated[
        list[ClaimRole] | None,
        typer.Option(
            "--role",
            "-r",
            help="Only claims in this role: premise or conclusion of an argument, attacker "
            "or attacked in a rebuttal, or isolated (in none). Repeat for any of several.",
            case_sensitive=False,
            show_default=False,
            metavar="|".join(ClaimRole),
        ),
    ] = None,
    quotes: Annotated[
        bool, typer.Option("--quotes", "-q", help="Show the verbatim quote under each claim.")
    ] = False,
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """List claims: by speaker, source, tag, role or text.

    Reported speech (a speaker quoted in someone else's piece) shows through whom
    it is reported. Rows come in reading order. Filters combine: -a trenin -t
    russia-card is Trenin's claims on the Russia card.

    Examples:

    \b
        argmap claims -a trenin
        argmap claims -t russia-card --central
        argmap claims --grep "junior partner" --quotes
        argmap claims -a hyodo --role attacked
        argmap claims -a trenin --format json | jq -r '.[].id'
    """
    from argmap.cli.common import load_index
    from argmap.queries import ClaimFilter

    index = load_index(file)
    flt = ClaimFilter(
        authors=filters.people(index, author),
        sources=filters.sources(index, source),
        tags=filters.tags(index, tag),
        central=central,
        grep=grep,
        roles=tuple(dict.fromkeys(role or ())),
    )
    print_claims(index, flt, output_format, quotes=quotes, title=_claims_title(index, flt))


def _claims_title(index: Index, flt: ClaimFilter) -> str:
    parts = []
    if flt.authors:
        parts.append("by " + " or ".join(index.display_name(a) for a in flt.authors))
    if flt.sources:
        from argmap.queries import source_labels

        labels = source_labels(index)
        parts.append("in " + " or ".join(labels.get(s, s) for s in flt.sources))
    if flt.tags:
        parts.append("tagged " + " or ".join(flt.tags))
    if flt.roles:
        parts.append("with role " + " or ".join(r.value for r in flt.roles))
    if flt.grep:
        parts.append(f"matching {flt.grep!r}")
    central = "Central claims" if flt.central else "Claims"
    return " ".join([central, *parts])


def print_claims(
    index: Index, flt: ClaimFilter, fmt: ListFormat, *, quotes: bool, title: str
) -> None:
    """Find claims and print them: the one rendering of claim rows.

    The table stacks each claim's id over its text (and quote), so that long ids
    and long texts both fit a narrow terminal. Source and Speaker columns are
    left out when every row has the same one (the title says which).
    """
    from argmap.cli.output import render_rows
    from argmap.queries import find_claims, source_labels
    from argmap.queries.rows import CLAIM_FIELDS

    rows = [r.as_dict() for r in find_claims(index, flt)]
    labels = source_labels(index)

    def claim_cell(row: Row) -> str:
        lines = [row["id"] + ("  (central)" if row["central"] else ""), row["text"]]
        if quotes and row["quote"]:
            lines.append(f"“{row['quote']}”")
        return "\n".join(lines)

    one_source = len({r["source"] for r in rows}) <= 1
    one_voice = len({r["speaker"] for r in rows}) <= 1 and not any(r["reported"] for r in rows)
    speaker = speaker_cell(index)

    def who_cell(row: Row) -> str:
        where = "" if one_source else "\n" + str(labels.get(row["source"], row["source"]))
        return speaker(row) + where

    columns = [
        Column(
            "speaker",
            "Speaker" if one_source else "Speaker, source",
            max_width=24,
            table=not (one_voice and one_source),
            cell=who_cell,
        ),
        Column("source", "Source", table=False),
        Column("text", "Claim", wrap=True, cell=claim_cell),
    ]
    render_rows(
        rows,
        columns,
        fmt,
        fields=CLAIM_FIELDS,
        title=f"{title} ({len(rows)}{filters.voices(rows, flt.authors, 'speaker')})",
        spaced=True,
        empty=f"No {title[0].lower()}{title[1:]}.",
    )


def people(
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """List the people: speakers, authors and groups, with their claims and rebuttals.

    'Rebuts' counts rebuttals made by their claims, 'Rebutted' those aimed at them
    (their own voice, not their groups'). See 'argmap show PERSON' for one person.
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import list_people
    from argmap.queries.people import PERSON_FIELDS

    index = load_index(file)
    rows = [p.as_dict() for p in list_people(index)]

    def person_cell(r: Row) -> str:
        kind = "" if r["kind"] == "person" else f"  ({r['kind']})"
        lines = [str(r["name"]), str(r["id"]) + kind]
        if r["members"]:
            lines.append("members: " + ", ".join(r["members"]))
        if r["groups"]:
            lines.append("member of: " + ", ".join(r["groups"]))
        return "\n".join(lines)

    columns = [
        Column("id", "Person", wrap=True, cell=person_cell),
        Column("claims", "Claims", justify="right"),
        Column("rebuts", "Rebuts", justify="right"),
        Column("rebutted", "Rebutted", justify="right"),
    ]
    render_rows(
        rows,
        columns,
        output_format,
        fields=PERSON_FIELDS,
        title=f"People ({len(rows)})",
        spaced=True,
    )


def sources(
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """List the sources (the pieces of the debate) with authors, date and claim counts.

    See 'argmap show SOURCE' for one source's claims in reading order.
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import list_sources
    from argmap.queries.sources import SOURCE_FIELDS

    index = load_index(file)
    rows = [s.as_dict() for s in list_sources(index)]

    def source_cell(r: Row) -> str:
        credits = _names(index, r["authors"])
        if r["editors"]:
            credits += f" (ed. {_names(index, r['editors'])})"
        when = f", {r['date']}" if r["date"] else ""
        return f"{r['label']}: {r['title']}\n{credits}{when}\n{r['id']}"

    columns = [
        Column("id", "Source", wrap=True, cell=source_cell),
        Column("claims", "Claims", justify="right"),
    ]
    render_rows(
        rows,
        columns,
        output_format,
        fields=SOURCE_FIELDS,
        title=f"Sources ({len(rows)})",
        spaced=True,
    )


def tags(
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """List the tags with what they cover and how many claims carry each."""
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import list_tags

    index = load_index(file)
    rows = [t.as_dict() for t in list_tags(index)]
    columns = [
        Column("id", "Tag"),
        Column(
            "description",
            "Description",
            wrap=True,
            cell=lambda r: r["description"] or "(not declared in the tag vocabulary)",
        ),
        Column("claims", "Claims", justify="right"),
    ]
    render_rows(rows, columns, output_format, title=f"Tags ({len(rows)})")


def stats(
    file: FileOption = None,
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            envvar=ENV_TEXTS,
            help="Directory of the sources' texts: adds 'Quoted', the percentage of each "
            "text's words that its quotes cover. Default: $ARGMAP_TEXTS, else the "
            "settings file's 'texts' (when it exists).",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """Count claims, arguments, rebuttals, agreements and stances per source, speaker, kind.

    The table view prints one table per group; json, csv and yaml print tidy rows
    (group, id, name, measure, count), ready to pivot. With --texts, each source
    also gets 'quoted': how much of its text (in % of words) the quotes cover.
    """
    from argmap.cli.common import choose_corpus, load_index, texts_dir
    from argmap.cli.output import render_rows
    from argmap.queries import KIND_MEASURES, SOURCE_MEASURES, SPEAKER_MEASURES, source_labels
    from argmap.queries import stats as compute

    index = load_index(file)
    texts = texts_dir(texts, choose_corpus(file)[1])
    store = None
    if texts is not None:
        from argmap.errors import TextsError
        from argmap.texts import TextStore

        try:
            store = TextStore(texts)
        except TextsError as err:
            fail(str(err))
    tidy = compute(index, store)
    labels = source_labels(index)
    if output_format not in (ListFormat.TABLE, ListFormat.MARKDOWN):
        render_rows([r.as_dict() for r in tidy], _TIDY_COLUMNS, output_format)
        return
    sections: list[tuple[str, str, tuple[str, ...], str]] = [
        ("corpus", "Corpus", (), "Count"),
        (
            "source",
            "Per source (Args: arguments; Out/In: rebuttals made/received, Across: of "
            "those with another source; Agree: agreements; Stance: stances taken)",
            SOURCE_MEASURES,
            "Source",
        ),
        (
            "speaker",
            "Per speaker, most claims first (Out/In: rebuttals made/received)",
            SPEAKER_MEASURES,
            "Speaker",
        ),
        ("kind", "Arguments and rebuttals by kind and basis", KIND_MEASURES, "Kind"),
    ]
    if store is not None:
        sections.append(
            (
                "source",
                "Quoted: % of each text's words that its quotes cover (AM309 warns over 40%)",
                ("quoted",),
                "Source",
            )
        )
    first = True
    for group, heading, measures, label in sections:
        members = [r for r in tidy if r.group == group and (r.measure in measures or not measures)]
        if group == "corpus":
            rows: list[Row] = [{"measure": r.measure, "count": r.count} for r in members]
            columns = [Column("measure", "Measure"), Column("count", label, justify="right")]
        else:
            pivot: dict[str, Row] = {}
            for r in members:
                pivot.setdefault(r.id, {"id": r.id, "name": r.name})[r.measure] = r.count
            rows = list(pivot.values())
            if group == "speaker":
                rows.sort(key=lambda r: (-int(r["claims"]), str(r["name"]).casefold()))
            columns = [
                Column(
                    "id",
                    label,
                    max_width=20,
                    cell=(lambda r: labels.get(r["id"], r["id"]))
                    if group == "source"
                    else (lambda r: r["name"])
                    if group == "speaker"
                    else None,
                ),
                *(
                    Column(m, _MEASURE_HEADERS.get(m, m.capitalize()), justify="right")
                    for m in measures
                ),
            ]
        if output_format is ListFormat.MARKDOWN:
            typer.echo(("" if first else "\n") + f"### {heading}\n")
            render_rows(rows, columns, output_format)
        else:
            if not first:
                typer.echo("")
            render_rows(rows, columns, output_format, title=heading)
        first = False


_MEASURE_HEADERS = {
    "speakers": "Spkrs",
    "arguments": "Args",
    "rebuts": "Out",
    "rebutted": "In",
    "cross_source": "Across",
    "agreements": "Agree",
    "stances": "Stance",
    "quoted": "Quoted%",
}
"""Short headings, so that the per-source and per-speaker tables fit 80 columns; the
section titles say what they mean."""

_TIDY_COLUMNS = [
    Column("group", "Group"),
    Column("id", "Id"),
    Column("name", "Name"),
    Column("measure", "Measure"),
    Column("count", "Count"),
]
