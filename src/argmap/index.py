"""The resolved graph: lookups by id and the supports and attacks in and out of each node.

Built once per corpus in linear time, so that every query after it is a
lookup and not a scan. Dangling references are kept out of the maps (the
``unresolved-reference`` rule reports them), so queries never fail on them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeVar

from argmap.collector import paused
from argmap.corpus import (
    Agreement,
    Argument,
    Claim,
    Corpus,
    Person,
    Question,
    Rebuttal,
    Source,
    Stance,
    Tag,
)
from argmap.positions import NodePath, Position

EntityKind = Literal[
    "tag", "person", "source", "claim", "argument", "rebuttal", "agreement", "question", "stance"
]
Entity = Tag | Person | Source | Claim | Argument | Rebuttal | Agreement | Question | Stance
_E = TypeVar("_E", Person, Source, Claim, Argument, Rebuttal, Agreement, Question, Stance)

_SECTION_OF: dict[EntityKind, str] = {
    "tag": "tags",
    "person": "people",
    "source": "sources",
    "claim": "claims",
    "argument": "arguments",
    "rebuttal": "rebuttals",
    "agreement": "agreements",
    "question": "questions",
    "stance": "stances",
}


class Located(NamedTuple):
    """An entity, its kind, and its place in the file."""

    kind: EntityKind
    row: int
    entity: Entity

    @property
    def node_path(self) -> NodePath:
        return (_SECTION_OF[self.kind], self.row)


@dataclass(slots=True)
class Index:
    """Everything a query, check or export needs to look up, built once."""

    corpus: Corpus
    by_id: dict[str, Located] = field(default_factory=dict)
    """First definition of each id (a later duplicate is a check finding)."""
    tags: dict[str, Tag] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    rebuttals: dict[str, Rebuttal] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    stances: dict[str, Stance] = field(default_factory=dict)
    claims_by_source: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    claims_by_speaker: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    claims_by_tag: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    arguments_for: dict[str, list[Argument]] = field(default_factory=lambda: defaultdict(list))
    """Claim id -> arguments whose conclusion it is."""
    premise_in: dict[str, list[Argument]] = field(default_factory=lambda: defaultdict(list))
    """Claim id -> arguments in which it is a premise."""
    attacks_by: dict[str, list[Rebuttal]] = field(default_factory=lambda: defaultdict(list))
    """Claim id -> rebuttals it makes."""
    attacks_on: dict[str, list[Rebuttal]] = field(default_factory=lambda: defaultdict(list))
    """Claim or argument id -> rebuttals that target it."""
    groups_of: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))
    """Person id -> groups that list them as a member."""
    agreements_of: dict[str, list[Agreement]] = field(default_factory=lambda: defaultdict(list))
    """Claim id -> agreements it takes part in (either side)."""
    stances_of: dict[str, list[Stance]] = field(default_factory=lambda: defaultdict(list))
    """Claim id -> the stances it takes."""
    stances_on: dict[str, list[Stance]] = field(default_factory=lambda: defaultdict(list))
    """Question id -> the stances taken on it."""

    @classmethod
    def build(cls, corpus: Corpus) -> Index:
        with paused():  # many small lists and no garbage cycles
            return cls._build(corpus)

    @classmethod
    def _build(cls, corpus: Corpus) -> Index:
        ix = cls(corpus)
        for declared in corpus.tags:
            ix.tags.setdefault(declared.id, declared)
        ix._register("person", corpus.people, ix.people)
        ix._register("source", corpus.sources, ix.sources)
        ix._register("claim", corpus.claims, ix.claims)
        ix._register("argument", corpus.arguments, ix.arguments)
        ix._register("rebuttal", corpus.rebuttals, ix.rebuttals)
        ix._register("agreement", corpus.agreements, ix.agreements)
        ix._register("question", corpus.questions, ix.questions)
        ix._register("stance", corpus.stances, ix.stances)
        for person in corpus.people:
            for member in person.members:
                ix.groups_of[member].append(person)
        for claim in corpus.claims:
            ix.claims_by_source[claim.source].append(claim)
            ix.claims_by_speaker[claim.speaker].append(claim)
            for tag_id in claim.tags:
                ix.claims_by_tag[tag_id].append(claim)
        for argument in corpus.arguments:
            ix.arguments_for[argument.conclusion].append(argument)
            for premise in dict.fromkeys(argument.premises):
                ix.premise_in[premise].append(argument)
        for rebuttal in corpus.rebuttals:
            ix.attacks_by[rebuttal.by].append(rebuttal)
            ix.attacks_on[rebuttal.target].append(rebuttal)
        for agreement in corpus.agreements:
            for claim_id in dict.fromkeys(agreement.claims):
                ix.agreements_of[claim_id].append(agreement)
        for stance in corpus.stances:
            ix.stances_of[stance.claim].append(stance)
            ix.stances_on[stance.question].append(stance)
        return ix

    def _register(self, kind: EntityKind, entities: Sequence[_E], table: dict[str, _E]) -> None:
        for i, entity in enumerate(entities):
            table.setdefault(entity.id, entity)
            self.by_id.setdefault(entity.id, Located(kind, i, entity))

    # -- positions ---------------------------------------------------------

    def position(self, entity_id: str, field_name: str | None = None) -> Position | None:
        """Where an entity (or one of its fields) is in the file."""
        located = self.by_id.get(entity_id)
        if located is None:
            return None
        path = located.node_path
        return self.corpus.source_map.locate((*path, field_name) if field_name else path)

    def locate(self, node: NodePath) -> Position | None:
        return self.corpus.source_map.locate(node)

    # -- small derived lookups --------------------------------------------

    def speaker_of(self, claim_id: str) -> str | None:
        claim = self.claims.get(claim_id)
        return claim.speaker if claim else None

    def target_claim(self, rebuttal: Rebuttal) -> str | None:
        """The claim a rebuttal attacks: its target, or an undercut argument's conclusion."""
        if rebuttal.target in self.claims:
            return rebuttal.target
        argument = self.arguments.get(rebuttal.target)
        if argument is not None and argument.conclusion in self.claims:
            return argument.conclusion
        return None

    def target_speaker(self, rebuttal: Rebuttal) -> str | None:
        """The speaker attacked: of the claim, or of an undercut argument's conclusion."""
        claim = self.target_claim(rebuttal)
        return self.claims[claim].speaker if claim is not None else None

    def agreeing_with(self, agreement: Agreement, claim_id: str) -> str:
        """The other claim of an agreement, seen from ``claim_id``."""
        first, second = agreement.claims
        return second if first == claim_id else first

    def display_name(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.name if person else person_id

    def is_author(self, person_id: str, source: Source) -> bool:
        """An author or editor of ``source``, or a group made only of them."""
        credited = {*source.authors, *source.editors}
        if person_id in credited:
            return True
        person = self.people.get(person_id)
        return bool(person and person.members and set(person.members) <= credited)
