"""A source's text is named relative to the texts directory, inside it.

## What it does
Flags a `sources[].text` that is an absolute path, or that climbs out of
the texts directory with `../`.

## Why is this bad?
Corpora are shared. A text path that reaches outside `--texts` reads
whatever file it names on the reader's machine, and breaks on every other
machine.

## Example
```yaml
text: ../../etc/passwd
```

Use instead:
```yaml
text: 004_cbeda96efbc50a99.txt
```
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath, PureWindowsPath

from argmap.checks import CheckContext, Finding
from argmap.texts import TextStatus

CODE = "AM303"
NAME = "text-path-unsafe"
SEVERITY = "error"


def _static_reason(name: str) -> str | None:
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).drive:
        return "is an absolute path; give a name relative to --texts"
    depth = 0
    for part in PurePosixPath(name.replace("\\", "/")).parts:
        depth += -1 if part == ".." else (0 if part == "." else 1)
        if depth < 0:
            return "leaves the texts directory (../); keep texts inside it"
    return None


def check(context: CheckContext) -> Iterator[Finding]:
    store = context.texts
    for source in context.index.corpus.sources:
        if source.text is None:
            continue
        reason = _static_reason(source.text)
        if reason is None and store is not None:
            loaded = store.get(source.text)
            if loaded.status is TextStatus.UNSAFE:
                reason = loaded.reason
        if reason:
            yield Finding(f"text {source.text!r} {reason}", source.id, "text")
