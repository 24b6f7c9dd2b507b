"""No claim rebuts itself.

## What it does
Flags a rebuttal whose `by` and `target` are the same claim.

## Why is this bad?
A claim cannot be its own objection; this is almost always a copy-paste
slip in `by` or `target`.

## Example
```yaml
rebuttals:
  - id: r1
    by: trenin-no-russia-card
    target: trenin-no-russia-card
```

Use instead:
```yaml
rebuttals:
  - id: r1
    by: trenin-no-russia-card
    target: hyodo-room-for-ties
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM201"
NAME = "self-rebuttal"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    for i, rebuttal in enumerate(context.index.corpus.rebuttals):
        if rebuttal.by == rebuttal.target:
            yield Finding(
                f"claim {rebuttal.by!r} rebuts itself; fix 'by' or 'target'",
                rebuttal.id,
                node=("rebuttals", i, "target"),
            )
