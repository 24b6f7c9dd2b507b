"""A :class:`~argmap.export.diagram.Diagram` as Graphviz DOT text.

Written with :mod:`argmap.export.dot_source` (the bytes the ``graphviz``
Python package writes, without its import and quoting costs; laying the DOT
out is :mod:`argmap.export.render`'s job). Everything is emitted in the
diagram's order, so the same corpus gives the same DOT, byte for byte.

The DOT uses only what every Graphviz build draws alike, including the
WebAssembly one that has no HTML-like labels and estimates text widths from
Arial's metrics: claims are rounded *records* (the text, then a compartment
with the speaker and source), fonts are Arial-first with no bold inside
boxes, and the legend is made of real nodes and edges, kept above the
diagram by invisible edges so that its rows never share a rank (and a
height) with the claims.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from argmap.export import dot_source, palette
from argmap.export.diagram import (
    ArgumentNode,
    ClaimBox,
    Diagram,
    Link,
    LinkKind,
    QuestionNode,
    key_entries,
    legend_speakers,
)
from argmap.export.labels import wrap
from argmap.export.status import MARKS, legend_captions
from argmap.formats import RankDir

FONT = "Arial"
"""Exactly "Arial": the only sans-serif name whose metrics Graphviz builds without a
font library (the WebAssembly one) know; any other name is sized as Times and overflows."""

SVG_FONT_STACK = "Arial,Helvetica,Liberation Sans,Arimo,sans-serif"
"""What :func:`polish_svg` puts in the SVG: Arial or a metric-compatible face, else sans."""

LAYOUT_LIMITS: dict[str, str] = {
    "nslimit": "4",
    "nslimit1": "4",
    "mclimit": "0.3",
    "searchsize": "20",
}
"""Graph attributes that bound dot's network-simplex and crossing-minimisation passes.

Applied when a large diagram is forced (``--force``): the layout is rougher
(more crossings, less straight edges) but finishes in seconds, not hours.
"""

_RECORD_SPECIAL = str.maketrans({c: "\\" + c for c in '{}|<>\\"'})
_CONTROL = dict.fromkeys([c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + [0x7F], " ")
"""C0 controls but tab and line ends (NUL among them) break a DOT string: drawn as spaces."""

MAX_LABEL_CHARS = 3000
"""The most characters of one text in a label or tooltip. Graphviz refuses a quoted string
over 16,384 bytes; 3,000 characters stay below it even in 4-byte UTF-8 with escapes."""

TITLE_WIDTH = 100
"""A title wraps at this many characters per line."""


def _clip(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``text`` without control characters, cut to ``limit`` characters with an ellipsis."""
    text = text.translate(_CONTROL)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _record(text: str) -> str:
    """Text for a record label field (its braces, bars and angles escaped)."""
    return _clip(text).translate(_RECORD_SPECIAL)


def _plain(text: str) -> str:
    """Text for an ordinary label (an escString: backslashes are escapes).

    Marked as not HTML: a text like ``<<x>`` is drawn as typed instead of
    being handed to Graphviz as an HTML-like label.
    """
    escaped: str = dot_source.nohtml(_clip(text).replace("\\", "\\\\"))
    return escaped


def _lines(lines: list[str] | tuple[str, ...]) -> str:
    """Left-justified lines of a plain label."""
    return "".join(_plain(line) + "\\l" for line in _clip_lines(lines))


def _clip_lines(lines: list[str] | tuple[str, ...]) -> list[str]:
    """As many of ``lines`` as fit in :data:`MAX_LABEL_CHARS`, the last one ending in "…"."""
    kept: list[str] = []
    total = 0
    for line in lines:
        if total + len(line) > MAX_LABEL_CHARS:
            kept.append("…")
            break
        kept.append(line)
        total += len(line) + 1
    return kept


def _title(text: str) -> str:
    """The graph's title: centred lines of :data:`TITLE_WIDTH` characters, at most five."""
    lines = wrap(_clip(text, 5 * TITLE_WIDTH), TITLE_WIDTH)
    title: str = dot_source.nohtml("\\n".join(_plain(line) for line in lines))
    return title


