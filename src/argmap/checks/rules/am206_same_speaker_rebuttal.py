"""A speaker rebutting their own claim is flagged for review.

## What it does
Flags a rebuttal whose attacking claim and target (for an undercut, the
argument's conclusion) have the same speaker.

## Why is this bad?
It is a warning, not an error: authors do concede and answer ("In theory
... However ..."). But the guide attributes a view an author states in
order to answer it to the view's holders (a group such as "some analysts"),
so a same-speaker rebuttal usually means the first claim is misattributed.
Where the author truly argues against a position of their own, ignore the
rule for that corpus with `--ignore AM206`.

## Example
```yaml
claims:
  - {id: c1, speaker: chris-miller, text: "Russia needs Japan to balance China."}
  - {id: c2, speaker: chris-miller, text: "Russia does not see Japan as a balance."}
rebuttals:
  - {id: r1, by: c2, target: c1}
```

Use instead:
```yaml
claims:
  - {id: c1, speaker: some-analysts, reported: true, text: "Russia needs Japan to balance China."}
  - {id: c2, speaker: chris-miller, text: "Russia does not see Japan as a balance."}
rebuttals:
  - {id: r1, by: c2, target: c1}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM206"
NAME = "same-speaker-rebuttal"
SEVERITY = "warning"


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    for rebuttal in index.corpus.rebuttals:
        attacker = index.speaker_of(rebuttal.by)
        if attacker is not None and attacker == index.target_speaker(rebuttal):
            yield Finding(
                f"{attacker!r} rebuts their own claim ({rebuttal.by!r} -> {rebuttal.target!r}); "
                "if the target is a view the speaker describes, attribute it to its holders",
                rebuttal.id,
            )
