"""At most one central claim per speaker per source.

## What it does
Flags a second (third, ...) claim marked `central: true` for the same
speaker in the same source.

## Why is this bad?
`central` marks *the* main thesis of a speaker in a piece: what a summary
of their position leads with, and what diagrams highlight. Several
"central" claims dilute that to "important". Make the others premises of
the central one.

## Example
```yaml
claims:
  - {id: c1, source: s, speaker: p, central: true}
  - {id: c2, source: s, speaker: p, central: true}
```

Use instead:
```yaml
claims:
  - {id: c1, source: s, speaker: p, central: true}
  - {id: c2, source: s, speaker: p}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM207"
NAME = "multiple-central"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    first: dict[tuple[str, str], str] = {}
    for claim in context.index.corpus.claims:
        if not claim.central:
            continue
        key = (claim.speaker, claim.source)
        if key in first:
            yield Finding(
                f"{claim.speaker!r} already has a central claim in {claim.source!r} "
                f"({first[key]!r}); keep one central thesis per speaker per source",
                claim.id,
                "central",
            )
        else:
            first[key] = claim.id
