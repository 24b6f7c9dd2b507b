"""No claim both supports and attacks the same target.

## What it does
Flags a claim that is a premise of an argument for claim T and also rebuts
T, or that is a premise of an argument and also undercuts that argument.

## Why is this bad?
A claim cannot be a reason for and a reason against the same thing. One
of the two links is a slip, usually the wrong id in `by` or `premises`.

## Example
```yaml
arguments:
  - {id: a1, conclusion: hyodo-room-for-ties, premises: [trenin-different-baskets]}
rebuttals:
  - {id: r1, by: trenin-different-baskets, target: hyodo-room-for-ties, kind: rebut}
```

Use instead:
```yaml
rebuttals:
  - {id: r1, by: trenin-different-baskets, target: hyodo-room-for-ties, kind: rebut}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM204"
NAME = "support-and-attack"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for i, rebuttal in enumerate(index.corpus.rebuttals):
        target = rebuttal.target
        node = ("rebuttals", i, "by")
        if target in index.arguments:
            if rebuttal.by in index.arguments[target].premises:
                yield Finding(
                    f"claim {rebuttal.by!r} undercuts argument {target!r} "
                    "and is also one of its premises",
                    rebuttal.id,
                    node=node,
                )
            continue
        supporting = [a.id for a in index.premise_in.get(rebuttal.by, ()) if a.conclusion == target]
        if supporting:
            yield Finding(
                f"claim {rebuttal.by!r} rebuts {target!r} and also supports it "
                f"(premise of {', '.join(supporting)})",
                rebuttal.id,
                node=node,
            )
