"""Ids are unique across the whole file.

## What it does
Checks that no two entities share an id, whatever their kinds: a claim and
an argument may not both be called `trenin-baskets`. Tag ids are checked
among tags.

## Why is this bad?
References (`speaker`, `premises`, `target`, ...) name an id and nothing
else. With two entities of one id, a reference silently resolves to the
first, and every query and diagram built on it is wrong.

## Example
```yaml
claims:
  - id: hyodo-room-for-ties
arguments:
  - id: hyodo-room-for-ties
```

Use instead:
```yaml
claims:
  - id: hyodo-room-for-ties
arguments:
  - id: hyodo-room-for-ties-argument
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import SECTIONS, entities
from argmap.positions import format_path

CODE = "AM102"
NAME = "duplicate-id"
SEVERITY = "error"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    seen_tags: dict[str, int] = {}
    for i, tag in enumerate(index.corpus.tags):
        if tag.id in seen_tags:
            yield Finding(
                f"tag id {tag.id!r} is defined twice (first at tags[{seen_tags[tag.id]}])",
                node=("tags", i, "id"),
            )
        else:
            seen_tags[tag.id] = i
    if sum(len(getattr(index.corpus, section)) for _, section in SECTIONS) == len(index.by_id):
        return  # as many ids as entities: each is its id's first definition
    for kind, section, i, entity in entities(index):
        first = index.by_id[entity.id]
        if first.kind == kind and first.row == i:
            continue
        where = format_path(first.node_path)
        pos = index.locate(first.node_path)
        at = f", line {pos.line}" if pos else ""
        yield Finding(
            f"id {entity.id!r} is already used by a {first.kind} ({where}{at}); "
            "ids must be unique across all kinds",
            entity.id,
            node=(section, i, "id"),
        )
