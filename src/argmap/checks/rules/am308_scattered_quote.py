"""An elided quote stays within one paragraph, its fragments close together.

## What it does
With `--texts`, flags a quote whose elided fragments lie in different
paragraphs of the source, or more than 300 characters apart.

## Why is this bad?
An elision shortens one passage: "first words … last words". Fragments
gathered from across a piece make a sentence the author never wrote, and
anchor the claim nowhere in particular. Split the claim, or quote the one
passage that carries it.

## Example
```yaml
claims:
  - id: miller-no-concessions
    quote: "The Kremlin will make no concessions … Japan has little to offer"   # two paragraphs
```

Use instead:
```yaml
claims:
  - id: miller-no-concessions
    quote: "The Kremlin will make no concessions"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import source_paragraphs
from argmap.quotes import fragments

CODE = "AM308"
NAME = "scattered-quote"
SEVERITY = "warning"
NEEDS_TEXTS = True


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    gap_limit = context.settings.max_elision_gap
    for claim in index.corpus.claims:
        source = index.sources.get(claim.source)
        if claim.quote is None or source is None or len(fragments(claim.quote)) < 2:
            continue  # no elision: nothing to scatter
        text = source_paragraphs(context, source)
        if text is None:
            continue
        spans = text.spans(claim.quote)
        if spans is None:
            continue  # not found (AM301)
        first, last = text.paragraph(spans[0][0]), text.paragraph(spans[-1][0])
        widest = max(b[0] - a[1] for a, b in pairwise(spans))
        if first != last:
            yield Finding(
                f"the quote's fragments span paragraphs {first + 1}-{last + 1} of {source.text}; "
                "quote one passage, or split the claim",
                claim.id,
                "quote",
            )
        elif widest > gap_limit:
            yield Finding(
                f"an elision in the quote skips {widest} characters (more than {gap_limit}); "
                "quote one passage, or split the claim",
                claim.id,
                "quote",
            )
