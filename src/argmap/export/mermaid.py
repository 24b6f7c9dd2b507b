"""A :class:`~argmap.export.diagram.Diagram` as a Mermaid flowchart.

For Markdown that renders Mermaid (GitHub, GitLab, Obsidian, MkDocs): the
same boxes, colours, argument nodes and relation styles as the Graphviz
diagram, as far as Mermaid can draw them. Supports are ``-->``, attacks end
in a cross (``--x``), inferred relations are dotted (``-.->``, ``-.-x``),
linked premises meet at a small circle; speakers are classes with the
diagram's colours, and named in every box. Mermaid has no legend of its own:
the legend is a subgraph of real nodes and sample lines (:func:`_legend`), and
the key is also a comment at the top.

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

import itertools
import json
import re
import string
import unicodedata

from argmap.export import palette
from argmap.export.diagram import ClaimBox, Diagram, LinkKind, key_entries, legend_speakers
from argmap.export.status import MARKS, ORDER, legend_captions

_SLUG_CHARS = frozenset(string.ascii_lowercase + string.digits)

MAX_TEXT_SIZE = 50_000
"""Mermaid's default ``maxTextSize``: longer diagram text is not drawn."""

MAX_EDGES = 500
"""Mermaid's default ``maxEdges``: a flowchart with more links is not drawn."""

CHAR_WIDTH = 9
"""Pixels per character, an upper bound for Mermaid's default 16 px sans-serif."""

