"""The diagram, decided once: what is drawn, how it is labelled and coloured.

:func:`plan` turns a :class:`~argmap.subset.Subset` into a :class:`Diagram`,
a plain description that the DOT and Mermaid writers only translate. The
design (see docs/diagrams.md for how to read it):

* a claim is a box: its text wrapped at ``wrap`` characters, then the
  speaker's name and an author-year label of its source (left out when the
  whole diagram comes from one source: the subtitle names it);
* each speaker has a colour (:mod:`argmap.export.palette`), named in the
  legend; central claims have a thick outline and bold text; claims shown
  only as context (``--context``) are white with a dashed grey outline;
* an argument with two or more premises (linked premises) gets a small
  round node where its premises meet, as AIF draws an inference (RA) node:
  one arrow leaves it for the conclusion. A one-premise argument is a plain
  arrow, so convergent support (several arrows into one claim) and linked
  support (lines joining first) look different;
* an argument that is undercut always gets its node, and the undercut
  points at that node: it attacks the inference, not a claim;
* supports are green arrows, attacks vermillion lines ending in a bar;
  relations the annotator inferred (``basis: inferred``) are dashed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.export import palette
from argmap.export.labels import join_names, source_labels, wrap
from argmap.formats import ClusterBy, RankDir, Relations
from argmap.index import Index
from argmap.model import Basis, RebuttalKind
from argmap.subset import Subset

DEFAULT_WRAP = 36

MAX_LAYOUT_NODES = 1500
"""Above this many nodes (claims plus argument nodes) ``argmap diagram`` will not lay
out a picture unless forced: dot's layout time grows faster than the graph (measured in
benchmarks/diagram.py and docs/diagrams.md), and a forced layout gets bounded passes."""


@dataclass(frozen=True)
class DiagramOptions:
    """How to draw (what to draw is the :class:`~argmap.subset.Selection`)."""

    wrap: int = DEFAULT_WRAP
    """Wrap claim text at this many characters (0: never)."""
    cluster: ClusterBy = ClusterBy.AUTO
    rankdir: RankDir = RankDir.BT
    title: str | None = None
    """``None``: a title made from the selection; ``""``: no title."""
    legend: bool = True
    ids: bool = False
    """Print each claim's id in its box (to look it up with ``argmap show``)."""


class LinkKind(StrEnum):
    SUPPORT = "support"
    """A one-premise argument: premise -> conclusion."""
    PREMISE = "premise"
    """Premise -> argument node (no arrowhead: the premises meet there)."""
    INFERENCE = "inference"
    """Argument node -> conclusion."""
    REBUT = "rebut"
    """Attacking claim -> attacked claim."""
    UNDERCUT = "undercut"
    """Attacking claim -> the argument node whose inference it attacks."""

    @property
    def attack(self) -> bool:
        return self in (LinkKind.REBUT, LinkKind.UNDERCUT)


@dataclass(frozen=True)
class ClaimBox:
    id: str
    lines: tuple[str, ...]
    speaker: str
    speaker_name: str
    source: str
    source_label: str
    swatch: palette.Swatch
    central: bool
    reported: bool
    context: bool
    tooltip: str
    status: str | None = None
    """Set by ``--status`` (:mod:`argmap.export.status`): a key of its ``MARKS``."""


@dataclass(frozen=True)
class ArgumentNode:
    id: str
    basis: Basis
    tooltip: str


@dataclass(frozen=True)
class Link:
    tail: str
    head: str
    kind: LinkKind
    inferred: bool
    relation: str
    """The argument or rebuttal id this link draws."""
    tooltip: str


@dataclass(frozen=True)
class Cluster:
    id: str
    label: str
    members: tuple[str, ...]
    """Claim ids and argument-node ids, in drawing order."""
    line: str


@dataclass(frozen=True)
class LegendSpeaker:
    name: str
    swatch: palette.Swatch
    claims: int


@dataclass(frozen=True)
class Diagram:
    title: str
    subtitle: str
    rankdir: RankDir
    claims: tuple[ClaimBox, ...]
    arguments: tuple[ArgumentNode, ...]
    links: tuple[Link, ...]
    clusters: tuple[Cluster, ...]
    speakers: tuple[LegendSpeaker, ...]
    """Named in the legend, with their own colour."""
    others: tuple[str, ...]
    """Speakers sharing the grey ("others"), by name."""
    shown: frozenset[str] = field(default_factory=frozenset)
    """Which legend key entries apply: link kinds, "inferred", "central", "context"."""
    legend: bool = True
    ids: bool = False
    stats: str = ""

    @property
    def nodes(self) -> int:
        """Nodes Graphviz has to place: claim boxes and argument nodes."""
        return len(self.claims) + len(self.arguments)


