"""A :class:`~argmap.export.diagram.Diagram` as a Mermaid flowchart.

For Markdown that renders Mermaid (GitHub, GitLab, Obsidian, MkDocs): the
same boxes, colours, argument nodes and relation styles as the Graphviz
diagram, as far as Mermaid can draw them. Supports are ``-->``, attacks end
in a cross (``--x``), inferred relations are dotted (``-.->``, ``-.-x``),
linked premises meet at a small circle; speakers are classes with the
diagram's colours. Mermaid has no legend, so the key is a comment at the top
and the speakers are named in every box.

Classes are attached with ``class id1,id2 name`` statements, one per class:
Mermaid's inline ``:::name`` takes exactly one class (``:::a,b`` is read as one
class called "a,b", which exists nowhere, so the box loses all its styles).

Checked by rendering with the official Mermaid CLI (``mmdc``, Mermaid 11.17):
edge labels are quoted (``--x|"con (7 claims)"|``: unquoted, Mermaid reads the
parentheses as a node shape and refuses the diagram); a ``con`` stance ends in
a circle (``--o``), so that it never looks like a rebuttal's cross; the front
matter sets ``flowchart.wrappingWidth`` wide enough for argmap's own line
breaks, which Mermaid would otherwise wrap again at 200 px.

Mermaid refuses text longer than its ``maxTextSize`` (50,000 characters by
default) and draws only "Maximum text size in diagram exceeded", and a
flowchart with more than ``maxEdges`` links (500) and draws only "Edge limit
exceeded"; a diagram cannot raise either from inside itself (they are
"secure" settings), so :func:`too_long` lets the CLI warn.
"""

from __future__ import annotations

import json
import re

from argmap.export import palette
from argmap.export.diagram import ClaimBox, Diagram, LinkKind
from argmap.export.status import MARKS, ORDER

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_]")

MAX_TEXT_SIZE = 50_000
"""Mermaid's default ``maxTextSize``: longer diagram text is not drawn."""

MAX_EDGES = 500
"""Mermaid's default ``maxEdges``: a flowchart with more links is not drawn."""

CHAR_WIDTH = 9
"""Pixels per character, an upper bound for Mermaid's default 16 px sans-serif."""

_EDGE = re.compile(
    r'^  [anq]_\w+ (?:-->|---|--x|--o|===|-\.->|-\.-|-\.-x|-\.-o)(?:\|"[^"]*"\|)? [anq]_\w+$', re.M
)


def text_size(source: str) -> int:
    """The length Mermaid compares with ``maxTextSize`` (JavaScript's, in UTF-16 units)."""
    return len(source.encode("utf-16-le")) // 2


def edge_count(source: str) -> int:
    """How many links Mermaid counts against ``maxEdges`` in argmap's own Mermaid source."""
    return len(_EDGE.findall(source))


def too_long(source: str) -> str | None:
    """A warning when ``source`` is above Mermaid's default ``maxTextSize`` or ``maxEdges``.

    ``None`` when a renderer with the default settings draws it.
    """
    size = text_size(source)
    edges = edge_count(source)
    problems: list[str] = []
    settings: dict[str, int] = {}
    if size > MAX_TEXT_SIZE:
        problems.append(
            f"the Mermaid text is {size:,} characters, above Mermaid's default maxTextSize of "
            f"{MAX_TEXT_SIZE:,} (renderers draw only 'Maximum text size in diagram exceeded')"
        )
        settings["maxTextSize"] = _round_up(size, 50_000)
    if edges > MAX_EDGES:
        problems.append(
            f"it has {edges:,} links, above Mermaid's default maxEdges of {MAX_EDGES:,} "
            "(renderers draw only 'Edge limit exceeded')"
        )
        settings["maxEdges"] = _round_up(edges, 500)
    if not problems:
        return None
    js = ", ".join(f"{key}: {value}" for key, value in settings.items())
    return (
        "; ".join(problems)
        + f". Raise them in the renderer's config (mermaid.initialize({{{js}}}), or for mmdc "
        f"a -c config.json holding {json.dumps(settings)}), or narrow the diagram with "
        "-s, -a, -t or --focus"
    )


