"""Counts per source, speaker and relation kind: ``argmap stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from argmap.corpus import Source
from argmap.index import Index
from argmap.queries.rows import rebuttal_row
from argmap.vocabulary import Basis, RebuttalKind

if TYPE_CHECKING:
    from argmap.texts import TextStore

# -- stats --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatRow:
    """One count, in tidy form: ``group`` / ``id`` / ``measure`` -> ``count``."""

    group: Literal["corpus", "source", "speaker", "kind"]
    id: str
    name: str
    measure: str
    count: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "id": self.id,
            "name": self.name,
            "measure": self.measure,
            "count": self.count,
        }


SOURCE_MEASURES = (
    "claims",
    "speakers",
    "arguments",
    "rebuts",
    "rebutted",
    "cross_source",
    "agreements",
    "stances",
)
SPEAKER_MEASURES = ("claims", "central", "sources", "rebuts", "rebutted", "agreements", "stances")
KIND_MEASURES = ("explicit", "inferred", "total")


def stats(index: Index, texts: TextStore | None = None) -> list[StatRow]:
    """Counts per corpus, source, speaker and kind, as tidy rows (see docs/queries.md#stats).

    * corpus: tags, people, sources, claims (and how many are central or
      reported), arguments, rebuttals.
    * source: claims, speakers, arguments (by conclusion), rebuts (made by its
      claims), rebutted (aimed at its claims), cross_source (of those, with the
      other side in another source), agreements (with a claim of it on either
      side), stances (taken by its claims).
    * speaker (everyone with a claim): claims, central, sources, rebuts, rebutted,
      agreements, stances.
    * kind: argument, rebut, undercut, agreement and stance, each split
      explicit / inferred / total.
    * with ``texts``, per source also ``quoted``: the percentage of the text's
      words that its claims' quotes cover (AM309 flags more than 40%).
    """
    rows: list[StatRow] = []
    totals = {
        "tags": len(index.tags),
        "people": len(index.people),
        "sources": len(index.sources),
        "claims": len(index.claims),
        "central": sum(c.central for c in index.claims.values()),
        "reported": sum(c.reported for c in index.claims.values()),
        "arguments": len(index.arguments),
        "rebuttals": len(index.rebuttals),
        "agreements": len(index.agreements),
        "questions": len(index.questions),
        "stances": len(index.stances),
    }
    rows += [StatRow("corpus", "corpus", "corpus", m, n) for m, n in totals.items()]

    made: Counter[str] = Counter()
    aimed: Counter[str] = Counter()
    across: Counter[str] = Counter()
    by_speaker_made: Counter[str] = Counter()
    by_speaker_aimed: Counter[str] = Counter()
    for rebuttal in index.rebuttals.values():
        row = rebuttal_row(index, rebuttal)
        if row.by_source:
            made[row.by_source] += 1
        if row.target_source:
            aimed[row.target_source] += 1
        if row.cross_source:
            across[row.by_source or ""] += 1
            across[row.target_source or ""] += 1
        if row.by_speaker:
            by_speaker_made[row.by_speaker] += 1
        if row.target_speaker:
            by_speaker_aimed[row.target_speaker] += 1
    agreed: dict[str, Counter[str]] = {"source": Counter(), "speaker": Counter()}
    for agreement in index.agreements.values():
        sides = [index.claims[c] for c in dict.fromkeys(agreement.claims) if c in index.claims]
        for field, group in (("source", agreed["source"]), ("speaker", agreed["speaker"])):
            for value in {getattr(c, field) for c in sides}:
                group[value] += 1
    stanced: dict[str, Counter[str]] = {"source": Counter(), "speaker": Counter()}
    for stance in index.stances.values():
        claim = index.claims.get(stance.claim)
        if claim is not None:
            stanced["source"][claim.source] += 1
            stanced["speaker"][claim.speaker] += 1
    arguments: Counter[str] = Counter()
    for argument in index.arguments.values():
        conclusion = index.claims.get(argument.conclusion)
        if conclusion is not None:
            arguments[conclusion.source] += 1
    for source in index.sources.values():
        claims = index.claims_by_source.get(source.id, [])
        values = {
            "claims": len(claims),
            "speakers": len({c.speaker for c in claims}),
            "arguments": arguments[source.id],
            "rebuts": made[source.id],
            "rebutted": aimed[source.id],
            "cross_source": across[source.id],
            "agreements": agreed["source"][source.id],
            "stances": stanced["source"][source.id],
        }
        measures: tuple[str, ...] = SOURCE_MEASURES
        if texts is not None:
            values["quoted"] = _quoted_percent(index, texts, source)
            measures = (*SOURCE_MEASURES, "quoted")
        rows += [StatRow("source", source.id, source.title, m, values[m]) for m in measures]

    for speaker, claims in index.claims_by_speaker.items():
        if not claims:
            continue
        values = {
            "claims": len(claims),
            "central": sum(c.central for c in claims),
            "sources": len({c.source for c in claims}),
            "rebuts": by_speaker_made[speaker],
            "rebutted": by_speaker_aimed[speaker],
            "agreements": agreed["speaker"][speaker],
            "stances": stanced["speaker"][speaker],
        }
        name = index.display_name(speaker)
        rows += [StatRow("speaker", speaker, name, m, values[m]) for m in SPEAKER_MEASURES]

    kinds: dict[str, Counter[Basis]] = {
        "argument": Counter(a.basis for a in index.arguments.values()),
        "rebut": Counter(r.basis for r in index.rebuttals.values() if r.kind is RebuttalKind.REBUT),
        "undercut": Counter(
            r.basis for r in index.rebuttals.values() if r.kind is RebuttalKind.UNDERCUT
        ),
        "agreement": Counter(a.basis for a in index.agreements.values()),
        "stance": Counter(s.basis for s in index.stances.values()),
    }
    for kind, counts in kinds.items():
        values = {
            "explicit": counts[Basis.EXPLICIT],
            "inferred": counts[Basis.INFERRED],
            "total": counts.total(),
        }
        rows += [StatRow("kind", kind, kind, m, values[m]) for m in KIND_MEASURES]
    return rows


def _quoted_percent(index: Index, texts: TextStore, source: Source) -> int:
    """How much of a source's text its quotes cover, in whole percent (0 without a text)."""
    from argmap.anchoring import quoted_share, read_paragraphs

    text = read_paragraphs(texts, source.text) if source.text else None
    if text is None:
        return 0
    quotes = [c.quote for c in index.claims_by_source.get(source.id, ()) if c.quote]
    covered, total = quoted_share(text, quotes)
    return round(100 * covered / total) if total else 0
