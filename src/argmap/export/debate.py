"""``argmap diagram --view debate``: the exchange between speakers, for a paper or a slide.

The map view draws every claim of the selection; a debate of two pieces has
fifty, and its few rebuttals are lost among them. The debate view draws what a
reader of the exchange needs, and folds the rest:

* the **questions** the selection answers, each with the claims that take a
  stance on it (``pro``/``con`` arrows into the question);
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

from argmap.export.diagram import Diagram, DiagramOptions, plan
from argmap.index import Index
from argmap.subset import Subset


def claims_to_draw(index: Index) -> set[str]:
    """The claims the debate view draws (see the module docstring)."""
    drawn = {c.id for c in index.corpus.claims if c.central}
    drawn |= {s.claim for s in index.corpus.stances}
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
    return plan(subset, options, full, show=claims_to_draw(index), title_suffix=": the debate")
