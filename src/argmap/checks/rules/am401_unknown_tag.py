"""Claims use only the tags the corpus declares.

## What it does
When the corpus declares a tag vocabulary (top-level `tags:`), flags every
claim tag that is not in it, with the closest declared tag.

## Why is this bad?
A vocabulary is only useful if it is closed: `kurils` next to
`territorial-dispute` splits one topic in two, and `argmap claims --tag`
finds half of it.

## Example
```yaml
tags:
  - {id: territorial-dispute, description: The Southern Kurils / Northern Territories}
claims:
  - {id: c1, tags: [kurils]}
```

Use instead:
```yaml
claims:
  - {id: c1, tags: [territorial-dispute]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import did_you_mean

CODE = "AM401"
NAME = "unknown-tag"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    if not index.tags:
        return
    for i, claim in enumerate(index.corpus.claims):
        for j, tag in enumerate(claim.tags):
            if tag not in index.tags:
                yield Finding(
                    f"tag {tag!r} is not in the corpus's tags{did_you_mean(tag, index.tags)}",
                    claim.id,
                    node=("claims", i, "tags", j),
                )
