"""``argmap rebuttals``, ``matrix`` and ``unanswered``: who attacks whom, and what stands.

All three take the same filters (``--by``, ``--against``, ``--basis``, ``--kind``,
``--source``, ``--tag``, ``--cross-source``), parsed into one
:class:`argmap.queries.RebuttalFilter`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Annotated, Protocol

import typer

from argmap.cli import filters
from argmap.cli.common import FileOption
from argmap.cli.output import Column, FormatOption, Row
from argmap.formats import ListFormat
from argmap.vocabulary import Basis, RebuttalKind

if TYPE_CHECKING:
    from argmap.index import Index
    from argmap.queries import RebuttalFilter


class _Counts(Protocol):
    @property
    def explicit(self) -> int: ...
    @property
    def inferred(self) -> int: ...


class Grid(Protocol):
    """A speaker x speaker table: the rebuttal matrix, or the (symmetric) agreement one."""

    @property
    def speakers(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def cells(self) -> Mapping[tuple[str, str], _Counts]: ...
    @property
    def symmetric(self) -> bool:
        """Whether (a, b) and (b, a) hold the same pair, counted once."""
        ...


Margin = tuple[str, str, Callable[[str], int]]
"""A total column after the grid: (key, heading, speaker -> count)."""


def _filter(
    index: Index,
    by: list[str] | None,
    against: list[str] | None,
    basis: Basis | None,
    kind: RebuttalKind | None,
    source: list[str] | None,
    tag: list[str] | None,
    cross_source: bool,
) -> RebuttalFilter:
    from argmap.queries import RebuttalFilter

    return RebuttalFilter(
        by=filters.people(index, by),
        against=filters.people(index, against),
        basis=basis,
        kind=kind,
        sources=filters.sources(index, source),
        tags=filters.tags(index, tag),
        cross_source=cross_source,
    )


def _describe(index: Index, flt: RebuttalFilter, noun: str = "rebuttals") -> str:
    """The filter in words, for a title: "inferred undercuts by Dmitri Trenin"."""
    words = [flt.basis.value] if flt.basis else []
    if flt.kind:
        noun = {"rebuttals": f"{flt.kind.value}s"}.get(noun, f"{noun} ({flt.kind.value}s)")
    words.append(noun)
    parts = []
    if flt.by:
        parts.append("by " + " or ".join(index.display_name(p) for p in flt.by))
    if flt.against:
        parts.append("against " + " or ".join(index.display_name(p) for p in flt.against))
    parts += filters.scope_words(index, flt.sources, flt.tags, flt.cross_source)
    return " ".join(words) + (" " + ", ".join(parts) if parts else "")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _target_head(row: Row) -> str:
    who = row["target_speaker_name"] or "(unknown speaker)"
    if row["target_type"] == "argument":
        return f"{who}, argument {row['target']} for {row['target_claim']}"
    return f"{who}, {row['target']}"


def card_cell(row: Row, *, target: bool = True, note: bool = True) -> str:
    """A rebuttal stacked in one cell: id, attacker and text, target and text, note.

    One column reads at any width: long ids and texts wrap in the whole cell
    instead of in three narrow ones.
    """
    lines = [
        row["id"],
        f"{row['by_speaker_name'] or '(unknown speaker)'}, {row['by']}:",
        row["by_text"] or "",
    ]
    if target:
        lines += [f"→ {_target_head(row)}:", row["target_text"] or ""]
    if note and row["note"]:
        lines.append(f"Note: {row['note']}")
    return "\n".join(lines)


def how_cell(row: Row) -> str:
    lines = [row["kind"], row["basis"]]
    if row["cross_source"]:
        lines.append("across")
    return "\n".join(lines)


REBUTTAL_COLUMNS = [
    Column("id", "Rebuttal: attacker → target", wrap=True, cell=card_cell),
    Column("kind", "How", cell=how_cell),
]


def rebuttals(
    by: filters.ByOption = None,
    against: filters.AgainstOption = None,
    basis: filters.BasisOption = None,
    kind: filters.KindOption = None,
    source: filters.RebuttalSourceOption = None,
    tag: filters.RebuttalTagOption = None,
    cross_source: filters.CrossSourceOption = False,
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """List rebuttals: attacker claim (speaker) -> target (speaker), kind, basis, note.

    A rebut attacks a claim; an undercut attacks an argument, and its target
    speaker is the speaker of that argument's conclusion. 'How' reads kind, basis,
    and 'across' when the two sides come from different sources.

    Examples:

    \b
        argmap rebuttals --by trenin --against hyodo
        argmap rebuttals --cross-source --basis explicit
        argmap rebuttals --against hyodo --format json
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import find_rebuttals
    from argmap.queries.rows import REBUTTAL_FIELDS

    index = load_index(file)
    flt = _filter(index, by, against, basis, kind, source, tag, cross_source)
    rows = [r.as_dict() for r in find_rebuttals(index, flt)]
    split = filters.voices(rows, flt.by, "by_speaker")
    title = f"{_capital(_describe(index, flt))} ({len(rows)}{split})"
    render_rows(
        rows,
        REBUTTAL_COLUMNS,
        output_format,
        fields=REBUTTAL_FIELDS,
        title=title,
        spaced=True,
        empty=f"No {_describe(index, flt)}.",
    )


