"""The status overlay of ``argmap diagram --status``: what stands, drawn on the boxes.

The claims keep their speaker's fill and outline pattern; the overlay changes
only the outline's colour and weight and puts a mark before the speaker's
name, so colour is never the only cue:

========  ===========================  ===========
mark      grounded / other semantics   outline
========  ===========================  ===========
✓         in / skeptical               blue
~         — / credulous                orange
?         undec / —                    orange
✗         out / rejected               reddish purple, text greyed
========  ===========================  ===========

The colours are Okabe-Ito's, kept apart from the green of support and the
vermillion of attack. The statuses come from :func:`argmap.evaluate.evaluate`
on the debate that ``-a``/``-s``/``-t`` choose, as ``argmap evaluate`` computes
them: ``--focus`` and ``--context`` change what is drawn, not a claim's status
(claims drawn only as context get no mark).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from argmap.export.diagram import Diagram
from argmap.formats import Mapping, Semantics
from argmap.index import Index
from argmap.subset import Subset

if TYPE_CHECKING:
    from argmap.export.speakers import SpeakerNetwork


@dataclass(frozen=True)
class Mark:
    key: str
    symbol: str
    caption: str
    line: str
    """Outline colour."""
    muted: bool = False
    """Grey the text (what does not stand)."""


BLUE = "#0072B2"
ORANGE = "#E69F00"
PURPLE = "#CC79A7"

MARKS: dict[str, Mark] = {
    "in": Mark("in", "✓", "✓ in (accepted)", BLUE),
    "undec": Mark("undec", "?", "? undecided", ORANGE),
    "out": Mark("out", "✗", "✗ out (defeated)", PURPLE, muted=True),
    "skeptical": Mark("skeptical", "✓", "✓ in every extension", BLUE),
    "credulous": Mark("credulous", "~", "~ in some extensions", ORANGE),
    "rejected": Mark("rejected", "✗", "✗ in no extension", PURPLE, muted=True),
}
"""Status (a grounded label, or a status under the other semantics) -> how it is drawn."""

ORDER = tuple(MARKS)
"""The legend's order."""


def statuses(
    subset: Subset,
    semantics: Semantics,
    *,
    mapping: Mapping = Mapping.BIPOLAR,
    timeout: float = 60.0,
) -> dict[str, str]:
    """Claim id -> its key in :data:`MARKS` (raises the solver's errors)."""
    from argmap.evaluate import evaluate

    evaluation = evaluate(Index.build(subset.corpus), semantics, mapping=mapping, timeout=timeout)
    return {
        c.id: c.label.value if c.label is not None else c.status.value for c in evaluation.claims
    }


def overlay(diagram: Diagram, status_of: dict[str, str], semantics: Semantics) -> Diagram:
    """The diagram with each claim's status set, and the legend told which marks occur."""
    claims = tuple(
        replace(box, status=status_of[box.id]) if box.id in status_of and not box.context else box
        for box in diagram.claims
    )
    used = {f"status:{box.status}" for box in claims if box.status is not None}
    return replace(
        diagram,
        claims=claims,
        shown=diagram.shown | used | {f"semantics:{semantics.value}"},
    )


def overlay_speakers(
    network: SpeakerNetwork, subset: Subset, status_of: dict[str, str], semantics: Semantics
) -> SpeakerNetwork:
    """The speakers view with each speaker's claims counted by status ("✓ 12  ✗ 3")."""
    tally: dict[str, dict[str, int]] = {}
    for claim in subset.corpus.claims:
        status = status_of.get(claim.id)
        if status is None or claim.id in subset.context:
            continue
        counts = tally.setdefault(claim.speaker, {})
        counts[status] = counts.get(status, 0) + 1
    speakers = tuple(
        replace(
            node,
            standing="  ".join(
                f"{MARKS[key].symbol} {tally[node.id][key]}"
                for key in ORDER
                if tally.get(node.id, {}).get(key)
            ),
        )
        for node in network.speakers
    )
    used = [key for key in ORDER if any(key in counts for counts in tally.values())]
    key = f"Claims by status under {semantics.value} semantics: " + ", ".join(
        MARKS[k].caption for k in used
    )
    subtitle = " — ".join(x for x in (network.subtitle, key) if x)
    return replace(network, speakers=speakers, subtitle=subtitle)


def legend_captions(shown: Collection[str]) -> list[tuple[str, str]]:
    """(status, caption) of each status a legend shows; the first names the semantics."""
    semantics = next((k.split(":")[1] for k in shown if k.startswith("semantics:")), "")
    keys = [key for key in ORDER if f"status:{key}" in shown]
    return [
        (key, f"{semantics}: {MARKS[key].caption}" if n == 0 else MARKS[key].caption)
        for n, key in enumerate(keys)
    ]
