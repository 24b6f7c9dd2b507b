"""Every reference names an entity of the right kind.

## What it does
Checks that `speaker`, `authors`, `editors` and `members` name people;
`source` names a source; `conclusion`, `premises` and `by` name claims; and
`target` names a claim or an argument; an agreement's `claims` and a
stance's `claim` name claims, its `question` a question; a question's
`source` names a source and its `posed_by` a person. A miss suggests the
closest id.

## Why is this bad?
A dangling reference drops a claim from every query about its speaker and
an edge from every diagram, without a word.

## Example
```yaml
claims:
  - id: trenin-no-russia-card
    speaker: dmitry-trenin        # the person is dmitri-trenin
```

Use instead:
```yaml
claims:
  - id: trenin-no-russia-card
    speaker: dmitri-trenin
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import did_you_mean
from argmap.index import Index
from argmap.positions import NodePath

CODE = "AM103"
NAME = "unresolved-reference"
SEVERITY = "error"


def _resolve(
    index: Index, entity_id: str, field: str, ref: str, kinds: tuple[str, ...], node: NodePath
) -> Iterator[Finding]:
    located = index.by_id.get(ref)
    wanted = " or ".join(kinds)
    if located is None:
        pool = [i for i, loc in index.by_id.items() if loc.kind in kinds]
        yield Finding(
            f"{field} {ref!r} is not a known {wanted}{did_you_mean(ref, pool)}",
            entity_id,
            node=node,
        )
    elif located.kind not in kinds:
        yield Finding(f"{field} {ref!r} is a {located.kind}, not a {wanted}", entity_id, node=node)


def check(context: CheckContext) -> Iterator[Finding]:
    index = context.index
    corpus = index.corpus
    for i, person in enumerate(corpus.people):
        for j, member in enumerate(person.members):
            yield from _resolve(
                index, person.id, "member", member, ("person",), ("people", i, "members", j)
            )
    for i, source in enumerate(corpus.sources):
        for field in ("authors", "editors"):
            for j, ref in enumerate(getattr(source, field)):
                yield from _resolve(
                    index, source.id, field[:-1], ref, ("person",), ("sources", i, field, j)
                )
    for i, claim in enumerate(corpus.claims):
        yield from _resolve(
            index, claim.id, "speaker", claim.speaker, ("person",), ("claims", i, "speaker")
        )
        yield from _resolve(
            index, claim.id, "source", claim.source, ("source",), ("claims", i, "source")
        )
    for i, argument in enumerate(corpus.arguments):
        yield from _resolve(
            index,
            argument.id,
            "conclusion",
            argument.conclusion,
            ("claim",),
            ("arguments", i, "conclusion"),
        )
        for j, premise in enumerate(argument.premises):
            yield from _resolve(
                index, argument.id, "premise", premise, ("claim",), ("arguments", i, "premises", j)
            )
    for i, rebuttal in enumerate(corpus.rebuttals):
        yield from _resolve(
            index, rebuttal.id, "by", rebuttal.by, ("claim",), ("rebuttals", i, "by")
        )
        yield from _resolve(
            index,
            rebuttal.id,
            "target",
            rebuttal.target,
            ("claim", "argument"),
            ("rebuttals", i, "target"),
        )
    for i, agreement in enumerate(corpus.agreements):
        for j, ref in enumerate(agreement.claims):
            yield from _resolve(
                index, agreement.id, "claim", ref, ("claim",), ("agreements", i, "claims", j)
            )
    for i, question in enumerate(corpus.questions):
        if question.source is not None:
            yield from _resolve(
                index,
                question.id,
                "source",
                question.source,
                ("source",),
                ("questions", i, "source"),
            )
        if question.posed_by is not None:
            yield from _resolve(
                index,
                question.id,
                "posed_by",
                question.posed_by,
                ("person",),
                ("questions", i, "posed_by"),
            )
    for i, stance in enumerate(corpus.stances):
        yield from _resolve(
            index,
            stance.id,
            "question",
            stance.question,
            ("question",),
            ("stances", i, "question"),
        )
        yield from _resolve(
            index, stance.id, "claim", stance.claim, ("claim",), ("stances", i, "claim")
        )
