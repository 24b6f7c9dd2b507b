"""``argmap export --format aif``: AIFdb-style AIF JSON, for OVA, AIFdb and arguebuf.

The Argument Interchange Format's graph, in the JSON that AIFdb serves::

    {"nodes": [{"nodeID", "text", "type", "timestamp"[, "scheme"]}],
     "edges": [{"edgeID", "fromID", "toID", "formEdgeID": null}],
     "locutions": [{"nodeID", "personID", "timestamp", "start", "end", "source"}],
     "participants": [{"participantID", "firstname", "surname"}]}

How argmap's corpus maps onto it:

* each claim is an **I-node** (its text), asserted by an **L-node** (the
  locution: ``"Speaker : quote"``, the verbatim quote where there is one)
  through a **YA-node** ("Asserting"): L -> YA -> I. The L-node has a
  ``locutions`` entry naming its speaker, who is a ``participants`` entry;
* each argument is an **RA-node** (inference): premise I-nodes -> RA ->
  conclusion I-node. Its text is the scheme under the name AIFdb and
  arguebuf use ("Example", "Practical Reasoning", "Expert Opinion"), or
  "Default Inference";
* each rebuttal is a **CA-node** (conflict, "Default Conflict"): attacking
  I-node -> CA -> attacked I-node; an undercut's CA points at the RA-node;
* each agreement is an **MA-node** (rephrase, "Default Rephrase"): one
  claim's I-node -> MA -> the other's, in the order the agreement lists them
  (AIF's MA is directed; argmap's agreement is not);
* questions and stances are **not exported**: AIF has no node type for a
  question, and a stance is no inference, conflict or rephrase between
  I-nodes. Use the JSON or CSV export for them.

IDs are numbers as strings ("1", "2", ...), in corpus order, as AIFdb has
them; the top-level ``argmap`` object maps them back to argmap's ids
(``ids``: node -> entity, ``people``: participant -> person, ``schemes``:
RA-node -> scheme slug), so that ``argmap import`` gives back the same corpus.
Timestamps carry the source's date (``2017-04`` becomes
``2017-04-01 00:00:00``: AIF has no coarser precision), empty when the source
is undated. Dangling references are left out, so every edge's ends exist.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.corpus import Person, PersonKind
from argmap.export.labels import split_name
from argmap.index import Index
from argmap.subset import Subset

NODE_TYPES = frozenset({"I", "L", "RA", "CA", "MA", "PA", "TA", "YA"})
"""The AIF (with IAT's dialogical extension) node types; argmap writes I, L, YA, RA, CA, MA."""


def timestamp(date: str | None) -> str:
    """An AIF timestamp from a corpus date (``YYYY[-MM[-DD]]``), or ``""``."""
    if not date:
        return ""
    parts = date.split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else "01"
    day = parts[2] if len(parts) > 2 else "01"
    return f"{year}-{month}-{day} 00:00:00"


_SCHEME_PREFIXES = ("argument-from-", "argument-by-", "argument-to-", "from-")

AIFDB_SCHEMES: dict[str, str] = {
    "two-person-practical-reasoning": "Two Person Practical Reasoning",
    "value-based-practical-reasoning": "Value Based Practical Reasoning",
    "authority": "Authority",
    "expert-opinion": "Expert Opinion",
    "position-to-know": "Position To Know",
    "cause-to-effect": "Cause To Effect",
    "correlation-to-cause": "Correlation To Cause",
    "evidence-to-hypothesis": "Evidence To Hypothesis",
    "definition": "Definitional",
}
"""Walton scheme slugs whose AIFdb name is not their words title-cased."""


def scheme_text(scheme: str | None) -> str:
    """A Walton scheme slug as AIFdb names the scheme, and arguebuf reads it.

    AIFdb (and arguebuf's table of its names) drops "argument from": the
    corpus's ``argument-from-example`` is "Example", ``practical-reasoning`` is
    "Practical Reasoning", ``argument-from-expert-opinion`` "Expert Opinion".
    No scheme is "Default Inference".
    """
    if not scheme:
        return "Default Inference"
    slug = "-".join(w for w in scheme.replace("_", "-").replace(" ", "-").lower().split("-") if w)
    for prefix in _SCHEME_PREFIXES:
        if slug.startswith(prefix) and len(slug) > len(prefix):
            slug = slug[len(prefix) :]
            break
    if slug in AIFDB_SCHEMES:
        return AIFDB_SCHEMES[slug]
    return " ".join(word.capitalize() for word in slug.split("-"))


def document(subset: Subset) -> dict[str, Any]:
    """The subset as an AIF graph (plain data)."""
    corpus = subset.corpus
    index = Index.build(corpus)
    dates = {s.id: timestamp(s.date) for s in corpus.sources}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    person_ids: dict[str, str] = {}
    i_nodes: dict[str, str] = {}
    ra_nodes: dict[str, str] = {}
    names: dict[str, str] = {}
    schemes: dict[str, str] = {}

    def node(kind: str, text: str, when: str, **extra: str) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": when, **extra})
        return node_id

    def edge(tail: str, head: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": tail, "toID": head, "formEdgeID": None}
        )

    def participant(person_id: str) -> str:
        if person_id not in person_ids:
            person = index.people.get(person_id) or Person(
                id=person_id, name=person_id, kind=PersonKind.PERSON
            )
            first, last = split_name(person)
            person_ids[person_id] = str(len(participants) + 1)
            participants.append(
                {"participantID": person_ids[person_id], "firstname": first, "surname": last}
            )
        return person_ids[person_id]

    for claim in corpus.claims:
        when = dates.get(claim.source, "")
        speaker = index.display_name(claim.speaker)
        i_node = node("I", claim.text, when)
        i_nodes[claim.id] = i_node
        names[i_node] = claim.id
        l_node = node("L", f"{speaker} : {claim.quote or claim.text}", when)
        ya_node = node("YA", "Asserting", when, scheme="Asserting")
        edge(l_node, ya_node)
        edge(ya_node, i_node)
        source = index.sources.get(claim.source)
        locutions.append(
            {
                "nodeID": l_node,
                "personID": participant(claim.speaker),
                "timestamp": when,
                "start": None,
                "end": None,
                "source": (source.url or source.title) if source else "",
            }
        )
    for argument in corpus.arguments:
        premises = [i_nodes[p] for p in dict.fromkeys(argument.premises) if p in i_nodes]
        if argument.conclusion not in i_nodes or not premises:
            continue
        text = scheme_text(argument.scheme)
        conclusion = index.claims[argument.conclusion]
        ra = node("RA", text, dates.get(conclusion.source, ""), scheme=text)
        ra_nodes[argument.id] = ra
        names[ra] = argument.id
        if argument.scheme:
            schemes[ra] = argument.scheme
        for premise in premises:
            edge(premise, ra)
        edge(ra, i_nodes[argument.conclusion])
    for rebuttal in corpus.rebuttals:
        target = i_nodes.get(rebuttal.target) or ra_nodes.get(rebuttal.target)
        if rebuttal.by not in i_nodes or target is None:
            continue
        attacker = index.claims[rebuttal.by]
        ca = node(
            "CA", "Default Conflict", dates.get(attacker.source, ""), scheme="Default Conflict"
        )
        names[ca] = rebuttal.id
        edge(i_nodes[rebuttal.by], ca)
        edge(ca, target)
    for agreement in corpus.agreements:
        first, second = agreement.claims
        if first not in i_nodes or second not in i_nodes:
            continue
        ma = node(
            "MA",
            "Default Rephrase",
            dates.get(index.claims[first].source, ""),
            scheme="Default Rephrase",
        )
        names[ma] = agreement.id
        edge(i_nodes[first], ma)
        edge(ma, i_nodes[second])
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
        "argmap": {
            "version": 1,
            "ids": names,
            "people": {number: person for person, number in person_ids.items()},
            "schemes": schemes,
        },
    }


def export(subset: Subset) -> str:
    """The subset as AIF JSON (two-space indent, newline-terminated)."""
    return json.dumps(document(subset), indent=2, ensure_ascii=False) + "\n"