def _round_up(size: int, step: int) -> int:
    return -(-size // step) * step


def _id(entity_id: str, prefix: str = "n") -> str:
    # A prefix keeps ids clear of Mermaid's keywords ("end") and edge syntax ("o", "x").
    return f"{prefix}_{_UNSAFE_ID.sub('_', entity_id)}"


def _text(value: str) -> str:
    """Label text with Mermaid's entity codes for the characters it would parse."""
    value = value.replace("#", "#35;")
    # A backtick right after the opening quote would start a Markdown string.
    for char, code in (
        ('"', "#quot;"),
        ("<", "#lt;"),
        (">", "#gt;"),
        ("&", "#amp;"),
        ("`", "#96;"),
    ):
        value = value.replace(char, code)
    return value


def _label(box: ClaimBox, ids: bool) -> str:
    lines = [_text(line) for line in box.lines]
    return "<br/>".join(lines) + f"<br/><i>{_text(_footer(box, ids))}</i>"


def _footer(box: ClaimBox, ids: bool) -> str:
    """The line under a claim's text: speaker, source, marks (★, status), id."""
    footer = box.speaker_name + (" (reported)" if box.reported else "")
    if box.source_label:
        footer += f" · {box.source_label}"
    if box.central:
        footer = "★ " + footer
    if box.status is not None:
        footer = MARKS[box.status].symbol + " " + footer
    if ids:
        footer += f" · {box.id}"
    return footer


_DASHES = {
    palette.Outline.DASHED: ",stroke-dasharray:6 3",
    palette.Outline.DOTTED: ",stroke-dasharray:2 2",
}


def _arrow(kind: LinkKind, inferred: bool) -> str:
    if kind is LinkKind.AGREE:
        return "-.-" if inferred else "==="
    if kind.stance:
        # A circle, not the cross of a rebuttal: a stance answers a question.
        head = ">" if kind is LinkKind.PRO else "o"
        return f"-.-{head}" if inferred else f"--{head}"
    if kind is LinkKind.PREMISE:
        return "-.-" if inferred else "---"
    if kind.attack:
        return "-.-x" if inferred else "--x"
    return "-.->" if inferred else "-->"


def _wrapping_width(diagram: Diagram) -> int:
    """Mermaid's ``wrappingWidth`` (px) wide enough that it never re-wraps argmap's lines.

    Mermaid wraps label text at 200 px by default, on top of ``--wrap``'s own line
    breaks, which turns one line of 36 characters into two ragged ones.
    """
    lines: list[str] = []
    for box in diagram.claims:
        lines += [*box.lines, _footer(box, diagram.ids)]
    for question in diagram.questions:
        lines += question.lines
    lines += [a.label for a in diagram.arguments]
    lines += [c.label for c in diagram.clusters]
    lines += [link.label for link in diagram.links]
    longest = max((len(line) for line in lines), default=0)
    return max(200, _round_up(longest * CHAR_WIDTH, 50))


def to_mermaid(diagram: Diagram) -> str:
    """The diagram as Mermaid source."""
    out = ["---"]
    if diagram.title:
        out.append(f"title: {json.dumps(diagram.title, ensure_ascii=False)}")
    out += ["config:", "  flowchart:", f"    wrappingWidth: {_wrapping_width(diagram)}", "---"]
    out.append(f"flowchart {diagram.rankdir.value}")
    out.append(
        "  %% Key: --> supports; --- ( ) --> linked premises meet at a circle; "
        "--x rebuts (or undercuts, at a circle); === agree; -->|pro| and --o|con| "
        "answer a question; dotted: inferred by the annotator"
    )
    if diagram.subtitle or diagram.stats:
        subtitle = " — ".join(x for x in (diagram.subtitle, diagram.stats) if x)
        out.append(f"  %% {subtitle}")

    classes: dict[palette.Swatch, str] = {}
    for box in diagram.claims:
        if box.context:
            continue
        if box.swatch not in classes:
            classes[box.swatch] = f"speaker{len(classes)}"
    for swatch, name in classes.items():
        dashes = _DASHES.get(swatch.outline, "")
        out.append(
            f"  classDef {name} fill:{swatch.fill},stroke:{swatch.line},color:{palette.INK}{dashes}"
        )
    out.append(
        f"  classDef context fill:{palette.CONTEXT_FILL},stroke:{palette.CONTEXT_LINE},"
        f"stroke-dasharray:4 3,color:{palette.MUTED}"
    )
    out.append("  classDef central stroke-width:3px")
    statuses = [k for k in ORDER if any(b.status == k for b in diagram.claims)]
    for key in statuses:
        mark = MARKS[key]
        grey = f",color:{palette.MUTED}" if mark.muted else ""
        out.append(f"  classDef status_{key} stroke:{mark.line},stroke-width:3px{grey}")
    if statuses:
        marks = "; ".join(MARKS[k].caption for k in statuses)
        out.append(f"  %% Status: {marks}")
    out.append(f"  classDef argument fill:{palette.SUPPORT},stroke:{palette.SUPPORT}")
    out.append(
        f"  classDef inferredArgument fill:#FFFFFF,stroke:{palette.SUPPORT},stroke-dasharray:3 2"
    )
    if diagram.questions:
        out.append("  classDef question fill:#33414E,stroke:#33414E,color:#FFFFFF")
    if any(a.folded for a in diagram.arguments):
        out.append(f"  classDef folded fill:#FFFFFF,stroke:{palette.SUPPORT},color:{palette.MUTED}")

    boxes = {c.id: c for c in diagram.claims}
    arguments = {a.id: a for a in diagram.arguments}
    members: dict[str, list[str]] = {}
    """Class name -> the Mermaid ids it is attached to (by ``class`` statements)."""

    def node(member: str, indent: str) -> None:
        if member in boxes:
            box = boxes[member]
            name = "context" if box.context else classes[box.swatch]
            members.setdefault(name, []).append(_id(box.id))
            if box.central:
                members.setdefault("central", []).append(_id(box.id))
            if box.status is not None:
                members.setdefault(f"status_{box.status}", []).append(_id(box.id))
            out.append(f'{indent}{_id(box.id)}["{_label(box, diagram.ids)}"]')
        else:
            argument = arguments[member]
            style = "inferredArgument" if argument.basis.value == "inferred" else "argument"
            if argument.folded:
                out.append(f'{indent}{_id(argument.id, "a")}(["{_text(argument.label)}"]):::folded')
            else:
                out.append(f'{indent}{_id(argument.id, "a")}((" ")):::{style}')

    placed: set[str] = set()
    for n, cluster in enumerate(diagram.clusters):
        out.append(f'  subgraph cluster{n}["{_text(cluster.label)}"]')
        for member in cluster.members:
            node(member, "    ")
            placed.add(member)
        out.append("  end")
        # Graphviz's frames: dashed, unfilled (Mermaid's default fills them yellow).
        out.append(
            f"  style cluster{n} fill:none,stroke:{cluster.line},"
            f"stroke-dasharray:6 4,color:{palette.MUTED}"
        )
    for box in diagram.claims:
        if box.id not in placed:
            node(box.id, "  ")
    for argument in diagram.arguments:
        if argument.id not in placed:
            node(argument.id, "  ")
    for question in diagram.questions:
        text = "<br/>".join(_text(line) for line in question.lines)
        out.append(f'  {_id(question.id, "q")}{{{{"{text}"}}}}:::question')

    # Speaker classes first, then "central", whose thick outline must win, then the
    # status overlay's outline colour (--status).
    for name in sorted(members, key=lambda n: (n.startswith("status_"), n == "central")):
        out.append(f"  class {','.join(members[name])} {name}")

    questions = {q.id for q in diagram.questions}

    def ref(entity_id: str) -> str:
        if entity_id in arguments:
            return _id(entity_id, "a")
        return _id(entity_id, "q") if entity_id in questions else _id(entity_id)

    support: list[int] = []
    attack: list[int] = []
    agree: list[int] = []
    for n, link in enumerate(diagram.links):
        arrow = _arrow(link.kind, link.inferred)
        if link.kind.stance:
            # Quoted: bare, "con (7 claims)" is a parse error (the parentheses open a shape).
            arrow += f'|"{_text(link.label or link.kind.value)}"|'
        out.append(f"  {ref(link.tail)} {arrow} {ref(link.head)}")
        if link.kind is LinkKind.AGREE:
            agree.append(n)
        elif link.kind.attack or link.kind is LinkKind.CON:
            attack.append(n)
        else:
            support.append(n)
    for indices, colour in (
        (support, palette.SUPPORT),
        (attack, palette.ATTACK),
        (agree, palette.AGREE),
    ):
        if indices:
            listed = ",".join(str(i) for i in indices)
            out.append(f"  linkStyle {listed} stroke:{colour},stroke-width:2px")
    return "\n".join(out) + "\n"
