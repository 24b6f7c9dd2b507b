"""An inferred rebuttal, agreement or stance says why, in a note.

## What it does
Flags a rebuttal, agreement or stance with `basis: inferred` and no
`note`.

## Why is this bad?
An inferred rebuttal is the annotator's reading, usually across pieces
that never answer each other. It must survive a sceptical reader holding
both texts, and the note is where the annotator makes that case. The same
holds for an agreement the texts do not state, and for a stance on a
question the author does not address.

## Example
```yaml
rebuttals:
  - {id: r1, by: trenin-no-balancing, target: shines-russia-needs-japan, basis: inferred}
```

Use instead:
```yaml
rebuttals:
  - id: r1
    by: trenin-no-balancing
    target: shines-russia-needs-japan
    basis: inferred
    note: Trenin says Moscow does not look to Tokyo to balance Beijing; Shines says it must.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.corpus import Basis

CODE = "AM403"
NAME = "inferred-without-note"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    for rebuttal in context.index.corpus.rebuttals:
        if rebuttal.basis is Basis.INFERRED and not rebuttal.note:
            yield Finding(
                f"inferred rebuttal {rebuttal.id!r} has no note; say why the two disagree",
                rebuttal.id,
                "basis",
            )
    for agreement in context.index.corpus.agreements:
        if agreement.basis is Basis.INFERRED and not agreement.note:
            yield Finding(
                f"inferred agreement {agreement.id!r} has no note; say what the two share",
                agreement.id,
                "basis",
            )
    for stance in context.index.corpus.stances:
        if stance.basis is Basis.INFERRED and not stance.note:
            yield Finding(
                f"inferred stance {stance.id!r} has no note; say how the claim answers "
                f"{stance.question!r}",
                stance.id,
                "basis",
            )
