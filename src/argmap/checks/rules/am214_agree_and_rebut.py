"""Two claims that agree do not also rebut one another.

## What it does
Flags an agreement between two claims when one of them rebuts the other
(a `rebut` between them, in either direction).

## Why is this bad?
The map then contradicts itself: it says the two claims assert the same
thing and that one says the other is false. One of the two relations is
wrong, or the claims need rewording so that each says what its text says.

## Example
```yaml
agreements:
  - {id: a1, claims: [hyodo-no-card, trenin-no-card]}
rebuttals:
  - {id: r1, by: trenin-no-card, target: hyodo-no-card}
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
from argmap.vocabulary import RebuttalKind

CODE = "AM214"
NAME = "agree-and-rebut"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for agreement in index.corpus.agreements:
        first, second = agreement.claims
        if first == second:
            continue
        for by, target in ((first, second), (second, first)):
            for rebuttal in index.attacks_by.get(by, ()):
                if rebuttal.kind is RebuttalKind.REBUT and rebuttal.target == target:
                    yield Finding(
                        f"claims {first!r} and {second!r} agree, but rebuttal "
                        f"{rebuttal.id!r} says {by!r} rebuts {target!r}; remove one relation",
                        agreement.id,
                        "claims",
                    )
