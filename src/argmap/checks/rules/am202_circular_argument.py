"""No argument has its conclusion among its premises.

## What it does
Flags an argument that lists its own conclusion as a premise.

## Why is this bad?
That is begging the question in the data: the argument supports a claim
with itself, and every support count and tree built on it is inflated.

## Example
```yaml
arguments:
  - id: a1
    conclusion: trenin-no-russia-card
    premises: [trenin-no-russia-card, trenin-different-baskets]
```

Use instead:
```yaml
arguments:
  - id: a1
    conclusion: trenin-no-russia-card
    premises: [trenin-different-baskets]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM202"
NAME = "circular-argument"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    for i, argument in enumerate(context.index.corpus.arguments):
        if argument.conclusion in argument.premises:
            j = argument.premises.index(argument.conclusion)
            yield Finding(
                f"conclusion {argument.conclusion!r} is also one of the argument's premises",
                argument.id,
                node=("arguments", i, "premises", j),
            )
