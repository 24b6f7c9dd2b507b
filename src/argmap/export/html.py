"""``argmap diagram --format html``: one self-contained page to explore a map offline.

The page holds, inline, the SVG that Graphviz laid out for the same view, the
stylesheet and the script (``assets/map.css`` and ``assets/map.js``, package
data), and the claims' data as JSON. It fetches nothing: no CDN, no web font,
no request at all, so it works from ``file://``, in a mail, or beside a paper.

What the SVG gets here, for the script and for other tools:

* every claim's group carries ``data-id="<claim id>"`` and ``data-speaker``;
* every relation's group carries ``data-relation="<relation id>"``,
  ``data-kind`` (``support``, ``attack``, ``agree``, ``stance``) and
  ``data-inferred``; its ``id`` is ``rel:<relation id>`` (``~2``, ``~3`` for a
  relation drawn as several lines).

**Escaping.** All corpus text reaches the page in one of three ways, each
escaped for where it lands: in the SVG, as Graphviz writes it (XML-escaped;
argmap adds only ids and ``data-`` attributes, themselves escaped); in the
JSON, inside ``<script type="application/json">``, with ``<``, ``>``, ``&``
and the line separators written as ``\\uXXXX`` so that no ``</script>`` can
close it; and in the page's title and legend, HTML-escaped. The script puts
text into the page with ``textContent`` only, never as HTML.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

from argmap.export.diagram import Diagram, LinkKind
from argmap.export.labels import clean
from argmap.index import Index
from argmap.subset import Subset

_KIND_FAMILY = {
    LinkKind.SUPPORT: "support",
    LinkKind.PREMISE: "support",
    LinkKind.INFERENCE: "support",
    LinkKind.REBUT: "attack",
    LinkKind.UNDERCUT: "attack",
    LinkKind.AGREE: "agree",
    LinkKind.PRO: "stance",
    LinkKind.CON: "stance",
}

_TOGGLES = (
    ("support", "supports"),
    ("attack", "attacks"),
    ("agree", "agreements"),
    ("stance", "stances"),
    ("inferred", "inferred"),
)


def asset(name: str) -> str:
    """A static asset shipped with argmap (``assets/NAME``)."""
    return (resources.files("argmap.export") / "assets" / name).read_text(encoding="utf-8")


def compact(source: str) -> str:
    """A stylesheet or script without its indentation, blank lines and whole-line comments.

    The assets are written to be read; the page carries them ~20% smaller. Only whole
    lines go (a ``//`` line, or a ``/* ... */`` block that a line starts and another,
    or the same, ends), so no code and no string is touched.
    """
    kept: list[str] = []
    in_comment = False
    for line in source.splitlines():
        text = line.strip()
        if in_comment:
            in_comment = not text.endswith("*/")
            if in_comment and "*/" in text:
                raise ValueError(f"code after a comment ends: {text!r}")
            continue
        if not text or text.startswith("//"):
            continue
        if text.startswith("/*") and ("*/" not in text or text.endswith("*/")):
            in_comment = "*/" not in text
            continue
        kept.append(text)
    return "\n".join(kept) + "\n"


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: it cannot close it or start markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def _claim_data(subset: Subset, diagram: Diagram) -> dict[str, Any]:
    index = Index.build(subset.corpus)
    drawn = {box.id for box in diagram.claims}
    from argmap.export.status import MARKS

    semantics = next((k.split(":", 1)[1] for k in diagram.shown if k.startswith("semantics:")), "")
    status = {
        box.id: MARKS[box.status].caption + (f" under {semantics} semantics" if semantics else "")
        for box in diagram.claims
        if box.status and box.status in MARKS
    }
    claims: dict[str, Any] = {}

    def other(claim_id: str, kind: str, relation: str, inferred: bool) -> dict[str, Any]:
        claim = index.claims.get(claim_id)
        question = index.questions.get(claim_id)
        if claim is not None:
            text, speaker = claim.text, clean(index.display_name(claim.speaker))
        elif question is not None:
            text, speaker = question.text, ""
        else:
            argument = index.arguments.get(claim_id)
            text = (
                f"the argument for “{index.claims[argument.conclusion].text}”"
                if (argument is not None and argument.conclusion in index.claims)
                else claim_id
            )
            speaker = ""
            claim_id = argument.conclusion if argument is not None else claim_id
        entry: dict[str, Any] = {
            "kind": kind,
            "other": claim_id,
            "relation": relation,
            "inferred": inferred,
            "drawn": claim_id in drawn,
        }
        if claim_id not in drawn:  # a drawn claim's text is in its own entry
            entry.update(text=text, speaker_name=speaker)
        return entry

    for claim in subset.corpus.claims:
        if claim.id not in drawn:
            continue
        source = index.sources.get(claim.source)
        relations: list[dict[str, Any]] = []
        for argument in index.arguments_for.get(claim.id, []):
            inferred = argument.basis.value == "inferred"
            relations += [
                other(p, "supported by", argument.id, inferred)
                for p in dict.fromkeys(argument.premises)
            ]
        for argument in index.premise_in.get(claim.id, []):
            inferred = argument.basis.value == "inferred"
            relations.append(other(argument.conclusion, "supports", argument.id, inferred))
        for rebuttal in index.attacks_on.get(claim.id, []):
            inferred = rebuttal.basis.value == "inferred"
            relations.append(other(rebuttal.by, "attacked by", rebuttal.id, inferred))
        for argument in index.arguments_for.get(claim.id, []):
            for rebuttal in index.attacks_on.get(argument.id, []):
                inferred = rebuttal.basis.value == "inferred"
                relations.append(
                    other(rebuttal.by, "its support undercut by", rebuttal.id, inferred)
                )
        for rebuttal in index.attacks_by.get(claim.id, []):
            inferred = rebuttal.basis.value == "inferred"
            relations.append(other(rebuttal.target, "attacks", rebuttal.id, inferred))
        for agreement in index.agreements_of.get(claim.id, []):
            inferred = agreement.basis.value == "inferred"
            partner = index.agreeing_with(agreement, claim.id)
            relations.append(other(partner, "agrees with", agreement.id, inferred))
        for stance in index.stances_of.get(claim.id, []):
            inferred = stance.basis.value == "inferred"
            relations.append(
                other(stance.question, f"{stance.stance.value} on", stance.id, inferred)
            )
        claims[claim.id] = {
            "id": claim.id,
            "text": claim.text,
            "speaker": claim.speaker,
            "speaker_name": clean(index.display_name(claim.speaker)),
            "central": claim.central,
            "quote": claim.quote,
            "status": status.get(claim.id),
            "source": {
                "title": source.title if source else claim.source,
                "outlet": source.outlet if source else None,
                "date": source.date if source else None,
            },
            "relations": relations,
        }
    return {"claims": claims}


_NODE_GROUP = re.compile(rb'<g id="([^"]*)" class="(node|edge)"')
_COMMENT = re.compile(rb"<!--.*?-->\n?", re.S)
_TITLE = re.compile(rb"<title>[^<]*</title>\n?")


def annotate_svg(svg: bytes, diagram: Diagram) -> bytes:
    """Graphviz's SVG with ``data-`` attributes on claims and relations."""
    speakers = {box.id: box.speaker for box in diagram.claims}
    kinds: dict[str, tuple[str, bool]] = {}
    for link in diagram.links:
        kinds.setdefault(link.relation, (_KIND_FAMILY[link.kind], link.inferred))

    def add(found: re.Match[bytes]) -> bytes:
        raw_id, kind = found.group(1), found.group(2)
        element_id = html.unescape(raw_id.decode("utf-8"))
        extra = ""
        if kind == b"node" and element_id in speakers:
            extra = (
                f' data-id="{html.escape(element_id)}"'
                f' data-speaker="{html.escape(speakers[element_id])}"'
            )
        elif kind == b"edge" and element_id.startswith("rel:"):
            relation = element_id[4:].split("~", 1)[0]
            family, inferred = kinds.get(relation, ("support", False))
            extra = (
                f' data-relation="{html.escape(relation)}" data-kind="{family}"'
                f' data-inferred="{"true" if inferred else "false"}"'
            )
        return found.group(0) + extra.encode("utf-8")

    body = _NODE_GROUP.sub(add, svg)
    # Comments and <title>s only repeat ids and names the page's data has.
    body = _COMMENT.sub(b"", body)
    body = _TITLE.sub(b"", body)
    start = body.find(b"<svg")
    return body[start:] if start >= 0 else body


