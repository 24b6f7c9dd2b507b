"""Claims in no argument, rebuttal, agreement or stance are listed.

## What it does
Reports, at information level, each claim that is neither a premise nor a
conclusion of any argument, neither attacks nor is attacked, agrees with
no claim and takes no stance on a question.

## Why is this bad?
It is not wrong, and never fails a run. But an isolated claim does not take
part in the debate as mapped: it shows in listings and not in any tree. A
reader should see what is isolated, and an annotator may have forgotten a
link.

## Example
```yaml
claims:
  - {id: c1, text: "A claim nothing links to."}
```

Use instead:
```yaml
arguments:
  - {id: a1, conclusion: c2, premises: [c1]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM208"
NAME = "isolated-claim"
SEVERITY = "info"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    linked: set[str] = set()
    for table in (
        index.arguments_for,
        index.premise_in,
        index.attacks_by,
        index.attacks_on,
        index.agreements_of,
        index.stances_of,
    ):
        linked.update(key for key, entries in table.items() if entries)
    for claim in index.corpus.claims:
        cid = claim.id
        if cid not in linked:
            yield Finding(f"claim {cid!r} is in no argument, rebuttal, agreement or stance", cid)
