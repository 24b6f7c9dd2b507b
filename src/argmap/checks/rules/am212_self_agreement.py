"""An agreement joins two different claims.

## What it does
Flags an agreement whose two `claims` are the same claim.

## Why is this bad?
An agreement says that two claims, usually of two speakers, assert the
same thing in substance. A claim agreeing with itself says nothing, and is
almost always a slip for the other claim's id.

## Example
```yaml
agreements:
  - {id: a1, claims: [hyodo-no-card, hyodo-no-card]}
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

CODE = "AM212"
NAME = "self-agreement"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    for agreement in context.index.corpus.agreements:
        first, second = agreement.claims
        if first == second:
            yield Finding(
                f"agreement joins claim {first!r} with itself; name the other claim",
                agreement.id,
                "claims",
            )
