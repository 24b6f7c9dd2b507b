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
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.corpus import Argument, Basis, RebuttalKind, Stance
from argmap.export import palette
from argmap.export.labels import clean, join_names, source_labels, wrap
from argmap.formats import ClusterBy, DiagramView, RankDir, Relations
from argmap.index import Index
from argmap.subset import Subset

DEFAULT_WRAP = 36
DEBATE_WRAP = 48
"""The debate view's boxes are wider and so shorter: its columns leave room across a
landscape page, and its height is what a page runs out of."""

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
    view: DiagramView = DiagramView.MAP


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
    AGREE = "agree"
    """Two claims that say the same thing in substance: undirected."""
    PRO = "pro"
    """A claim -> the question it answers yes to."""
    CON = "con"
    """A claim -> the question it answers no to."""

    @property
    def attack(self) -> bool:
        return self in (LinkKind.REBUT, LinkKind.UNDERCUT)

    @property
    def stance(self) -> bool:
        return self in (LinkKind.PRO, LinkKind.CON)


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
    folded: int = 0
    """Premises not drawn (the debate view folds them): the node says how many."""
    behind: int = 0
    """Claims further down that support the folded premises."""
    joined: bool = False
    """Some premises are drawn and join the node: the count is of the others ("+ 2 premises")."""
    merged: tuple[str, ...] = ()
    """Argument ids folded together into this one node (all of a claim's arguments
    whose premises are none of them drawn); empty for a node of one argument."""

    @property
    def label(self) -> str:
        """What a folded node says ("3 premises"); empty for a plain argument dot."""
        if not self.folded:
            return ""
        text = f"{self.folded} premise{'' if self.folded == 1 else 's'}"
        if self.joined:
            text = "+ " + text
        if len(self.merged) > 1:
            text += f", {len(self.merged)} arguments"
        return text + (f" (+{self.behind} behind)" if self.behind else "")


@dataclass(frozen=True)
class QuestionNode:
    """A question of the debate (a motion or an issue), which claims answer pro or con."""

    id: str
    lines: tuple[str, ...]
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
    label: str = ""
    """Text on the line (a stance's side, and how many claims take it)."""


@dataclass(frozen=True)
class StanceGroup:
    """One speaker's claims on one side of one question, drawn as one link."""

    claim: str
    """The claim the link leaves from (the speaker's central one where there is one)."""
    question: str
    side: LinkKind
    stances: tuple[Stance, ...]


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
    questions: tuple[QuestionNode, ...] = ()
    compact: bool = False
    """Tighter spacing between ranks and nodes (the debate view, meant for a page)."""
    columns: tuple[str, ...] = ()
    """Lay out in columns, left to right: a speaker id each, ``""`` for the questions
    (the debate view; :mod:`argmap.export.columns`). Empty: the map's layout."""
    """Which legend key entries apply: link kinds, "inferred", "central", "context"."""
    legend: bool = True
    ids: bool = False
    stats: str = ""

    @property
    def nodes(self) -> int:
        """Nodes Graphviz has to place: claim boxes, argument and question nodes."""
        return len(self.claims) + len(self.arguments) + len(self.questions)


def speaker_swatches(subset: Subset) -> dict[str, palette.Swatch]:
    """Each speaker's colours: fixed by the whole corpus, whatever the selection."""
    return palette.assign(subset.full)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _name(index: Index, person_id: str) -> str:
    """A person's name as a diagram shows it: on one line (:func:`argmap.export.labels.clean`)."""
    return clean(index.display_name(person_id))


def default_title(subset: Subset, index: Index, full: Index) -> str:
    """A title that says what was selected: speakers, sources, tags, focus."""
    selection = subset.selection
    parts = []
    if selection.speakers:
        parts.append(join_names([_name(full, s) for s in selection.speakers]))
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
            f" ({_name(full, claim.speaker)})"
        )
    if selection.relations is Relations.SUPPORT:
        parts.append("supports only")
    elif selection.relations is Relations.ATTACK:
        parts.append("attacks only")
    elif selection.relations is Relations.AGREE:
        parts.append("agreements only")
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
        return clean(f"{labels[source.id]}: {source.title}{where}")
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
            *([n(len(corpus.agreements), "agreement")] if corpus.agreements else []),
        ]
    )


