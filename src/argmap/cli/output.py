"""One way to print a listing, in every format: table, json, csv, yaml, markdown.

Tables are for people: they fit the terminal and wrap the text column, with
no ANSI codes when stdout is not a terminal or ``NO_COLOR`` is set. The
other formats are for pipes and carry every field, ids included.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Annotated, Any, Literal

import typer

from argmap.formats import ListFormat

Row = dict[str, Any]

FormatOption = Annotated[
    ListFormat,
    typer.Option(
        "--format",
        help="table to read; json, csv or yaml for pipes (every field, ids included); "
        "markdown for notes.",
        case_sensitive=False,
    ),
]
"""The ``--format`` option every listing takes (default: table)."""


@dataclass(frozen=True)
class Column:
    """A column of a table: which row key, its heading, and how it behaves."""

    key: str
    header: str
    wrap: bool = False
    """Wrap this column (the text column); the others keep their width."""
    table: bool = True
    """Show it in the table and markdown views (JSON, CSV and YAML show every key)."""
    cell: Callable[[Row], Any] | None = None
    """How the table and markdown views show the row (default: the value at ``key``)."""
    justify: Literal["left", "right"] = "left"
    max_width: int | None = None
    """Wrap within this width (a name column); ``wrap`` columns share what is left."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def _csv_cell(value: Any) -> str:
    if isinstance(value, dict):  # e.g. speaker_names: id -> name, as id=name pairs
        return ";".join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _shown(row: Row, column: Column) -> str:
    return _cell(column.cell(row) if column.cell else row.get(column.key))


