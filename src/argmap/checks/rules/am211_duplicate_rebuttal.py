"""No two rebuttals make the same attack.

## What it does
Flags a rebuttal with the same `by`, `target` and `kind` as an earlier one.

## Why is this bad?
It counts one attack twice in "who rebuts whom" and draws two arrows. If
the two differ only in `note`, merge the notes.

## Example
```yaml
rebuttals:
  - {id: r1, by: c2, target: c1, kind: rebut}
  - {id: r2, by: c2, target: c1, kind: rebut}
```

Use instead:
```yaml
rebuttals:
  - {id: r1, by: c2, target: c1, kind: rebut}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM211"
NAME = "duplicate-rebuttal"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    seen: dict[tuple[str, str, str], str] = {}
    for rebuttal in context.index.corpus.rebuttals:
        key = (rebuttal.by, rebuttal.target, rebuttal.kind.value)
        if key in seen:
            yield Finding(f"rebuttal repeats {seen[key]!r}; remove one", rebuttal.id)
        else:
            seen[key] = rebuttal.id
