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

Mermaid refuses text longer than its ``maxTextSize`` (50,000 characters by
default) and draws only "Maximum text size in diagram exceeded"; a diagram
cannot raise that from inside itself, so :func:`too_long` lets the CLI warn.
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


def text_size(source: str) -> int:
    """The length Mermaid compares with ``maxTextSize`` (JavaScript's, in UTF-16 units)."""
    return len(source.encode("utf-16-le")) // 2


def too_long(source: str) -> str | None:
    """A warning when ``source`` is above Mermaid's default ``maxTextSize``, else ``None``."""
    size = text_size(source)
    if size <= MAX_TEXT_SIZE:
        return None
    return (
        f"the Mermaid text is {size:,} characters, above Mermaid's default maxTextSize of "
        f"{MAX_TEXT_SIZE:,}: renderers will draw only 'Maximum text size in diagram exceeded'. "
        "Raise maxTextSize in the renderer's config (mermaid.initialize({maxTextSize: "
        f"{_round_up(size)}}}), or for mmdc a -c config.json holding "
        f'{{"maxTextSize": {_round_up(size)}}}), or narrow the diagram with -s, -a, -t or --focus'
    )


def _round_up(size: int) -> int:
    return -(-size // 50_000) * 50_000


def _id(entity_id: str, prefix: str = "n") -> str:
    # A prefix keeps ids clear of Mermaid's keywords ("end") and edge syntax ("o", "x").
    return f"{prefix}_{_UNSAFE_ID.sub('_', entity_id)}"


def _text(value: str) -> str:
    """Label text with Mermaid's entity codes for the characters it would parse."""
    value = value.replace("#", "#35;")
    for char, code in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("&", "#amp;")):
        value = value.replace(char, code)
    return value


def _label(box: ClaimBox, ids: bool) -> str:
    lines = [_text(line) for line in box.lines]
    footer = box.speaker_name + (" (reported)" if box.reported else "")
    if box.source_label:
        footer += f" · {box.source_label}"
    if box.central:
        footer = "★ " + footer
    if box.status is not None:
        footer = MARKS[box.status].symbol + " " + footer
    if ids:
        footer += f" · {box.id}"
    return "<br/>".join(lines) + f"<br/><i>{_text(footer)}</i>"


_DASHES = {
    palette.Outline.DASHED: ",stroke-dasharray:6 3",
    palette.Outline.DOTTED: ",stroke-dasharray:2 2",
}


def _arrow(kind: LinkKind, inferred: bool) -> str:
    if kind is LinkKind.AGREE:
        return "-.-" if inferred else "==="
    if kind.stance:
        head = ">" if kind is LinkKind.PRO else "x"
        return f"-.-{head}|{kind.value}|" if inferred else f"--{head}|{kind.value}|"
    if kind is LinkKind.PREMISE:
        return "-.-" if inferred else "---"
    if kind.attack:
        return "-.-x" if inferred else "--x"
    return "-.->" if inferred else "-->"


def to_mermaid(diagram: Diagram) -> str:
    """The diagram as Mermaid source."""
    out: list[str] = []
    if diagram.title:
        out += ["---", f"title: {json.dumps(diagram.title, ensure_ascii=False)}", "---"]
    out.append(f"flowchart {diagram.rankdir.value}")
    out.append(
        "  %% Key: --> supports; --- ( ) --> linked premises meet at a circle; "
        "--x rebuts (or undercuts, at a circle); dotted: inferred by the annotator"
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
        if link.label and link.kind.stance:
            arrow = arrow.replace(f"|{link.kind.value}|", f"|{_text(link.label)}|")
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
