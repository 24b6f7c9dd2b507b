"""No two arguments have the same premises and the same conclusion.

## What it does
Flags an argument whose conclusion and set of premises (in any order)
repeat an earlier argument's.

## Why is this bad?
A duplicate counts the same support twice: the claim looks better grounded
than it is, and the diagram draws two identical arrows.

## Example
```yaml
arguments:
  - {id: a1, conclusion: c, premises: [p, q]}
  - {id: a2, conclusion: c, premises: [q, p]}
```

Use instead:
```yaml
arguments:
  - {id: a1, conclusion: c, premises: [p, q]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM205"
NAME = "duplicate-argument"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    seen: dict[tuple[str, frozenset[str]], str] = {}
    for argument in context.index.corpus.arguments:
        key = (argument.conclusion, frozenset(argument.premises))
        if key in seen:
            yield Finding(
                f"argument repeats {seen[key]!r}: same conclusion and premises; remove one",
                argument.id,
            )
        else:
            seen[key] = argument.id
