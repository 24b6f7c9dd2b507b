"""The same pair of claims agrees only once.

## What it does
Flags an agreement between two claims that another agreement already joins,
in either order.

## Why is this bad?
Agreements are unordered: `[a, b]` and `[b, a]` are one agreement. A
second entry doubles every count in `argmap matrix --agreements` and every
edge in a diagram.

## Example
```yaml
agreements:
  - {id: a1, claims: [hyodo-no-card, trenin-no-card]}
  - {id: a2, claims: [trenin-no-card, hyodo-no-card]}
```

Use instead:
```yaml
agreements:
  - {id: a1, claims: [hyodo-no-card, trenin-no-card]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM213"
NAME = "duplicate-agreement"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    seen: dict[frozenset[str], str] = {}
    for agreement in context.index.corpus.agreements:
        pair = frozenset(agreement.claims)
        if len(pair) < 2:
            continue  # self-agreement (AM212)
        if pair in seen:
            yield Finding(f"agreement repeats {seen[pair]!r}; remove one", agreement.id)
        else:
            seen[pair] = agreement.id
