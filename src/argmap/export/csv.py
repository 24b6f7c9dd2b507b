"""``argmap export --format csv``: the corpus as tables, for spreadsheets, R and pandas.

Six tables, each a CSV file with a header row (lists inside a cell are
``;``-separated, booleans ``true``/``false``):

* ``claims``: ``id, text, quote, speaker, speaker_name, source,
  source_label, reported, central, tags, note, context``;
* ``relations``: one row per link, the edge list of the graph:
  ``relation_id, type, from, to, to_type, argument_linked, basis, scheme,
  note``. ``type`` is ``support`` (a premise -> the conclusion, one row per
  premise; ``argument_linked`` says whether the argument's premises work
  together), ``rebut`` (attacker -> claim), ``undercut`` (attacker ->
  argument, ``to_type=argument``) or ``agree`` (one claim of an agreement ->
  the other: undirected, read it both ways);
* ``people``: ``id, name, kind, affiliation, description, members``;
* ``sources``: ``id, label, title, outlet, authors, editors, date, url``;
* ``agreements``: ``id, claim_a, claim_b, speaker_a, speaker_b, basis, note``;
* ``stances``: ``id, question, question_text, claim, speaker, stance, basis,
  note``.

On stdout one table is written (``--table``, default ``claims``); with
``-o DIR`` all six are written as ``DIR/claims.csv`` and so on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from argmap.corpus import RebuttalKind
from argmap.export.labels import source_labels
from argmap.formats import CsvTable
from argmap.index import Index
from argmap.subset import Subset

Cell = str | bool | None | Sequence[str]


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    return ";".join(value)


def _table(header: list[str], rows: list[list[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def export(subset: Subset, table: CsvTable = CsvTable.CLAIMS) -> str:
    """One table of the subset as CSV text."""
    corpus = subset.corpus
    index = Index.build(corpus)
    labels = source_labels(corpus)
    if table is CsvTable.CLAIMS:
        return _table(
            [
                "id",
                "text",
                "quote",
                "speaker",
                "speaker_name",
                "source",
                "source_label",
                "reported",
                "central",
                "tags",
                "note",
                "context",
            ],
            [
                [
                    c.id,
                    c.text,
                    c.quote,
                    c.speaker,
                    index.display_name(c.speaker),
                    c.source,
                    labels.get(c.source, c.source),
                    c.reported,
                    c.central,
                    c.tags,
                    c.note,
                    c.id in subset.context,
                ]
                for c in corpus.claims
            ],
        )
    if table is CsvTable.RELATIONS:
        rows: list[list[Cell]] = []
        for a in corpus.arguments:
            premises = list(dict.fromkeys(a.premises))
            for premise in premises:
                rows.append(
                    [
                        a.id,
                        "support",
                        premise,
                        a.conclusion,
                        "claim",
                        len(premises) > 1,
                        a.basis.value,
                        a.scheme,
                        a.note,
                    ]
                )
        for r in corpus.rebuttals:
            undercut = r.kind is RebuttalKind.UNDERCUT and r.target in index.arguments
            rows.append(
                [
                    r.id,
                    "undercut" if undercut else "rebut",
                    r.by,
                    r.target,
                    "argument" if r.target in index.arguments else "claim",
                    None,
                    r.basis.value,
                    None,
                    r.note,
                ]
            )
        for g in corpus.agreements:
            first, second = g.claims
            rows.append([g.id, "agree", first, second, "claim", None, g.basis.value, None, g.note])
        return _table(
            [
                "relation_id",
                "type",
                "from",
                "to",
                "to_type",
                "argument_linked",
                "basis",
                "scheme",
                "note",
            ],
            rows,
        )
    if table is CsvTable.AGREEMENTS:
        return _table(
            ["id", "claim_a", "claim_b", "speaker_a", "speaker_b", "basis", "note"],
            [
                [
                    g.id,
                    g.claims[0],
                    g.claims[1],
                    index.speaker_of(g.claims[0]),
                    index.speaker_of(g.claims[1]),
                    g.basis.value,
                    g.note,
                ]
                for g in corpus.agreements
            ],
        )
    if table is CsvTable.STANCES:
        questions = {q.id: q.text for q in corpus.questions}
        return _table(
            ["id", "question", "question_text", "claim", "speaker", "stance", "basis", "note"],
            [
                [
                    s.id,
                    s.question,
                    questions.get(s.question),
                    s.claim,
                    index.speaker_of(s.claim),
                    s.stance.value,
                    s.basis.value,
                    s.note,
                ]
                for s in corpus.stances
            ],
        )
    if table is CsvTable.PEOPLE:
        return _table(
            ["id", "name", "kind", "affiliation", "description", "members"],
            [
                [p.id, p.name, p.kind.value, p.affiliation, p.description, p.members]
                for p in corpus.people
            ],
        )
    return _table(
        ["id", "label", "title", "outlet", "authors", "editors", "date", "url"],
        [
            [s.id, labels[s.id], s.title, s.outlet, s.authors, s.editors, s.date, s.url]
            for s in corpus.sources
        ],
    )


def tables(subset: Subset) -> dict[str, str]:
    """Every table, by file name (``claims.csv`` ...)."""
    return {f"{t.value}.csv": export(subset, t) for t in CsvTable}
