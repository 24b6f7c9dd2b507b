"""Questions an analyst asks of the corpus, answered from the :class:`~argmap.index.Index`.

Every function here is pure: it takes an index (built once per corpus) and
typed options, and returns rows or views as frozen dataclasses. Nothing here
prints or parses command-line text, and the queries take ids: the CLI
resolves ``-a trenin`` to ``dmitri-trenin`` with :mod:`argmap.resolve` first
(:func:`entity_id` does the same for any kind of entity, for ``show``). Each
row has ``as_dict()``, the stable JSON shape documented in ``docs/queries.md``.

The API at a glance::

    index = Index.build(load())
    find_claims(index, ClaimFilter(authors=("dmitri-trenin",)))   # -> list[ClaimRow]
    find_rebuttals(index, RebuttalFilter(against=("shinji-hyodo",)))  # -> list[RebuttalRow]
    who_rebuts_whom(index)                 # -> list[SpeakerPair], most rebuttals first
    rebuttal_matrix(who_rebuts_whom(index))    # -> Matrix, for a speaker x speaker table
    unanswered(index)                      # -> list[RebuttalRow] that nothing rebuts in turn
    unanswered_counts(index)               # -> list[UnansweredCount] per target speaker
    pro_con_tree(index, "some-claim", depth=3)  # -> TreeNode
    describe(index, "dmitri-trenin")       # -> PersonView (or ClaimView, SourceView, ...)
    list_people(index), list_sources(index), list_tags(index), stats(index)

Conventions shared by all of it:

* Order is the file's order (for claims, the reading order within each
  source) unless a function says otherwise; output is deterministic.
* A person stands for their own voice *and* the groups that list them as a
  member: claims or rebuttals of ``miller-walker`` count for
  ``joshua-walker``. A group stands for itself only (see :func:`voices`).
* Dangling references (reported by ``argmap check``) are skipped, never
  raised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from argmap.errors import LookupFailed
from argmap.index import Index
from argmap.model import Argument, Claim, Person, Rebuttal, Source
from argmap.vocabulary import Basis, ClaimRole, RebuttalKind

__all__ = [
    "ArgumentRow",
    "ArgumentView",
    "ClaimFilter",
    "ClaimRow",
    "ClaimView",
    "Matrix",
    "PersonRow",
    "PersonView",
    "RebuttalFilter",
    "RebuttalRow",
    "RebuttalView",
    "SourceClaims",
    "SourceRow",
    "SourceView",
    "SpeakerPair",
    "StatRow",
    "TagRow",
    "TagView",
    "TreeNode",
    "UnansweredCount",
    "View",
    "claim_roles",
    "claim_row",
    "describe",
    "entity_id",
    "find_claims",
    "find_rebuttals",
    "list_people",
    "list_sources",
    "list_tags",
    "pro_con_tree",
    "rebuttal_matrix",
    "rebuttal_row",
    "reported_by",
    "source_labels",
    "stats",
    "unanswered",
    "unanswered_counts",
    "voices",
    "who_rebuts_whom",
]


# -- shared helpers -----------------------------------------------------------

_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def _fold(text: str) -> str:
    """Case- and typography-insensitive form for ``--grep``: curly quotes and en dashes
    match their plain forms."""
    return text.translate(_FOLD).casefold()


def voices(index: Index, person_id: str) -> frozenset[str]:
    """The speaker ids that speak for ``person_id``: the person and every group listing
    them as a member. A group's own voice does not include its members' solo claims."""
    return frozenset({person_id, *(g.id for g in index.groups_of.get(person_id, ()))})


def _voices_of(index: Index, people: Iterable[str]) -> frozenset[str]:
    found: set[str] = set()
    for person_id in people:
        found |= voices(index, person_id)
    return frozenset(found)


def _undercut_on_support(index: Index, claim_id: str) -> Iterator[Rebuttal]:
    for argument in index.arguments_for.get(claim_id, ()):
        yield from index.attacks_on.get(argument.id, ())


def claim_roles(index: Index, claim_id: str) -> tuple[ClaimRole, ...]:
    """The roles a claim plays, in :class:`ClaimRole` order (``isolated`` alone)."""
    roles: list[ClaimRole] = []
    if index.premise_in.get(claim_id):
        roles.append(ClaimRole.PREMISE)
    if index.arguments_for.get(claim_id):
        roles.append(ClaimRole.CONCLUSION)
    if index.attacks_by.get(claim_id):
        roles.append(ClaimRole.ATTACKER)
    if index.attacks_on.get(claim_id) or any(_undercut_on_support(index, claim_id)):
        roles.append(ClaimRole.ATTACKED)
    if not roles:
        roles.append(ClaimRole.ISOLATED)
    return tuple(roles)


def reported_by(index: Index, claim: Claim) -> tuple[str, ...]:
    """Through whom a reported claim reaches us: the source's own voices that report it.

    Empty for a claim its speaker makes in their own piece. For reported speech
    (``reported: true``) the corpus does not name the reporter, so it is worked
    out, first rule that gives an answer:

    1. the credited speakers (authors, editors, or a group of them) whose own
       claims in the same source argue from, for, against or with this claim;
    2. those found by rule 1 for the same speaker's other reported claims in
       the source (one author quotes the same document throughout);
    3. every credited speaker with claims of their own in the source;
    4. the source's authors.
    """
    return _Reporters(index).of(claim)


class _Reporters:
    """:func:`reported_by` for many claims of one index, with what several share
    (rules 2 and 3, per source and speaker) worked out once."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._by_siblings: dict[tuple[str, str], tuple[str, ...]] = {}
        self._voiced: dict[tuple[str, str], tuple[str, ...]] = {}

    def of(self, claim: Claim) -> tuple[str, ...]:
        if not claim.reported:
            return ()
        index = self.index
        source = index.sources.get(claim.source)
        if source is None:
            return ()
        linked = _linked_reporters(index, claim, source)
        if linked:
            return linked
        key = (source.id, claim.speaker)
        if key not in self._by_siblings:  # claim itself adds nothing: it has no links
            siblings = [
                c
                for c in index.claims_by_source.get(source.id, ())
                if c.reported and c.speaker == claim.speaker
            ]
            found = (r for c in siblings for r in _linked_reporters(index, c, source))
            self._by_siblings[key] = tuple(dict.fromkeys(found))
        if self._by_siblings[key]:
            return self._by_siblings[key]
        if key not in self._voiced:
            voiced = (
                c.speaker
                for c in index.claims_by_source.get(source.id, ())
                if _credited(index, c.speaker, claim, source)
            )
            self._voiced[key] = tuple(dict.fromkeys(voiced))
        return self._voiced[key] or tuple(source.authors)


