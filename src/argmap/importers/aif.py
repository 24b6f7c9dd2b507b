"""AIF JSON (AIFdb, OVA, arguebuf, ``argmap export --format aif``) -> corpus.

How the graph maps (docs/import.md has the table and the reasons):

* an **I-node** becomes a claim with the node's text. Its quote comes from
  the L-node that asserts it (L -> YA -> I): the locution's text minus the
  ``Speaker : `` prefix (and minus an AIFdb analyst tag, as in
  ``Jacky: CLINTON : ...``, or the Araucaria form ``Name says '...'``). A
  locution that only repeats the I-node's text gives no quote. The speaker
  is the locution's participant, else the L-node prefix, else the source's
  fallback person (``--speaker``);
* an **RA-node** becomes an argument: its premises are all its incoming
  I-nodes, its conclusion the I-node it points to; one argument per
  conclusion when it points to several. Its scheme is the node's
  ``scheme`` (or text) unless that is a default inference;
  An RA-node that repeats an argument already written (same premises and
  conclusion, as Araucaria files do) is merged into it and counted as merged;
* a **CA-node** becomes a rebuttal per (attacking I-node, target) pair: a
  rebut when the target is an I-node, an undercut when it is an RA-node;
* an **MA-node** becomes an agreement per (incoming I-node, outgoing
  I-node) pair;
* L-nodes that assert a claim and the YA-nodes between them are used for
  quotes and speakers; TA-nodes, other YA-nodes and other L-nodes are
  dialogue structure that argmap does not keep: they are listed as not
  mapped, with their count, like anything else that has no place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from argmap.importers.common import (
    fallback_speaker,
    person,
    read_json,
    source_entry,
    text_of,
)
from argmap.importers.fragment import Context, Entity, Fragment, ImportFailed
from argmap.importers.naming import SLUG, scheme_slug, slug

SUFFIXES = (".json", ".aif")
PLACEHOLDER_NAMES = {"speaker", "unknown", "anonymous"}
"""L-node prefixes that name nobody: the fallback person is credited instead."""
DEFAULT_CONFLICTS = {"", "ca", "default conflict", "conflict"}
DEFAULT_REPHRASES = {"", "ma", "default rephrase", "rephrase"}

_SPEAKER_PREFIX = re.compile(
    r"^(?:[^:\n]{1,80}?:\s+)?(?P<speaker>[^:\n]{1,80}?)\s+:\s+(?P<quote>.+)$", re.S
)
_SAYS = re.compile(r"^(?P<speaker>\S+(?: \S+){0,3}) says '(?P<quote>.+)'$", re.S)


def sniff(document: Any) -> bool:
    """True when a parsed JSON document looks like AIF (``nodes`` with ``nodeID``)."""
    if not isinstance(document, dict):
        return False
    nodes = document.get("nodes")
    return (
        isinstance(nodes, list)
        and "edges" in document
        and all(isinstance(n, dict) and "nodeID" in n for n in nodes[:5])
    )


def read(path: Path, ctx: Context) -> Fragment:
    """Read and convert one AIF JSON file."""
    return convert(read_json(path), ctx)


def split_locution(text: str) -> tuple[str | None, str]:
    """``"CLINTON : I want ..."`` -> ``("CLINTON", "I want ...")``; no prefix: ``(None, text)``."""
    match = _SPEAKER_PREFIX.match(text) or _SAYS.match(text)
    if match is None:
        return None, text
    speaker = match.group("speaker").strip()
    # Araucaria writes "Speaker says '...'" where it knows no name.
    return (None if speaker.lower() in PLACEHOLDER_NAMES else speaker), match.group("quote").strip()


def _string_id(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str):
        return str(value)
    return None


def convert(document: Any, ctx: Context) -> Fragment:
    """One AIF document as a corpus fragment (pure: no file access)."""
    path = ctx.path
    if not sniff(document):
        raise ImportFailed(
            path,
            "is not AIF JSON: expected an object with 'nodes' (each with a 'nodeID') and 'edges'",
        )
    fragment = Fragment(path, source_entry(ctx))
    nodes: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for position, node in enumerate(document["nodes"]):
        node_id = _string_id(node.get("nodeID")) if isinstance(node, dict) else None
        if node_id is None:
            raise ImportFailed(path, "has no usable nodeID", f"nodes[{position}]")
        if node_id in nodes:
            raise ImportFailed(path, "appears twice; node ids must be unique", f"node {node_id}")
        kind = node.get("type")
        if not isinstance(kind, str) or not kind:
            raise ImportFailed(
                path, "has no type (I, L, RA, CA, MA, YA, TA ...)", f"node {node_id}"
            )
        nodes[node_id] = node
        order.append(node_id)
        fragment.read[f"{kind} node"] += 1
    edges = document.get("edges")
    if not isinstance(edges, list):
        raise ImportFailed(path, "'edges' is not a list")
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for position, edge in enumerate(edges):
        if not isinstance(edge, dict):
            raise ImportFailed(path, "is not an object", f"edges[{position}]")
        label = f"edge {_string_id(edge.get('edgeID')) or f'edges[{position}]'}"
        tail = _string_id(edge.get("fromID"))
        head = _string_id(edge.get("toID"))
        for end, value in (("fromID", tail), ("toID", head)):
            if value is None:
                raise ImportFailed(path, f"has no {end}", label)
            if value not in nodes:
                raise ImportFailed(path, f"{end} {value} names no node of this file", label)
        assert tail is not None and head is not None
        fragment.read[f"{nodes[tail]['type']}→{nodes[head]['type']} edge"] += 1
        outgoing[tail].append(head)
        incoming[head].append(tail)

    locutions = document.get("locutions") or []
    participants = document.get("participants") or []
    names: dict[str, str] = {}
    for entry in participants if isinstance(participants, list) else []:
        if not isinstance(entry, dict):
            continue
        pid = _string_id(entry.get("participantID"))
        name = " ".join(
            part
            for part in (text_of(entry.get("firstname")), text_of(entry.get("surname")))
            if part
        )
        if pid is not None and name:
            names[pid] = name
    fragment.read["participants"] = len(names)
    speaker_of_node: dict[str, str] = {}
    for position, entry in enumerate(locutions if isinstance(locutions, list) else []):
        fragment.read["locutions"] += 1
        if not isinstance(entry, dict):
            continue
        node_id = _string_id(entry.get("nodeID")) or f"locutions[{position}]"
        pid = _string_id(entry.get("personID"))
        if pid is not None and pid in names:
            speaker_of_node.setdefault(node_id, names[pid])
        else:
            fragment.skip(
                node_id,
                "locution",
                "its personID names no entry of 'participants' (AIFdb's user id, not a "
                "speaker): the speaker comes from the L-node text or the fallback",
            )

    # argmap's own export names its entities; keep those ids on the way back.
    names_back: dict[str, str] = {}
    block = document.get("argmap")
    if isinstance(block, dict) and isinstance(block.get("ids"), dict):
        names_back = {
            str(k): v for k, v in block["ids"].items() if isinstance(v, str) and SLUG.match(v)
        }
    people_back: dict[str, str] = {}
    if isinstance(block, dict) and isinstance(block.get("people"), dict):
        people_back = {
            str(k): v for k, v in block["people"].items() if isinstance(v, str) and SLUG.match(v)
        }
    schemes_back: dict[str, str] = {}
    if isinstance(block, dict) and isinstance(block.get("schemes"), dict):
        schemes_back = {
            str(k): v for k, v in block["schemes"].items() if isinstance(v, str) and SLUG.match(v)
        }
    participant_of_person: dict[str, str] = {}
    for entry in participants if isinstance(participants, list) else []:
        if isinstance(entry, dict):
            pid = _string_id(entry.get("participantID"))
            if pid is not None and pid in names and pid in people_back:
                participant_of_person[names[pid]] = people_back[pid]

    def entity_id(node_id: str) -> str:
        return names_back.get(node_id) or f"{ctx.source_id}-{slug(node_id)}"

    kind_of = {node_id: nodes[node_id]["type"] for node_id in order}
    used: set[str] = set()
    fallback: Entity | None = None
    speakers: list[str] = []
    claims: dict[str, str] = {}  # I-node -> claim id

    def credit(name: str) -> str:
        person_id = participant_of_person.get(name)
        entry = person(name) if person_id is None else {"id": person_id, "name": name}
        speaker_id = fragment.person(entry)
        if speaker_id not in speakers:
            speakers.append(speaker_id)
        return speaker_id

    for node_id in order:
        if kind_of[node_id] != "I":
            continue
        node = nodes[node_id]
        text = text_of(node.get("text"))
        if not text:
            fragment.skip(node_id, "I node", "has no text, and a claim needs one")
            continue
        speaker_name: str | None = None
        quote: str | None = None
        others: list[str] = []
        for ya in incoming[node_id]:
            if kind_of[ya] != "YA":
                continue
            for l_node in incoming[ya]:
                if kind_of[l_node] != "L":
                    continue
                said = text_of(nodes[l_node].get("text"))
                prefix, spoken = split_locution(said)
                who = speaker_of_node.get(l_node) or prefix
                if quote is None:
                    used.update((ya, l_node))
                    speaker_name, quote = who, spoken
                    continue
                used.update((ya, l_node))  # listed here, not again as dialogue structure
                fragment.skip(
                    l_node,
                    "L node",
                    "a further locution of an I-node that has one already; the claim's "
                    "note keeps it when it differs from the first",
                )
                if (who, spoken) != (speaker_name, quote):
                    others.append(f"{who} : {spoken}" if who else spoken)
        speaker_name = speaker_name or speaker_of_node.get(node_id)
        if speaker_name:
            speaker_id = credit(speaker_name)
        else:
            if fallback is None:
                fallback = fallback_speaker(ctx, "the AIF file")
            speaker_id = fragment.person(fallback)
            if speaker_id not in speakers:
                speakers.append(speaker_id)
        claim: Entity = {"id": entity_id(node_id), "source": ctx.source_id, "speaker": speaker_id}
        claim["text"] = text
        if quote and quote != text:
            claim["quote"] = quote
        if others:
            claim["note"] = "Also asserted (AIF locution): " + " | ".join(others)
        claims[node_id] = claim["id"]
        fragment.claims.append(claim)

    arguments: dict[str, list[str]] = {}  # RA-node -> argument ids
    written: dict[tuple[str, frozenset[str]], str] = {}  # (conclusion, premises) -> argument id
    for node_id in order:
        if kind_of[node_id] != "RA":
            continue
        node = nodes[node_id]
        premises = list(dict.fromkeys(claims[t] for t in incoming[node_id] if t in claims))
        conclusions = [h for h in dict.fromkeys(outgoing[node_id]) if h in claims]
        for other in incoming[node_id]:
            if other not in claims and kind_of[other] not in ("YA", "CA"):
                fragment.skip(
                    other,
                    f"{kind_of[other]}→RA edge",
                    f"into RA {node_id}: only I-nodes can be premises",
                )
        for other in outgoing[node_id]:
            if other not in claims:
                fragment.skip(
                    other,
                    f"RA→{kind_of[other]} edge",
                    f"from RA {node_id}: only an I-node can be a conclusion",
                )
        if not premises or not conclusions:
            missing = "premise" if not premises else "conclusion"
            fragment.skip(node_id, "RA node", f"has no {missing} I-node, so no argument")
            continue
        scheme = schemes_back.get(node_id) or scheme_slug(
            text_of(node.get("scheme")) or text_of(node.get("text"))
        )
        base = entity_id(node_id)
        ids = []
        for n, conclusion in enumerate(conclusions):
            argument: Entity = {
                "id": base if n == 0 else f"{base}-{n + 1}",
                "conclusion": claims[conclusion],
                "premises": [p for p in premises if p != claims[conclusion]] or premises,
            }
            if scheme:
                argument["scheme"] = scheme
            key = (argument["conclusion"], frozenset(argument["premises"]))
            if key in written:
                # Araucaria repeats an inference as a second RA node: one argument
                # (AM205 would flag the copy); undercuts of either attack that one.
                kept = written[key]
                fragment.merge(node_id, "RA node", kept, "same premises and conclusion")
                if kept not in ids:
                    ids.append(kept)
                continue
            written[key] = argument["id"]
            ids.append(argument["id"])
            fragment.arguments.append(argument)
        arguments[node_id] = ids

    for node_id in order:
        kind = kind_of[node_id]
        if kind not in ("CA", "MA"):
            continue
        node = nodes[node_id]
        scheme = text_of(node.get("scheme")) or text_of(node.get("text"))
        sources = list(dict.fromkeys(t for t in incoming[node_id] if t in claims))
        for other in incoming[node_id]:
            if other not in claims and kind_of[other] != "YA":
                fragment.skip(
                    other,
                    f"{kind_of[other]}→{kind} edge",
                    f"into {kind} {node_id}: only an I-node can "
                    + ("attack" if kind == "CA" else "be rephrased"),
                )
        if kind == "CA":
            targets: list[tuple[str, str]] = []
            for head in dict.fromkeys(outgoing[node_id]):
                if head in claims:
                    targets.append((claims[head], "rebut"))
                elif head in arguments:
                    targets.extend((a, "undercut") for a in arguments[head])
                else:
                    fragment.skip(
                        head,
                        f"CA→{kind_of[head]} edge",
                        f"from CA {node_id}: argmap attacks claims and arguments only",
                    )
            pairs = [(s, t) for s in sources for t in targets if claims[s] != t[0]]
            if not pairs:
                fragment.skip(
                    node_id, "CA node", "has no attacking I-node and target, so no rebuttal"
                )
                continue
            base = entity_id(node_id)
            for n, (attacker, (target, rebuttal_kind)) in enumerate(pairs):
                rebuttal: Entity = {
                    "id": base if n == 0 else f"{base}-{n + 1}",
                    "by": claims[attacker],
                    "target": target,
                    "kind": rebuttal_kind,
                }
                if scheme.lower() not in DEFAULT_CONFLICTS:
                    rebuttal["note"] = f"AIF conflict scheme: {scheme}"
                fragment.rebuttals.append(rebuttal)
        else:
            rephrased = [h for h in dict.fromkeys(outgoing[node_id]) if h in claims]
            for head in outgoing[node_id]:
                if head not in claims:
                    fragment.skip(
                        head,
                        f"MA→{kind_of[head]} edge",
                        f"from MA {node_id}: only I-nodes agree",
                    )
            links = [(s, t) for s in sources for t in rephrased if claims[s] != claims[t]]
            if not links:
                fragment.skip(node_id, "MA node", "does not join two different I-nodes")
                continue
            base = entity_id(node_id)
            for n, (first, second) in enumerate(links):
                agreement: Entity = {
                    "id": base if n == 0 else f"{base}-{n + 1}",
                    "claims": [claims[first], claims[second]],
                    "basis": "explicit",
                }
                if scheme.lower() not in DEFAULT_REPHRASES:
                    agreement["note"] = f"AIF rephrase scheme: {scheme}"
                fragment.agreements.append(agreement)

    for node_id in order:
        kind = kind_of[node_id]
        if kind in ("I", "RA", "CA", "MA") or node_id in used:
            continue
        if kind in ("TA", "YA"):
            reason = "dialogue structure (transitions and illocutions) is not kept"
        elif kind == "L":
            reason = "a locution that asserts no I-node (it anchors dialogue structure)"
        else:
            reason = f"argmap has no counterpart of {kind}-nodes"
        fragment.skip(node_id, f"{kind} node", reason)
    fragment.source["authors"] = speakers or [
        fragment.person(fallback or fallback_speaker(ctx, "the AIF file"))
    ]
    return fragment
