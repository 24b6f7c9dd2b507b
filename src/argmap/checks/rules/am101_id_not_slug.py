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
from argmap.checks.rules._common import SECTIONS, entities
from argmap.corpus import SLUG_PATTERN

CODE = "AM101"
NAME = "id-not-slug"
SEVERITY = "error"

SLUG = re.compile(SLUG_PATTERN)  # the JSON Schema carries the same pattern
_NOT_IN_SLUGS = re.compile(r"[^a-z0-9\n-]")


def _all_slugs(ids: list[str]) -> bool:
    """Whether every id is a slug, asked of them all at once (a few scans at C speed, not
    a match per id). False says only that one may not be: the ids are then tried one by one.

    Ids one to a line are slugs when the lines hold only a-z, 0-9 and -, none is
    empty, and none has a - at either end or two in a row.
    """
    joined = "\n" + "\n".join(ids) + "\n"
    return (
        joined.count("\n") == len(ids) + 1  # no id has a line break of its own
        and "\n\n" not in joined
        and "--" not in joined
        and "\n-" not in joined
        and "-\n" not in joined
        and _NOT_IN_SLUGS.search(joined) is None
    )


def check(context: CheckContext) -> Iterator[Finding]:
    corpus = context.index.corpus
    ids = [tag.id for tag in corpus.tags]
    for _, section in SECTIONS:
        ids += [entity.id for entity in getattr(corpus, section)]
    ids += [tag_id for claim in corpus.claims for tag_id in claim.tags]
    if _all_slugs(ids):
        return
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
