"""No argument lists the same premise twice.

## What it does
Flags an argument whose `premises` name one claim more than once.

## Why is this bad?
Linked premises work together: each one is a distinct reason the
conclusion needs. A repeated premise adds nothing but makes the argument
look as if it had more grounds than it has, and exports count it twice.

## Example
```yaml
arguments:
  - {id: a1, conclusion: c, premises: [p, q, p]}
```

Use instead:
```yaml
arguments:
  - {id: a1, conclusion: c, premises: [p, q]}
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM218"
NAME = "duplicate-premise"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    for argument in context.index.corpus.arguments:
        if len(set(argument.premises)) == len(argument.premises):
            continue  # the common case, counted without a Counter
        counts = Counter(argument.premises)
        repeated = [premise for premise, count in counts.items() if count > 1]
        for premise in repeated:
            yield Finding(
                f"premise {premise!r} is listed {counts[premise]} times; list it once",
                argument.id,
                "premises",
            )
