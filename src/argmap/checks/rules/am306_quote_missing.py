"""Every claim is anchored by a quote.

## What it does
Flags a claim with no `quote`.

## Why is this bad?
The quote is the evidence that the speaker advanced the claim. Without it
the claim is the annotator's word alone, and a reader cannot check it
against the text.

## Example
```yaml
claims:
  - id: trenin-no-russia-card
    text: Japan cannot use its ties with Russia as leverage against China.
```

Use instead:
```yaml
claims:
  - id: trenin-no-russia-card
    text: Japan cannot use its ties with Russia as leverage against China.
    quote: "Japan has no chance of playing the Russia card in its relations with China."
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM306"
NAME = "quote-missing"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    for claim in context.index.corpus.claims:
        if claim.quote is None:
            yield Finding(f"claim {claim.id!r} has no quote; add the verbatim span", claim.id)
