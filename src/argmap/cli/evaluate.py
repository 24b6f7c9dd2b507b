"""``argmap evaluate``: which claims still stand, under Dung's semantics."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING, Annotated, Any

import typer

from argmap.cli import filters, selection
from argmap.cli.common import FileOption, fail, load_index
from argmap.cli.output import (
    Column,
    FormatOption,
    Row,
    format_rows,
    render_rows,
    text_width,
)
from argmap.formats import ListFormat, Mapping, Relations, Semantics, SolverChoice

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation
    from argmap.index import Index

SemanticsOption = Annotated[
    Semantics,
    typer.Option(
        "--semantics",
        case_sensitive=False,
        help="grounded (what stands whatever one believes), complete, preferred (the "
        "maximal defensible positions) or stable.",
    ),
]
MappingOption = Annotated[
    Mapping,
    typer.Option(
        "--mapping",
        case_sensitive=False,
        help="bipolar: a claim with arguments stands only while one of them stands; "
        "dung: claims and rebuttals only (docs/evaluate.md).",
    ),
]

_HEADINGS = {
    "skeptical": "Accepted in every extension (skeptical)",
    "credulous": "Accepted in some extensions, not all (credulous)",
    "rejected": "Rejected (in no extension)",
}


def evaluate(
    file: FileOption = None,
    authors: filters.AuthorOption = None,
    sources: filters.SourceOption = None,
    tags: filters.TagOption = None,
    focus: selection.FocusOption = None,
    depth: selection.DepthOption = None,
    semantics: SemanticsOption = Semantics.GROUNDED,
    mapping: MappingOption = Mapping.BIPOLAR,
    central: Annotated[
        bool,
        typer.Option(
            "--central",
            help="List only the central claims (the whole selection is still evaluated).",
        ),
    ] = False,
    solver: Annotated[
        SolverChoice,
        typer.Option(
            "--solver",
            case_sensitive=False,
            help="auto: direct for grounded (linear time), clingo for the others.",
        ),
    ] = SolverChoice.AUTO,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", min=0.1, metavar="SECONDS", help="Give up on a search that runs longer."
        ),
    ] = 60.0,
    max_extensions: Annotated[
        int,
        typer.Option(
            "--max-extensions",
            min=1,
            metavar="N",
            help="List at most N extensions (more are counted, and every status stays "
            "exact); one independent part of the map with more stops the search.",
        ),
    ] = 10_000,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """Which claims still stand: acceptability semantics over the map.

    The map becomes a Dung argumentation framework (claims attack through their
    rebuttals; with the default bipolar mapping, a claim with arguments stands
    only while one of its arguments stands). A claim is skeptical (accepted in
    every extension), credulous (in some) or rejected (in none); the table names
    what defeats each rejected claim. -a, -s and -t choose the debate that is
    evaluated (as for argmap export); --focus CLAIM --depth N lists only the
    claims near CLAIM, with their status in that debate. docs/evaluate.md
    explains it all.

    Examples:

    \b
        argmap evaluate --central
        argmap evaluate --semantics preferred -a trenin -a hyodo
        argmap evaluate --format json | jq '.claims[] | select(.status == "rejected")'
    """
    from argmap.evaluate import debate
    from argmap.evaluate import evaluate as run
    from argmap.evaluate.solvers import SolverError, SolverTimeout, TooManyExtensions
    from argmap.index import Index

    index = load_index(file)
    chosen = selection.build(
        index,
        authors=authors,
        sources=sources,
        tags=tags,
        focus=focus,
        depth=depth,
        relations=Relations.ALL,
        context=False,
    )
    # -a/-s/-t choose the debate that is evaluated; --focus only what is listed.
    part = Index.build(selection.select_or_fail(index, debate(chosen)).corpus)
    shown = None
    if chosen.focus is not None:
        shown = {c.id for c in selection.select_or_fail(index, chosen).corpus.claims}
    try:
        evaluation = run(
            part,
            semantics,
            mapping=mapping,
            solver=solver,
            timeout=timeout,
            limit=max_extensions,
        )
    except SolverTimeout as err:
        fail(f"{err}; narrow the map with -s SOURCE, -a PERSON or -t TAG, or raise --timeout")
    except TooManyExtensions as err:
        fail(f"{err}; narrow the map with -s, -a or -t, or raise --max-extensions")
    except SolverError as err:
        fail(str(err))
    if evaluation.extensions is None:
        typer.echo(
            f"warning: {evaluation.extension_count} {semantics.value} extensions, more than "
            f"--max-extensions {max_extensions}: not listed (the statuses are exact)",
            err=True,
        )
    print_evaluation(evaluation, part, output_format, central=central, shown=shown)


def _summary(evaluation: Evaluation, shown: list[Row]) -> str:
    framework = evaluation.framework
    count = evaluation.extension_count
    extensions = f"{count} extension{'' if count == 1 else 's'}"
    if evaluation.extensions is None:
        extensions += " (too many to list)"
    tally = {s: sum(1 for r in shown if r["status"] == s) for s in _HEADINGS}
    return (
        f"{evaluation.semantics.value.capitalize()} semantics, {framework.mapping.value} "
        f"mapping ({len(framework.nodes)} nodes, {len(framework.attacks)} attacks), "
        f"{evaluation.solver} solver: {extensions}. "
        + ", ".join(f"{n} {s}" for s, n in tally.items())
        + f" of {len(shown)} claims."
    )


def _reason_text(index: Index, reason: dict[str, Any], semantics: Semantics) -> str:
    claim = reason["claim"]
    who = index.display_name(index.claims[claim].speaker)
    open_ = "undecided" if semantics is Semantics.GROUNDED else "in some extensions only"
    itself = "" if reason.get("settled", True) else f", itself {open_}"
    if reason["kind"] == "rebutted":
        through = reason.get("through")
        via = f", through the agreeing claim {through}" if through else ""
        return f"rebutted by {claim} ({who}){itself}{via}"
    if reason["kind"] == "undercut":
        return f"argument {reason['argument']} undercut by {claim} ({who}){itself}"
    state = open_ if itself else "rejected"
    return f"argument {reason['argument']}: premise {claim} {state}"


def print_evaluation(
    evaluation: Evaluation,
    index: Index,
    fmt: ListFormat,
    *,
    central: bool = False,
    shown: set[str] | None = None,
) -> None:
    """Print an evaluation: grouped tables, or the JSON/YAML document, or CSV rows."""
    from argmap.evaluate.report import claim_rows, document

    if fmt is ListFormat.JSON:
        typer.echo(
            json.dumps(
                document(evaluation, index, central=central, shown=shown),
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if fmt is ListFormat.YAML:
        import yaml

        body = yaml.safe_dump(
            document(evaluation, index, central=central, shown=shown),
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
        typer.echo(body, nl=False)
        return
    rows = claim_rows(evaluation, index, central=central, shown=shown)
    label = evaluation.semantics is Semantics.GROUNDED
    columns = [
        Column("label", "Label", table=label),
        Column(
            "text",
            "Claim",
            wrap=True,
            cell=lambda row: (
                f"{row['text']}\n— {index.display_name(str(row['speaker']))} · {row['id']}"
            ),
        ),
        Column(
            "defeated_by",
            "Why",
            wrap=True,
            cell=lambda row: "\n".join(
                _reason_text(index, r, evaluation.semantics) for r in row["defeated_by"]
            ),
        ),
    ]
    if fmt is ListFormat.CSV:
        flat = [
            {
                **row,
                "defeated_by": [
                    _reason_text(index, r, evaluation.semantics) for r in row["defeated_by"]
                ],
            }
            for row in rows
        ]
        typer.echo(format_rows(flat, columns, fmt), nl=False)
        return
    summary = "\n".join(textwrap.wrap(_summary(evaluation, rows), text_width()))
    if fmt is ListFormat.MARKDOWN:
        parts = [summary]
        for status, heading in _HEADINGS.items():
            group = [r for r in rows if r["status"] == status]
            if group:
                picked = columns if status == "rejected" else columns[:-1]
                parts.append(f"## {heading}\n\n" + format_rows(group, picked, fmt).rstrip("\n"))
        typer.echo("\n\n".join(parts))
        return
    typer.echo(summary)
    for status, heading in _HEADINGS.items():
        group = [r for r in rows if r["status"] == status]
        if not group:
            continue
        typer.echo("")
        picked = columns if status == "rejected" else columns[:-1]
        render_rows(group, picked, fmt, title=f"{heading}: {len(group)}", spaced=True)
