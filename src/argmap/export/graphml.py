"""``argmap export --format graphml``: the argument graph for yEd, Gephi and draw.io.

Claims and arguments are nodes (an argument node joins its premises to its
conclusion, as in AIF), relations are directed edges:

* premise -> argument (``relation="premise"``), argument -> conclusion
  (``"conclusion"``), attacker -> claim (``"rebut"``), attacker -> argument
  (``"undercut"``), claim -> claim (``"agree"``, an agreement: symmetric, so
  read it both ways; it is not marked ``directed="false"`` because networkx
  refuses undirected edges in a directed graph), claim -> question
  (``"pro"`` or ``"con"``, a stance);
  every edge has a ``basis`` (explicit or inferred);
* a question that some stance answers is a node too (``kind="question"``,
  ``label`` and ``text`` its text);
* node data: ``label`` (Gephi shows it), ``kind`` (claim or argument),
  ``text``, ``quote``, ``speaker``, ``speaker_name``, ``source``,
  ``source_label``, ``central``, ``reported``, ``tags`` (``;``-separated),
  ``context``, and for arguments ``basis`` and ``scheme``.

yEd's own graphics (``y:ShapeNode``, ``y:PolyLineEdge``) are included too, in
the diagram's colours, so the file opens styled in yEd and draw.io: choose
*Layout > Hierarchic* there to place the nodes. Gephi reads the data keys and
ignores the graphics.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from argmap.corpus import RebuttalKind
from argmap.export import palette
from argmap.export.diagram import speaker_swatches
from argmap.export.labels import source_labels, wrap
from argmap.index import Index
from argmap.subset import Subset

_NODE_KEYS = (
    ("label", "string"),
    ("kind", "string"),
    ("text", "string"),
    ("quote", "string"),
    ("speaker", "string"),
    ("speaker_name", "string"),
    ("source", "string"),
    ("source_label", "string"),
    ("central", "boolean"),
    ("reported", "boolean"),
    ("tags", "string"),
    ("context", "boolean"),
    ("basis", "string"),
    ("scheme", "string"),
)
_EDGE_KEYS = (("relation", "string"), ("basis", "string"), ("relation_id", "string"))
_EDGE_KEY_PREFIX = "e_"
"""Edge key ids are ``e_`` + their name (GraphML key ids are document-wide)."""


def _data(key: str, value: str | bool | None) -> str:
    if value is None:
        return ""
    text = ("true" if value else "false") if isinstance(value, bool) else value
    return f'      <data key="{key}">{escape(text)}</data>\n'


def _shape(
    label: str,
    fill: str,
    line: str,
    width: float,
    height: float,
    *,
    shape: str,
    dashed: bool = False,
    dotted: bool = False,
    pen: float = 1.0,
) -> str:
    style = "dashed" if dashed else "dotted" if dotted else "line"
    return (
        '      <data key="ng">\n'
        "        <y:ShapeNode>\n"
        f'          <y:Geometry height="{height:.1f}" width="{width:.1f}" x="0.0" y="0.0"/>\n'
        f'          <y:Fill color="{fill}" transparent="false"/>\n'
        f'          <y:BorderStyle color="{line}" type="{style}" width="{pen:.1f}"/>\n'
        '          <y:NodeLabel alignment="left" autoSizePolicy="content" fontFamily="Arial" '
        f'fontSize="11" modelName="internal" modelPosition="c">{escape(label)}</y:NodeLabel>\n'
        f'          <y:Shape type="{shape}"/>\n'
        "        </y:ShapeNode>\n"
        "      </data>\n"
    )


def _edge_graphics(colour: str, dashed: bool, arrow: str) -> str:
    return (
        '      <data key="eg">\n'
        "        <y:PolyLineEdge>\n"
        f'          <y:LineStyle color="{colour}" type="{"dashed" if dashed else "line"}" '
        'width="1.5"/>\n'
        f'          <y:Arrows source="none" target="{arrow}"/>\n'
        "        </y:PolyLineEdge>\n"
        "      </data>\n"
    )


def export(subset: Subset) -> str:
    """The subset as a GraphML document."""
    corpus = subset.corpus
    index = Index.build(corpus)
    labels = source_labels(corpus)
    swatches = speaker_swatches(subset)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:y="http://www.yworks.com/xml/graphml" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">\n',
    ]
    for name, kind in _NODE_KEYS:
        out.append(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n')
    for name, kind in _EDGE_KEYS:
        # Key ids are unique in the document: "basis" names a node key and an edge key.
        out.append(
            f'  <key id="{_EDGE_KEY_PREFIX}{name}" for="edge" attr.name="{name}" '
            f'attr.type="{kind}"/>\n'
        )
    out.append('  <key id="ng" for="node" yfiles.type="nodegraphics"/>\n')
    out.append('  <key id="eg" for="edge" yfiles.type="edgegraphics"/>\n')
    out.append('  <graph id="argmap" edgedefault="directed">\n')

    for claim in corpus.claims:
        context = claim.id in subset.context
        swatch = swatches[claim.speaker]
        speaker = index.display_name(claim.speaker)
        lines = wrap(claim.text, 36)
        label = "\n".join([*lines, f"— {speaker}, {labels.get(claim.source, claim.source)}"])
        width = max(len(line) for line in label.splitlines()) * 6.2 + 20
        height = (len(lines) + 1) * 15 + 14
        out.append(f"    <node id={quoteattr(claim.id)}>\n")
        out += [
            _data("label", claim.text),
            _data("kind", "claim"),
            _data("text", claim.text),
            _data("quote", claim.quote),
            _data("speaker", claim.speaker),
            _data("speaker_name", speaker),
            _data("source", claim.source),
            _data("source_label", labels.get(claim.source, claim.source)),
            _data("central", claim.central),
            _data("reported", claim.reported),
            _data("tags", ";".join(claim.tags)),
            _data("context", context),
        ]
        out.append(
            _shape(
                label,
                palette.CONTEXT_FILL if context else swatch.fill,
                palette.CONTEXT_LINE if context else swatch.line,
                width,
                height,
                shape="roundrectangle",
                dashed=context or swatch.outline is palette.Outline.DASHED,
                dotted=not context and swatch.outline is palette.Outline.DOTTED,
                pen=3.0 if claim.central else 1.0,
            )
        )
        out.append("    </node>\n")
    for argument in corpus.arguments:
        out.append(f"    <node id={quoteattr(argument.id)}>\n")
        out += [
            _data("label", argument.scheme or argument.id),
            _data("kind", "argument"),
            _data("basis", argument.basis.value),
            _data("scheme", argument.scheme),
        ]
        out.append(
            _shape(
                "",
                palette.SUPPORT,
                palette.SUPPORT,
                12,
                12,
                shape="ellipse",
                dashed=argument.basis.value == "inferred",
            )
        )
        out.append("    </node>\n")

    asked = {q.id for q in corpus.questions if index.stances_on.get(q.id)}
    for question in corpus.questions:
        if question.id not in asked:
            continue
        lines = wrap(question.text, 36)
        out.append(f"    <node id={quoteattr(question.id)}>\n")
        out += [
            _data("label", question.text),
            _data("kind", "question"),
            _data("text", question.text),
            _data("source", question.source),
        ]
        width = max(len(line) for line in lines) * 6.2 + 30
        out.append(
            _shape(
                "\n".join(lines),
                "#FFFFFF",
                palette.INK,
                width,
                len(lines) * 15 + 20,
                shape="hexagon",
                pen=2.0,
            )
        )
        out.append("    </node>\n")

    edge_count = 0

    def edge(tail: str, head: str, relation: str, basis: str, relation_id: str) -> None:
        nonlocal edge_count
        edge_count += 1
        attack = relation in ("rebut", "undercut", "con")
        out.append(
            f'    <edge id="e{edge_count}" source={quoteattr(tail)} target={quoteattr(head)}>\n'
        )
        out.append(_data(_EDGE_KEY_PREFIX + "relation", relation))
        out.append(_data(_EDGE_KEY_PREFIX + "basis", basis))
        out.append(_data(_EDGE_KEY_PREFIX + "relation_id", relation_id))
        colour = (
            palette.AGREE if relation == "agree" else palette.ATTACK if attack else palette.SUPPORT
        )
        arrow = "t_shape" if attack else "standard"
        if relation in ("premise", "agree"):
            arrow = "none"
        out.append(_edge_graphics(colour, basis == "inferred", arrow))
        out.append("    </edge>\n")

    claims = set(index.claims)
    arguments = set(index.arguments)
    for argument in corpus.arguments:
        for premise in dict.fromkeys(argument.premises):
            if premise in claims:
                edge(premise, argument.id, "premise", argument.basis.value, argument.id)
        if argument.conclusion in claims:
            edge(argument.id, argument.conclusion, "conclusion", argument.basis.value, argument.id)
    for rebuttal in corpus.rebuttals:
        if rebuttal.by not in claims or (
            rebuttal.target not in claims and rebuttal.target not in arguments
        ):
            continue
        relation = (
            "undercut"
            if rebuttal.kind is RebuttalKind.UNDERCUT and rebuttal.target in arguments
            else "rebut"
        )
        edge(rebuttal.by, rebuttal.target, relation, rebuttal.basis.value, rebuttal.id)
    for agreement in corpus.agreements:
        first, second = agreement.claims
        if first in claims and second in claims:
            edge(first, second, "agree", agreement.basis.value, agreement.id)
    for stance in corpus.stances:
        if stance.claim in claims and stance.question in asked:
            edge(stance.claim, stance.question, stance.stance.value, stance.basis.value, stance.id)
    out.append("  </graph>\n</graphml>\n")
    return "".join(out)
