"""The map as a Dung argumentation framework: nodes and who attacks whom.

Two mappings (docs/evaluate.md gives the reasons and the sources):

``dung``
    Every claim is an argument and every rebuttal an attack on the claim it
    targets (an undercut attacks the conclusion of the argument it undercuts).
    Supports are left out.

``bipolar`` (the default)
    Supports count, in the spirit of ASPIC+: a claim that no argument
    concludes is a premise and stands unless attacked; a claim that arguments
    conclude stands only while at least one of them stands; an argument (an
    inference) stands while all its premises stand and no undercut defeats it.
    This is encoded in a framework of linear size with three kinds of helper
    node (the "meta-argument" construction of Cayrol and Lagasquie-Schiex):

    * the inference node ``ARGUMENT-ID``, attacked by undercuts;
    * ``not:P`` for a claim used as a premise: attacked by ``P`` and attacking
      every inference that uses ``P``, so an inference is defended exactly
      when all its premises are accepted;
    * ``unsupported:C`` for a claim with arguments: attacked by each of them
      and attacking ``C``, so ``C`` is defended only when one of them is in.

In both, claims that agree (``agreements``) say the same thing: each is
attacked by whatever attacks the other and attacks whatever the other
attacks, and in ``bipolar`` they share their support (an argument from one
of them to another is circular and left out). Agreeing claims so always get
the same status.

Node order is deterministic (claims in file order, then helper nodes in file
order), so numbering, exports and solver runs are the same byte for byte.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.formats import Mapping
from argmap.index import Index

NOT = "not:"
UNSUPPORTED = "unsupported:"


class NodeKind(StrEnum):
    """What a node of the framework stands for."""

    CLAIM = "claim"
    INFERENCE = "inference"
    """An argument's inference (bipolar): stands while its premises do and no undercut wins."""
    NOT = "not"
    """``not:P``: "premise P fails" (bipolar)."""
    UNSUPPORTED = "unsupported"
    """``unsupported:C``: "no argument for C stands" (bipolar)."""


@dataclass(frozen=True)
class Framework:
    """A Dung framework: nodes in a fixed order, and the attacks between them."""

    mapping: Mapping
    nodes: tuple[str, ...]
    kinds: dict[str, NodeKind]
    attacks: tuple[tuple[str, str], ...]
    """(attacker, attacked) pairs, without duplicates, in a fixed order."""
    agreeing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Claim id -> the other claims it agrees with (directly or through others)."""
    stated: frozenset[tuple[str, str]] = frozenset()
    """The attacks between claims that the map states (the rest come from agreements)."""

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(n for n in self.nodes if self.kinds[n] is NodeKind.CLAIM)

    def numbered(self) -> tuple[int, list[tuple[int, int]]]:
        """The framework over 0..n-1, in node order: what a solver reads."""
        number = {node: i for i, node in enumerate(self.nodes)}
        return len(self.nodes), [(number[a], number[b]) for a, b in self.attacks]

    def attackers(self) -> dict[str, list[str]]:
        """Node -> the nodes that attack it, in attack order."""
        found: dict[str, list[str]] = defaultdict(list)
        for attacker, attacked in self.attacks:
            found[attacked].append(attacker)
        return found


def _agreement_pairs(index: Index) -> Iterator[tuple[str, str]]:
    for agreement in index.corpus.agreements:
        pair = [c for c in agreement.claims if c in index.claims]
        if len(pair) == 2 and pair[0] != pair[1]:
            yield pair[0], pair[1]


def _classes(index: Index) -> dict[str, list[str]]:
    """Claim id -> its agreement class (itself and every claim it agrees with), file order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent.get(x, x)
        return root

    for a, b in _agreement_pairs(index):
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    members: dict[str, list[str]] = defaultdict(list)
    for claim in index.corpus.claims:
        if claim.id in parent:
            members[find(claim.id)].append(claim.id)
    classes: dict[str, list[str]] = {}
    for group in members.values():
        unique = list(dict.fromkeys(group))
        for claim_id in unique:
            classes[claim_id] = unique
    return classes


