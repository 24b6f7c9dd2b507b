"""Questions nobody answers are listed.

## What it does
Reports, at information level, each question that no stance answers.

## Why is this bad?
It never fails a run. A question with no stance does not appear in
`argmap stances` or in the debate view; usually the stances are still to
be annotated.

## Example
```yaml
questions:
  - {id: russia-card, text: Could Japan play the Russia card against China?}
```

Use instead:
```yaml
questions:
  - {id: russia-card, text: Could Japan play the Russia card against China?}
stances:
  - {id: trenin-on-card, question: russia-card, claim: trenin-no-card, stance: con}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM217"
NAME = "question-without-stances"
SEVERITY = "info"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for question in index.corpus.questions:
        if not index.stances_on.get(question.id):
            yield Finding(f"no claim takes a stance on question {question.id!r}", question.id)