def _claim_label(box: ClaimBox, diagram: Diagram) -> str:
    body = "".join(_record(line) + "\\l" for line in _clip_lines(box.lines))
    footer = box.speaker_name + (" (reported)" if box.reported else "")
    if box.source_label:
        footer += f" · {box.source_label}"
    if box.central:
        footer = "★ " + footer
    if box.status is not None:
        footer = MARKS[box.status].symbol + " " + footer
    if diagram.ids:
        footer += f" · {box.id}"
    fields = f"{body}|{_record(footer)}\\l"
    # Records lay their fields out across the rank direction: braces turn them
    # into rows when ranks run vertically.
    if diagram.rankdir in (RankDir.TB, RankDir.BT):
        return "{" + fields + "}"
    return fields


def _claim_attrs(box: ClaimBox) -> dict[str, str]:
    if box.context:
        return {
            "style": "filled,dashed",
            "fillcolor": palette.CONTEXT_FILL,
            "color": palette.CONTEXT_LINE,
            "fontcolor": palette.MUTED,
            "penwidth": "1.2",
        }
    attrs = {
        "style": _filled(box.swatch),
        "fillcolor": box.swatch.fill,
        "color": box.swatch.line,
        "penwidth": "3.2" if box.central else "1.2",
    }
    if box.status is not None:
        # The status overlay: outline colour and weight, and greyed text for what
        # does not stand; the speaker's fill and outline pattern stay.
        mark = MARKS[box.status]
        attrs.update(color=mark.line, penwidth="4.5" if box.central else "2.6")
        if mark.muted:
            attrs["fontcolor"] = palette.MUTED
    return attrs


def _filled(swatch: palette.Swatch) -> str:
    """Graphviz style for a box in ``swatch``: filled, outlined solid, dashed or dotted."""
    if swatch.outline is palette.Outline.SOLID:
        return "filled"
    return f"filled,{swatch.outline.value}"


def _argument_attrs(inferred: bool) -> dict[str, str]:
    return {
        "label": "",
        "shape": "circle",
        "width": "0.14",
        "height": "0.14",
        "fixedsize": "true",
        "style": "filled,dashed" if inferred else "filled",
        "fillcolor": "white" if inferred else palette.SUPPORT,
        "color": palette.SUPPORT,
        "penwidth": "1.4",
    }


AGREE_COLOUR = f"{palette.AGREE}:white:{palette.AGREE}"
"""Agreements are a double line (an equals sign), drawn with Graphviz's parallel colours."""


def _link_attrs(kind: LinkKind, inferred: bool) -> dict[str, str]:
    attacking = kind.attack or kind is LinkKind.CON
    attrs = {
        "color": palette.ATTACK if attacking else palette.SUPPORT,
        "penwidth": "2" if attacking else "1.5",
    }
    if inferred:
        attrs["style"] = "dashed"
    if kind is LinkKind.AGREE:
        # Undirected, and no pull on the layout (weight 0). It still separates
        # ranks: an edge inside one rank (a "flat" edge) between record shapes is
        # one Graphviz 2.43 cannot draw ("lost edge"), and the whole layout fails.
        attrs.update(color=AGREE_COLOUR, penwidth="1.3", dir="none", weight="0")
    elif kind.stance:
        # A stance answers a question: it neither supports nor attacks a claim, so
        # it ends in a hollow head (a triangle for pro, a diamond for con), never in
        # a rebuttal's bar, and says its side on the line.
        attrs.update(
            label=f" {kind.value} ",
            fontcolor=attrs["color"],
            fontsize="11",
            penwidth="2.2",
            arrowhead="empty" if kind is LinkKind.PRO else "odiamond",
            arrowsize="1.3",
        )
    elif kind is LinkKind.PREMISE:
        attrs.update(arrowhead="none", weight="4")
    elif kind is LinkKind.INFERENCE:
        attrs.update(arrowhead="normal", weight="4")
    elif kind is LinkKind.SUPPORT:
        attrs.update(arrowhead="normal", weight="2")
    else:
        attrs.update(arrowhead="tee", arrowsize="1.2")
    return attrs


def _link(link: Link) -> dict[str, str]:
    attrs = {**_link_attrs(link.kind, link.inferred), "tooltip": _plain(link.tooltip)}
    if link.label:
        attrs["label"] = f" {_plain(link.label)} "
    return attrs


QUESTION_FILL = "#33414E"
"""Questions are dark boxes with white text: nothing else in a diagram looks like them."""