class _Builder:
    def __init__(self, index: Index, mapping: Mapping) -> None:
        self.index = index
        self.mapping = mapping
        self.classes = _classes(index)
        self.nodes: dict[str, NodeKind] = {}
        self.attacks: dict[tuple[str, str], None] = {}
        self.stated: set[tuple[str, str]] = set()

    def same(self, claim_id: str) -> list[str]:
        return self.classes.get(claim_id, [claim_id])

    def node(self, node_id: str, kind: NodeKind) -> None:
        self.nodes.setdefault(node_id, kind)

    def attack(self, attacker: str, attacked: str) -> None:
        self.attacks.setdefault((attacker, attacked), None)

    def claim_attack(self, attacker: str, attacked: str) -> None:
        """``attacker`` attacks ``attacked``: so does each claim it agrees with, on each
        claim ``attacked`` agrees with (a node that is no claim stands alone)."""
        self.stated.add((attacker, attacked))
        sources = self.same(attacker)
        targets = self.same(attacked) if attacked in self.index.claims else [attacked]
        for a in sources:
            for b in targets:
                self.attack(a, b)

    def build(self) -> Framework:
        index = self.index
        for claim in index.corpus.claims:
            self.node(claim.id, NodeKind.CLAIM)
        bipolar = self.mapping is Mapping.BIPOLAR
        arguments = [
            a
            for a in index.corpus.arguments
            if a.conclusion in index.claims
            and all(p in index.claims for p in a.premises)
            # An argument from a claim that agrees with its conclusion is circular:
            # it supports nothing the conclusion's class does not already say.
            and not set(a.premises) & set(self.same(a.conclusion))
        ]
        if bipolar:
            for argument in arguments:
                self.node(argument.id, NodeKind.INFERENCE)
            for argument in arguments:
                for premise in dict.fromkeys(argument.premises):
                    self.node(NOT + premise, NodeKind.NOT)
            for argument in arguments:
                self.node(UNSUPPORTED + self.same(argument.conclusion)[0], NodeKind.UNSUPPORTED)
        for rebuttal in index.corpus.rebuttals:
            if rebuttal.by not in index.claims:
                continue
            # Whatever its kind says, a rebuttal whose target is an argument attacks
            # that argument's inference (the diagram draws it so too).
            if bipolar and rebuttal.target in index.arguments:
                if rebuttal.target in self.nodes:
                    self.claim_attack(rebuttal.by, rebuttal.target)
                # else: the argument plays no part (circular, or with a dangling premise).
                continue
            target = index.target_claim(rebuttal)
            if target is not None:
                self.claim_attack(rebuttal.by, target)
        if bipolar:
            for argument in arguments:
                for premise in dict.fromkeys(argument.premises):
                    self.attack(premise, NOT + premise)
                    self.attack(NOT + premise, argument.id)
                unsupported = UNSUPPORTED + self.same(argument.conclusion)[0]
                self.attack(argument.id, unsupported)
                for claim_id in self.same(argument.conclusion):
                    self.attack(unsupported, claim_id)
        order = {node: i for i, node in enumerate(self.nodes)}
        attacks = sorted(self.attacks, key=lambda pair: (order[pair[1]], order[pair[0]]))
        agreeing = {
            claim_id: tuple(c for c in group if c != claim_id)
            for claim_id, group in self.classes.items()
        }
        return Framework(
            mapping=self.mapping,
            nodes=tuple(self.nodes),
            kinds=dict(self.nodes),
            attacks=tuple(attacks),
            agreeing=agreeing,
            stated=frozenset(self.stated),
        )


def build(index: Index, mapping: Mapping = Mapping.BIPOLAR) -> Framework:
    """The framework of ``index`` under ``mapping`` (module docstring), in linear time."""
    return _Builder(index, mapping).build()