def text_width() -> int:
    """The width to fit output to.

    ``$COLUMNS`` when set; else the terminal's, also when stdout is a pipe to a
    pager or ``head`` (the width of the terminal stderr is on); else 100.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return max(int(columns), 20)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream.isatty():
                return max(os.get_terminal_size(stream.fileno()).columns, 20)
        except (AttributeError, ValueError, OSError):
            continue
    return 100


def color_wanted() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def console(*, stderr: bool = False) -> Any:
    """A rich Console that respects NO_COLOR and plain pipes."""
    from rich.console import Console

    plain = not color_wanted()
    width = None if sys.stdout.isatty() else text_width()
    return Console(
        stderr=stderr,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        soft_wrap=False,
        width=width,
        emoji=False,
    )


def format_rows(
    rows: Sequence[Row], columns: Sequence[Column], fmt: ListFormat, fields: Sequence[str] = ()
) -> str:
    """Rows as text in a pipe format (everything but ``table``).

    ``fields`` are the keys every row has (the row type's ``*_FIELDS``): the CSV
    header when no row matches, so that it is the same with rows or without.
    """
    if fmt is ListFormat.JSON:
        import json

        return json.dumps(list(rows), indent=2, ensure_ascii=False) + "\n"
    if fmt is ListFormat.YAML:
        import yaml

        return str(yaml.safe_dump(list(rows), sort_keys=False, allow_unicode=True, width=100))
    if fmt is ListFormat.CSV:
        import csv
        import io

        buffer = io.StringIO()
        keys = list(rows[0].keys()) if rows else list(fields) or [c.key for c in columns]
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(keys)
        for row in rows:
            writer.writerow([_csv_cell(row.get(k)) for k in keys])
        return buffer.getvalue()
    if fmt is ListFormat.MARKDOWN:
        shown = [c for c in columns if c.table]

        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", "<br>")

        lines = [
            "| " + " | ".join(c.header for c in shown) + " |",
            "|" + "|".join("---" for _ in shown) + "|",
        ]
        lines += ["| " + " | ".join(esc(_shown(row, c)) for c in shown) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    raise ValueError(f"not a pipe format: {fmt}")


def render_rows(
    rows: Sequence[Row],
    columns: Sequence[Column],
    fmt: ListFormat,
    *,
    title: str | None = None,
    empty: str = "Nothing matches.",
    spaced: bool = False,
    fields: Sequence[str] = (),
) -> None:
    """Print rows in the chosen format. The one function every listing uses.

    ``spaced`` puts a blank line between the rows of a table, for rows of
    several lines.
    """
    if fmt is not ListFormat.TABLE:
        typer.echo(format_rows(rows, columns, fmt, fields), nl=False)
        return
    if not rows:
        typer.echo(empty, err=True)
        return
    if not color_wanted():
        plain = plain_table(rows, columns, title=title, spaced=spaced, width=text_width())
        if plain is not None:
            typer.echo(plain)
            return
    from rich.text import Text

    out = console()
    # A table too wide is split: the next columns under the key column again.
    for n, part in enumerate(split_columns(rows, columns, text_width())):
        with out.capture() as captured:
            if title and not n:  # above the table, wrapped to the terminal
                out.print(Text(title, style="bold"))
            out.print(_table(rows, part, spaced=spaced))
        # rich pads every line to the table's width, and the box ends in a blank
        # line: drop both.
        typer.echo("\n".join(line.rstrip() for line in captured.get().splitlines()).rstrip("\n"))


_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters a plain table leaves to rich: tabs, controls, other line breaks."""


def plain_table(
    rows: Sequence[Row],
    columns: Sequence[Column],
    *,
    title: str | None,
    spaced: bool,
    width: int,
) -> str | None:
    """The table :func:`render_rows` prints, laid out without rich's console; None
    where only rich can say.

    Importing rich's console and table is a fifth of what a listing costs. This
    is the layout rich gives :func:`_table` (the box ``SIMPLE_HEAD``, no colour):
    each column measured and, when the table is too wide, the wrapping columns
    narrowed as rich narrows them, then every cell wrapped with rich's own
    ``divide_line`` (and every line cut at the terminal's edge when the
    columns' floors leave the table wider). It answers only where that layout
    is simple: characters each one cell wide, no tabs or control characters,
    no markup in a heading, a UTF-8 stdout, a table in one part, no column
    squeezed below three cells. Anything else goes to rich.
    ``tests/test_output_plain.py`` holds it to rich's bytes.
    """
    if (title and "\n" in title) or sys.platform == "win32":
        return None
    if not (getattr(sys.stdout, "encoding", None) or "utf-8").lower().startswith("utf"):
        return None  # rich draws the box in ASCII
    if len(split_columns(rows, columns, width)) != 1:
        return None
    layout = _plain_columns(rows, columns, width, title or "")
    if layout is None:
        return None
    shown, headers, cells, no_wrap, column_width = layout
    try:  # rich's own helpers, private: a rich without them gets rich's table
        from rich._ratio import ratio_reduce
        from rich._wrap import divide_line
    except ImportError:  # pragma: no cover - another rich
        return None

    room = width - 2 - (len(shown) - 1)  # within the edges and the dividers
    widths = [column_width(i, room) or 1 for i in range(len(shown))]
    if sum(widths) > room:
        widths = _collapse(widths, [not n for n in no_wrap], room, ratio_reduce)
        if sum(widths) > room:
            widths = ratio_reduce(sum(widths) - room, [1] * len(widths), widths, widths)
        widths = [column_width(i, w) for i, w in enumerate(widths)]
    if min(widths) < 3:
        return None  # rich squeezes the columns here: leave it to rich
    # A column's floor (an id that does not fold) can leave the table wider than
    # the terminal: rich then draws it at these widths and the console cuts every
    # line at the terminal's edge.
    edge = width if sum(widths) > room else None

    def cell_lines(text: str, i: int) -> list[str]:
        inner = widths[i] - 2
        lines: list[str] = []
        for line in text.split("\n"):
            cuts = [0, len(line)] if no_wrap[i] else [0, *divide_line(line, inner), len(line)]
            for a, b in pairwise(cuts):
                piece = line[a:b]
                excess = len(piece) - inner
                if excess > 0:  # Text.rstrip_end
                    piece = piece[: len(piece) - min(excess, len(piece) - len(piece.rstrip()))]
                if shown[i].justify == "right":
                    piece = piece.rstrip()[:inner].rjust(inner)
                else:
                    piece = piece[:inner].ljust(inner)
                lines.append(f" {piece} ")
        return lines

    def row_lines(texts: list[str], header: bool) -> list[str]:
        rendered = [cell_lines(text, i) for i, text in enumerate(texts)]
        height = max(len(lines) for lines in rendered)
        for i, lines in enumerate(rendered):
            blank = [" " * widths[i]] * (height - len(lines))
            rendered[i] = blank + lines if header else lines + blank
        return [
            (" " + " ".join(parts) + " ")[:edge].rstrip() for parts in zip(*rendered, strict=True)
        ]

    out: list[str] = []
    if title:
        for line in title.split("\n"):
            cuts = [0, *divide_line(line, width), len(line)]
            out += [line[a:b].rstrip() for a, b in pairwise(cuts)]
    out.append("")  # the box's top edge
    out += row_lines(headers, header=True)
    out.append((" " + "─" * (sum(widths) + len(widths) - 1))[:edge])  # the heading's rule
    for n, row in enumerate(cells):
        if n and spaced:
            out.append("")
        out += row_lines(row, header=False)
    return "\n".join(out).rstrip("\n")  # as render_rows trims rich's lines


_Layout = tuple[list[Column], list[str], list[list[str]], list[bool], Callable[[int, int], int]]


def _plain_columns(
    rows: Sequence[Row], columns: Sequence[Column], width: int, title: str = ""
) -> _Layout | None:
    """The shown columns, their headings and cells, which do not wrap, and rich's
    measure of a column (``Table._measure_column``'s maximum, given the room):
    None where the text is not simple enough to measure without rich."""
    shown = [c for c in columns if c.table]
    if not shown or any("[" in column.header for column in shown):  # markup to rich
        return None
    headers = [column.header for column in shown]
    cells = [[_shown(row, column) for column in shown] for row in rows]
    texts = [title, *headers, *(text for line in cells for text in line)]
    if any(_UNSAFE.search(text) for text in texts):
        return None
    from rich.cells import cell_len

    if any(cell_len(line) != len(line) for text in texts for line in text.split("\n")):
        return None  # a wide or a zero-width character

    # The columns as _table() declares them.
    floors = _floors(shown, cells, width)
    no_wrap = [not (c.wrap or c.max_width) for c in shown]
    least = [max(20, f) if c.wrap else f or None for c, f in zip(shown, floors, strict=True)]
    most = [
        max(c.max_width, f) if c.max_width else None for c, f in zip(shown, floors, strict=True)
    ]
    texts_of = [[header, *(line[i] for line in cells)] for i, header in enumerate(headers)]

    def normal(low: int, high: int) -> tuple[int, int]:
        low = min(max(0, low), high)
        return max(0, low), max(0, max(low, high))

    def size(text: str) -> tuple[int, int]:
        """Text.__rich_measure__: the longest word and the longest line."""
        lines = text.splitlines()
        longest = max(map(len, lines)) if lines else 0
        words = text.split()
        return max(map(len, words)) if words else longest, longest

    sizes = [[size(text) for text in texts] for texts in texts_of]

    def measure(text: tuple[int, int], limit: int) -> tuple[int, int]:
        """Measurement.get of the padded cell (rich.padding, rich.text)."""
        if limit - 2 < 1:
            low, high = limit, limit
        else:
            low, high = normal(*text)
            low, high = min(low, limit), min(high, limit)
            low, high = (0, 0) if high < 1 else normal(low, high)
            low, high = min(low + 2, limit), min(high + 2, limit)
        low, high = normal(low, high)
        low, high = min(low, limit), min(high, limit)
        return (0, 0) if high < 1 else normal(low, high)

    def column_width(i: int, limit: int) -> int:
        """Table._measure_column's maximum."""
        if limit < 1:
            return 0
        high = min(max(measure(text, limit)[1] for text in sizes[i]), limit)
        if least[i] is not None:
            high = max(high, max(0, least[i] + 2))  # type: ignore[operator]
        if most[i] is not None:
            high = min(high, most[i] + 2)  # type: ignore[operator]
        return high

    return shown, headers, cells, no_wrap, column_width


def _collapse(
    widths: list[int], wrapable: list[bool], limit: int, ratio_reduce: Callable[..., list[int]]
) -> list[int]:
    """rich's Table._collapse_widths: narrow the widest wrapping columns first."""
    total = sum(widths)
    excess = total - limit
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
            second = max(
                w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True)
            )
            difference = widest - second
            ratios = [
                1 if (w == widest and ok) else 0 for w, ok in zip(widths, wrapable, strict=True)
            ]
            if not any(ratios) or not difference:
                break
            widths = ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - limit
    return widths


