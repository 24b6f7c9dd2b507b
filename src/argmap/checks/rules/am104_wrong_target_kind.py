"""A rebut targets a claim; an undercut targets an argument.

## What it does
Checks that `kind: rebut` rebuttals name a claim as `target`, and
`kind: undercut` rebuttals name an argument.

## Why is this bad?
A rebut says a claim is false. An undercut grants the premises and denies
that they support the conclusion: it attacks the inference, which is the
argument. Mixing them up draws the attack at the wrong node and counts it
against the wrong speaker.

## Example
```yaml
rebuttals:
  - id: trenin-undercuts-hyodo
    by: trenin-different-baskets
    target: hyodo-room-for-ties          # a claim
    kind: undercut
```

Use instead:
```yaml
rebuttals:
  - id: trenin-undercuts-hyodo
    by: trenin-different-baskets
    target: hyodo-room-for-ties-argument # the argument
    kind: undercut
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.corpus import RebuttalKind

CODE = "AM104"
NAME = "wrong-target-kind"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for i, rebuttal in enumerate(index.corpus.rebuttals):
        node = ("rebuttals", i, "target")
        if rebuttal.kind is RebuttalKind.UNDERCUT and rebuttal.target in index.claims:
            hint = ""
            arguments = index.arguments_for.get(rebuttal.target, [])
            if arguments:
                hint = f" such as {arguments[0].id!r}"
            yield Finding(
                f"undercut targets claim {rebuttal.target!r}; an undercut attacks an argument"
                f"{hint}; use kind: rebut to attack the claim itself",
                rebuttal.id,
                node=node,
            )
        elif rebuttal.kind is RebuttalKind.REBUT and rebuttal.target in index.arguments:
            yield Finding(
                f"rebut targets argument {rebuttal.target!r}; use kind: undercut to attack "
                "an inference, or target the argument's conclusion claim",
                rebuttal.id,
                node=node,
            )