def _question_attrs() -> dict[str, str]:
    return {
        "shape": "box",
        "style": "filled,rounded",
        "fillcolor": QUESTION_FILL,
        "color": QUESTION_FILL,
        "fontcolor": "white",
        "fontsize": "13",
        "margin": "0.18,0.1",
    }


def _folded_attrs(inferred: bool) -> dict[str, str]:
    """An argument whose premises are folded: a small box that counts them."""
    return {
        "shape": "box",
        "style": "rounded,filled,dashed" if inferred else "rounded,filled",
        "fillcolor": "white",
        "color": palette.SUPPORT,
        "fontcolor": palette.MUTED,
        "fontsize": "11",
        "margin": "0.06,0.02",
        "height": "0.22",
        "penwidth": "1.2",
    }


def _legend(dot: Any, diagram: Diagram) -> str | None:
    """The legend block (subtitle, speakers, key); returns the node to tie it by.

    With vertical ranks (BT, TB) each legend row is one rank and the rows are
    stacked; with horizontal ranks (LR, RL) each row is a chain across ranks.
    Either way :func:`_tie_legend` then keeps the whole block past the
    diagram's top, so that no legend row shares a rank with claims.
    """
    horizontal = diagram.rankdir in (RankDir.LR, RankDir.RL)
    rows: list[list[str]] = []
    linked: set[tuple[str, str]] = set()
    with dot.subgraph(name="cluster_legend") as legend:
        legend.attr(label="", style="rounded", color="#CCCCCC", margin="10", penwidth="1")
        text = " — ".join(x for x in (diagram.subtitle, diagram.stats) if x)
        if text:
            legend.node(
                "legend_subtitle",
                label=_lines(wrap(text, 110)),
                shape="plaintext",
                fontsize="12",
                fontcolor=palette.MUTED,
                margin="0",
            )
            rows.append(["legend_subtitle"])
        if diagram.legend:
            speakers = _speaker_rows(legend, diagram)
            if len(speakers) == 1 and len(speakers[0]) <= 3:
                # A few speakers open the key's first row rather than take a row.
                rows += _key_rows(legend, diagram, linked, lead=speakers[0])
            else:
                rows += speakers
                rows += _key_rows(legend, diagram, linked)
        if not rows:
            return None
        for row in rows:
            if len(row) > 1 and not horizontal:
                with legend.subgraph() as same:
                    same.attr(rank="same")
                    for node in row:
                        same.node(node)
            # Keep the row in order (where no sample edge does).
            for left, right in pairwise(row):
                if (left, right) not in linked:
                    legend.edge(left, right, style="invis")
        hub = "legend_hub"
        legend.node(hub, label="", shape="point", style="invis", width="0")
        upward = diagram.rankdir in (RankDir.BT, RankDir.RL)
        if horizontal:
            # Rows start side by side just past the hub.
            for row in rows:
                legend.edge(*((hub, row[0]) if upward else (row[-1], hub)), style="invis")
        else:
            # Rows stacked, centred on each other; the first row is on top.
            for upper, lower in pairwise(rows):
                above, below = upper[len(upper) // 2], lower[len(lower) // 2]
                legend.edge(*((below, above) if upward else (above, below)), style="invis")
            bottom = rows[-1][len(rows[-1]) // 2]
            legend.edge(*((hub, bottom) if upward else (bottom, hub)), style="invis")
    return hub


def _tie_legend(dot: Any, diagram: Diagram, hub: str, anchors: list[str]) -> None:
    """Invisible edges that put the legend past ``anchors`` (the diagram's top nodes)."""
    upward = diagram.rankdir in (RankDir.BT, RankDir.RL)
    for anchor in anchors:
        dot.edge(*((anchor, hub) if upward else (hub, anchor)), style="invis", weight="0")


def _speaker_rows(legend: Any, diagram: Diagram) -> list[list[str]]:
    entries = legend_speakers(diagram)
    nodes = []
    for i, (label, swatch) in enumerate(entries):
        name = f"legend_speaker_{i}"
        legend.node(
            name,
            label=_lines(wrap(label, 40)),
            shape="box",
            style=f"rounded,{_filled(swatch)}",
            fillcolor=swatch.fill,
            color=swatch.line,
            fontsize="11",
            margin="0.08,0.03",
            height="0.3",
        )
        nodes.append(name)
    per_row = 5
    return [nodes[i : i + per_row] for i in range(0, len(nodes), per_row)]


def _key_rows(
    legend: Any, diagram: Diagram, linked: set[tuple[str, str]], lead: list[str] | None = None
) -> list[list[str]]:
    entries: list[list[str]] = [[node] for node in lead or []]
    row: list[str] = []
    for n, _, caption, kind, inferred in key_entries(diagram.shown):
        if row:
            entries.append(row)
            row = []
        tail, head, text = f"key_t{n}", f"key_h{n}", f"key_c{n}"
        point = {"shape": "point", "width": "0.06", "color": palette.MUTED, "label": ""}
        legend.node(tail, **point)
        if kind is LinkKind.PREMISE:
            middle = f"key_m{n}"
            legend.node(middle, **_argument_attrs(False))
            legend.node(head, **point)
            legend.edge(tail, middle, minlen="1", **_link_attrs(LinkKind.PREMISE, False))
            legend.edge(middle, head, minlen="1", **_link_attrs(LinkKind.INFERENCE, False))
            linked.update({(tail, middle), (middle, head)})
            row += [tail, middle, head]
        elif kind is LinkKind.UNDERCUT:
            legend.node(head, **_argument_attrs(False))
            legend.edge(tail, head, minlen="2", **_link_attrs(kind, inferred))
            linked.add((tail, head))
            row += [tail, head]
        else:
            legend.node(head, **point)
            attrs = {**_link_attrs(kind, inferred), "constraint": "true"}
            # An agreement's weight 0 (see _link_attrs) would let the sample's ends drift
            # apart across the whole row; in the key, hold them together.
            if attrs.get("weight") == "0":
                attrs["weight"] = "1"
            legend.edge(tail, head, minlen="2", **attrs)
            linked.add((tail, head))
            row += [tail, head]
        legend.node(text, label=caption, shape="plaintext", fontsize="11", margin="0.02,0")
        row.append(text)
    if row:
        entries.append(row)
        row = []
    extras = []
    if "folded" in diagram.shown:
        legend.node("key_folded", label="3 premises", **_folded_attrs(False))
        legend.node(
            "key_folded_c",
            label="premises not drawn",
            shape="plaintext",
            fontsize="11",
            margin="0.02,0",
        )
        entries.append(["key_folded", "key_folded_c"])
    if "central" in diagram.shown:
        extras.append(("key_central", "★ central claim", "3.2", "filled", "#F2F2F2", "#666666"))
    if "context" in diagram.shown:
        extras.append(
            (
                "key_context",
                "context",
                "1.2",
                "filled,dashed",
                "white",
                palette.CONTEXT_LINE,
            )
        )
    for key, caption in legend_captions(diagram.shown):
        extras.append((f"key_status_{key}", caption, "2.6", "filled", "white", MARKS[key].line))
    for name, label, pen, style, fill, line in extras:
        legend.node(
            name,
            label=label,
            shape="box",
            style=f"rounded,{style}",
            penwidth=pen,
            fillcolor=fill,
            color=line,
            fontsize="11",
            margin="0.08,0.03",
            height="0.3",
        )
        entries.append([name])
    per_row = 5
    return [
        [node for entry in entries[i : i + per_row] for node in entry]
        for i in range(0, len(entries), per_row)
    ]


def argument_node(target: Any, argument: ArgumentNode) -> None:
    """An argument's node: a dot, or a small box counting its folded premises."""
    inferred = argument.basis.value == "inferred"
    if argument.folded:
        attrs = {**_folded_attrs(inferred), "label": _plain(argument.label)}
    else:
        attrs = _argument_attrs(inferred)
    target.node(argument.id, tooltip=_plain(argument.tooltip), id=argument.id, **attrs)


def question_node(target: Any, question: QuestionNode) -> None:
    """A question: a dark box with white text."""
    target.node(
        question.id,
        label=_lines(question.lines),
        tooltip=_plain(question.tooltip),
        id=question.id,
        **_question_attrs(),
    )


class EdgeIds:
    """SVG ids for the edges: ``rel:<relation id>``, then ``~2``, ``~3`` for a relation
    drawn as several edges (an argument's premises), so each is unique and names its
    relation (the HTML view reads them)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def next(self, link: Link) -> str:
        count = self.seen.get(link.relation, 0) + 1
        self.seen[link.relation] = count
        edge_id = f"rel:{link.relation}" + (f"~{count}" if count > 1 else "")
        return _plain(edge_id)


# Shared with the debate view's column layout (argmap.export.columns).
plain = _plain
lines = _lines
link_attributes = _link
claim_attributes = _claim_attrs


def to_dot(
    diagram: Diagram, *, layout_limits: bool = False, extra: Mapping[str, str] | None = None
) -> str:
    """The diagram as DOT source; ``extra`` graph attributes (a page fit) win."""
    if diagram.columns:
        from argmap.export.columns import to_dot as in_columns

        return in_columns(diagram, layout_limits=layout_limits, extra=extra)

    graph_attr: dict[str, Any] = {
        "rankdir": diagram.rankdir.value,
        "newrank": "true",
        "fontname": FONT,
        "bgcolor": "white",
        "pad": "0.3",
        "nodesep": "0.22",
        "ranksep": "0.5",
        "outputorder": "edgesfirst",
        "labelloc": "t",
        "labeljust": "c",
        "fontsize": "24",
    }
    if diagram.compact:
        graph_attr.update(nodesep="0.16", ranksep="0.32")
    if layout_limits:
        graph_attr.update(LAYOUT_LIMITS)
    graph_attr.update(extra or {})
    dot = dot_source.Digraph(
        "argmap",
        graph_attr=graph_attr,
        node_attr={"shape": "Mrecord", "fontname": FONT, "fontsize": "11", "margin": "0.12,0.06"},
        edge_attr={"fontname": FONT, "fontsize": "10", "arrowsize": "0.8"},
    )
    if diagram.title:
        dot.attr(label=_title(diagram.title))
    # The legend first: with horizontal ranks, first in the input is on top.
    hub = _legend(dot, diagram) if diagram.legend or diagram.subtitle else None

    boxes = {c.id: c for c in diagram.claims}
    arguments = {a.id: a for a in diagram.arguments}
    questions = {q.id: q for q in diagram.questions}

    def add(node_id: str, target: Any) -> None:
        if node_id in boxes:
            box = boxes[node_id]
            target.node(
                box.id,
                label=_claim_label(box, diagram),
                tooltip=_plain(box.tooltip),
                id=box.id,
                **_claim_attrs(box),
            )
        elif node_id in arguments:
            argument_node(target, arguments[node_id])
        else:
            question_node(target, questions[node_id])

    placed: set[str] = set()
    for n, cluster in enumerate(diagram.clusters):
        with dot.subgraph(name=f"cluster_{n}") as sub:
            sub.attr(
                label=_plain(cluster.label),
                style="rounded,dashed",
                color=cluster.line,
                fontcolor=palette.MUTED,
                fontsize="14",
                labeljust="l",
                # Cluster labels follow the rank direction: "b" is the top in BT.
                labelloc="b" if diagram.rankdir is RankDir.BT else "t",
                margin="14",
            )
            for member in cluster.members:
                add(member, sub)
                placed.add(member)
    for box in diagram.claims:
        if box.id not in placed:
            add(box.id, dot)
    for argument in diagram.arguments:
        if argument.id not in placed:
            add(argument.id, dot)
    if diagram.questions:
        # The questions side by side, past the claims that answer them.
        with dot.subgraph(name="questions") as row:
            row.attr(rank="same")
            for question in diagram.questions:
                add(question.id, row)
    ids = EdgeIds()
    for link in diagram.links:
        dot.edge(link.tail, link.head, id=ids.next(link), **_link(link))
    upward = diagram.rankdir in (RankDir.BT, RankDir.RL)
    tails = {link.tail for link in diagram.links}
    heads = {link.head for link in diagram.links}
    # The legend goes past the nodes at the top: in BT and RL the last in rank
    # order (nothing leaves them), in TB and LR the first (nothing enters them).
    ends = tails if upward else heads
    if hub is not None:
        everything = [
            *(c.id for c in diagram.claims),
            *(a.id for a in diagram.arguments),
            *(q.id for q in diagram.questions),
        ]
        _tie_legend(dot, diagram, hub, [n for n in everything if n not in ends])
    return str(dot.source)


def polish_svg(svg: bytes) -> bytes:
    """Graphviz's SVG with a font stack that degrades gracefully where Arial is missing."""
    return svg.replace(b'font-family="Arial"', f'font-family="{SVG_FONT_STACK}"'.encode())