def _credited(index: Index, speaker: str | None, claim: Claim, source: Source) -> bool:
    """A speaker who can report ``claim``: credited in the source, not its speaker."""
    return speaker is not None and speaker != claim.speaker and index.is_author(speaker, source)


def _linked_reporters(index: Index, claim: Claim, source: Source) -> tuple[str, ...]:
    linked: list[str] = []
    for neighbour in _neighbours(index, claim.id):
        other = index.claims.get(neighbour)
        if (
            other is not None
            and other.source == claim.source
            and _credited(index, other.speaker, claim, source)
        ):
            linked.append(other.speaker)
    return tuple(dict.fromkeys(linked))


def _neighbours(index: Index, claim_id: str) -> Iterator[str]:
    """Claims linked to ``claim_id`` by one argument or one rebuttal, in a fixed order."""
    for argument in index.arguments_for.get(claim_id, ()):
        yield from argument.premises
    for argument in index.premise_in.get(claim_id, ()):
        yield argument.conclusion
    for rebuttal in index.attacks_by.get(claim_id, ()):
        target = index.target_claim(rebuttal)
        if target is not None:
            yield target
    for rebuttal in index.attacks_on.get(claim_id, ()):
        yield rebuttal.by
    for rebuttal in _undercut_on_support(index, claim_id):
        yield rebuttal.by


def source_labels(index: Index) -> dict[str, str]:
    """A short author-year label per source id, as one cites: ``Hyodo & Trenin 2019``.

    One rule for every view: this is :func:`argmap.export.labels.source_labels`,
    which diagrams and exports use too.
    """
    from argmap.export.labels import source_labels as labels_of

    return labels_of(index.corpus)


# -- claims -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with its speaker resolved. JSON: see docs/queries.md#claim-rows."""

    id: str
    source: str
    speaker: str
    speaker_name: str
    reported: bool
    reported_by: tuple[str, ...]
    """Through whom reported speech reaches us (see :func:`reported_by`); empty otherwise."""
    central: bool
    text: str
    quote: str | None
    tags: tuple[str, ...]
    roles: tuple[ClaimRole, ...]
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "reported": self.reported,
            "reported_by": list(self.reported_by),
            "central": self.central,
            "text": self.text,
            "quote": self.quote,
            "tags": list(self.tags),
            "roles": [r.value for r in self.roles],
            "note": self.note,
        }


def claim_row(index: Index, claim: Claim, reporters: _Reporters | None = None) -> ClaimRow:
    """A claim as a row. (``reporters`` shares work across many rows of one index.)"""
    return ClaimRow(
        id=claim.id,
        source=claim.source,
        speaker=claim.speaker,
        speaker_name=index.display_name(claim.speaker),
        reported=claim.reported,
        reported_by=(reporters or _Reporters(index)).of(claim),
        central=claim.central,
        text=claim.text,
        quote=claim.quote,
        tags=tuple(claim.tags),
        roles=claim_roles(index, claim.id),
        note=claim.note,
    )


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims ``find_claims`` keeps. Each field narrows; an empty one lets all pass.

    Several values in one field are alternatives (any of them); different fields
    must all hold.
    """

    authors: tuple[str, ...] = ()
    """Person ids; a person also matches the claims of groups they are a member of."""
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    central: bool = False
    """Only the claims marked ``central``."""
    grep: str | None = None
    """Text to find in the claim's text or quote, ignoring case and curly quotes."""
    roles: tuple[ClaimRole, ...] = ()


def find_claims(index: Index, options: ClaimFilter | None = None) -> list[ClaimRow]:
    """Claims that pass ``options``, in the file's order (reading order per source)."""
    options = options or ClaimFilter()
    pool: Sequence[Claim]
    if options.authors:
        speakers = _voices_of(index, options.authors)
        pool = _in_file_order(index, (index.claims_by_speaker.get(s, []) for s in speakers))
    elif options.sources:
        pool = _in_file_order(index, (index.claims_by_source.get(s, []) for s in options.sources))
    elif options.tags:
        pool = _in_file_order(index, (index.claims_by_tag.get(t, []) for t in options.tags))
    else:
        pool = index.corpus.claims
    sources = set(options.sources)
    tags = set(options.tags)
    roles = set(options.roles)
    needle = _fold(options.grep) if options.grep else None
    reporters = _Reporters(index)
    rows: list[ClaimRow] = []
    seen: set[str] = set()
    for claim in pool:
        if claim.id in seen or index.claims.get(claim.id) is not claim:
            continue  # a duplicated id: the first definition is the claim
        seen.add(claim.id)
        if sources and claim.source not in sources:
            continue
        if tags and tags.isdisjoint(claim.tags):
            continue
        if options.central and not claim.central:
            continue
        if needle is not None and needle not in _fold(f"{claim.text}\n{claim.quote or ''}"):
            continue
        if roles and roles.isdisjoint(claim_roles(index, claim.id)):
            continue
        rows.append(claim_row(index, claim, reporters))
    return rows


