"""Every claim has at least one tag.

## What it does
Flags a claim with no tags.

## Why is this bad?
Tags are how a reader finds every claim on a question across pieces
(`argmap claims --tag territorial-dispute`). An untagged claim never shows
up in those views.

## Example
```yaml
claims:
  - {id: c1, tags: []}
```

Use instead:
```yaml
claims:
  - {id: c1, tags: [russia-card]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM402"
NAME = "untagged-claim"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    for claim in context.index.corpus.claims:
        if not claim.tags:
            yield Finding(f"claim {claim.id!r} has no tags", claim.id)
