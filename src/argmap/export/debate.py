"""``argmap diagram --view debate``: the exchange between speakers, for a paper or a slide.

The map view draws every claim of the selection; a debate of two pieces has
fifty, and its few rebuttals are lost among them. The debate view draws what a
reader of the exchange needs, and folds the rest:

* the **questions** the selection answers, with **each speaker's stance**:
  one ``pro`` or ``con`` arrow per speaker and side, from the speaker's
  central claim on that side where there is one (else the claim on that side
  with the most support), labelled with how many of their claims take it
  ("con (5 claims)"); a speaker with claims on both sides has both arrows;
* each speaker's **central claims**;
* every claim in a **rebuttal or an agreement between different speakers**
  (an undercut brings the argument it attacks, with its premises and
  conclusion: the inference is what is attacked);
* the **supports** of those claims, folded: an argument whose premises are not
  drawn becomes a small box saying how many there are ("3 premises", and how
  many more claims stand behind them), so nothing vanishes without a trace;
  a drawn premise keeps its arrow.

It is a :func:`~argmap.export.diagram.plan` of the same selection with a
choice of claims to draw, so boxes, colours and the legend are the map's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from argmap.corpus import Stance
from argmap.export.columns import QUESTIONS
from argmap.export.diagram import Diagram, DiagramOptions, LinkKind, StanceGroup, plan
from argmap.index import Index
from argmap.subset import Subset


def claims_to_draw(index: Index) -> set[str]:
    """The claims the debate view draws (see the module docstring)."""
    drawn = _exchange(index)
    return drawn | {group.claim for group in stance_groups(index, drawn)}


def stance_groups(index: Index, drawn: set[str]) -> list[StanceGroup]:
    """Each speaker's stance on each question and side, with the claim to draw it from.

    The claim: the speaker's central claim on that side, else one already
    ``drawn`` for the exchange, else the one with the most arguments for it.
    """
    grouped: dict[tuple[str, str, str], list[Stance]] = {}
    for stance in index.corpus.stances:
        claim = index.claims.get(stance.claim)
        if claim is None or stance.question not in index.questions:
            continue
        grouped.setdefault((stance.question, claim.speaker, stance.stance.value), []).append(stance)
    groups = []
    for (question, _, side), stances in grouped.items():
        claims = [s.claim for s in stances]

        def rank(claim_id: str, claims: list[str] = claims) -> tuple[int, int, int, int]:
            claim = index.claims[claim_id]
            return (
                not claim.central,
                claim_id not in drawn,
                -len(index.arguments_for.get(claim_id, [])),
                claims.index(claim_id),
            )

        groups.append(
            StanceGroup(
                min(claims, key=rank),
                question,
                LinkKind.PRO if side == "pro" else LinkKind.CON,
                tuple(stances),
            )
        )
    return groups


def _exchange(index: Index) -> set[str]:
    """Central claims, and the claims of rebuttals and agreements between speakers."""
    drawn = {c.id for c in index.corpus.claims if c.central}
    for rebuttal in index.corpus.rebuttals:
        target = index.target_claim(rebuttal)
        by = index.speaker_of(rebuttal.by)
        if target is None or by is None or by == index.speaker_of(target):
            continue
        drawn.add(rebuttal.by)
        drawn.add(target)
        argument = index.arguments.get(rebuttal.target)
        if argument is not None:
            # An undercut says these premises do not support that conclusion: the
            # reader needs both ends of the inference it attacks.
            drawn.add(argument.conclusion)
            drawn.update(argument.premises)
    for agreement in index.corpus.agreements:
        speakers = {index.speaker_of(c) for c in agreement.claims}
        if None not in speakers and len(speakers) == 2:
            drawn.update(agreement.claims)
    return drawn & set(index.claims)


def plan_debate(subset: Subset, options: DiagramOptions, full: Index | None = None) -> Diagram:
    """The debate view of ``subset``."""
    index = Index.build(subset.corpus)
    exchange = _exchange(index)
    groups = stance_groups(index, exchange)
    drawing = plan(
        subset,
        options,
        full,
        show=exchange | {g.claim for g in groups},
        title_suffix=": the debate",
        stance_groups=groups,
    )
    return replace(drawing, columns=columns(subset, drawing))


def columns(subset: Subset, drawing: Diagram) -> tuple[str, ...]:
    """Speakers left and right of the questions: the first named (``-a``), else the one
    with the most claims drawn, on the left; the next on the right; and so on outwards."""
    counts = Counter(box.speaker for box in drawing.claims)
    named = [s for s in subset.selection.speakers if counts[s]]
    rest = sorted((s for s in counts if s not in named), key=lambda s: (-counts[s], s))
    order = named + rest
    left, right = order[0::2], order[1::2]
    middle = [QUESTIONS] if drawing.questions else []
    return (*reversed(left), *middle, *right)
