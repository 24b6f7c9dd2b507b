"""A claim's text is the annotator's wording, not a copy of the quote.

## What it does
Flags a claim whose `text` equals its `quote` once both are normalised and
lower-cased.

## Why is this bad?
`text` must stand alone: pronouns resolved, actors named, readable without
the article ("It cannot" -> "Japan cannot use Russia against China"). A
copied quote usually fails that, and says nothing the quote does not.

## Example
```yaml
text: Forget it.
quote: Forget it.
```

Use instead:
```yaml
text: Japan cannot play the Russia card against China.
quote: Forget it.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.quotes import normalise

CODE = "AM404"
NAME = "text-repeats-quote"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    for claim in context.index.corpus.claims:
        if claim.quote is None or abs(len(claim.text) - len(claim.quote)) > len(claim.quote) // 4:
            continue  # lengths this far apart cannot normalise to the same words
        if normalise(claim.text).lower().rstrip(".") == normalise(claim.quote).lower().rstrip("."):
            yield Finding(
                f"claim {claim.id!r}: text repeats the quote; write it in your own words",
                claim.id,
                "text",
            )
