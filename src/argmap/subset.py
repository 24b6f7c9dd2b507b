"""Pick the part of a corpus that a diagram or an export shows.

A :class:`Selection` says what the user asked for (``-s``, ``-a``, ``-t``,
``--focus``/``--depth``, ``--relations``, ``--context``), already resolved to
ids; :func:`select` turns it into a :class:`Subset`: a smaller, valid
:class:`~argmap.corpus.Corpus` in the original file order, plus which of its
claims are only there as context. Diagrams and every export format read the
same subset, so ``argmap diagram -a hyodo`` and ``argmap export -a hyodo``
show the same claims and relations.

The rules, in order:

1. **Filters.** A claim passes when it matches every kind of filter given,
   and any one value of each (``-a hyodo -a trenin``: spoken by either).
   ``--author`` matches the claim's speaker, or a group the person is a
   member of (Chris Miller's claims include those of "Miller and Walker").
2. **Focus.** With ``--focus ID``, only claims within ``--depth`` steps of
   that claim (and passing the filters) are kept. One step crosses one
   relation: an argument joins its conclusion and all its premises (so an
   argument is never cut in half), a rebuttal joins attacker and target, an
   undercut joins the attacker with the claims of the argument it attacks,
   and an agreement joins its two claims.
3. **Relations.** An argument is kept when its conclusion and all its
   premises are kept; a rebuttal when its attacker is kept and its target
   (claim, or kept argument) too; an agreement when both its claims are.
   ``--relations support`` keeps only arguments, ``attack`` only rebuttals
   (plus the arguments that undercuts attack, which they need), ``agree``
   only agreements. With ``support``, ``attack`` or ``agree``, claims left
   without any relation are dropped; with ``all`` they stay. Stances (claim
   kept), with the questions they answer, go with ``all`` only.
4. **Context.** With ``--context``, the claims one relation away from the
   selection that the filters left out are added back, flagged as context,
   so that "what did Trenin answer?" shows the claim he answered.

People, sources and tags are pruned to those the kept claims refer to,
unless nothing was filtered, in which case the corpus is returned whole.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from argmap.corpus import Agreement, Argument, Claim, Corpus, Rebuttal
from argmap.errors import LookupFailed
from argmap.formats import Relations
from argmap.index import Index

DEFAULT_DEPTH = 2
"""How far ``--focus`` reaches when ``--depth`` is not given."""


@dataclass(frozen=True)
class Selection:
    """What to show, with every name already resolved to an id."""

    sources: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    focus: str | None = None
    depth: int = DEFAULT_DEPTH
    relations: Relations = Relations.ALL
    context: bool = False

    @property
    def filtered(self) -> bool:
        """Whether anything at all is left out."""
        return bool(
            self.sources
            or self.speakers
            or self.tags
            or self.focus
            or self.relations is not Relations.ALL
        )


@dataclass(frozen=True)
class Subset:
    """The selected part of a corpus, ready for export."""

    corpus: Corpus
    """A valid corpus holding only what was selected, in file order."""
    selection: Selection
    context: frozenset[str] = field(default_factory=frozenset)
    """Claim ids present only as context (``--context``): drawn faded."""
    whole: Corpus | None = None
    """The corpus this was cut from (``None``: ``corpus`` itself). What must not change
    with the selection, such as each speaker's colour, is decided on it."""

    @property
    def full(self) -> Corpus:
        """The corpus this subset was cut from."""
        return self.whole if self.whole is not None else self.corpus

    @property
    def size(self) -> int:
        """Claims plus arguments: what a diagram's layout has to place, roughly."""
        return len(self.corpus.claims) + len(self.corpus.arguments)


def _members(argument: Argument) -> list[str]:
    return [argument.conclusion, *argument.premises]


def _rebuttal_members(index: Index, rebuttal: Rebuttal) -> list[str]:
    """The claims a rebuttal joins: attacker and target claim, or the undercut argument's."""
    argument = index.arguments.get(rebuttal.target)
    if argument is not None:
        return [rebuttal.by, *_members(argument)]
    return [rebuttal.by, rebuttal.target]


def _hyperedges(index: Index, relations: Relations) -> Iterator[list[str]]:
    """Each relation as the set of claims it joins (only those that exist)."""
    if relations in (Relations.SUPPORT, Relations.ALL):
        for argument in index.corpus.arguments:
            yield [c for c in _members(argument) if c in index.claims]
    if relations in (Relations.ATTACK, Relations.ALL):
        for rebuttal in index.corpus.rebuttals:
            yield [c for c in _rebuttal_members(index, rebuttal) if c in index.claims]
    if relations in (Relations.AGREE, Relations.ALL):
        for agreement in index.corpus.agreements:
            yield [c for c in agreement.claims if c in index.claims]


def _matches(index: Index, selection: Selection) -> set[str]:
    sources = set(selection.sources)
    speakers = set(selection.speakers)
    tags = set(selection.tags)
    if speakers:
        # A group speaks for its members: Miller's claims include Miller and Walker's.
        speakers |= {
            group.id for person in list(speakers) for group in index.groups_of.get(person, [])
        }
    kept = set()
    for claim in index.corpus.claims:
        if sources and claim.source not in sources:
            continue
        if speakers and claim.speaker not in speakers:
            continue
        if tags and not tags.intersection(claim.tags):
            continue
        kept.add(claim.id)
    return kept