def to_html(svg: bytes, diagram: Diagram, subset: Subset) -> str:
    """The page: the laid-out SVG, the claims' data, the stylesheet and the script."""
    data = _claim_data(subset, diagram)
    title = diagram.title or "argmap"
    speakers: dict[str, tuple[str, str, str, int]] = {}
    for box in diagram.claims:
        name, fill, line, n = speakers.get(
            box.speaker, (box.speaker_name, box.swatch.fill, box.swatch.line, 0)
        )
        speakers[box.speaker] = (name, fill, line, n + 1)
    legend = "".join(
        f'<button type="button" class="speaker" data-speaker="{html.escape(sid)}" '
        f'aria-pressed="false" style="background:{fill};border-color:{line}">'
        f"{html.escape(name)}</button>"
        for sid, (name, fill, line, _) in speakers.items()
    )
    # Many speakers fold away, so that the map keeps the screen.
    speakers_block = (
        legend
        if len(speakers) <= 8
        else f"<details><summary>Speakers ({len(speakers)})</summary>{legend}</details>"
    )
    families = {_KIND_FAMILY[link.kind] for link in diagram.links}
    if any(link.inferred for link in diagram.links):
        families.add("inferred")
    toggles = "".join(
        f'<label><input type="checkbox" checked data-kind="{kind}"> {label}</label>'
        for kind, label in _TOGGLES
        if kind in families
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{compact(asset('map.css'))}</style>\n</head>\n<body>\n"
        "<header>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        '<input id="search" type="search" placeholder="Search text, id or speaker" '
        'aria-label="Search claims">\n<span id="count" aria-live="polite"></span>\n'
        '<button id="zoom-out" type="button" aria-label="Zoom out">&minus;</button>'
        '<button id="zoom-in" type="button" aria-label="Zoom in">+</button>'
        '<button id="fit" type="button" title="Show the whole map (0)">fit</button>\n'
        f'<div id="legend">{speakers_block}{toggles}</div>\n'
        "</header>\n"
        '<main id="viewport">\n' + annotate_svg(svg, diagram).decode("utf-8") + "\n</main>\n"
        '<aside id="panel" hidden aria-live="polite"></aside>\n'
        f'<script id="argmap-data" type="application/json">{script_json(data)}</script>\n'
        f"<script>\n{compact(asset('map.js'))}</script>\n"
        "</body>\n</html>\n"
    )
