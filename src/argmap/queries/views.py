"""One entity and everything around it: ``argmap show``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from argmap.corpus import Argument, Claim, Person
from argmap.errors import LookupFailed
from argmap.index import Index
from argmap.queries.agreements import (
    AgreementFilter,
    AgreementPair,
    AgreementRow,
    agreement_row,
    who_agrees_with_whom,
)
from argmap.queries.claims import ClaimFilter, find_claims
from argmap.queries.common import voices
from argmap.queries.matrix import SpeakerPair, _pairs
from argmap.queries.people import PersonRow, _person_row, _received
from argmap.queries.questions import QuestionRow, question_row
from argmap.queries.rebuttals import RebuttalFilter, find_rebuttals
from argmap.queries.rows import (
    ArgumentRow,
    ClaimRow,
    RebuttalRow,
    _argument_row,
    claim_row,
    rebuttal_row,
)
from argmap.queries.sources import SourceRow, _source_row
from argmap.queries.stances import StanceFilter, StanceRow, find_stances, positions, stance_row
from argmap.queries.tags import TagRow


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
    agreements: tuple[AgreementRow, ...] = ()
    """Agreements the claim takes part in, on either side."""
    stances: tuple[StanceRow, ...] = ()
    """The claim's answers to questions."""
    type: Literal["claim"] = "claim"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "claim": self.claim.as_dict(),
            "supported_by": [a.as_dict() for a in self.supported_by],
            "attacked_by": [r.as_dict() for r in self.attacked_by],
            "attacks": [r.as_dict() for r in self.attacks],
            "premise_in": [a.as_dict() for a in self.premise_in],
            "agreements": [a.as_dict() for a in self.agreements],
            "stances": [s.as_dict() for s in self.stances],
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
    agrees_with: tuple[AgreementPair, ...] = ()
    """Speakers they agree with (their own voice and their groups')."""
    stances: tuple[StanceRow, ...] = ()
    """Their claims' stances on the questions."""
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
            "agrees_with": [p.as_dict() for p in self.agrees_with],
            "stances": [s.as_dict() for s in self.stances],
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


@dataclass(frozen=True, slots=True)
class AgreementView:
    """An agreement: its two claims and what the annotator says they share."""

    agreement: AgreementRow
    claims: tuple[ClaimRow, ...]
    type: Literal["agreement"] = "agreement"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "agreement": self.agreement.as_dict(),
            "claims": [c.as_dict() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question, its sides counted, and every stance on it grouped by speaker."""

    question: QuestionRow
    stances: tuple[StanceRow, ...]
    type: Literal["question"] = "question"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "question": self.question.as_dict(),
            "stances": [s.as_dict() for s in self.stances],
        }


@dataclass(frozen=True, slots=True)
class StanceView:
    """A stance: the claim, the question and the side it takes."""

    stance: StanceRow
    claim: ClaimRow | None
    type: Literal["stance"] = "stance"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "stance": self.stance.as_dict(),
            "claim": self.claim.as_dict() if self.claim else None,
        }


View = (
    ClaimView
    | PersonView
    | SourceView
    | ArgumentView
    | RebuttalView
    | TagView
    | AgreementView
    | QuestionView
    | StanceView
)


def entity_id(index: Index, query: str) -> str:
    """The id ``query`` names: an exact id of any kind, else a person or source by
    :mod:`argmap.resolve`'s rules (people and sources ranked together). Raises
    :class:`~argmap.errors.LookupFailed` listing candidates or close ids."""
    from argmap import resolve

    found = resolve.entity(index, query)
    return found if isinstance(found, str) else found.entity.id


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
    if entity in index.agreements:
        agreement = index.agreements[entity]
        return AgreementView(
            agreement=agreement_row(index, agreement),
            claims=tuple(
                claim_row(index, index.claims[c]) for c in agreement.claims if c in index.claims
            ),
        )
    if entity in index.questions:
        return QuestionView(
            question=question_row(index, index.questions[entity]),
            stances=tuple(find_stances(index, StanceFilter(questions=(entity,)))),
        )
    if entity in index.stances:
        stance = index.stances[entity]
        claim = index.claims.get(stance.claim)
        speaker = claim.speaker if claim else None
        where = positions(index, stance.question).get(speaker) if speaker else None
        return StanceView(
            stance=stance_row(index, stance, where),
            claim=claim_row(index, claim) if claim else None,
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
        agreements=tuple(agreement_row(index, a) for a in index.agreements_of.get(claim.id, ())),
        stances=tuple(_stances_of(index, claim)),
    )


def _stances_of(index: Index, claim: Claim) -> list[StanceRow]:
    rows = []
    for stance in index.stances_of.get(claim.id, ()):
        where = positions(index, stance.question).get(claim.speaker)
        rows.append(stance_row(index, stance, where))
    return rows


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
        agrees_with=tuple(who_agrees_with_whom(index, AgreementFilter(people=(person.id,)))),
        stances=tuple(find_stances(index, StanceFilter(people=(person.id,)))),
    )