def _floors(shown: Sequence[Column], cells: Sequence[Sequence[str]], width: int) -> list[int]:
    """How narrow each column may become: its longest word (up to ids of 60
    characters), so that an id is never folded mid-token while there is room.

    When those floors together are wider than the terminal, the wrapping
    columns give theirs up (down to 20); if that is still too wide, a name
    column gives up what its words need beyond its ``max_width`` (its ids
    fold there): an id folded at the edge beats a table that crops its text.
    """
    floors = [
        max(
            min(max((_longest_word(line[i]) for line in cells), default=0), _MAX_UNBROKEN),
            _longest_word(column.header),  # a heading wraps between words, never crops
        )
        for i, column in enumerate(shown)
    ]
    edges = 3 * len(shown) + 1
    if sum(floors) + edges > width:
        floors = [0 if c.wrap else f for c, f in zip(shown, floors, strict=True)]
        least = sum(
            20 if c.wrap else max(c.max_width or 0, f) for c, f in zip(shown, floors, strict=True)
        )
        if least + edges > width:
            floors = [
                min(f, c.max_width) if c.max_width else f
                for c, f in zip(shown, floors, strict=True)
            ]
    return floors


def _table(rows: Sequence[Row], columns: Sequence[Column], *, spaced: bool) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        box=box.SIMPLE_HEAD,
        show_lines=spaced,
        header_style="bold",
        expand=False,
    )

    shown = [c for c in columns if c.table]
    cells = [[_shown(row, c) for c in shown] for row in rows]
    # A column never gets narrower than its longest word, so that an id (up to 60
    # characters) is never folded mid-token; text wraps between words. When those
    # floors together are wider than the terminal, the wrapping columns give theirs
    # up: an id folded at the edge beats a table cropped by the terminal.
    floors = _floors(shown, cells, text_width())
    for column, floor in zip(shown, floors, strict=True):
        table.add_column(
            column.header,
            overflow="fold",
            no_wrap=not (column.wrap or column.max_width),
            ratio=1 if column.wrap else None,
            min_width=max(20, floor) if column.wrap else floor or None,
            max_width=max(column.max_width, floor) if column.max_width else None,
            justify=column.justify,
        )
    for line in cells:
        # Text, not str: corpus text like "[sic]" must not be read as rich markup.
        table.add_row(*(Text(cell) for cell in line))
    return table