def _neighbourhood(
    index: Index, focus: str, depth: int, allowed: set[str], relations: Relations
) -> set[str]:
    """Claims within ``depth`` relation steps of ``focus``, walking only through ``allowed``."""
    adjacent: dict[str, list[list[str]]] = {}
    for edge in _hyperedges(index, relations):
        for claim_id in edge:
            adjacent.setdefault(claim_id, []).append(edge)
    allowed = allowed | {focus}
    seen = {focus}
    queue = deque([(focus, 0)])
    while queue:
        claim_id, distance = queue.popleft()
        if distance >= depth:
            continue
        for edge in adjacent.get(claim_id, []):
            if not all(member in allowed for member in edge):
                continue
            for member in edge:
                if member not in seen:
                    seen.add(member)
                    queue.append((member, distance + 1))
    return seen


def _kept_relations(
    index: Index, claims: set[str], relations: Relations
) -> tuple[list[Argument], list[Rebuttal]]:
    corpus = index.corpus
    rebuttals = []
    if relations in (Relations.ATTACK, Relations.ALL):
        rebuttals = [
            r
            for r in corpus.rebuttals
            if r.by in claims
            and all(c in claims for c in _rebuttal_members(index, r))
            and (r.target in index.claims or r.target in index.arguments)
        ]
    undercut = {r.target for r in rebuttals if r.target in index.arguments}
    arguments = [
        a
        for a in corpus.arguments
        if (relations in (Relations.SUPPORT, Relations.ALL) or a.id in undercut)
        and all(c in claims for c in _members(a))
    ]
    return arguments, rebuttals


def _context_for(index: Index, claims: set[str], relations: Relations) -> set[str]:
    """Claims one relation away from ``claims`` that are not in it."""
    extra: set[str] = set()
    for edge in _hyperedges(index, relations):
        if any(c in claims for c in edge):
            extra.update(c for c in edge if c not in claims)
    return extra


def _agreements(corpus: Corpus, claims: set[str]) -> list[Agreement]:
    """The agreements both of whose claims are in ``claims``."""
    return [a for a in corpus.agreements if all(c in claims for c in a.claims)]


def _touched(
    arguments: Iterable[Argument], rebuttals: Iterable[Rebuttal], index: Index
) -> set[str]:
    ids: set[str] = set()
    for argument in arguments:
        ids.update(_members(argument))
    for rebuttal in rebuttals:
        ids.update(_rebuttal_members(index, rebuttal))
    return ids


def select(index: Index, selection: Selection) -> Subset:
    """The part of the corpus that ``selection`` asks for (see the module docstring)."""
    corpus = index.corpus
    if not selection.filtered:
        return Subset(corpus, selection, whole=corpus)
    if selection.focus is not None and selection.focus not in index.claims:
        raise LookupFailed(f"no claim {selection.focus!r} to focus on")

    claims = _matches(index, selection)
    if selection.focus is not None:
        claims = _neighbourhood(
            index, selection.focus, max(selection.depth, 0), claims, selection.relations
        )
    context: set[str] = set()
    if selection.context:
        context = _context_for(index, claims, selection.relations)
        claims |= context
    arguments, rebuttals = _kept_relations(index, claims, selection.relations)
    agreements = (
        _agreements(corpus, claims)
        if selection.relations in (Relations.AGREE, Relations.ALL)
        else []
    )
    if context:
        # Relations among context claims alone are not about the selection (but an
        # argument that a kept undercut attacks stays, or the undercut would dangle).
        rebuttals = [r for r in rebuttals if not set(_rebuttal_members(index, r)) <= context]
        undercut = {r.target for r in rebuttals}
        arguments = [a for a in arguments if a.id in undercut or not set(_members(a)) <= context]
        agreements = [a for a in agreements if not set(a.claims) <= context]
    touched = _touched(arguments, rebuttals, index)
    touched.update(c for a in agreements for c in a.claims)
    if selection.relations is not Relations.ALL:
        keep = set(touched)
        if selection.focus is not None:
            keep.add(selection.focus)
        claims &= keep
        context &= keep
    if context:
        # A context claim that no kept relation ties to the selection is noise.
        untied = context - touched
        claims -= untied
        context -= untied
    kept_claims = [c for c in corpus.claims if c.id in claims]
    return Subset(
        _pruned(index, kept_claims, arguments, rebuttals, agreements, selection.relations),
        selection,
        frozenset(context),
        whole=corpus,
    )


def _pruned(
    index: Index,
    claims: list[Claim],
    arguments: list[Argument],
    rebuttals: list[Rebuttal],
    agreements: list[Agreement],
    relations: Relations = Relations.ALL,
) -> Corpus:
    corpus = index.corpus
    source_ids = {c.source for c in claims}
    sources = [s for s in corpus.sources if s.id in source_ids]
    people_ids = {c.speaker for c in claims}
    for source in sources:
        people_ids.update(source.authors)
        people_ids.update(source.editors)
    for person_id in list(people_ids):
        person = index.people.get(person_id)
        if person is not None:
            people_ids.update(person.members)
    tag_ids = {t for c in claims for t in c.tags}
    kept = {c.id for c in claims}
    # Agreements (which argmap evaluate reads) go with their claims, unless only
    # supports or only attacks are asked for; stances too, with everything; a
    # question goes with the stances on it.
    everything = relations is Relations.ALL
    agreements = [a for a in agreements if all(c in kept for c in a.claims)]
    stances = [
        s
        for s in corpus.stances
        if everything and s.claim in kept and s.question in index.questions
    ]
    asked = {s.question for s in stances}
    questions = [q for q in corpus.questions if q.id in asked]
    for question in questions:
        if question.posed_by is not None and question.posed_by in index.people:
            people_ids.add(question.posed_by)
    return Corpus(
        schema_version=corpus.schema_version,
        tags=[t for t in corpus.tags if t.id in tag_ids],
        people=[p for p in corpus.people if p.id in people_ids],
        sources=sources,
        claims=claims,
        arguments=arguments,
        rebuttals=rebuttals,
        agreements=agreements,
        questions=questions,
        stances=stances,
    ).with_source_map(corpus.source_map)
