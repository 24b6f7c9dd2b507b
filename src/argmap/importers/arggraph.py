"""arggraph XML (the arg-microtexts corpus) -> corpus.

How the graph maps (docs/import.md has the table and the reasons):

* EDUs join into ADUs through ``seg`` edges (directly or through a
  ``joint``); each ADU becomes a claim whose text and quote are its EDUs'
  text (EDUs that are not adjacent are joined with `` … ``, an elision);
* proponent ADUs are the author's; opponent ADUs go to the group
  "Objection voiced by the author of <text>" (its one member is the
  author, so the claims are not ``reported``), so that
  the rebuttals stay between two speakers;
* ``sup`` and ``exa`` edges become arguments (``exa`` with the scheme
  ``argument-from-example``); an ``add`` edge into one of them adds its
  source as a linked premise;
* ``reb`` becomes a rebut, ``und`` an undercut of the argument whose edge it
  attacks. An ``add`` edge into an attack adds a rebuttal by that premise
  too (argmap's rebuttals have one attacker each; the note says they are
  linked). An ``und`` on an attack edge has no counterpart in argmap (it
  undercuts arguments only): it is listed as not mapped and noted on the
  attacking claim;
* the root's ``topic_id`` becomes a question and its ``stance`` the stance
  of the central claim (the proponent ADU that supports or attacks
  nothing), which is marked ``central``;
* the ``.txt`` file beside the XML is the source's text (``text`` and
  ``text_sha256``), so ``argmap check --texts DIR`` verifies every quote.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from xml.parsers import expat

from argmap.importers import safe_xml
from argmap.importers.common import read_bytes, source_entry, text_of
from argmap.importers.fragment import Context, Entity, Fragment, ImportFailed
from argmap.importers.naming import slug

SUFFIXES = (".xml",)
EDGE_TYPES = ("seg", "sup", "exa", "add", "reb", "und")
ELISION = " … "


def sniff(head: bytes) -> bool:
    """True when the start of an XML file shows an ``<arggraph`` root."""
    return b"<arggraph" in head[:4096]


def parse(path: Path, data: bytes) -> ET.Element:
    """Parse arggraph XML safely, with the line of a syntax error."""
    try:
        root = safe_xml.parse(data)
    except safe_xml.UnsafeXml as err:
        raise ImportFailed(path, str(err)) from None
    except expat.ExpatError as err:
        raise ImportFailed(
            path,
            f"line {err.lineno} column {err.offset + 1}: not well-formed XML "
            f"({expat.ErrorString(err.code)})",
        ) from None
    if root.tag != "arggraph":
        raise ImportFailed(path, f"is not arggraph XML: the root element is <{root.tag}>")
    return root


def read(path: Path, ctx: Context) -> Fragment:
    """Read and convert one arggraph file, with the text file beside it."""
    root = parse(path, read_bytes(path))
    text_path = path.with_suffix(".txt")
    text = read_bytes(text_path) if text_path.is_file() else None
    return convert(root, ctx, text, text_path.name)


def convert(
    root: ET.Element, ctx: Context, text: bytes | None = None, text_name: str | None = None
) -> Fragment:
    """One arggraph document as a corpus fragment (pure: no file access)."""
    path = ctx.path
    src = ctx.source_id
    extra: dict[str, str] = {}
    if text is not None and text_name:
        extra = {"text": text_name, "text_sha256": hashlib.sha256(text).hexdigest()}
    title = root.get("id") or path.stem
    fragment = Fragment(path, source_entry(ctx, title, **extra), text=text)
    kinds: dict[str, str] = {}
    edus: dict[str, tuple[int, str]] = {}
    adu_roles: dict[str, str] = {}
    edges: dict[str, tuple[str, str, str]] = {}
    edge_order: list[str] = []
    for element in root:
        element_id = element.get("id")
        tag = element.tag
        fragment.read[f"{tag} element"] += 1
        if tag not in ("edu", "joint", "adu", "edge"):
            fragment.skip(element_id or tag, f"<{tag}> element", "not part of the arggraph format")
            continue
        if not element_id:
            raise ImportFailed(path, f"a <{tag}> element has no id")
        if element_id in kinds:
            raise ImportFailed(path, "is used twice; ids must be unique", element_id)
        kinds[element_id] = tag
        if tag == "edu":
            edus[element_id] = (len(edus), text_of(element.text))
        elif tag == "adu":
            adu_roles[element_id] = element.get("type", "")
        elif tag == "edge":
            edge_type = element.get("type", "")
            if edge_type not in EDGE_TYPES:
                raise ImportFailed(
                    path,
                    f"has type {edge_type!r}; expected one of {', '.join(EDGE_TYPES)}",
                    element_id,
                )
            edges[element_id] = (element.get("src", ""), element.get("trg", ""), edge_type)
            edge_order.append(element_id)
            fragment.read[f"{edge_type} edge"] += 1
    for edge_id, (tail, head, _) in edges.items():
        for end, value in (("src", tail), ("trg", head)):
            if value not in kinds:
                raise ImportFailed(path, f"{end} {value!r} names no element of this file", edge_id)

    # Segmentation: EDU -> ADU, EDU -> joint -> ADU.
    parts: dict[str, list[str]] = defaultdict(list)
    for edge_id in edge_order:
        tail, head, edge_type = edges[edge_id]
        if edge_type == "seg":
            parts[head].append(tail)

    def edus_of(element_id: str, depth: int = 0) -> list[str]:
        if kinds.get(element_id) == "edu":
            return [element_id]
        if depth > 10:
            return []
        return [e for part in parts.get(element_id, []) for e in edus_of(part, depth + 1)]

    author: Entity = {"id": f"{src}-author", "name": f"Author of {title}"}
    if ctx.speaker:
        author = {"id": slug(ctx.speaker, fallback="speaker"), "name": ctx.speaker}
    objection: Entity = {
        "id": f"{author['id']}-objection" if ctx.speaker else f"{src}-objection",
        "name": "Objection voiced by "
        + (author["name"] if ctx.speaker else f"the author of {title}"),
        "kind": "group",
        "description": "The opponent's voice that the author raises in order to answer it "
        "(arggraph's opponent ADUs).",
        "members": [author["id"]],
    }
    claims: dict[str, Entity] = {}
    for adu_id, role in adu_roles.items():
        pieces = sorted(dict.fromkeys(edus_of(adu_id)), key=lambda e: edus[e][0])
        if not pieces or not any(edus[e][1] for e in pieces):
            fragment.skip(adu_id, "adu", "no EDU gives it text (no seg edge)")
            continue
        joined = edus[pieces[0]][1]
        quote = joined
        for before, after in pairwise(pieces):
            joined += " " + edus[after][1]
            quote += (" " if edus[after][0] == edus[before][0] + 1 else ELISION) + edus[after][1]
        opponent = role == "opp"
        if role not in ("pro", "opp"):
            fragment.skip(adu_id, "adu type", f"type {role!r} is neither pro nor opp; taken as pro")
        speaker = fragment.person(objection if opponent else author)
        claim: Entity = {"id": f"{src}-{slug(adu_id)}", "source": src, "speaker": speaker}
        claim["text"] = joined
        claim["quote"] = quote
        claims[adu_id] = claim
        fragment.claims.append(claim)
    fragment.person(author)
    fragment.source["authors"] = [author["id"]]
    for edu_id in edus:
        if not any(edu_id in edus_of(adu) for adu in claims):
            fragment.skip(edu_id, "edu", "is part of no ADU (not argumentative)")

    added: dict[str, list[str]] = defaultdict(list)  # edge id -> linked premises
    for edge_id in edge_order:
        tail, head, edge_type = edges[edge_id]
        if edge_type == "add":
            if kinds[head] != "edge" or tail not in claims:
                fragment.skip(edge_id, "add edge", "links no ADU into an edge")
            else:
                added[head].append(tail)

    arguments: dict[str, str] = {}  # sup/exa edge -> argument id
    has_out: set[str] = set()
    for edge_id in edge_order:
        tail, head, edge_type = edges[edge_id]
        if edge_type in ("sup", "exa", "reb", "und", "add"):
            has_out.add(tail)
        if edge_type not in ("sup", "exa"):
            continue
        if tail not in claims or head not in claims:
            fragment.skip(edge_id, f"{edge_type} edge", "does not join two ADUs")
            continue
        premises = [claims[tail]["id"]] + [claims[a]["id"] for a in added[edge_id] if a in claims]
        argument: Entity = {
            "id": f"{src}-{slug(edge_id)}",
            "conclusion": claims[head]["id"],
            "premises": list(dict.fromkeys(premises)),
        }
        if edge_type == "exa":
            argument["scheme"] = "argument-from-example"
        arguments[edge_id] = argument["id"]
        fragment.arguments.append(argument)

    for edge_id in edge_order:
        tail, head, edge_type = edges[edge_id]
        if edge_type not in ("reb", "und") or tail not in claims:
            if edge_type in ("reb", "und"):
                fragment.skip(edge_id, f"{edge_type} edge", "its source is not an ADU")
            continue
        if edge_type == "reb":
            if head not in claims:
                fragment.skip(edge_id, "reb edge", f"attacks {head}, which is not an ADU")
                continue
            target, kind = claims[head]["id"], "rebut"
        elif head in arguments:
            target, kind = arguments[head], "undercut"
        else:
            attacked = edges.get(head)
            what = (
                f"the {attacked[2]} edge {head} ({attacked[0]} → {attacked[1]})"
                if attacked
                else head
            )
            fragment.skip(
                edge_id,
                "und edge",
                "undercuts an attack; argmap's undercuts attack arguments only",
            )
            for attacker in [tail, *added[edge_id]]:
                holder = claims.get(attacker)
                if holder is not None:
                    note = (
                        f"In the arggraph, {attacker} undercuts {what}: "
                        "argmap has no attack on an attack."
                    )
                    holder["note"] = f"{holder['note']} {note}" if "note" in holder else note
            continue
        attackers = [tail, *(a for a in added[edge_id] if a in claims)]
        for n, attacker in enumerate(attackers):
            rebuttal: Entity = {
                "id": f"{src}-{slug(edge_id)}" + ("" if n == 0 else f"-{n + 1}"),
                "by": claims[attacker]["id"],
                "target": target,
                "kind": kind,
            }
            if len(attackers) > 1:
                others = ", ".join(claims[a]["id"] for a in attackers if a != attacker)
                rebuttal["note"] = f"Linked attack (arggraph add edge): together with {others}."
            fragment.rebuttals.append(rebuttal)

    roots = [a for a in claims if a not in has_out and adu_roles[a] != "opp"]
    topic = root.get("topic_id")
    stance = root.get("stance")
    if len(roots) == 1:
        claims[roots[0]]["central"] = True
    if topic:
        question_id = f"topic-{slug(topic)}"
        words = topic.replace("_", " ").strip()
        fragment.questions.append(
            {
                "id": question_id,
                "text": words[:1].upper() + words[1:],
                "note": f"arg-microtexts topic_id {topic}; "
                "the corpus README gives the question in full.",
            }
        )
        if stance in ("pro", "con") and len(roots) == 1:
            fragment.stances.append(
                {
                    "id": f"{src}-stance",
                    "question": question_id,
                    "claim": claims[roots[0]]["id"],
                    "stance": stance,
                    "basis": "explicit",
                }
            )
        else:
            why = (
                f"stance {stance!r} is neither pro nor con"
                if stance not in ("pro", "con")
                else f"the text has {len(roots)} central claims, not one"
            )
            fragment.skip(title, "stance attribute", why)
    elif stance:
        fragment.skip(title, "stance attribute", "the text names no topic_id to take a stance on")
    return fragment