def plan(
    subset: Subset,
    options: DiagramOptions,
    full: Index | None = None,
    *,
    show: set[str] | None = None,
    title_suffix: str = "",
    stance_groups: list[StanceGroup] | None = None,
) -> Diagram:
    """Decide the diagram for ``subset``. ``full`` is the whole corpus's index (for titles).

    ``show``, when given, is the claims to draw (the debate view's choice): an
    argument for a drawn conclusion keeps its drawn premises and folds the others
    into its node, which says how many; relations whose ends are not drawn go.
    ``stance_groups``, when given, replace the one-link-per-stance drawing: one
    link per speaker, question and side, labelled with how many claims take it.
    """
    index = Index.build(subset.corpus)
    full = full or index
    drawn = set(index.claims) if show is None else show & set(index.claims)
    labels = source_labels(subset.corpus)
    many_sources = len(subset.corpus.sources) > 1
    order = palette.prominence(subset.corpus)
    swatches = speaker_swatches(subset)
    counts = Counter(c.speaker for c in subset.corpus.claims if c.id in drawn)
    order = [s for s in order if counts[s]]
    shown: set[str] = set()

    claims = []
    for claim in subset.corpus.claims:
        if claim.id not in drawn:
            continue
        context = claim.id in subset.context
        quote = f"“{claim.quote}”" if claim.quote else claim.text
        claims.append(
            ClaimBox(
                id=claim.id,
                lines=tuple(wrap(claim.text, options.wrap)),
                speaker=claim.speaker,
                speaker_name=_name(index, claim.speaker),
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

    undercut = {
        r.target for r in subset.corpus.rebuttals if r.target in index.arguments and r.by in drawn
    }
    nodes: list[ArgumentNode] = []
    links: list[Link] = []
    # A drawn claim's arguments that have no drawn premise (and no drawn undercut)
    # fold into one node per claim: the count, not a row of little boxes.
    wholly: dict[str, list[Argument]] = {}
    for argument in subset.corpus.arguments:
        if (
            show is not None
            and argument.conclusion in drawn
            and argument.id not in undercut
            and not any(p in drawn for p in argument.premises)
        ):
            wholly.setdefault(argument.conclusion, []).append(argument)
    merged_into: dict[str, str] = {}
    for conclusion, folded in wholly.items():
        if len(folded) < 2:
            continue
        node_id = f"{conclusion}--supports"
        for argument in folded:
            merged_into[argument.id] = node_id
        hidden_all = list(dict.fromkeys(p for a in folded for p in a.premises))
        texts = [index.claims[p].text for p in hidden_all if p in index.claims]
        tooltip = f"{len(folded)} arguments for {conclusion}: " + ", ".join(a.id for a in folded)
        tooltip += "".join(f"\n• {_short(t, 90)}" for t in texts)
        inferred_all = all(a.basis is Basis.INFERRED for a in folded)
        nodes.append(
            ArgumentNode(
                node_id,
                Basis.INFERRED if inferred_all else Basis.EXPLICIT,
                tooltip,
                len(hidden_all),
                len(_support_below(index, hidden_all, drawn)),
                merged=tuple(a.id for a in folded),
            )
        )
        links.append(
            Link(
                node_id,
                conclusion,
                LinkKind.INFERENCE,
                inferred_all,
                ",".join(a.id for a in folded),
                tooltip,
            )
        )
        shown.update({"folded", LinkKind.SUPPORT.value, *(["inferred"] if inferred_all else [])})
    for argument in subset.corpus.arguments:
        if argument.conclusion not in drawn or argument.id in merged_into:
            continue
        inferred = argument.basis is Basis.INFERRED
        every = list(dict.fromkeys(argument.premises))
        premises = [p for p in every if p in drawn]
        hidden = [p for p in every if p not in drawn]
        if not premises and not hidden:
            continue
        about = " — ".join(x for x in (argument.scheme, argument.note) if x)
        tooltip = f"{argument.id} ({argument.basis.value})" + (f"\n{about}" if about else "")
        if hidden:
            texts = [index.claims[p].text for p in hidden if p in index.claims]
            tooltip += "".join(f"\n• {_short(t, 90)}" for t in texts)
            behind = len(_support_below(index, hidden, drawn))
            nodes.append(
                ArgumentNode(
                    argument.id, argument.basis, tooltip, len(hidden), behind, bool(premises)
                )
            )
            shown.add("folded")
        elif len(premises) > 1 or argument.id in undercut:
            nodes.append(ArgumentNode(argument.id, argument.basis, tooltip))
        if hidden or len(premises) > 1 or argument.id in undercut:
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
            if len(premises) > 1:
                shown.add("linked")
            shown.add(LinkKind.SUPPORT.value)
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
    placed = {n.id for n in nodes}
    for rebuttal in subset.corpus.rebuttals:
        if rebuttal.by not in drawn or not (rebuttal.target in drawn or rebuttal.target in placed):
            continue
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
    for agreement in subset.corpus.agreements:
        first, second = agreement.claims
        if first not in drawn or second not in drawn:
            continue
        inferred = agreement.basis is Basis.INFERRED
        tooltip = f"{agreement.id} (agree, {agreement.basis.value})" + (
            f"\n{agreement.note}" if agreement.note else ""
        )
        links.append(Link(first, second, LinkKind.AGREE, inferred, agreement.id, tooltip))
        shown.add(LinkKind.AGREE.value)
        if inferred:
            shown.add("inferred")
    questions: list[QuestionNode] = []
    if stance_groups is None:
        stance_groups = [
            StanceGroup(
                s.claim,
                s.question,
                LinkKind.PRO if s.stance.value == "pro" else LinkKind.CON,
                (s,),
            )
            for s in subset.corpus.stances
        ]
    stance_groups = [g for g in stance_groups if g.claim in drawn]
    asked = {g.question for g in stance_groups}
    for question in subset.corpus.questions:
        if question.id not in asked:
            continue
        asker = f" (posed by {_name(index, question.posed_by)})" if question.posed_by else ""
        questions.append(
            QuestionNode(
                question.id,
                tuple(wrap(question.text, max(options.wrap, 40) if options.wrap else 0)),
                f"{question.id}{asker}\n{question.text}",
            )
        )
        shown.add("question")
    for group in stance_groups:
        if group.question not in index.questions:
            continue
        inferred = all(s.basis is Basis.INFERRED for s in group.stances)
        if len(group.stances) == 1:
            stance = group.stances[0]
            label = group.side.value
            tooltip = f"{stance.id} ({group.side.value}, {stance.basis.value})" + (
                f"\n{stance.note}" if stance.note else ""
            )
        else:
            label = f"{group.side.value} ({len(group.stances)} claims)"
            speaker = _name(index, index.claims[group.claim].speaker)
            tooltip = f"{speaker}: {label}" + "".join(
                f"\n• {_short(index.claims[s.claim].text, 90)}"
                for s in group.stances
                if s.claim in index.claims
            )
        links.append(
            Link(
                group.claim,
                group.question,
                group.side,
                inferred,
                ",".join(s.id for s in group.stances),
                tooltip,
                label,
            )
        )
        shown.update(("stance", f"stance-{group.side.value}"))
        if inferred:
            shown.add("inferred")

    mode = resolve_cluster(options.cluster, index, subset.selection.speakers)
    clusters = _clusters(index, mode, claims, nodes, labels)

    legend_speakers = tuple(
        LegendSpeaker(_name(index, s), swatches[s], counts[s])
        for s in order
        if swatches[s] is not palette.OTHERS_SWATCH
    )
    others = tuple(_name(index, s) for s in order if swatches[s] is palette.OTHERS_SWATCH)
    title = default_title(subset, index, full) if options.title is None else options.title
    if options.title is None and title_suffix:
        title += title_suffix
    stats = _stats(index)
    if show is not None:
        stats = f"{len(claims)} of {len(index.claims)} claims drawn"
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
        stats=stats,
        questions=tuple(questions),
        compact=show is not None,
    )


def _support_below(index: Index, claims: list[str], drawn: set[str]) -> set[str]:
    """Claims not drawn that support ``claims``, directly or through others."""
    seen: set[str] = set()
    todo = list(claims)
    while todo:
        for argument in index.arguments_for.get(todo.pop(), []):
            for premise in argument.premises:
                if premise not in drawn and premise not in seen and premise not in claims:
                    seen.add(premise)
                    todo.append(premise)
    return seen


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
    drawn = {c.id for c in claims}
    for node in nodes:
        argument = index.arguments[node.merged[0] if node.merged else node.id]
        ends = [c for c in (argument.conclusion, *argument.premises) if c in drawn]
        keys = {key_of.get(c) for c in ends}
        if len(keys) == 1 and None not in keys:
            members[keys.pop() or ""].append(node.id)
    clusters = []
    for key, ids in members.items():
        if mode is ClusterBy.SOURCE:
            # A claim may name a source the corpus lacks (check reports AM103):
            # draw it under its id rather than fail.
            source = index.sources.get(key)
            title = source.title if source is not None else "(not in the corpus)"
            label = f"{labels.get(key, key)}: {title}"
            line = palette.CONTEXT_LINE
        else:
            label = _name(index, key)
            line = next(c.swatch.line for c in claims if c.speaker == key)
        clusters.append(Cluster(id=key, label=clean(label), members=tuple(ids), line=line))
    return tuple(clusters)


KEY: tuple[tuple[str, str, LinkKind, bool], ...] = (
    # (shown-key, caption, link kind, inferred): the legend's samples, in order,
    # shown where ``Diagram.shown`` has the key (Graphviz's and Mermaid's alike).
    ("support", "supports", LinkKind.SUPPORT, False),
    ("linked", "linked premises (jointly)", LinkKind.PREMISE, False),
    ("rebut", "rebuts a claim", LinkKind.REBUT, False),
    ("undercut", "undercuts an inference", LinkKind.UNDERCUT, False),
    ("agree", "agree", LinkKind.AGREE, False),
    ("stance-pro", "answers a question: pro", LinkKind.PRO, False),
    ("stance-con", "answers a question: con", LinkKind.CON, False),
    ("inferred", "inferred (by the annotator)", LinkKind.SUPPORT, True),
)

_INFERRED_SAMPLE = (
    ("support", LinkKind.SUPPORT),
    ("linked", LinkKind.SUPPORT),
    ("rebut", LinkKind.REBUT),
    ("undercut", LinkKind.REBUT),
    ("agree", LinkKind.AGREE),
)


def key_entries(shown: Collection[str]) -> list[tuple[int, str, str, LinkKind, bool]]:
    """The legend samples a diagram needs: (position in :data:`KEY`, key, caption,
    kind, inferred). The "inferred" sample is dashed like a relation drawn: a
    support, else a rebuttal, else an agreement."""
    inferred_kind = next((k for key, k in _INFERRED_SAMPLE if key in shown), LinkKind.SUPPORT)
    return [
        (n, key, caption, inferred_kind if key == "inferred" else kind, inferred)
        for n, (key, caption, kind, inferred) in enumerate(KEY)
        if key in shown
    ]


def legend_speakers(diagram: Diagram) -> list[tuple[str, palette.Swatch]]:
    """The legend's speaker entries: "name (claims)", then the others folded into one."""
    entries = [(f"{s.name} ({s.claims})", s.swatch) for s in diagram.speakers]
    if diagram.others:
        names = ", ".join(diagram.others[:5]) + (
            f" and {len(diagram.others) - 5} more" if len(diagram.others) > 5 else ""
        )
        entries.append((names, palette.OTHERS_SWATCH))
    return entries
