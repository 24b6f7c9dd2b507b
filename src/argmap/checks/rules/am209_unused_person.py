"""People nobody refers to are listed.

## What it does
Reports, at information level, each person who speaks no claim, poses no
question, authors or edits no source, and belongs to no group that does.

## Why is this bad?
It never fails a run. An unused entry is usually left over from an edit,
or a speaker whose claims were never added.

## Example
```yaml
people:
  - {id: yuka-koshino, name: Yuka Koshino}   # in no source, speaks no claim
```

Use instead:
```yaml
sources:
  - {id: csis-debating-japan-2019, editors: [yuka-koshino]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM209"
NAME = "unused-person"
SEVERITY = "info"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    used: set[str] = set(index.claims_by_speaker)
    for source in index.corpus.sources:
        used.update(source.authors, source.editors)
    used.update(q.posed_by for q in index.corpus.questions if q.posed_by)
    for person in index.corpus.people:
        if person.id in used:
            used.update(person.members)
    for person in index.corpus.people:
        if person.id not in used:
            yield Finding(
                f"person {person.id!r} speaks no claim, poses no question "
                "and is credited on no source",
                person.id,
            )
