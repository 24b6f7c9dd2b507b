"""A source's text matches the hash recorded with it.

## What it does
Compares the SHA-256 of the text file with `sources[].text_sha256`.

## Why is this bad?
The quotes were checked against one version of the text. If the file has
changed (a re-download, a cleaned copy) they may now pass by luck or fail
for no visible reason. A mismatch is a warning: check the quotes, then
record the new hash.

## Example
```yaml
text: 004_cbeda96efbc50a99.txt
text_sha256: "0000..."
```

Use instead:
```yaml
text: 004_cbeda96efbc50a99.txt
text_sha256: "<output of sha256sum 004_cbeda96efbc50a99.txt>"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.texts import TextStatus

CODE = "AM304"
NAME = "text-hash-mismatch"
SEVERITY = "warning"
NEEDS_TEXTS = True


def check(context: CheckContext) -> Iterator[Finding]:
    store = context.texts
    if store is None:
        return
    for source in context.index.corpus.sources:
        if source.text is None or source.text_sha256 is None:
            continue
        loaded = store.get(source.text)
        if loaded.status is TextStatus.OK and loaded.sha256 != source.text_sha256.lower():
            yield Finding(
                f"{source.text} has sha256 {loaded.sha256}, not the recorded "
                f"{source.text_sha256}; re-check its quotes, then update text_sha256",
                source.id,
                "text_sha256",
            )
