"""No support cycle: A supports B supports ... A.

## What it does
Follows support from premises to conclusions across all arguments and
reports every cycle, naming the claims and arguments on it in order.

## Why is this bad?
Circular support lets a set of claims prop each other up with no ground
outside the circle. Trees and diagrams built on a cycle never bottom out.

## Example
```yaml
arguments:
  - {id: a1, conclusion: b, premises: [a]}
  - {id: a2, conclusion: a, premises: [b]}
```

Use instead:
```yaml
arguments:
  - {id: a1, conclusion: b, premises: [a]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM203"
NAME = "support-cycle"
SEVERITY = "error"


def _components(graph: dict[str, list[tuple[str, str]]]) -> list[list[str]]:
    """Strongly connected components (iterative Tarjan), in a stable order."""
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index_of:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        index_of[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, i = work[-1]
            edges = graph.get(node, [])
            if i < len(edges):
                work[-1] = (node, i + 1)
                nxt = edges[i][0]
                if nxt not in index_of:
                    index_of[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index_of[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index_of[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(component)
    return out


def _on_cycles(graph: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """``graph`` without the claims that no cycle runs through or leads to (most of them).

    Claims nothing supports are taken away, then those only they supported, and
    so on (Kahn's sort, cheaper than the components' search it spares); what is
    left has the same components of two or more claims.
    """
    supporters: dict[str, int] = {}
    for edges in graph.values():
        for claim, _ in edges:
            supporters[claim] = supporters.get(claim, 0) + 1
    free = [claim for claim in graph if claim not in supporters]
    while free:
        for claim, _ in graph.get(free.pop(), ()):
            left = supporters[claim] = supporters[claim] - 1
            if not left:
                free.append(claim)
    rest = {claim for claim, left in supporters.items() if left}
    return {
        claim: [edge for edge in edges if edge[0] in rest]
        for claim, edges in graph.items()
        if claim in rest
    }


def _cycle(graph: dict[str, list[tuple[str, str]]], members: set[str]) -> list[tuple[str, str]]:
    """One cycle through the component, as (claim, argument that leads on) steps."""
    start = min(members)
    parents: dict[str, tuple[str, str]] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt, via in graph.get(node, []):
                if nxt not in members:
                    continue
                if nxt == start:
                    steps = [(node, via)]
                    while node != start:
                        prev, how = parents[node]
                        steps.append((prev, how))
                        node = prev
                    return list(reversed(steps))
                if nxt not in parents:
                    parents[nxt] = (node, via)
                    following.append(nxt)
        frontier = following
    return []  # pragma: no cover - a component of two or more always has a cycle


def check(context: CheckContext) -> Iterator[Finding]:
    graph: dict[str, list[tuple[str, str]]] = {}
    for argument in context.index.corpus.arguments:
        for premise in argument.premises:
            if premise != argument.conclusion:  # circular-argument reports those
                graph.setdefault(premise, []).append((argument.conclusion, argument.id))
    for component in _components(_on_cycles(graph)):
        steps = _cycle(graph, set(component))
        path = "".join(f"{claim} -[{via}]-> " for claim, via in steps)
        first_claim, first_argument = steps[0]
        yield Finding(
            f"support cycle: {path}{first_claim}; remove one of these arguments to break it",
            first_argument,
        )
