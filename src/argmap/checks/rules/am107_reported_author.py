"""A claim by an author of its own source is not `reported`.

## What it does
Flags `reported: true` on a claim whose speaker is an author or editor of
the claim's source.

## Why is this bad?
`reported` means "someone the authors quote or describe". On the author's
own claim it hides a mistake: usually the speaker should be the person or
group the author reports.

## Example
```yaml
claims:
  - id: csis-hyodo-room-for-ties
    source: csis-debating-japan-2019
    speaker: shinji-hyodo        # an author of the source
    reported: true
```

Use instead:
```yaml
claims:
  - id: csis-hyodo-room-for-ties
    source: csis-debating-japan-2019
    speaker: shinji-hyodo
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM107"
NAME = "reported-author"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for claim in index.corpus.claims:
        source = index.sources.get(claim.source)
        if source is None or not claim.reported:
            continue
        if index.is_author(claim.speaker, source):
            yield Finding(
                f"speaker {claim.speaker!r} is credited on {source.id!r}, so the claim is "
                "their own: remove 'reported: true', or name the speaker they report",
                claim.id,
                "reported",
            )