def _in_file_order(index: Index, lists: Iterable[list[Claim]]) -> list[Claim]:
    """Claims from several index lists, once each, in the file's order."""
    merged = {id(c): c for claims in lists for c in claims}
    return sorted(merged.values(), key=lambda c: index.by_id[c.id].row)


# -- rebuttals ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RebuttalRow:
    """A rebuttal with both sides resolved. JSON: see docs/queries.md#rebuttal-rows."""

    id: str
    kind: RebuttalKind
    basis: Basis
    by: str
    """The attacking claim."""
    by_speaker: str | None
    by_speaker_name: str | None
    by_source: str | None
    by_text: str | None
    target: str
    """The attacked claim (rebut) or argument (undercut)."""
    target_type: Literal["claim", "argument"] | None
    target_claim: str | None
    """The attacked claim, or the conclusion of the undercut argument."""
    target_speaker: str | None
    target_speaker_name: str | None
    target_source: str | None
    target_text: str | None
    """The text of ``target_claim``."""
    note: str | None
    cross_source: bool
    """Attacker and target come from different sources: an echo across pieces."""
    answered_by: tuple[str, ...]
    """Rebuttals that attack the attacking claim in turn (or undercut its support)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "basis": self.basis.value,
            "by": self.by,
            "by_speaker": self.by_speaker,
            "by_speaker_name": self.by_speaker_name,
            "by_source": self.by_source,
            "by_text": self.by_text,
            "target": self.target,
            "target_type": self.target_type,
            "target_claim": self.target_claim,
            "target_speaker": self.target_speaker,
            "target_speaker_name": self.target_speaker_name,
            "target_source": self.target_source,
            "target_text": self.target_text,
            "note": self.note,
            "cross_source": self.cross_source,
            "answered_by": list(self.answered_by),
        }


def rebuttal_row(index: Index, rebuttal: Rebuttal) -> RebuttalRow:
    attacker = index.claims.get(rebuttal.by)
    target_type: Literal["claim", "argument"] | None = None
    if rebuttal.target in index.claims:
        target_type = "claim"
    elif rebuttal.target in index.arguments:
        target_type = "argument"
    target_claim_id = index.target_claim(rebuttal)
    target = index.claims.get(target_claim_id) if target_claim_id else None
    answers = [*index.attacks_on.get(rebuttal.by, ()), *_undercut_on_support(index, rebuttal.by)]
    return RebuttalRow(
        id=rebuttal.id,
        kind=rebuttal.kind,
        basis=rebuttal.basis,
        by=rebuttal.by,
        by_speaker=attacker.speaker if attacker else None,
        by_speaker_name=index.display_name(attacker.speaker) if attacker else None,
        by_source=attacker.source if attacker else None,
        by_text=attacker.text if attacker else None,
        target=rebuttal.target,
        target_type=target_type,
        target_claim=target_claim_id,
        target_speaker=target.speaker if target else None,
        target_speaker_name=index.display_name(target.speaker) if target else None,
        target_source=target.source if target else None,
        target_text=target.text if target else None,
        note=rebuttal.note,
        cross_source=bool(attacker and target and attacker.source != target.source),
        answered_by=tuple(dict.fromkeys(r.id for r in answers)),
    )


@dataclass(frozen=True, slots=True)
class RebuttalFilter:
    """Which rebuttals to keep. Each field narrows; several values in one are alternatives."""

    by: tuple[str, ...] = ()
    """Person ids of the attacking claim's speaker (groups of a member included)."""
    against: tuple[str, ...] = ()
    """Person ids of the attacked claim's speaker (of the conclusion, for an undercut)."""
    basis: Basis | None = None
    kind: RebuttalKind | None = None
    sources: tuple[str, ...] = ()
    """Source ids of either side: the attacking claim or the attacked one."""
    tags: tuple[str, ...] = ()
    """Tags of either side."""
    cross_source: bool = False
    """Only rebuttals whose two sides come from different sources."""


def _rebuttal_passes(index: Index, row: RebuttalRow, options: RebuttalFilter) -> bool:
    if options.basis is not None and row.basis is not options.basis:
        return False
    if options.kind is not None and row.kind is not options.kind:
        return False
    if options.by and row.by_speaker not in _voices_of(index, options.by):
        return False
    if options.against and row.target_speaker not in _voices_of(index, options.against):
        return False
    if options.sources and not ({row.by_source, row.target_source} & set(options.sources)):
        return False
    if options.tags:
        tags: set[str] = set()
        for claim_id in (row.by, row.target_claim):
            claim = index.claims.get(claim_id) if claim_id else None
            if claim is not None:
                tags.update(claim.tags)
        if tags.isdisjoint(options.tags):
            return False
    return not (options.cross_source and not row.cross_source)


