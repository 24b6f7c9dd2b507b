"""Ids are kebab-case slugs.

## What it does
Checks that every id (of a tag, person, source, claim, argument or rebuttal),
and every tag a claim uses, is lower-case letters and digits in words joined
by single hyphens: `^[a-z0-9]+(-[a-z0-9]+)*$`, the pattern the JSON Schema
gives ids and references.

## Why is this bad?
Ids are typed on the command line (`argmap show trenin-no-russia-card`),
used as node names in DOT, GraphML and AIF, and compared across files.
Spaces, capitals and punctuation make them hard to type and easy to get
almost right.

## Example
```yaml
claims:
  - id: Trenin No Russia Card
```

Use instead:
```yaml
claims:
  - id: trenin-no-russia-card
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import entities
from argmap.corpus import SLUG_PATTERN

CODE = "AM101"
NAME = "id-not-slug"
SEVERITY = "error"

SLUG = re.compile(SLUG_PATTERN)  # the JSON Schema carries the same pattern


def check(context: CheckContext) -> Iterator[Finding]:
    corpus = context.index.corpus
    for i, tag in enumerate(corpus.tags):
        if not SLUG.match(tag.id):
            yield Finding(f"tag id {tag.id!r} is not a kebab-case slug", node=("tags", i, "id"))
    for kind, section, i, entity in entities(context.index):
        if not SLUG.match(entity.id):
            suggestion = re.sub(r"[^a-z0-9]+", "-", entity.id.lower()).strip("-")
            hint = f"; use e.g. {suggestion!r}" if suggestion else ""
            yield Finding(
                f"{kind} id {entity.id!r} is not a kebab-case slug{hint}",
                entity.id,
                node=(section, i, "id"),
            )
    for i, claim in enumerate(corpus.claims):
        for j, tag_id in enumerate(claim.tags):
            if not SLUG.match(tag_id):
                yield Finding(
                    f"claim {claim.id!r} uses tag {tag_id!r}, which is not a kebab-case slug",
                    claim.id,
                    node=("claims", i, "tags", j),
                )
