"""A claim is not both pro and con on one question.

## What it does
Flags a claim that has a `pro` stance and a `con` stance on the same
question.

## Why is this bad?
A claim is one assertion: it answers a question one way. A speaker may well
hold claims on both sides (a "mixed" position, which `argmap stances`
shows), but one claim on both sides means one of the stances is wrong, or
the claim holds two propositions and should be split.

## Example
```yaml
stances:
  - {id: s1, question: russia-card, claim: hyodo-limited-card, stance: pro}
  - {id: s2, question: russia-card, claim: hyodo-limited-card, stance: con}
```

Use instead:
```yaml
stances:
  - {id: s1, question: russia-card, claim: hyodo-limited-card, stance: pro}
  - {id: s2, question: russia-card, claim: hyodo-no-crude-card, stance: con}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.vocabulary import Side

CODE = "AM215"
NAME = "pro-and-con"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    first_side: dict[tuple[str, str], tuple[Side, str]] = {}
    for stance in context.index.corpus.stances:
        key = (stance.question, stance.claim)
        if key not in first_side:
            first_side[key] = (stance.stance, stance.id)
            continue
        side, other = first_side[key]
        if side is not stance.stance:
            yield Finding(
                f"claim {stance.claim!r} is {stance.stance.value} on {stance.question!r} here "
                f"and {side.value} in {other!r}; a claim answers a question one way",
                stance.id,
                "stance",
            )