def find_rebuttals(index: Index, options: RebuttalFilter | None = None) -> list[RebuttalRow]:
    """Rebuttals that pass ``options``, in the file's order."""
    options = options or RebuttalFilter()
    rows = []
    for rebuttal in index.rebuttals.values():
        row = rebuttal_row(index, rebuttal)
        if _rebuttal_passes(index, row, options):
            rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class SpeakerPair:
    """How often one speaker rebuts another. JSON: docs/queries.md#who-rebuts-whom."""

    by_speaker: str
    by_speaker_name: str
    target_speaker: str
    target_speaker_name: str
    explicit: int
    inferred: int
    rebut: int
    undercut: int
    rebuttals: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.explicit + self.inferred

    def as_dict(self) -> dict[str, Any]:
        return {
            "by_speaker": self.by_speaker,
            "by_speaker_name": self.by_speaker_name,
            "target_speaker": self.target_speaker,
            "target_speaker_name": self.target_speaker_name,
            "total": self.total,
            "explicit": self.explicit,
            "inferred": self.inferred,
            "rebut": self.rebut,
            "undercut": self.undercut,
            "rebuttals": list(self.rebuttals),
        }


def _pairs(index: Index, rows: Iterable[RebuttalRow]) -> list[SpeakerPair]:
    grouped: dict[tuple[str, str], list[RebuttalRow]] = {}
    for row in rows:
        if row.by_speaker is None or row.target_speaker is None:
            continue
        grouped.setdefault((row.by_speaker, row.target_speaker), []).append(row)
    pairs = []
    for (by, target), members in grouped.items():
        pairs.append(
            SpeakerPair(
                by_speaker=by,
                by_speaker_name=index.display_name(by),
                target_speaker=target,
                target_speaker_name=index.display_name(target),
                explicit=sum(r.basis is Basis.EXPLICIT for r in members),
                inferred=sum(r.basis is Basis.INFERRED for r in members),
                rebut=sum(r.kind is RebuttalKind.REBUT for r in members),
                undercut=sum(r.kind is RebuttalKind.UNDERCUT for r in members),
                rebuttals=tuple(r.id for r in members),
            )
        )
    pairs.sort(key=lambda p: (-p.total, p.by_speaker_name.casefold(), p.target_speaker_name))
    return pairs


def who_rebuts_whom(index: Index, options: RebuttalFilter | None = None) -> list[SpeakerPair]:
    """Speaker x speaker counts of the rebuttals that pass ``options``, most first."""
    return _pairs(index, find_rebuttals(index, options))


