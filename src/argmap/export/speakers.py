"""``argmap diagram --view speakers``: who rebuts and who agrees with whom, between people.

The matrix (``argmap matrix``) as a picture: each speaker of the selection is
a box in their colour (the same as in every other diagram), its text larger
the more claims they make; a vermillion arrow ending in a bar goes from a
speaker to each speaker they rebut, labelled with the count (with how many
of those the annotator inferred); agreements are undirected blue double lines
labelled with their count. A rebuttal or agreement counts when both its
claims are in the selection and their speakers differ.

The layout is Graphviz's ``dot`` from left to right, so that the speakers who
rebut stand left of those they answer where the debate allows it; speakers
with no rebuttal or agreement with anyone else stand in a row of their own,
so the network is not lost among them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from argmap.corpus import Basis
from argmap.export import palette
from argmap.export.diagram import speaker_swatches
from argmap.export.labels import clean, wrap
from argmap.index import Index
from argmap.subset import Subset

FONT = "Arial"
SMALLEST_NAME_PT = 11.0
LARGEST_NAME_PT = 22.0


@dataclass(frozen=True)
class SpeakerNode:
    id: str
    name: str
    claims: int
    swatch: palette.Swatch
    font_size: float
    standing: str = ""
    """Set by ``--status`` (:func:`argmap.export.status.overlay_speakers`): e.g. "✓ 12  ✗ 3"."""


@dataclass(frozen=True)
class Tie:
    """All rebuttals from one speaker to another, or all agreements between two."""

    tail: str
    head: str
    explicit: int
    inferred: int
    relations: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.explicit + self.inferred

    @property
    def label(self) -> str:
        if not self.inferred:
            return str(self.total)
        if not self.explicit:
            return f"{self.total} inferred"
        return f"{self.total} ({self.inferred} inferred)"


@dataclass(frozen=True)
class SpeakerNetwork:
    title: str
    subtitle: str
    speakers: tuple[SpeakerNode, ...]
    rebuttals: tuple[Tie, ...]
    """Directed: ``tail`` rebuts ``head``."""
    agreements: tuple[Tie, ...]
    """Undirected: ``tail`` and ``head`` in the order the speakers are listed."""
    legend: bool = True

    @property
    def nodes(self) -> int:
        return len(self.speakers)

    @property
    def stats(self) -> str:
        made = sum(t.total for t in self.rebuttals)
        agreed = sum(t.total for t in self.agreements)
        rebuttals = "rebuttal" if made == 1 else "rebuttals"
        agreements = "agreement" if agreed == 1 else "agreements"
        counts = f"{made} {rebuttals} and {agreed} {agreements}"
        return f"{len(self.speakers)} speakers, {counts} between them"


def plan(subset: Subset, title: str, subtitle: str = "", legend: bool = True) -> SpeakerNetwork:
    """The speaker network of ``subset``."""
    index = Index.build(subset.corpus)
    swatches = speaker_swatches(subset)
    counts = Counter(c.speaker for c in subset.corpus.claims if c.id not in subset.context)
    order = [s for s in palette.prominence(subset.corpus) if counts[s]]
    most = max(counts.values(), default=1)

    rebuttals: dict[tuple[str, str], list[tuple[str, Basis]]] = {}
    for rebuttal in subset.corpus.rebuttals:
        target = index.target_claim(rebuttal)
        by = index.speaker_of(rebuttal.by)
        against = index.speaker_of(target) if target else None
        if by is None or against is None or by == against:
            continue
        rebuttals.setdefault((by, against), []).append((rebuttal.id, rebuttal.basis))
    rank = {s: i for i, s in enumerate(order)}
    agreements: dict[tuple[str, str], list[tuple[str, Basis]]] = {}
    for agreement in subset.corpus.agreements:
        ends = [index.speaker_of(c) for c in agreement.claims]
        if None in ends or ends[0] == ends[1]:
            continue
        pair = sorted((s for s in ends if s is not None), key=lambda s: rank.get(s, len(rank)))
        agreements.setdefault((pair[0], pair[1]), []).append((agreement.id, agreement.basis))
    involved = {s for pair in [*rebuttals, *agreements] for s in pair}
    order += sorted(involved - set(order))

    def ties(grouped: dict[tuple[str, str], list[tuple[str, Basis]]]) -> tuple[Tie, ...]:
        made = [
            Tie(
                tail,
                head,
                explicit=sum(b is Basis.EXPLICIT for _, b in members),
                inferred=sum(b is Basis.INFERRED for _, b in members),
                relations=tuple(r for r, _ in members),
            )
            for (tail, head), members in grouped.items()
        ]
        return tuple(
            sorted(made, key=lambda t: (-t.total, rank.get(t.tail, 0), rank.get(t.head, 0)))
        )

    speakers = tuple(
        SpeakerNode(
            id=s,
            name=clean(index.display_name(s)),
            claims=counts[s],
            swatch=swatches.get(s, palette.OTHERS_SWATCH),
            font_size=round(
                SMALLEST_NAME_PT
                + (LARGEST_NAME_PT - SMALLEST_NAME_PT) * math.sqrt(counts[s] / most),
                1,
            ),
        )
        for s in order
    )
    return SpeakerNetwork(
        title=title,
        subtitle=subtitle,
        speakers=speakers,
        rebuttals=ties(rebuttals),
        agreements=ties(agreements),
        legend=legend,
    )


def _style(swatch: palette.Swatch) -> str:
    if swatch.outline is palette.Outline.SOLID:
        return "rounded,filled"
    return f"rounded,filled,{swatch.outline.value}"


def _pen(total: int) -> str:
    return f"{1.2 + 1.1 * math.log2(total):.1f}"


def to_dot(network: SpeakerNetwork, *, extra: Mapping[str, str] | None = None) -> str:
    """The network as DOT source."""
    from argmap.export import dot_source
    from argmap.export.dot import plain

    graph_attr: dict[str, Any] = {
        "rankdir": "LR",
        "newrank": "true",
        "fontname": FONT,
        "bgcolor": "white",
        "pad": "0.3",
        "nodesep": "0.35",
        "ranksep": "0.9",
        "labelloc": "t",
        "labeljust": "c",
        "fontsize": "22",
        "outputorder": "edgesfirst",
        **(extra or {}),
    }
    dot = dot_source.Digraph(
        "speakers",
        graph_attr=graph_attr,
        node_attr={"fontname": FONT, "shape": "box", "margin": "0.15,0.08"},
        edge_attr={"fontname": FONT, "fontsize": "11"},
    )
    if network.title:
        dot.attr(label=plain(clean(network.title)))
    linked = {s for t in (*network.rebuttals, *network.agreements) for s in (t.tail, t.head)}
    for node in network.speakers:
        claims = f"{node.claims} claim{'' if node.claims == 1 else 's'}"
        lines = [*wrap(node.name, 22), claims, *([node.standing] if node.standing else [])]
        dot.node(
            node.id,
            # Each line escaped: a backslash in a name is drawn, never taken for \n or \l.
            label=dot_source.nohtml("\\n".join(plain(line) for line in lines)),
            id=node.id,
            tooltip=plain(f"{node.name}: {claims}"),
            style=_style(node.swatch),
            fillcolor=node.swatch.fill,
            color=node.swatch.line,
            penwidth="1.6",
            fontsize=f"{node.font_size:g}",
        )
    for tie in network.rebuttals:
        dot.edge(
            tie.tail,
            tie.head,
            label=f" {tie.label} ",
            color=palette.ATTACK,
            fontcolor=palette.ATTACK,
            arrowhead="tee",
            arrowsize="1.1",
            penwidth=_pen(tie.total),
            style="dashed" if not tie.explicit else "solid",
            tooltip=", ".join(tie.relations),
        )
    for tie in network.agreements:
        dot.edge(
            tie.tail,
            tie.head,
            label=f" {tie.label} ",
            color=f"{palette.AGREE}:white:{palette.AGREE}",
            fontcolor=palette.AGREE,
            dir="none",
            penwidth="1.3",
            style="dashed" if not tie.explicit else "solid",
            tooltip=", ".join(tie.relations),
        )
    alone = [n.id for n in network.speakers if n.id not in linked]
    if alone and linked:
        with dot.subgraph(name="cluster_alone") as row:
            row.attr(
                label="No rebuttal or agreement with another speaker",
                style="rounded,dashed",
                color=palette.CONTEXT_LINE,
                fontcolor=palette.MUTED,
                fontsize="12",
            )
            for speaker in alone:
                row.node(speaker)
    if network.legend:
        _legend(dot, network)
    return str(dot.source)


def _legend(dot: Any, network: SpeakerNetwork) -> None:
    """One block of text: the network's spread leaves no room for sample edges."""
    text = " — ".join(x for x in (clean(network.subtitle), network.stats) if x)
    lines = [
        *wrap(text, 80),
        "A box is a speaker, its text larger the more claims they make.",
        "Vermillion —⊣ rebuts: the count, and how many of them the annotator",
        "inferred; dashed: all inferred. Thicker: more.",
    ]
    if network.agreements:
        lines.append("Blue double line ══ agree: the count (undirected).")
    with dot.subgraph(name="cluster_legend") as legend:
        legend.attr(label="", style="rounded", color="#CCCCCC", margin="10")
        legend.node(
            "legend_text",
            label="".join(line.replace("\\", "\\\\") + "\\l" for line in lines),
            shape="plaintext",
            fontsize="11",
            fontcolor=palette.MUTED,
        )
