"""The debate view as DOT: each speaker a column, the questions between them.

A debate reads across: Hyodo on the left, Trenin on the right, the questions
in the middle with each side's stance pointing at them, and the agreements and
rebuttals crossing between the columns. Graphviz lays this out from left to
right with one rank per column (``rank=same``), kept in order by an invisible
chain; every drawn relation is free (``constraint=false``), so no relation can
pull a claim out of its speaker's column.

Claims are plain rounded boxes here, not the map's records: a support between
two claims of one column is an edge inside one rank, which Graphviz cannot draw
to a record. The speaker's name closes the box ("— Shinji Hyodo"), and the
arguments whose premises are all folded say so on the box's last line
("supported by 4 premises in 4 arguments"), so a count costs no node. The key
is a block of text at the top of the middle column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from argmap.export import dot as dot_writer
from argmap.export import palette
from argmap.export.diagram import ArgumentNode, ClaimBox, Diagram, LinkKind
from argmap.export.labels import wrap

QUESTIONS = ""
"""The column of the questions, in :attr:`Diagram.columns`."""


def _support_line(folded: list[ArgumentNode]) -> str:
    """What the box says of its folded supports."""
    whole = [a for a in folded if not a.joined]
    joined = [a for a in folded if a.joined]
    parts = []
    if whole:
        premises = sum(a.folded for a in whole)
        arguments = sum(max(len(a.merged), 1) for a in whole)
        text = f"supported by {premises} premise{'' if premises == 1 else 's'}"
        parts.append(text + (f" in {arguments} arguments" if arguments > 1 else ""))
    if joined:
        more = sum(a.folded for a in joined)
        parts.append(f"+ {more} premise{'' if more == 1 else 's'} not drawn")
    behind = sum(a.behind for a in folded)
    return "; ".join(parts) + (f" (+{behind} behind)" if behind else "")


def _claim_label(box: ClaimBox, diagram: Diagram, folded: list[ArgumentNode], width: int) -> str:
    speaker = box.speaker_name + (" (reported)" if box.reported else "")
    if box.source_label:
        speaker += f" · {box.source_label}"
    if diagram.ids:
        speaker += f" · {box.id}"
    lines = [*box.lines, ("— ★ " if box.central else "— ") + speaker]
    if folded:
        lines += wrap(_support_line(folded), width or 40)
    return dot_writer.lines(lines)


_KEY = (
    ("support", "Green arrow: supports (a dot: premises that work together)."),
    ("rebut", "Vermillion bar ⊣: rebuts a claim."),
    ("undercut", "Bar on a dot: undercuts an inference."),
    ("agree", "Blue double line: the two agree."),
    (
        "stance",
        "Hollow head, pro ▷ or con ◇: a speaker's stance on the question, from how many claims.",
    ),
    ("inferred", "Dashed: inferred by the annotator."),
    ("central", "★ and a thick outline: a central claim."),
    ("folded", "“supported by n premises”: supports not drawn, counted."),
)


def _key(diagram: Diagram) -> str:
    head = " — ".join(x for x in (diagram.subtitle, diagram.stats) if x)
    lines = [*wrap(head, 48)] if head else []
    if diagram.legend:
        lines.append("Colour: the speaker.")
        for key, text in _KEY:
            if key in diagram.shown:
                lines += wrap(text, 48)
    return dot_writer.lines(lines)


def to_dot(
    diagram: Diagram, *, layout_limits: bool = False, extra: Mapping[str, str] | None = None
) -> str:
    """The debate diagram as DOT source, in columns (see the module docstring)."""
    from argmap.export import dot_source

    graph_attr: dict[str, Any] = {
        "rankdir": "LR",
        "newrank": "true",
        "fontname": dot_writer.FONT,
        "bgcolor": "white",
        "pad": "0.3",
        "nodesep": "0.14",
        "ranksep": "1.1",
        "outputorder": "edgesfirst",
        "labelloc": "t",
        "labeljust": "c",
        "fontsize": "24",
    }
    if layout_limits:
        graph_attr.update(dot_writer.LAYOUT_LIMITS)
    graph_attr.update(extra or {})
    graph = dot_source.Digraph(
        "argmap",
        graph_attr=graph_attr,
        node_attr={
            "shape": "box",
            "fontname": dot_writer.FONT,
            "fontsize": "11",
            "margin": "0.12,0.06",
        },
        edge_attr={"fontname": dot_writer.FONT, "fontsize": "10", "arrowsize": "0.8"},
    )
    if diagram.title:
        graph.attr(label=dot_writer.plain(diagram.title))

    boxes = {c.id: c for c in diagram.claims}
    arguments = {a.id: a for a in diagram.arguments}
    # Folded arguments go into their conclusion's box, not a node of their own: the
    # premises drawn (if any) then point straight at the conclusion. An argument that
    # something attacks keeps its node, for the attack to hit.
    attacked = {link.head for link in diagram.links if link.kind is LinkKind.UNDERCUT}
    in_box: dict[str, list[ArgumentNode]] = {}
    conclusion_of: dict[str, str] = {}
    for link in diagram.links:
        node = arguments.get(link.tail)
        if link.kind is LinkKind.INFERENCE and node and node.folded and node.id not in attacked:
            in_box.setdefault(link.head, []).append(node)
            conclusion_of[node.id] = link.head
    boxed = set(conclusion_of)
    drawn_links = []
    for link in diagram.links:
        if link.tail in boxed:
            continue
        if link.head in boxed:  # a drawn premise of a folded argument
            link = replace(link, head=conclusion_of[link.head], kind=LinkKind.SUPPORT)
        drawn_links.append(link)

    column_of: dict[str, int] = {}
    position = {speaker: n for n, speaker in enumerate(diagram.columns)}
    for box in diagram.claims:
        column_of[box.id] = position.get(box.speaker, 0)
    for link in diagram.links:
        # An argument node stands in its conclusion's column.
        if link.kind is LinkKind.INFERENCE and link.tail in arguments:
            column_of.setdefault(link.tail, column_of.get(link.head, 0))
    middle = position.get(QUESTIONS, 0)
    for question in diagram.questions:
        column_of[question.id] = middle

    members: dict[int, list[str]] = {n: [] for n in range(max(len(diagram.columns), 1))}
    for node_id, column in column_of.items():
        if node_id not in boxed:
            members[column].append(node_id)
    width = max((len(line) for box in diagram.claims for line in box.lines), default=36)
    for n, ids in members.items():
        with graph.subgraph(name=f"column_{n}") as rank:
            rank.attr(rank="same")
            rank.node(f"column_{n}", label="", shape="point", style="invis", width="0")
            if n == middle and (diagram.legend or diagram.subtitle):
                rank.node(
                    "legend_key",
                    label=_key(diagram),
                    shape="box",
                    style="rounded",
                    color="#CCCCCC",
                    fontcolor=palette.MUTED,
                    fontsize="11",
                )
            for node_id in ids:
                _node(rank, node_id, diagram, boxes, arguments, in_box, width)
    for n in range(len(members) - 1):
        graph.edge(f"column_{n}", f"column_{n + 1}", style="invis")
    if "legend_key" in graph.source and diagram.questions:
        # The key above the questions.
        graph.edge(diagram.questions[0].id, "legend_key", style="invis")
    edge_ids = dot_writer.EdgeIds()
    for link in drawn_links:
        attrs = {**dot_writer.link_attributes(link), "constraint": "false"}
        graph.edge(link.tail, link.head, id=edge_ids.next(link), **attrs)
    return str(graph.source)


def _node(
    target: Any,
    node_id: str,
    diagram: Diagram,
    boxes: dict[str, ClaimBox],
    arguments: dict[str, ArgumentNode],
    in_box: dict[str, list[ArgumentNode]],
    width: int,
) -> None:
    if node_id in boxes:
        box = boxes[node_id]
        target.node(
            box.id,
            label=_claim_label(box, diagram, in_box.get(box.id, []), width),
            tooltip=dot_writer.plain(box.tooltip),
            id=box.id,
            **{**dot_writer.claim_attributes(box), "style": _rounded(box)},
        )
    elif node_id in arguments:
        dot_writer.argument_node(target, arguments[node_id])
    else:
        question = next(q for q in diagram.questions if q.id == node_id)
        dot_writer.question_node(target, question)


def _rounded(box: ClaimBox) -> str:
    return "rounded," + dot_writer.claim_attributes(box)["style"]
