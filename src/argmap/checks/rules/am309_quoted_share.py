"""A piece's quotes together cover at most 40% of its words.

## What it does
With `--texts`, adds up the words of a source's text that its claims'
quotes cover (overlaps counted once) and flags the source when they are more
than 40% of the text's words.

## Why is this bad?
The corpus keeps short anchoring quotes and its own paraphrases, never
copies of the articles. Quotes that join into most of a piece reprint it.
`argmap stats --texts DIR` prints the share of every source.

## Example
```yaml
claims:   # three quotes that, with the others, reprint most of the piece
  - {id: c1, quote: "The whole first paragraph …"}
```

Use instead:
```yaml
claims:
  - {id: c1, quote: "the clause that carries the claim"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.anchoring import quoted_share
from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import source_paragraphs

CODE = "AM309"
NAME = "quoted-share"
SEVERITY = "warning"
NEEDS_TEXTS = True


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    limit = context.settings.max_quoted_share
    for source in index.corpus.sources:
        text = source_paragraphs(context, source)
        if text is None:
            continue
        quotes = [c.quote for c in index.claims_by_source.get(source.id, ()) if c.quote]
        covered, total = quoted_share(text, quotes)
        if total and covered / total > limit:
            yield Finding(
                f"the quotes cover {covered / total:.0%} of {source.text} ({covered} of {total} "
                f"words), over {limit:.0%}; shorten them to anchors",
                source.id,
                "text",
            )
