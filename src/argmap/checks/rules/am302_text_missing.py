"""A source's text file exists and can be read.

## What it does
Checks that the file named by `sources[].text` is in the texts directory
(`--texts`), readable, and UTF-8.

## Why is this bad?
Without the text, none of the source's quotes can be checked: the map
would claim a verification it never did.

## Example
```yaml
sources:
  - id: csis-debating-japan-2019
    text: 004_cbeda96efbc50a99.text    # no such file
```

Use instead:
```yaml
sources:
  - id: csis-debating-japan-2019
    text: 004_cbeda96efbc50a99.txt
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import did_you_mean
from argmap.texts import TextStatus

CODE = "AM302"
NAME = "text-missing"
SEVERITY = "error"
NEEDS_TEXTS = True


def check(context: CheckContext) -> Iterator[Finding]:
    store = context.texts
    if store is None:
        return
    for source in context.index.corpus.sources:
        if source.text is None:
            continue
        loaded = store.get(source.text)
        if loaded.status in (TextStatus.MISSING, TextStatus.UNREADABLE):
            hint = ""
            if loaded.status is TextStatus.MISSING:
                names = [p.name for p in store.root.iterdir() if p.is_file()]
                hint = did_you_mean(source.text, names)
            yield Finding(f"text {source.text!r} {loaded.reason}{hint}", source.id, "text")
