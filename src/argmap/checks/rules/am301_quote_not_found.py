"""Every quote occurs in its source's text.

## What it does
Looks for each claim's `quote` in the text file its source names (under
`--texts`). Both are normalised first: Unicode NFKC, curly quotes to
straight ones, no-break spaces to spaces, runs of white space to one space.
An elision, `...` or `…`, splits the quote into fragments that must occur
in that order. On a miss it shows the closest passage of the text (one
sentence, at most 300 characters) with the words that differ from the quote
marked »like this« (and words only the quote has shown where they would go,
»+like this«), so the quote can be fixed in seconds. A quote with
nothing left once normalised (only spaces, elisions or invisible
characters) is reported as empty.

## Why is this bad?
The quote is the claim's anchor: the evidence that the speaker said it. A
quote that is not in the text is a misquotation, however close.

## Example
```yaml
quote: "Japan has no chance to play the Russia card"
```

Use instead:
```yaml
quote: "Japan has no chance of playing the Russia card in its relations with China."
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import source_paragraphs
from argmap.quotes import ADDED

CODE = "AM301"
NAME = "quote-not-found"
SEVERITY = "error"
NEEDS_TEXTS = True


def check(context: CheckContext) -> Iterator[Finding]:
    index, store = context.index, context.texts
    if store is None:
        return
    for claim in index.corpus.claims:
        source = index.sources.get(claim.source)
        if claim.quote is None or source is None or source.text is None:
            continue
        text = source_paragraphs(context, source)
        if text is None or text.spans(claim.quote) is not None:
            continue  # no text (AM302, AM303), or found (AM308, AM309 reuse the spans)
        loaded = store.get(source.text)
        if loaded.text is None:  # pragma: no cover - source_paragraphs had it
            continue
        match = loaded.text.find(claim.quote)
        if match.found:
            continue
        if match.empty:
            yield Finding(
                "quote is empty once normalised (only spaces, elisions or invisible "
                "characters); copy the quoted words from the text",
                claim.id,
                "quote",
            )
            continue
        message = f"quote not found in {source.text}"
        if match.missing_fragment and match.missing_fragment != claim.quote.strip():
            message += f" (fragment not found, or out of order: {_clip(match.missing_fragment)!r})"
        if match.closest:
            legend = "differing words »marked«"
            if f"»{ADDED}" in match.closest:
                legend += f", words only in the quote »{ADDED}added«"
            message += (
                f"; closest passage ({match.similarity:.0%} alike, {legend}): {match.closest!r}"
            )
        else:
            message += "; no passage of the text shares its words"
        yield Finding(message, claim.id, "quote")


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
