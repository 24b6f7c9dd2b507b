"""Helpers every question shares: voices, roles, reporters, source labels."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmap.corpus import Claim, Rebuttal, Source
from argmap.index import Index
from argmap.vocabulary import ClaimRole

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
    if index.agreements_of.get(claim_id):
        roles.append(ClaimRole.AGREEING)
    if index.stances_of.get(claim_id):
        roles.append(ClaimRole.STANCE)
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