@dataclass(frozen=True, slots=True)
class Matrix:
    """A square who-rebuts-whom table: ``speakers[i]`` labels row i and column i."""

    speakers: tuple[tuple[str, str], ...]
    """(id, name), most involved first."""
    cells: dict[tuple[str, str], SpeakerPair] = field(default_factory=dict)
    """(by_speaker, target_speaker) -> counts; absent means none."""
    _made: Counter[str] = field(default_factory=Counter, init=False, repr=False, compare=False)
    _received: Counter[str] = field(default_factory=Counter, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Totals per speaker, summed once: a lookup per speaker, not a scan of every cell.
        for (by, target), pair in self.cells.items():
            self._made[by] += pair.total
            self._received[target] += pair.total

    def made(self, speaker: str) -> int:
        """Rebuttals ``speaker`` makes, against anyone."""
        return self._made[speaker]

    def received(self, speaker: str) -> int:
        """Rebuttals made against ``speaker``."""
        return self._received[speaker]


def rebuttal_matrix(pairs: Sequence[SpeakerPair]) -> Matrix:
    """Arrange pairs as a square matrix over every speaker who rebuts or is rebutted.

    Speakers are ordered by rebuttals made plus received, then by name.
    """
    involvement: Counter[str] = Counter()
    names: dict[str, str] = {}
    for pair in pairs:
        involvement[pair.by_speaker] += pair.total
        involvement[pair.target_speaker] += pair.total
        names[pair.by_speaker] = pair.by_speaker_name
        names[pair.target_speaker] = pair.target_speaker_name
    order = sorted(involvement, key=lambda s: (-involvement[s], names[s].casefold(), s))
    return Matrix(
        speakers=tuple((s, names[s]) for s in order),
        cells={(p.by_speaker, p.target_speaker): p for p in pairs},
    )


def unanswered(index: Index, options: RebuttalFilter | None = None) -> list[RebuttalRow]:
    """Objections nothing rebuts in turn, grouped by target speaker.

    A rebuttal is answered when its attacking claim is itself attacked: rebutted,
    or undercut in an argument that supports it. Target speakers with the most
    unanswered objections come first; within one speaker, the file's order.
    """
    rows = [r for r in find_rebuttals(index, options) if not r.answered_by]
    per_speaker = Counter(r.target_speaker_name or "" for r in rows)
    return sorted(
        rows, key=lambda r: (-per_speaker[r.target_speaker_name or ""], r.target_speaker_name or "")
    )


@dataclass(frozen=True, slots=True)
class UnansweredCount:
    """Per target speaker: objections made to them, and how many nothing answers."""

    target_speaker: str
    target_speaker_name: str
    objections: int
    unanswered: int
    rebuttals: tuple[str, ...]
    """The unanswered ones."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "target_speaker": self.target_speaker,
            "target_speaker_name": self.target_speaker_name,
            "objections": self.objections,
            "unanswered": self.unanswered,
            "answered": self.objections - self.unanswered,
            "rebuttals": list(self.rebuttals),
        }


def unanswered_counts(index: Index, options: RebuttalFilter | None = None) -> list[UnansweredCount]:
    """For each speaker who is rebutted: objections, and how many go unanswered."""
    rows = find_rebuttals(index, options)
    grouped: dict[str, list[RebuttalRow]] = {}
    for row in rows:
        if row.target_speaker is not None:
            grouped.setdefault(row.target_speaker, []).append(row)
    counts = [
        UnansweredCount(
            target_speaker=speaker,
            target_speaker_name=index.display_name(speaker),
            objections=len(members),
            unanswered=sum(not r.answered_by for r in members),
            rebuttals=tuple(r.id for r in members if not r.answered_by),
        )
        for speaker, members in grouped.items()
    ]
    counts.sort(key=lambda c: (-c.unanswered, -c.objections, c.target_speaker_name.casefold()))
    return counts


# -- the pro and con tree -----------------------------------------------------


Relation = Literal["root", "pro", "con", "premise"]


@dataclass(frozen=True, slots=True)
class TreeNode:
    """One node of a pro/con tree. JSON: see docs/queries.md#tree-nodes.

    A claim node (``type == "claim"``) is the root, a single-premise ``pro``, a
    ``con`` that rebuts or undercuts its parent, or a ``premise`` of a linked
    argument. An argument node (``type == "argument"``) is a ``pro`` whose
    premises work together, or one that is undercut; its children are its
    premises and the undercuts on it.
    """

    relation: Relation
    type: Literal["claim", "argument"]
    id: str
    via: str | None
    """The argument (pro) or rebuttal (con) linking this node to its parent."""
    kind: RebuttalKind | None
    """For a con: rebut or undercut."""
    basis: Basis | None
    """Of the argument or the rebuttal that links this node to its parent."""
    speaker: str | None
    speaker_name: str | None
    text: str | None
    """The claim's text; for an argument, None."""
    children: tuple[TreeNode, ...] = ()
    stop: Literal["cycle", "repeat"] | None = None
    """Why the node is not expanded: it is its own ancestor (cycle) or was
    expanded earlier in the tree (repeat)."""
    hidden: int = 0
    """Children left out because of the depth limit."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "type": self.type,
            "id": self.id,
            "via": self.via,
            "kind": self.kind.value if self.kind else None,
            "basis": self.basis.value if self.basis else None,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "text": self.text,
            "stop": self.stop,
            "hidden": self.hidden,
            "children": [c.as_dict() for c in self.children],
        }

    def walk(self) -> Iterator[TreeNode]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def pro_con_tree(index: Index, claim_id: str, depth: int | None = None) -> TreeNode:
    """The pros (arguments for) and cons (rebuttals on) below a claim, recursively.

    ``depth`` counts claim levels below the root (``None``: no limit; ``0``:
    the root alone). A claim that is its own ancestor is marked ``cycle``; one
    already expanded elsewhere in the tree is marked ``repeat`` and not expanded
    again, so the tree stays as large as the graph below the root. Raises
    :class:`~argmap.errors.LookupFailed` for an unknown claim.
    """
    if claim_id not in index.claims:
        raise LookupFailed(f"no claim {claim_id!r}", [])
    builder = _TreeBuilder(index, depth)
    return builder.claim(claim_id, "root", None, None, None, 0, frozenset())


class _TreeBuilder:
    def __init__(self, index: Index, depth: int | None) -> None:
        self.index = index
        self.depth = depth
        self.expanded: set[str] = set()

    def _count_below(self, claim_id: str) -> int:
        return len(self.index.arguments_for.get(claim_id, ())) + len(
            self.index.attacks_on.get(claim_id, ())
        )

    def claim(
        self,
        claim_id: str,
        relation: Relation,
        via: str | None,
        kind: RebuttalKind | None,
        basis: Basis | None,
        level: int,
        path: frozenset[str],
    ) -> TreeNode:
        claim = self.index.claims.get(claim_id)
        node = TreeNode(
            relation=relation,
            type="claim",
            id=claim_id,
            via=via,
            kind=kind,
            basis=basis,
            speaker=claim.speaker if claim else None,
            speaker_name=self.index.display_name(claim.speaker) if claim else None,
            text=claim.text if claim else None,
        )
        if claim is None:
            return node
        if claim_id in path:
            return _replace(node, stop="cycle")
        if claim_id in self.expanded:
            return _replace(node, stop="repeat")
        if self.depth is not None and level >= self.depth:
            return _replace(node, hidden=self._count_below(claim_id))
        self.expanded.add(claim_id)
        below = path | {claim_id}
        children: list[TreeNode] = []
        for argument in self.index.arguments_for.get(claim_id, ()):
            children.append(self.argument(argument, level, below))
        for rebuttal in self.index.attacks_on.get(claim_id, ()):
            children.append(
                self.claim(
                    rebuttal.by, "con", rebuttal.id, rebuttal.kind, rebuttal.basis, level + 1, below
                )
            )
        return _replace(node, children=tuple(children))

    def argument(self, argument: Argument, level: int, path: frozenset[str]) -> TreeNode:
        premises = [p for p in dict.fromkeys(argument.premises) if p in self.index.claims]
        undercuts = self.index.attacks_on.get(argument.id, ())
        if len(premises) == 1 and not undercuts:
            return self.claim(
                premises[0], "pro", argument.id, None, argument.basis, level + 1, path
            )
        children = [
            self.claim(p, "premise", argument.id, None, None, level + 1, path) for p in premises
        ]
        children += [
            self.claim(r.by, "con", r.id, r.kind, r.basis, level + 1, path) for r in undercuts
        ]
        return TreeNode(
            relation="pro",
            type="argument",
            id=argument.id,
            via=argument.id,
            kind=None,
            basis=argument.basis,
            speaker=None,
            speaker_name=None,
            text=None,
            children=tuple(children),
        )


def _replace(node: TreeNode, **changes: Any) -> TreeNode:
    return replace(node, **changes)


# -- people, sources, tags ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person with counts. JSON: see docs/queries.md#people."""

    id: str
    name: str
    kind: str
    affiliation: str | None
    description: str | None
    members: tuple[str, ...]
    groups: tuple[str, ...]
    claims: int
    """Claims in their own voice (not their groups')."""
    sources: tuple[str, ...]
    """Sources in which they speak, in file order."""
    rebuts: int
    """Rebuttals made by their claims."""
    rebutted: int
    """Rebuttals aimed at their claims."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "affiliation": self.affiliation,
            "description": self.description,
            "members": list(self.members),
            "groups": list(self.groups),
            "claims": self.claims,
            "sources": list(self.sources),
            "rebuts": self.rebuts,
            "rebutted": self.rebutted,
        }


def _person_row(index: Index, person: Person, received: Counter[str]) -> PersonRow:
    claims = index.claims_by_speaker.get(person.id, [])
    spoken_in = {c.source for c in claims}
    return PersonRow(
        id=person.id,
        name=person.name,
        kind=person.kind.value,
        affiliation=person.affiliation,
        description=person.description,
        members=tuple(person.members),
        groups=tuple(g.id for g in index.groups_of.get(person.id, ())),
        claims=len(claims),
        sources=tuple(s for s in index.sources if s in spoken_in),
        rebuts=sum(len(index.attacks_by.get(c.id, ())) for c in claims),
        rebutted=received[person.id],
    )


def _received(index: Index) -> Counter[str]:
    received: Counter[str] = Counter()
    for rebuttal in index.rebuttals.values():
        target = index.target_speaker(rebuttal)
        if target is not None:
            received[target] += 1
    return received


def list_people(index: Index) -> list[PersonRow]:
    """Every person, in the file's order."""
    received = _received(index)
    return [_person_row(index, p, received) for p in index.people.values()]


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source with counts. JSON: see docs/queries.md#sources."""

    id: str
    label: str
    """Author-year, as one cites it: ``Hyodo & Trenin 2019`` (see :func:`source_labels`)."""
    title: str
    outlet: str | None
    date: str | None
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    url: str | None
    claims: int
    speakers: tuple[str, ...]
    """Who speaks in it, in order of first claim."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "authors": list(self.authors),
            "editors": list(self.editors),
            "url": self.url,
            "claims": self.claims,
            "speakers": list(self.speakers),
        }


def _source_row(index: Index, source: Source, labels: dict[str, str] | None = None) -> SourceRow:
    claims = index.claims_by_source.get(source.id, [])
    labels = labels if labels is not None else source_labels(index)
    return SourceRow(
        id=source.id,
        label=labels.get(source.id, source.id),
        title=source.title,
        outlet=source.outlet,
        date=source.date,
        authors=tuple(source.authors),
        editors=tuple(source.editors),
        url=source.url,
        claims=len(claims),
        speakers=tuple(dict.fromkeys(c.speaker for c in claims)),
    )


def list_sources(index: Index) -> list[SourceRow]:
    """Every source, in the file's order."""
    labels = source_labels(index)
    return [_source_row(index, s, labels) for s in index.sources.values()]


@dataclass(frozen=True, slots=True)
class TagRow:
    """A tag with its use. JSON: see docs/queries.md#tags."""

    id: str
    description: str | None
    """None for a tag claims use that the vocabulary does not declare."""
    claims: int

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "description": self.description, "claims": self.claims}


