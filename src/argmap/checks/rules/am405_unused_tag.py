"""Declared tags that no claim uses are listed.

## What it does
Reports, at information level, each tag in the vocabulary that no claim
carries.

## Why is this bad?
It never fails a run. A reader browsing `argmap tags` expects each topic to
lead somewhere; an unused tag is left over, or a topic not yet annotated.

## Example
```yaml
tags:
  - {id: syria, description: Syria}      # no claim has it
```

Use instead:
```yaml
claims:
  - {id: c1, tags: [syria]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM405"
NAME = "unused-tag"
SEVERITY = "info"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for i, tag in enumerate(index.corpus.tags):
        if not index.claims_by_tag.get(tag.id):
            yield Finding(f"tag {tag.id!r} is used by no claim", node=("tags", i))