def speaker_swatches(subset: Subset) -> dict[str, palette.Swatch]:
    """Each speaker's colours: fixed by the whole corpus, whatever the selection."""
    return palette.assign(subset.full)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def default_title(subset: Subset, index: Index, full: Index) -> str:
    """A title that says what was selected: speakers, sources, tags, focus."""
    selection = subset.selection
    parts = []
    if selection.speakers:
        parts.append(join_names([full.display_name(s) for s in selection.speakers]))
    if selection.sources:
        labels = source_labels(full.corpus)
        parts.append(join_names([labels.get(s, s) for s in selection.sources]))
    if selection.tags:
        parts.append("tagged " + ", ".join(selection.tags))
    if selection.focus is not None and selection.focus in full.claims:
        claim = full.claims[selection.focus]
        steps = "step" if selection.depth == 1 else "steps"
        parts.append(
            f"within {selection.depth} {steps} of “{_short(claim.text, 60)}”"
            f" ({full.display_name(claim.speaker)})"
        )
    if selection.relations is Relations.SUPPORT:
        parts.append("supports only")
    elif selection.relations is Relations.ATTACK:
        parts.append("attacks only")
    if parts:
        title = " · ".join(parts)
        return title[0].upper() + title[1:]
    if len(index.corpus.sources) == 1:
        return index.corpus.sources[0].title
    return "The whole corpus"


def _subtitle(index: Index, labels: dict[str, str]) -> str:
    sources = index.corpus.sources
    if len(sources) == 1:
        source = sources[0]
        where = f", {source.outlet}" if source.outlet else ""
        return f"{labels[source.id]}: {source.title}{where}"
    if not sources:
        return ""
    return f"{len(sources)} sources: " + "; ".join(labels[s.id] for s in sources)


def _stats(index: Index) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    corpus = index.corpus
    return ", ".join(
        [
            n(len(corpus.claims), "claim"),
            n(len(corpus.arguments), "argument"),
            n(len(corpus.rebuttals), "rebuttal"),
        ]
    )


