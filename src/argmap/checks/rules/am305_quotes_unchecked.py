"""Quotes that could not be checked are said so, never passed in silence.

## What it does
Reports, at information level: once, when no texts directory was given
(`--texts` or `$ARGMAP_TEXTS`) although sources name text files; and for
each source with quoted claims but no `text` file, how many of its quotes
go unchecked.

## Why is this bad?
It never fails a run. But a clean run without texts must not read as
"every quote verified": this finding says what was not verified and why.

## Example
```console
$ argmap check                       # quotes not checked: no --texts
```

Use instead:
```console
$ argmap check --texts ../shared/texts
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM305"
NAME = "quotes-unchecked"
SEVERITY = "info"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    quoted: dict[str, int] = {}
    for claim in index.corpus.claims:
        if claim.quote is not None:
            quoted[claim.source] = quoted.get(claim.source, 0) + 1
    with_text = [s for s in index.corpus.sources if s.text is not None]
    if context.texts is None and with_text:
        total = sum(quoted.get(s.id, 0) for s in with_text)
        yield Finding(
            f"{total} quotes in {len(with_text)} sources were not checked against their texts: "
            "pass --texts DIR or set ARGMAP_TEXTS",
            node=("sources",),
        )
    for source in index.corpus.sources:
        if source.text is None and quoted.get(source.id):
            yield Finding(
                f"source {source.id!r} names no text file, so its {quoted[source.id]} quotes "
                "cannot be checked; add 'text: FILE'",
                source.id,
            )
