"""An agreement between two claims of one speaker is flagged for review.

## What it does
Flags an agreement whose two claims have the same speaker.

## Why is this bad?
Agreement maps who says the same thing as whom. A speaker repeating
themselves is usually one claim written twice (merge them, or link a
restatement in an argument's note), not an agreement. Where a speaker truly
restates a thesis in another piece and you want the link, ignore the rule
for that corpus.

## Example
```yaml
agreements:
  - {id: a1, claims: [trenin-no-card, trenin-card-unrealistic]}   # both Trenin's
```

Use instead:
```yaml
agreements:
  - {id: a1, claims: [hyodo-no-crude-card, trenin-no-card]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM216"
NAME = "same-speaker-agreement"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for agreement in index.corpus.agreements:
        first, second = agreement.claims
        speaker = index.speaker_of(first)
        if first != second and speaker is not None and speaker == index.speaker_of(second):
            yield Finding(
                f"both claims of the agreement are {speaker!r}'s ({first!r}, {second!r}); "
                "a speaker repeating themselves is one claim, not an agreement",
                agreement.id,
                "claims",
            )