_EDGE = re.compile(
    r'^  [anqk]_\w+ (?:-->|---|--x|--o|===|~~~|-\.->|-\.-|-\.-x|-\.-o)(?:\|"[^"]*"\|)? [anqk]_\w+$',
    re.M,
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
    """A Mermaid id, one to one with ``entity_id``.

    A prefix keeps ids clear of Mermaid's keywords ("end") and edge syntax ("o", "x").
    A slug's letters and digits stay, its hyphens become "_"; any other character (an
    id that AM101 flags) becomes ``X<hex>X``, capitals being none of a slug's, so that
    ``a-b`` and ``a_b`` stay two boxes rather than one with a loop.
    """
    return f"{prefix}_" + "".join(
        char if char in _SLUG_CHARS else "_" if char == "-" else f"X{ord(char):x}X"
        for char in entity_id
    )


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


def _legend_speakers(diagram: Diagram) -> list[tuple[str, palette.Swatch]]:
    """The legend's speaker entries, as Graphviz's legend has them: name (claims)."""
    if not diagram.legend:
        return []
    return legend_speakers(diagram)


KeyLink = tuple[str, str, str, str]
"""A link of the legend: tail, Mermaid arrow, head, and its colour (empty: invisible)."""


def _legend(
    out: list[str],
    diagram: Diagram,
    speakers: list[tuple[str, palette.Swatch]],
    classes: dict[palette.Swatch, str],
    members: dict[str, list[str]],
) -> list[KeyLink]:
    """The legend as a framed block of real nodes, as Graphviz draws it: the speakers in
    their colours, a sample of each kind of line the diagram uses, the marked boxes.

    Each row is a chain from left to right (``direction LR``), its entries joined by
    invisible links (``~~~``), so that the block is a few rows high rather than one
    tall column that would stretch the diagram beside it. Returns the links, which the
    caller writes after the diagram's own, so that ``linkStyle`` numbers stay the same.
    """
    title = " — ".join(x for x in (diagram.subtitle, diagram.stats) if x) or "Key"
    out.append(f'  subgraph legend["{_text(title)}"]')
    out.append("    direction LR")
    rows: list[list[tuple[str, str]]] = []
    """Each row: its entries, as (first node, last node)."""
    links: list[KeyLink] = []
    entries: list[tuple[str, str]] = []
    for n, (label, swatch) in enumerate(speakers):
        out.append(f'    k_speaker{n}["{_text(label)}"]')
        members.setdefault(classes[swatch], []).append(f"k_speaker{n}")
        entries.append((f"k_speaker{n}", f"k_speaker{n}"))
    rows += [entries[i : i + 4] for i in range(0, len(entries), 4)]
    entries = []
    for n, key, caption, kind, inferred in key_entries(diagram.shown):
        if key == "undercut":
            caption += " (at a dot)"  # Mermaid has no bar: say where it ends
        tail, head = f"k_tail{n}", f"k_text{n}"
        out.append(f'    {tail}[" "]:::keyPoint')
        if kind is LinkKind.PREMISE:
            out.append(f'    k_dot{n}((" ")):::argument')
            links.append((tail, _arrow(kind, False), f"k_dot{n}", palette.SUPPORT))
            tail = f"k_dot{n}"
            kind = LinkKind.INFERENCE
        out.append(f'    {head}["{_text(caption)}"]:::keyText')
        links.append((tail, _arrow(kind, inferred), head, _colour(kind)))
        entries.append((f"k_tail{n}", head))
    if "folded" in diagram.shown:
        out.append('    k_folded(["3 premises: premises not drawn"]):::folded')
        entries.append(("k_folded", "k_folded"))
    rows += [entries[i : i + 3] for i in range(0, len(entries), 3)]
    entries = []
    marked = [
        (f"k_{k}", label, k) for k, label in (("central", "★ central claim"),) if k in diagram.shown
    ]
    marked += [("k_context", "context", "context")] if "context" in diagram.shown else []
    marked += [
        (f"k_status_{key}", caption, f"status_{key}")
        for key, caption in legend_captions(diagram.shown)
    ]
    for node_id, label, name in marked:
        out.append(f'    {node_id}["{_text(label)}"]')
        if name != "context":
            members.setdefault("keyBox", []).append(node_id)
        members.setdefault(name, []).append(node_id)
        entries.append((node_id, node_id))
    rows += [entries[i : i + 4] for i in range(0, len(entries), 4)]
    for row in rows:
        for (_, last), (first, _) in itertools.pairwise(row):
            links.append((last, "~~~", first, ""))
    out.append("  end")
    out.append(f"  style legend fill:#FFFFFF,stroke:#CCCCCC,color:{palette.MUTED}")
    return links


def _colour(kind: LinkKind) -> str:
    if kind is LinkKind.AGREE:
        return palette.AGREE
    if kind.attack or kind is LinkKind.CON:
        return palette.ATTACK
    return palette.SUPPORT


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
    longest = max((_width(line) for line in lines), default=0)
    return max(200, _round_up(longest * CHAR_WIDTH, 50))


def _width(line: str) -> int:
    """A line's width in Latin characters: CJK and other wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


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
    legend = _legend_speakers(diagram)
    for _, swatch in legend:
        if swatch not in classes:
            classes[swatch] = f"speaker{len(classes)}"
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
    if diagram.legend:
        out.append("  classDef keyPoint fill:none,stroke:none")
        out.append(f"  classDef keyText fill:none,stroke:none,color:{palette.INK}")
        out.append("  classDef keyBox fill:#F2F2F2,stroke:#666666")

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
    key_links: list[KeyLink] = []
    if diagram.legend:
        key_links = _legend(out, diagram, legend, classes, members)

    # Speaker classes first, then "central", whose thick outline must win, then the
    # status overlay's outline colour (--status).
    for name in sorted(members, key=lambda n: (n.startswith("status_"), n == "central")):
        out.append(f"  class {','.join(members[name])} {name}")

    questions = {q.id for q in diagram.questions}

    def ref(entity_id: str) -> str:
        if entity_id in arguments:
            return _id(entity_id, "a")
        return _id(entity_id, "q") if entity_id in questions else _id(entity_id)

    colours: dict[str, list[int]] = {}
    for n, link in enumerate(diagram.links):
        arrow = _arrow(link.kind, link.inferred)
        if link.kind.stance:
            # Quoted: bare, "con (7 claims)" is a parse error (the parentheses open a shape).
            arrow += f'|"{_text(link.label or link.kind.value)}"|'
        out.append(f"  {ref(link.tail)} {arrow} {ref(link.head)}")
        colours.setdefault(_colour(link.kind), []).append(n)
    for n, (tail, arrow, head, colour) in enumerate(key_links, start=len(diagram.links)):
        out.append(f"  {tail} {arrow} {head}")
        if colour:
            colours.setdefault(colour, []).append(n)
    for colour in (palette.SUPPORT, palette.ATTACK, palette.AGREE):
        if colour in colours:
            listed = ",".join(str(i) for i in colours[colour])
            out.append(f"  linkStyle {listed} stroke:{colour},stroke-width:2px")
    return "\n".join(out) + "\n"
