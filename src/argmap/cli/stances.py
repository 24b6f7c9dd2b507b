"""``argmap questions`` and ``argmap stances``: what the debate is about, and who stands where."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import complete, filters
from argmap.cli.common import FileOption, fail
from argmap.cli.output import Column, FormatOption, Row
from argmap.formats import ListFormat
from argmap.vocabulary import Side

if TYPE_CHECKING:
    from argmap.index import Index


def _names(row: Row, key: str) -> str:
    names = row["speaker_names"]
    mixed = set(row["mixed_speakers"])
    return "; ".join(names[s] + (" (mixed)" if s in mixed else "") for s in row[key]) or "none"


def _question_card(row: Row) -> str:
    """A question stacked in one cell: id, text, then each side's speakers."""
    return "\n".join(
        [
            row["id"],
            row["text"],
            f"Pro: {_names(row, 'pro_speakers')}",
            f"Con: {_names(row, 'con_speakers')}",
        ]
    )


QUESTION_COLUMNS = [
    Column("text", "Question; speakers on each side", wrap=True, cell=_question_card),
    Column("pro", "Pro", justify="right"),
    Column("con", "Con", justify="right"),
    Column("pro_speakers", "Pro speakers", table=False),
    Column("con_speakers", "Con speakers", table=False),
]


def questions(
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """List the questions the debate is about, with pro and con counts and speakers.

    Pro and Con count the claims that take each side; a speaker with claims on
    both sides is listed on both and marked (mixed). 'argmap stances QUESTION'
    shows the claims.

    Examples:

    \b
        argmap questions
        argmap questions --format json
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import list_questions
    from argmap.queries.questions import QUESTION_FIELDS

    index = load_index(file)
    rows = [r.as_dict() for r in list_questions(index)]
    render_rows(
        rows,
        QUESTION_COLUMNS,
        output_format,
        fields=QUESTION_FIELDS,
        title=f"Questions ({len(rows)})",
        spaced=True,
        empty="No questions in this corpus.",
    )


def _question(index: Index, query: str) -> str:
    """A question by exact id, else by a unique fragment of its id or text."""
    if query in index.questions:
        return query
    needle = query.strip().casefold()
    found = [
        q.id
        for q in index.questions.values()
        if needle and (needle in q.id.casefold() or needle in q.text.casefold())
    ]
    if len(found) == 1:
        return found[0]
    if found:
        fail(f"question {query!r} is ambiguous: it matches {', '.join(found)}; give the id")
    known = ", ".join(index.questions) or "none"
    fail(f"no question matches {query!r} (the questions: {known}; 'argmap questions' lists them)")


StanceSideOption = Annotated[
    Side | None,
    typer.Option("--stance", help="Only pro or only con stances.", case_sensitive=False),
]


def _speaker_cell(firsts: set[int]) -> Column:
    def cell(row: Row) -> str:
        if id(row) not in firsts:
            return ""
        return f"{row['speaker_name'] or '(unknown)'}\n{row['position'] or ''}"

    return Column("speaker", "Speaker, position", max_width=20, cell=cell)


def stances(
    question: Annotated[
        str | None,
        typer.Argument(
            metavar="[QUESTION]",
            autocompletion=complete.questions,
            help="A question id or a fragment of its text (default: every question).",
            show_default=False,
        ),
    ] = None,
    author: filters.AuthorOption = None,
    source: filters.SourceOption = None,
    basis: filters.BasisOption = None,
    side: StanceSideOption = None,
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """Who stands where: each claim's stance on a question, grouped by speaker.

    A speaker's position is pro or con when all their claims on the question
    take that side, and 'mixed' when they have claims on both sides: often the
    honest answer. JSON rows carry the position too.

    Examples:

    \b
        argmap stances russia-card
        argmap stances "russia card" -a hyodo
        argmap stances --stance con --format json
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import StanceFilter, find_stances
    from argmap.queries.stances import STANCE_FIELDS

    index = load_index(file)
    wanted = (_question(index, question),) if question is not None else ()
    flt = StanceFilter(
        questions=wanted,
        people=filters.people(index, author),
        sources=filters.sources(index, source),
        basis=basis,
        side=side,
    )
    rows = [r.as_dict() for r in find_stances(index, flt)]
    firsts = {
        id(r)
        for i, r in enumerate(rows)
        if i == 0
        or (rows[i - 1]["speaker"], rows[i - 1]["question"]) != (r["speaker"], r["question"])
    }

    def claim_cell(row: Row) -> str:
        how = row["stance"] + ("" if row["basis"] == "explicit" else ", inferred")
        lines = [f"{row['claim']} ({how})", row["text"] or ""]
        if row["note"] and row["basis"] != "explicit":
            lines.append(f"Note: {row['note']}")
        return "\n".join(lines)

    questions_shown = {r["question"] for r in rows}
    columns = [
        Column(
            "question",
            "Question",
            max_width=14,
            table=len(questions_shown) > 1,
            cell=lambda r: r["question"] if id(r) in firsts else "",
        ),
        _speaker_cell(firsts),
        Column("claim", "Claim (stance)", wrap=True, cell=claim_cell),
    ]
    if len(questions_shown) == 1 or wanted:
        q = index.questions[wanted[0] if wanted else next(iter(questions_shown))]
        title = f"Stances on {q.id}: {q.text} ({len(rows)})"
    else:
        title = f"Stances ({len(rows)})"
    render_rows(
        rows,
        columns,
        output_format,
        fields=STANCE_FIELDS,
        title=title,
        spaced=True,
        empty="No stances match.",
    )
