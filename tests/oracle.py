"""The brute-force oracle: every extension by trying every subset (tests only).

Straight from Dung's definitions, with no cleverness, so that it can be read
against the paper and used to check the real solvers. Exponential: keep
frameworks under a dozen arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

Attacks = Iterable[tuple[int, int]]


def _subsets(n: int) -> list[frozenset[int]]:
    return [frozenset(c) for k in range(n + 1) for c in combinations(range(n), k)]


def extensions(n: int, attacks: Attacks, semantics: str) -> set[frozenset[int]]:
    pairs = set(attacks)
    attackers = {b: {a for a, x in pairs if x == b} for b in range(n)}

    def conflict_free(s: frozenset[int]) -> bool:
        return not any((a, b) in pairs for a in s for b in s)

    def defends(s: frozenset[int], x: int) -> bool:
        return all(any((d, a) in pairs for d in s) for a in attackers[x])

    admissible = [s for s in _subsets(n) if conflict_free(s) and all(defends(s, x) for x in s)]
    complete = [s for s in admissible if all(x in s for x in range(n) if defends(s, x))]
    if semantics == "admissible":
        return set(admissible)
    if semantics == "complete":
        return set(complete)
    if semantics == "grounded":
        return {min(complete, key=len)}
    if semantics == "preferred":
        return {s for s in admissible if not any(s < t for t in admissible)}
    if semantics == "stable":
        return {
            s
            for s in complete
            if all(any((a, x) in pairs for a in s) for x in range(n) if x not in s)
        }
    raise ValueError(semantics)
