"""Sources with no claims are listed.

## What it does
Reports, at information level, each source that no claim comes from.

## Why is this bad?
It never fails a run, but a piece listed with nothing annotated is a gap
a reader should see: its author's positions are missing from the map.

## Example
```yaml
sources:
  - {id: shines-learn-from-japan-2016}   # no claim has source: shines-learn-from-japan-2016
```

Use instead:
```yaml
claims:
  - {id: fpb-shines-us-should-learn, source: shines-learn-from-japan-2016}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM210"
NAME = "source-without-claims"
SEVERITY = "info"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for source in index.corpus.sources:
        if not index.claims_by_source.get(source.id):
            yield Finding(f"source {source.id!r} has no claims", source.id)