def list_tags(index: Index) -> list[TagRow]:
    """The declared tags in the file's order, then any undeclared tag claims use."""
    rows = [
        TagRow(t.id, t.description, len(index.claims_by_tag.get(t.id, ())))
        for t in index.tags.values()
    ]
    rows += [
        TagRow(tag, None, len(claims))
        for tag, claims in index.claims_by_tag.items()
        if tag not in index.tags and claims
    ]
    return rows


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


SOURCE_MEASURES = ("claims", "speakers", "arguments", "rebuts", "rebutted", "cross_source")
SPEAKER_MEASURES = ("claims", "central", "sources", "rebuts", "rebutted")
KIND_MEASURES = ("explicit", "inferred", "total")


def stats(index: Index) -> list[StatRow]:
    """Counts per corpus, source, speaker and kind, as tidy rows (see docs/queries.md#stats).

    * corpus: tags, people, sources, claims (and how many are central or
      reported), arguments, rebuttals.
    * source: claims, speakers, arguments (by conclusion), rebuts (made by its
      claims), rebutted (aimed at its claims), cross_source (of those, with the
      other side in another source).
    * speaker (everyone with a claim): claims, central, sources, rebuts, rebutted.
    * kind: argument, rebut and undercut, each split explicit / inferred / total.
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
        }
        rows += [StatRow("source", source.id, source.title, m, values[m]) for m in SOURCE_MEASURES]

    for speaker, claims in index.claims_by_speaker.items():
        if not claims:
            continue
        values = {
            "claims": len(claims),
            "central": sum(c.central for c in claims),
            "sources": len({c.source for c in claims}),
            "rebuts": by_speaker_made[speaker],
            "rebutted": by_speaker_aimed[speaker],
        }
        name = index.display_name(speaker)
        rows += [StatRow("speaker", speaker, name, m, values[m]) for m in SPEAKER_MEASURES]

    kinds: dict[str, Counter[Basis]] = {
        "argument": Counter(a.basis for a in index.arguments.values()),
        "rebut": Counter(r.basis for r in index.rebuttals.values() if r.kind is RebuttalKind.REBUT),
        "undercut": Counter(
            r.basis for r in index.rebuttals.values() if r.kind is RebuttalKind.UNDERCUT
        ),
    }
    for kind, counts in kinds.items():
        values = {
            "explicit": counts[Basis.EXPLICIT],
            "inferred": counts[Basis.INFERRED],
            "total": counts.total(),
        }
        rows += [StatRow("kind", kind, kind, m, values[m]) for m in KIND_MEASURES]
    return rows


# -- show: one entity and everything around it -------------------------------


@dataclass(frozen=True, slots=True)
class ArgumentRow:
    """An argument. JSON: see docs/queries.md#show."""

    id: str
    conclusion: str
    premises: tuple[str, ...]
    basis: Basis
    scheme: str | None
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "conclusion": self.conclusion,
            "premises": list(self.premises),
            "basis": self.basis.value,
            "scheme": self.scheme,
            "note": self.note,
        }