def matrix(
    by: filters.ByOption = None,
    against: filters.AgainstOption = None,
    basis: filters.BasisOption = None,
    kind: filters.KindOption = None,
    source: filters.RebuttalSourceOption = None,
    tag: filters.RebuttalTagOption = None,
    cross_source: filters.CrossSourceOption = False,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            min=1,
            metavar="N",
            help="Table view: show at most the N speakers most involved and sum the rest "
            "under 'others'. Default: as many as fit the terminal.",
            show_default=False,
        ),
    ] = None,
    agreements: Annotated[
        bool,
        typer.Option(
            "--agreements",
            help="Who agrees with whom instead: a symmetric matrix of agreements, each "
            "pair counted once. --by and --against then both mean 'on either side'; "
            "--kind does not apply.",
        ),
    ] = False,
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """Who rebuts whom: rebuttals counted per speaker pair, explicit and inferred.

    The table (and markdown) view is a speaker x speaker matrix, speaker i
    being row i and column i: row i rebuts column j as often as the cell says,
    explicit+inferred ("2+1"), or one number when all are explicit. json, csv
    and yaml give one row per pair, most rebuttals first, with the rebuttal ids.

    Examples:

    \b
        argmap matrix
        argmap matrix --source csis --top 5
        argmap matrix --format csv
        argmap matrix --agreements
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries.matrix import PAIR_FIELDS

    index = load_index(file)
    if agreements:
        from argmap.cli.agreements import agreement_matrix_view

        if kind is not None:
            from argmap.cli.common import fail

            fail("--kind does not apply to agreements (they have no kind); drop it")
        people = [*(by or []), *(against or [])]
        agreement_matrix_view(index, people, basis, source, tag, cross_source, top, output_format)
        return
    from argmap.queries import rebuttal_matrix, who_rebuts_whom

    flt = _filter(index, by, against, basis, kind, source, tag, cross_source)
    pairs = who_rebuts_whom(index, flt)
    if output_format not in (ListFormat.TABLE, ListFormat.MARKDOWN):
        render_rows([p.as_dict() for p in pairs], PAIR_COLUMNS, output_format, fields=PAIR_FIELDS)
        return
    grid = rebuttal_matrix(pairs)
    margins: list[Margin] = [
        ("made", "Out", grid.made),
        ("received", "In", grid.received),
    ]
    rows, columns, shown = grid_view(grid, margins, top, output_format)
    total = sum(p.total for p in pairs)
    n = len(grid.speakers)
    title = f"Who rebuts whom: {total} {_describe(index, flt)} among {n} speakers"
    title += folded(shown, n, top)
    title += ". Row rebuts column; cells are explicit+inferred; Out = made, In = received."
    title += _group_rows(index, [s for s, _ in grid.speakers])
    render_rows(rows, columns, output_format, title=title, empty="No rebuttals match.")


def _group_rows(index: Index, speakers: list[str]) -> str:
    """What a title says when a group and a member both speak: each has its own row."""
    speaking = set(speakers)
    groups = [
        index.people[s]
        for s in speakers
        if s in index.people and speaking & set(index.people[s].members)
    ]
    if not groups:  # no member speaks in their own voice too: nothing to confuse
        return ""
    listed = ", ".join(f"{g.name} ({g.id})" for g in groups)
    return (
        f" A group counts in its own row ({listed}), not its members'; "
        "'rebuttals --by MEMBER' adds the group's to the member's own."
    )


def folded(shown: int, n: int, top: int | None = None) -> str:
    """What a title says when 'others' folds speakers (and when --top asked for more
    than the terminal's width holds)."""
    if shown >= n:
        return ""
    if top is not None and top > shown:
        from argmap.cli.output import text_width

        fit = f"--top {top} asked, {shown} fit {text_width()} columns"
        return (
            f"; the {shown} most involved shown ({fit}), the other {n - shown} summed under "
            "'others' (--format markdown for every speaker; --format csv for every pair)"
        )
    return (
        f"; the {shown} most involved shown, the other {n - shown} summed under 'others' "
        "(--top N to choose; --format csv for every pair)"
    )


def grid_view(
    grid: Grid, margins: list[Margin], top: int | None, output_format: ListFormat
) -> tuple[list[Row], list[Column], int]:
    """The grid as table rows: every speaker in markdown, else what fits the terminal."""
    if output_format is ListFormat.MARKDOWN and top is None:  # no width to fit
        return _matrix_rows(grid, [s for s, _ in grid.speakers], margins, cut=False)
    return matrix_table(grid, top, margins)


def matrix_table(
    grid: Grid, top: int | None, margins: list[Margin]
) -> tuple[list[Row], list[Column], int]:
    """The matrix as rows and columns for render_rows, folding what does not fit.

    Keeps the ``top`` most involved speakers, or fewer if they do not fit the
    terminal's width (rich would crop the cells), and sums the rest into an
    'others' row and column, so that every total stays right.
    """
    from argmap.cli.output import table_width, text_width

    speakers = [s for s, _ in grid.speakers]
    if top is not None:
        speakers = speakers[: max(1, top)]
    width = text_width()
    # A column takes at least 3 characters: no need to measure more than fit.
    speakers = speakers[: max(1, (width - _LABEL_WIDTH) // 3)]

    def fits(k: int) -> bool:
        return table_width(*_matrix_rows(grid, speakers[:k], margins)[:2]) <= width

    if fits(len(speakers)):
        return _matrix_rows(grid, speakers, margins)
    low, high = 1, len(speakers)  # fits(low) is assumed, fits(high) is false
    while high - low > 1:  # the width grows with each speaker shown
        middle = (low + high) // 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return _matrix_rows(grid, speakers[:low], margins)


def _matrix_rows(
    grid: Grid, kept: list[str], margins: list[Margin], *, cut: bool = True
) -> tuple[list[Row], list[Column], int]:
    names = dict(grid.speakers)
    rest = {s for s, _ in grid.speakers} - set(kept)
    shown = set(kept)
    # (row, column) -> [explicit, inferred], with None for 'others': one pass
    sums: dict[tuple[str | None, str | None], list[int]] = {}
    # In a symmetric grid a pair of two folded speakers sits under (others, others)
    # twice, as (a, b) and (b, a): count it once there, and once in the margins.
    within_rest = 0
    for (attacker, attacked), pair in grid.cells.items():
        key = (
            attacker if attacker in shown else None,
            attacked if attacked in shown else None,
        )
        if grid.symmetric and key == (None, None) and attacker != attacked:
            if attacker > attacked:
                continue
            within_rest += pair.explicit + pair.inferred
        counts = sums.setdefault(key, [0, 0])
        counts[0] += pair.explicit
        counts[1] += pair.inferred

    def cell(by: str | None, target: str | None) -> str:
        explicit, inferred = sums.get((by, target), (0, 0))
        return _count(explicit, inferred) if explicit + inferred else ""

    rows: list[Row] = []
    labels = [*kept, *([None] if rest else [])]
    for i, speaker in enumerate(labels, start=1):
        label = f"{i:>2} {names[speaker]}" if speaker else f"   others ({len(rest)})"
        if cut and len(label) > _LABEL_WIDTH:
            # A long name wraps under itself (a table never crops).
            label = "\n".join(textwrap.wrap(label, _LABEL_WIDTH, subsequent_indent="   "))
        row: Row = {"speaker": label}
        for j, target in enumerate(labels, start=1):
            row[str(j) if target else "others"] = cell(speaker, target)
        for margin, _, count in margins:
            row[margin] = count(speaker) if speaker else sum(count(s) for s in rest) - within_rest
        rows.append(row)
    columns = [
        Column("speaker", "Speaker"),
        *(Column(str(j), str(j), justify="right") for j in range(1, len(kept) + 1)),
        *([Column("others", "others", justify="right")] if rest else []),
        *(Column(margin, heading, justify="right") for margin, heading, _ in margins),
    ]
    return rows, columns, len(kept)


_LABEL_WIDTH = 24
"""Speaker labels wrap within this width, so that the grid keeps room for its columns."""


def _count(explicit: int, inferred: int) -> str:
    return str(explicit) if not inferred else f"{explicit}+{inferred}"


PAIR_COLUMNS = [
    Column("by_speaker", "By"),
    Column("target_speaker", "Against"),
    Column("total", "Total"),
    Column("explicit", "Explicit"),
    Column("inferred", "Inferred"),
]


def unanswered(
    by: filters.ByOption = None,
    against: filters.AgainstOption = None,
    basis: filters.BasisOption = None,
    kind: filters.KindOption = None,
    source: filters.RebuttalSourceOption = None,
    tag: filters.RebuttalTagOption = None,
    cross_source: filters.CrossSourceOption = False,
    counts: Annotated[
        bool,
        typer.Option(
            "--counts",
            help="One row per target speaker: objections made to them, and how many "
            "nothing answers.",
        ),
    ] = False,
    file: FileOption = None,
    output_format: FormatOption = ListFormat.TABLE,
) -> None:
    """Unanswered objections: rebuttals that nothing rebuts in turn, per target speaker.

    An objection is answered when its attacking claim is itself rebutted, or an
    argument for it is undercut. Target speakers with the most unanswered
    objections come first.

    Examples:

    \b
        argmap unanswered --against hyodo
        argmap unanswered --counts
    """
    from argmap.cli.common import load_index
    from argmap.cli.output import render_rows
    from argmap.queries import unanswered as find_unanswered
    from argmap.queries import unanswered_counts
    from argmap.queries.rows import REBUTTAL_FIELDS

    index = load_index(file)
    flt = _filter(index, by, against, basis, kind, source, tag, cross_source)
    if counts:
        tally = [c.as_dict() for c in unanswered_counts(index, flt)]
        columns = [
            Column("target_speaker_name", "Target speaker", wrap=True),
            Column("objections", "Objections", justify="right"),
            Column("unanswered", "Unanswered", justify="right"),
            Column("answered", "Answered", justify="right"),
        ]
        described = _describe(index, flt, "objections")
        title = _capital(described) + " per target speaker"
        render_rows(tally, columns, output_format, title=title, empty="No objections match.")
        return
    rows = [r.as_dict() for r in find_unanswered(index, flt)]
    firsts = {
        id(r)
        for i, r in enumerate(rows)
        if i == 0 or rows[i - 1]["target_speaker"] != r["target_speaker"]
    }
    columns = [
        Column(
            "target_speaker",
            "Target speaker",
            max_width=16,
            table=len({r["target_speaker"] for r in rows}) > 1,
            cell=lambda r: (r["target_speaker_name"] or "") if id(r) in firsts else "",
        ),
        Column("id", "Objection: attacker → target claim", wrap=True, cell=card_cell),
        Column("kind", "How", cell=how_cell),
    ]
    described = _describe(index, flt, "objections")
    title = f"Unanswered {described} ({len(rows)})"
    render_rows(
        rows,
        columns,
        output_format,
        fields=REBUTTAL_FIELDS,
        title=title,
        spaced=True,
        empty=f"No unanswered {described}.",
    )
