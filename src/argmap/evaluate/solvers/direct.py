"""The grounded extension, computed directly in time linear in nodes plus attacks.

The grounded labelling is the least fixpoint of "in when every attacker is
out; out when some attacker is in" (Dung 1995; Modgil and Caminada 2009,
algorithm for the grounded labelling). Each node keeps a count of its
attackers not yet out; a node whose count reaches zero is in, and everything
it attacks is out. Every node and attack is visited once.
"""

from __future__ import annotations

from collections import deque

from argmap.evaluate.solvers import Attacks, Extension
from argmap.formats import Semantics


def grounded(n: int, attacks: Attacks) -> Extension:
    """The grounded extension of the framework over 0..n-1."""
    targets: list[list[int]] = [[] for _ in range(n)]
    alive = [0] * n
    """Per node: attackers not (yet) labelled out."""
    for attacker, attacked in attacks:
        targets[attacker].append(attacked)
        alive[attacked] += 1
    out = [False] * n
    accepted: set[int] = set()
    queue = deque(i for i in range(n) if alive[i] == 0)
    while queue:
        node = queue.popleft()
        accepted.add(node)
        for attacked in targets[node]:
            if out[attacked]:
                continue
            out[attacked] = True
            for next_node in targets[attacked]:
                alive[next_node] -= 1
                if alive[next_node] == 0 and not out[next_node]:
                    queue.append(next_node)
    return frozenset(accepted)


class DirectSolver:
    """Grounded semantics only: no search, so no time limit is needed."""

    name = "direct"
    semantics = frozenset({Semantics.GROUNDED})

    def extensions(
        self, n: int, attacks: Attacks, semantics: Semantics, *, timeout: float, limit: int
    ) -> list[Extension]:
        return [grounded(n, attacks)]
