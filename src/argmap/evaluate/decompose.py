"""Split a framework before searching it: the grounded part first, then independent parts.

Two standard reductions, exact for complete, preferred and stable semantics
(Baroni, Giacomin and Guida 2005 on SCC-recursiveness; Liao 2014 on
decomposition; the "grounded pre-processing" of ICCMA solvers):

1. **Grounded first.** A node the grounded labelling puts ``in`` is in every
   complete (so every preferred and stable) extension, and a node it puts
   ``out`` in none. Only the ``undec`` nodes need a search, on the framework
   restricted to them: their attackers are ``undec`` or ``out``, and an
   ``out`` attacker is already countered by the grounded extension.
2. **Independent parts.** The undecided nodes fall into weakly connected
   components; the extensions of the whole are the products of the
   components' extensions (none at all when one component has none).

So a map with forty independent two-sided disputes is forty searches of two
nodes, not one search of 2^40 positions; and a claim's status is read from its
own component without ever listing the product.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from math import prod
from time import monotonic

from argmap.evaluate.solvers import (
    Attacks,
    Extension,
    Solver,
    SolverTimeout,
    TooManyExtensions,
)
from argmap.evaluate.solvers.direct import grounded
from argmap.formats import Semantics


@dataclass(frozen=True)
class Parts:
    """The extensions of a framework, kept factored."""

    fixed: frozenset[int]
    """In every extension: the grounded extension."""
    components: tuple[tuple[Extension, ...], ...]
    """Per independent part of the undecided nodes: its extensions."""

    @property
    def count(self) -> int:
        """How many extensions the whole framework has."""
        return prod(len(extensions) for extensions in self.components)

    def somewhere(self) -> frozenset[int]:
        """Nodes in at least one extension."""
        if self.count == 0:
            return frozenset()
        return self.fixed.union(*(e for extensions in self.components for e in extensions))

    def everywhere(self) -> frozenset[int]:
        """Nodes in every extension (none when there is no extension)."""
        if self.count == 0:
            return frozenset()
        common = [frozenset.intersection(*extensions) for extensions in self.components]
        return self.fixed.union(*common)

    def times_in(self) -> dict[int, tuple[int, int]]:
        """Node -> (extensions of its part that contain it, extensions of its part)."""
        counts: dict[int, tuple[int, int]] = {}
        for extensions in self.components:
            for extension in extensions:
                for node in extension:
                    seen, _ = counts.get(node, (0, 0))
                    counts[node] = (seen + 1, len(extensions))
        return counts

    def extensions(self) -> Iterator[Extension]:
        """Every extension (there may be very many: check :attr:`count` first)."""
        for choice in product(*self.components):
            yield self.fixed.union(*choice)


def _components(nodes: list[int], attacks: list[tuple[int, int]]) -> list[list[int]]:
    parent = {node: node for node in nodes}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in attacks:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for node in nodes:
        groups.setdefault(find(node), []).append(node)
    return list(groups.values())


def solve(
    n: int,
    attacks: Attacks,
    semantics: Semantics,
    solver: Solver,
    *,
    timeout: float,
    limit: int,
) -> Parts:
    """The extensions of the framework over 0..n-1, factored (see the module docstring).

    ``timeout`` bounds the whole search; ``limit`` the extensions of any one part.
    """
    fixed = grounded(n, attacks)
    if semantics is Semantics.GROUNDED:
        return Parts(fixed, ())
    out = {b for a, b in attacks if a in fixed}
    undecided = [i for i in range(n) if i not in fixed and i not in out]
    inside = set(undecided)
    restricted = [(a, b) for a, b in attacks if a in inside and b in inside]
    deadline = monotonic() + timeout
    components: list[tuple[Extension, ...]] = []
    for nodes in _components(undecided, restricted):
        local = {node: i for i, node in enumerate(nodes)}
        pairs = [(local[a], local[b]) for a, b in restricted if a in local]
        remaining = deadline - monotonic()
        if remaining <= 0:
            raise SolverTimeout(
                f"{solver.name} did not finish {semantics.value} semantics within {timeout:g} s "
                f"({n} nodes, {len(attacks)} attacks)"
            )
        try:
            found = solver.extensions(len(nodes), pairs, semantics, timeout=remaining, limit=limit)
        except SolverTimeout:
            raise SolverTimeout(
                f"{solver.name} did not finish {semantics.value} semantics within {timeout:g} s "
                f"({n} nodes, {len(attacks)} attacks)"
            ) from None
        except TooManyExtensions:
            raise TooManyExtensions(
                f"more than {limit} {semantics.value} extensions in one independent part of "
                f"the map ({len(nodes)} of its {n} nodes)"
            ) from None
        components.append(tuple(frozenset(nodes[i] for i in e) for e in found))
    return Parts(fixed, tuple(components))
