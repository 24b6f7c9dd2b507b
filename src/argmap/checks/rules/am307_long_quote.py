"""A quote is a short anchor, not a passage.

## What it does
Flags a quote of more than 30 words (`argmap check --max-quote-words N`
changes the limit), counting the words of every fragment and not the
elisions.

## Why is this bad?
The quote anchors the claim in its source: it shows where the text says it,
and lets `check --texts` verify that it does. The claim's `text` carries the
meaning. A long quote copies the article instead, and many of them reprint
it. Anchor a long passage by its first and last words: "first words …
last words", within one paragraph.

## Example
```yaml
claims:
  - id: trenin-no-card
    quote: >-
      Japan has no chance of playing the Russia card in its relations with China,
      for Moscow's ties with Beijing are a must and Russia keeps its eggs in
      different baskets when it deals with Tokyo.
```

Use instead:
```yaml
claims:
  - id: trenin-no-card
    quote: "Japan has no chance of playing the Russia card"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.anchoring import quote_words_over
from argmap.checks import CheckContext, Finding

CODE = "AM307"
NAME = "long-quote"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    limit = context.settings.max_quote_words
    for claim in context.index.corpus.claims:
        if claim.quote is None:
            continue
        count = quote_words_over(claim.quote, limit)
        if count is not None:
            yield Finding(
                f"quote has {count} words, over the limit of {limit}; anchor it by its first "
                "and last words ('first words … last words') or its key clause",
                claim.id,
                "quote",
            )