def plan(subset: Subset, options: DiagramOptions, full: Index | None = None) -> Diagram:
    """Decide the diagram for ``subset``. ``full`` is the whole corpus's index (for titles)."""
    index = Index.build(subset.corpus)
    full = full or index
    labels = source_labels(subset.corpus)
    many_sources = len(subset.corpus.sources) > 1
    order = palette.prominence(subset.corpus)
    swatches = speaker_swatches(subset)
    counts = Counter(c.speaker for c in subset.corpus.claims)
    shown: set[str] = set()

    claims = []
    for claim in subset.corpus.claims:
        context = claim.id in subset.context
        quote = f"“{claim.quote}”" if claim.quote else claim.text
        claims.append(
            ClaimBox(
                id=claim.id,
                lines=tuple(wrap(claim.text, options.wrap)),
                speaker=claim.speaker,
                speaker_name=index.display_name(claim.speaker),
                source=claim.source,
                source_label=labels.get(claim.source, claim.source) if many_sources else "",
                swatch=swatches[claim.speaker],
                central=claim.central,
                reported=claim.reported,
                context=context,
                tooltip=f"{claim.id}\n{quote}",
            )
        )
        if claim.central:
            shown.add("central")
        if context:
            shown.add("context")
        if claim.reported:
            shown.add("reported")

    undercut = {r.target for r in subset.corpus.rebuttals if r.target in index.arguments}
    nodes: list[ArgumentNode] = []
    links: list[Link] = []
    for argument in subset.corpus.arguments:
        inferred = argument.basis is Basis.INFERRED
        premises = list(dict.fromkeys(argument.premises))
        about = " — ".join(x for x in (argument.scheme, argument.note) if x)
        tooltip = f"{argument.id} ({argument.basis.value})" + (f"\n{about}" if about else "")
        if len(premises) > 1 or argument.id in undercut:
            nodes.append(ArgumentNode(argument.id, argument.basis, tooltip))
            links += [
                Link(p, argument.id, LinkKind.PREMISE, inferred, argument.id, tooltip)
                for p in premises
            ]
            links.append(
                Link(
                    argument.id,
                    argument.conclusion,
                    LinkKind.INFERENCE,
                    inferred,
                    argument.id,
                    tooltip,
                )
            )
            shown.add("linked" if len(premises) > 1 else LinkKind.SUPPORT.value)
        else:
            links.append(
                Link(
                    premises[0],
                    argument.conclusion,
                    LinkKind.SUPPORT,
                    inferred,
                    argument.id,
                    tooltip,
                )
            )
            shown.add(LinkKind.SUPPORT.value)
        if inferred:
            shown.add("inferred")
    for rebuttal in subset.corpus.rebuttals:
        kind = LinkKind.UNDERCUT if rebuttal.kind is RebuttalKind.UNDERCUT else LinkKind.REBUT
        if rebuttal.target not in index.arguments:
            kind = LinkKind.REBUT
        inferred = rebuttal.basis is Basis.INFERRED
        tooltip = f"{rebuttal.id} ({kind.value}, {rebuttal.basis.value})" + (
            f"\n{rebuttal.note}" if rebuttal.note else ""
        )
        links.append(Link(rebuttal.by, rebuttal.target, kind, inferred, rebuttal.id, tooltip))
        shown.add(kind.value)
        if inferred:
            shown.add("inferred")

    mode = resolve_cluster(options.cluster, index, subset.selection.speakers)
    clusters = _clusters(index, mode, claims, nodes, labels)

    legend_speakers = tuple(
        LegendSpeaker(index.display_name(s), swatches[s], counts[s])
        for s in order
        if swatches[s] is not palette.OTHERS_SWATCH
    )
    others = tuple(index.display_name(s) for s in order if swatches[s] is palette.OTHERS_SWATCH)
    title = default_title(subset, index, full) if options.title is None else options.title
    return Diagram(
        title=title,
        subtitle=_subtitle(index, labels) if options.title is None else "",
        rankdir=options.rankdir,
        claims=tuple(claims),
        arguments=tuple(nodes),
        links=tuple(links),
        clusters=clusters,
        speakers=legend_speakers,
        others=others,
        shown=frozenset(shown),
        legend=options.legend,
        ids=options.ids,
        stats=_stats(index),
    )


def resolve_cluster(
    mode: ClusterBy, index: Index, selected_speakers: tuple[str, ...] = ()
) -> ClusterBy:
    """``auto`` made concrete: a debate between chosen speakers is boxed by speaker,
    a diagram spanning several sources by source, one source with several speakers
    by speaker; else nothing."""
    if mode is not ClusterBy.AUTO:
        return mode
    speakers = {c.speaker for c in index.corpus.claims}
    if len(selected_speakers) > 1 and len(speakers) > 1:
        return ClusterBy.SPEAKER
    if len(index.corpus.sources) > 1:
        return ClusterBy.SOURCE
    if len(speakers) > 1:
        return ClusterBy.SPEAKER
    return ClusterBy.NONE


def _clusters(
    index: Index,
    mode: ClusterBy,
    claims: list[ClaimBox],
    nodes: list[ArgumentNode],
    labels: dict[str, str],
) -> tuple[Cluster, ...]:
    if mode in (ClusterBy.NONE, ClusterBy.AUTO):
        return ()
    key_of = {
        c.id: (c.source if mode is ClusterBy.SOURCE else c.speaker) for c in claims if not c.context
    }
    members: dict[str, list[str]] = {}
    for claim in claims:
        if claim.id in key_of:
            members.setdefault(key_of[claim.id], []).append(claim.id)
    for node in nodes:
        argument = index.arguments[node.id]
        keys = {key_of.get(c) for c in (argument.conclusion, *argument.premises)}
        if len(keys) == 1 and None not in keys:
            members[keys.pop() or ""].append(node.id)
    clusters = []
    for key, ids in members.items():
        if mode is ClusterBy.SOURCE:
            source = index.sources[key]
            label = f"{labels[key]}: {source.title}"
            line = palette.CONTEXT_LINE
        else:
            label = index.display_name(key)
            line = next(c.swatch.line for c in claims if c.speaker == key)
        clusters.append(Cluster(id=key, label=label, members=tuple(ids), line=line))
    return tuple(clusters)