def _argument_row(argument: Argument) -> ArgumentRow:
    return ArgumentRow(
        argument.id,
        argument.conclusion,
        tuple(argument.premises),
        argument.basis,
        argument.scheme,
        argument.note,
    )


@dataclass(frozen=True, slots=True)
class ArgumentView:
    """An argument with its conclusion, premises and the undercuts on it."""

    argument: ArgumentRow
    conclusion: ClaimRow | None
    premises: tuple[ClaimRow, ...]
    undercut_by: tuple[RebuttalRow, ...]
    type: Literal["argument"] = "argument"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "argument": self.argument.as_dict(),
            "conclusion": self.conclusion.as_dict() if self.conclusion else None,
            "premises": [p.as_dict() for p in self.premises],
            "undercut_by": [r.as_dict() for r in self.undercut_by],
        }


def _argument_view(index: Index, argument: Argument) -> ArgumentView:
    conclusion = index.claims.get(argument.conclusion)
    return ArgumentView(
        argument=_argument_row(argument),
        conclusion=claim_row(index, conclusion) if conclusion else None,
        premises=tuple(
            claim_row(index, index.claims[p])
            for p in dict.fromkeys(argument.premises)
            if p in index.claims
        ),
        undercut_by=tuple(rebuttal_row(index, r) for r in index.attacks_on.get(argument.id, ())),
    )


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim, what supports it, what attacks it, and what it attacks or supports."""

    claim: ClaimRow
    supported_by: tuple[ArgumentView, ...]
    attacked_by: tuple[RebuttalRow, ...]
    """Rebuttals on the claim itself (undercuts on its support are in ``supported_by``)."""
    attacks: tuple[RebuttalRow, ...]
    premise_in: tuple[ArgumentView, ...]
    type: Literal["claim"] = "claim"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "claim": self.claim.as_dict(),
            "supported_by": [a.as_dict() for a in self.supported_by],
            "attacked_by": [r.as_dict() for r in self.attacked_by],
            "attacks": [r.as_dict() for r in self.attacks],
            "premise_in": [a.as_dict() for a in self.premise_in],
        }


@dataclass(frozen=True, slots=True)
class SourceClaims:
    """One source's claims, in reading order."""

    source: SourceRow
    claims: tuple[ClaimRow, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source.as_dict(), "claims": [c.as_dict() for c in self.claims]}


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person: their claims per source, whom they rebut and who rebuts them.

    Claims and rebuttals include those of groups the person is a member of.
    """

    person: PersonRow
    groups: tuple[PersonRow, ...]
    members: tuple[PersonRow, ...]
    authored: tuple[SourceRow, ...]
    """Sources they wrote or edited."""
    claims: tuple[SourceClaims, ...]
    rebuts: tuple[SpeakerPair, ...]
    rebutted_by: tuple[SpeakerPair, ...]
    type: Literal["person"] = "person"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "person": self.person.as_dict(),
            "groups": [g.as_dict() for g in self.groups],
            "members": [m.as_dict() for m in self.members],
            "authored": [s.as_dict() for s in self.authored],
            "claims": [s.as_dict() for s in self.claims],
            "rebuts": [p.as_dict() for p in self.rebuts],
            "rebutted_by": [p.as_dict() for p in self.rebutted_by],
        }


@dataclass(frozen=True, slots=True)
class SourceView:
    """A source: its metadata, its claims in reading order, and the rebuttals that
    touch it (within it, or across to other pieces)."""

    source: SourceRow
    claims: tuple[ClaimRow, ...]
    rebuttals: tuple[RebuttalRow, ...]
    type: Literal["source"] = "source"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "source": self.source.as_dict(),
            "claims": [c.as_dict() for c in self.claims],
            "rebuttals": [r.as_dict() for r in self.rebuttals],
        }


@dataclass(frozen=True, slots=True)
class RebuttalView:
    """A rebuttal, the argument it undercuts (if any), and what answers it."""

    rebuttal: RebuttalRow
    undercuts: ArgumentView | None
    answered_by: tuple[RebuttalRow, ...]
    type: Literal["rebuttal"] = "rebuttal"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "rebuttal": self.rebuttal.as_dict(),
            "undercuts": self.undercuts.as_dict() if self.undercuts else None,
            "answered_by": [r.as_dict() for r in self.answered_by],
        }


@dataclass(frozen=True, slots=True)
class TagView:
    """A tag and the claims that carry it."""

    tag: TagRow
    claims: tuple[ClaimRow, ...]
    type: Literal["tag"] = "tag"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "tag": self.tag.as_dict(),
            "claims": [c.as_dict() for c in self.claims],
        }


View = ClaimView | PersonView | SourceView | ArgumentView | RebuttalView | TagView


def entity_id(index: Index, query: str) -> str:
    """The id ``query`` names: an exact id of any kind, else a unique fragment of a
    person's or source's id, name or title. Raises
    :class:`~argmap.errors.LookupFailed` listing candidates or close ids."""
    from difflib import get_close_matches

    from argmap import resolve

    query = query.strip()
    if query in index.by_id or query in index.tags:
        return query
    found: list[str] = []
    ambiguous: list[LookupFailed] = []
    candidates: list[str] = []  # people first, then sources
    for lookup in (resolve.person, resolve.source):
        try:
            found.append(lookup(index, query).id)
            candidates.append(found[-1])
        except LookupFailed as err:
            if not str(err).startswith("no "):  # "... is ambiguous: it matches ..."
                ambiguous.append(err)
                candidates += err.candidates
    if len(found) == 1 and not ambiguous:
        return found[0]
    if len(ambiguous) == 1 and not found:
        raise ambiguous[0]
    if candidates:

        def label(candidate: str) -> str:
            person, source = index.people.get(candidate), index.sources.get(candidate)
            name = person.name if person else source.title if source else ""
            return f"{candidate} ({name[:50]})" if name else candidate

        listed = ", ".join(label(c) for c in candidates[:12])
        more = f" and {len(candidates) - 12} more" if len(candidates) > 12 else ""
        raise LookupFailed(
            f"{query!r} is ambiguous: it matches {listed}{more}; give the id", candidates
        )
    every = [*index.by_id, *index.tags]
    close = get_close_matches(query, every, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise LookupFailed(f"no id, person or source matches {query!r}{hint}", close)


def describe(index: Index, entity: str) -> View:
    """Everything about one entity, by exact id (use :func:`entity_id` for fragments)."""
    if entity in index.claims:
        return _claim_view(index, index.claims[entity])
    if entity in index.people:
        return _person_view(index, index.people[entity])
    if entity in index.sources:
        source = index.sources[entity]
        return SourceView(
            source=_source_row(index, source),
            claims=tuple(find_claims(index, ClaimFilter(sources=(entity,)))),
            rebuttals=tuple(find_rebuttals(index, RebuttalFilter(sources=(entity,)))),
        )
    if entity in index.arguments:
        return _argument_view(index, index.arguments[entity])
    if entity in index.rebuttals:
        rebuttal = index.rebuttals[entity]
        row = rebuttal_row(index, rebuttal)
        argument = index.arguments.get(rebuttal.target)
        return RebuttalView(
            rebuttal=row,
            undercuts=_argument_view(index, argument) if argument else None,
            answered_by=tuple(rebuttal_row(index, index.rebuttals[r]) for r in row.answered_by),
        )
    if entity in index.tags or index.claims_by_tag.get(entity):
        tag = index.tags.get(entity)
        claims = index.claims_by_tag.get(entity, [])
        return TagView(
            tag=TagRow(entity, tag.description if tag else None, len(claims)),
            claims=tuple(find_claims(index, ClaimFilter(tags=(entity,)))),
        )
    raise LookupFailed(f"no entity {entity!r}", [])


def _claim_view(index: Index, claim: Claim) -> ClaimView:
    return ClaimView(
        claim=claim_row(index, claim),
        supported_by=tuple(_argument_view(index, a) for a in index.arguments_for.get(claim.id, ())),
        attacked_by=tuple(rebuttal_row(index, r) for r in index.attacks_on.get(claim.id, ())),
        attacks=tuple(rebuttal_row(index, r) for r in index.attacks_by.get(claim.id, ())),
        premise_in=tuple(_argument_view(index, a) for a in index.premise_in.get(claim.id, ())),
    )


def _person_view(index: Index, person: Person) -> PersonView:
    received = _received(index)
    own = voices(index, person.id)
    claims = find_claims(index, ClaimFilter(authors=(person.id,)))
    per_source: dict[str, list[ClaimRow]] = {}
    for row in claims:
        per_source.setdefault(row.source, []).append(row)
    rows = [r for r in find_rebuttals(index) if r.by_speaker in own or r.target_speaker in own]
    return PersonView(
        person=_person_row(index, person, received),
        groups=tuple(_person_row(index, g, received) for g in index.groups_of.get(person.id, ())),
        members=tuple(
            _person_row(index, index.people[m], received)
            for m in person.members
            if m in index.people
        ),
        authored=tuple(
            _source_row(index, s)
            for s in index.sources.values()
            if person.id in s.authors or person.id in s.editors
        ),
        claims=tuple(
            SourceClaims(_source_row(index, index.sources[s]), tuple(c))
            for s, c in per_source.items()
            if s in index.sources
        ),
        rebuts=tuple(_pairs(index, (r for r in rows if r.by_speaker in own))),
        rebutted_by=tuple(_pairs(index, (r for r in rows if r.target_speaker in own))),
    )
