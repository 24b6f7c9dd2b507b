"""``argmap export --format json``: the resolved corpus, for jq and scripts.

The shape (documented in docs/export.md, version 1)::

    {"format": "argmap-export", "version": 1,
     "selection": {...} | null,           # the filters used, or null for all
     "tags": [{id, description}],
     "people": [{id, name, kind, affiliation, description, members, groups}],
     "sources": [{id, label, title, outlet, authors, editors, date, url}],
     "claims": [{id, text, quote, speaker, speaker_name, source, source_label,
                 reported, central, tags, note, context,
                 supported_by, supports, attacked_by, attacks}],
     "arguments": [{id, conclusion, premises, linked, basis, scheme, note,
                    speaker, undercut_by}],
     "rebuttals": [{id, kind, by, target, target_type, basis, note,
                    by_speaker, target_speaker}],
     "agreements": [{id, claims, basis, note, speakers}],
     "questions": [{id, text, source, posed_by, note, stances}],
     "stances": [{id, question, claim, stance, basis, note, speaker}]}

References are ids; the ``*_name``/``*_label``/``*_speaker`` fields repeat
what the ids point to, and the ``supports``/``supported_by``/``attacks``/
``attacked_by`` lists give every claim its relations both ways, so that
a question needs one jq filter instead of a join.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.export.labels import source_labels
from argmap.index import Index
from argmap.subset import Subset

FORMAT_VERSION = 1


def document(subset: Subset) -> dict[str, Any]:
    """The export as plain data (what :func:`export` writes as JSON)."""
    corpus = subset.corpus
    index = Index.build(corpus)
    labels = source_labels(corpus)
    selection = subset.selection
    chosen: dict[str, Any] | None = None
    if selection.filtered:
        chosen = {
            "sources": list(selection.sources),
            "speakers": list(selection.speakers),
            "tags": list(selection.tags),
            "focus": selection.focus,
            "depth": selection.depth if selection.focus else None,
            "relations": selection.relations.value,
            "context": selection.context,
        }
    return {
        "format": "argmap-export",
        "version": FORMAT_VERSION,
        "selection": chosen,
        "tags": [{"id": t.id, "description": t.description} for t in corpus.tags],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind.value,
                "affiliation": p.affiliation,
                "description": p.description,
                "members": list(p.members),
                "groups": [g.id for g in index.groups_of.get(p.id, [])],
            }
            for p in corpus.people
        ],
        "sources": [
            {
                "id": s.id,
                "label": labels[s.id],
                "title": s.title,
                "outlet": s.outlet,
                "authors": list(s.authors),
                "editors": list(s.editors),
                "date": s.date,
                "url": s.url,
            }
            for s in corpus.sources
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "quote": c.quote,
                "speaker": c.speaker,
                "speaker_name": index.display_name(c.speaker),
                "source": c.source,
                "source_label": labels.get(c.source, c.source),
                "reported": c.reported,
                "central": c.central,
                "tags": list(c.tags),
                "note": c.note,
                "context": c.id in subset.context,
                "supported_by": [a.id for a in index.arguments_for.get(c.id, [])],
                "supports": [a.id for a in index.premise_in.get(c.id, [])],
                "attacked_by": [r.id for r in index.attacks_on.get(c.id, [])],
                "attacks": [r.id for r in index.attacks_by.get(c.id, [])],
                "agreements": [a.id for a in index.agreements_of.get(c.id, [])],
                "stances": [s.id for s in index.stances_of.get(c.id, [])],
            }
            for c in corpus.claims
        ],
        "arguments": [
            {
                "id": a.id,
                "conclusion": a.conclusion,
                "premises": list(a.premises),
                "linked": len(set(a.premises)) > 1,
                "basis": a.basis.value,
                "scheme": a.scheme,
                "note": a.note,
                "speaker": index.speaker_of(a.conclusion),
                "undercut_by": [r.id for r in index.attacks_on.get(a.id, [])],
            }
            for a in corpus.arguments
        ],
        "rebuttals": [
            {
                "id": r.id,
                "kind": r.kind.value,
                "by": r.by,
                "target": r.target,
                "target_type": "argument" if r.target in index.arguments else "claim",
                "basis": r.basis.value,
                "note": r.note,
                "by_speaker": index.speaker_of(r.by),
                "target_speaker": index.target_speaker(r),
            }
            for r in corpus.rebuttals
        ],
        "agreements": [
            {
                "id": a.id,
                "claims": list(a.claims),
                "basis": a.basis.value,
                "note": a.note,
                "speakers": [index.speaker_of(c) for c in a.claims],
            }
            for a in corpus.agreements
        ],
        "questions": [
            {
                "id": q.id,
                "text": q.text,
                "source": q.source,
                "posed_by": q.posed_by,
                "note": q.note,
                "stances": [s.id for s in index.stances_on.get(q.id, [])],
            }
            for q in corpus.questions
        ],
        "stances": [
            {
                "id": s.id,
                "question": s.question,
                "claim": s.claim,
                "stance": s.stance.value,
                "basis": s.basis.value,
                "note": s.note,
                "speaker": index.speaker_of(s.claim),
            }
            for s in corpus.stances
        ],
    }


def export(subset: Subset) -> str:
    """The subset as a JSON document (UTF-8, two-space indent, newline-terminated)."""
    return json.dumps(document(subset), indent=2, ensure_ascii=False) + "\n"