def _need(rows: Sequence[Row], column: Column, *, roomy: bool) -> int:
    """The narrowest ``column`` can be without cropping: a text column wraps (down to
    20, or its longest word), a name column wraps between words (or, ``roomy``, keeps
    its names whole up to its ``max_width``), any other keeps its cells whole."""
    cells = [_shown(row, column) for row in rows]
    header = _longest_word(column.header)
    if column.wrap:
        return max(20, header)
    if column.max_width:
        widest = max((len(line) for c in cells for line in c.splitlines()), default=0)
        words = max((_longest_word(c) for c in cells), default=0)
        return max(header, min(widest, column.max_width) if roomy else min(words, _MAX_UNBROKEN))
    return max([header, *(len(line) for c in cells for line in c.splitlines())])


def split_columns(rows: Sequence[Row], columns: Sequence[Column], width: int) -> list[list[Column]]:
    """The table's columns in parts that each fit ``width``, the first (key) column in
    every part: a table too wide for the terminal is split rather than cropped.

    One part (the columns as given) when the table fits, or when a text column
    can wrap to make it fit.
    """
    shown = [c for c in columns if c.table]
    if len(shown) < 3 or any(c.wrap for c in shown):
        return [list(columns)]

    def fits(part: Sequence[Column], roomy: bool) -> bool:
        return sum(_need(rows, c, roomy=roomy) for c in part) + 3 * len(part) + 1 <= width

    if fits(shown, roomy=False):
        return [list(columns)]
    key, rest = shown[0], shown[1:]
    roomy = fits([key, max(rest, key=lambda c: _need(rows, c, roomy=False))], roomy=True)
    parts: list[list[Column]] = [[key]]
    for column in rest:
        if len(parts[-1]) > 1 and not fits([*parts[-1], column], roomy):
            parts.append([key])
        parts[-1].append(column)
    return parts


_MAX_UNBROKEN = 60
"""The longest word a table column keeps whole: ids are at most this long in practice."""


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def table_width(rows: Sequence[Row], columns: Sequence[Column]) -> int:
    """How wide the table of ``rows`` is when nothing wraps: to decide what fits."""
    layout = _plain_columns(rows, columns, text_width())
    if layout is not None:  # rich's Table.__rich_measure__ on a console 10,000 wide
        shown, column_width = layout[0], layout[4]
        extra = 2 + len(shown) - 1
        widths = [column_width(i, 10_000 - extra) or 1 for i in range(len(shown))]
        if sum(widths) <= 10_000 - extra:
            most = sum(column_width(i, sum(widths)) for i in range(len(shown))) + extra
            return min(most, 10_000) if most >= 1 else 0
    from rich.console import Console
    from rich.measure import Measurement

    # As the table is printed (console()): no emoji codes, so a ":x:" in a name
    # measures as it prints.
    wide = Console(width=10_000, no_color=True, color_system=None, emoji=False)
    table = _table(rows, columns, spaced=False)
    return Measurement.get(wide, wide.options, table).maximum
