"""A speaker who is not an author of the source is marked `reported`.

## What it does
Checks each claim's speaker against its source's authors and editors (or a
group made only of them, such as joint authors). When the speaker is
someone else (a person the piece quotes or reports, or a position the
author describes and answers), the claim must say `reported: true`.

## Why is this bad?
Attribution is the point of the map. A claim an author merely reports is
not the author's claim, and a quoted speaker's claim is only as good as the
reporting. Marking it makes the annotator decide, and lets queries show
"Lavrov, as reported by Tamkin".

## Example
```yaml
claims:
  - id: cable-lavrov-no-rush
    source: tamkin-putin-abe-2016      # authors: [emily-tamkin]
    speaker: sergei-lavrov
```

Use instead:
```yaml
claims:
  - id: cable-lavrov-no-rush
    source: tamkin-putin-abe-2016
    speaker: sergei-lavrov
    reported: true
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM106"
NAME = "speaker-not-credited"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    # Many claims share a speaker and a source: each pair is asked about once.
    authors: dict[tuple[str, str], bool] = {}
    for claim in index.corpus.claims:
        source = index.sources.get(claim.source)
        if source is None or claim.speaker not in index.people or claim.reported:
            continue
        pair = (claim.speaker, source.id)
        is_author = authors.get(pair)
        if is_author is None:
            is_author = authors[pair] = index.is_author(claim.speaker, source)
        if not is_author:
            credited = ", ".join([*source.authors, *source.editors])
            yield Finding(
                f"speaker {claim.speaker!r} is not an author or editor of {source.id!r} "
                f"({credited}); if the piece quotes, reports or describes them, "
                "add 'reported: true'",
                claim.id,
                "speaker",
            )
