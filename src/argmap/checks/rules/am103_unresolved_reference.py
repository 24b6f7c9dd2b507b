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

from collections.abc import Collection, Iterator

from argmap.checks import CheckContext, Finding
from argmap.checks.rules._common import did_you_mean
from argmap.index import Index
from argmap.positions import NodePath

CODE = "AM103"
NAME = "unresolved-reference"
SEVERITY = "error"

_PERSON, _SOURCE, _CLAIM, _QUESTION = ("person",), ("source",), ("claim",), ("question",)
_TARGET = ("claim", "argument")


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
    # The ids of each kind, as the index resolves them (an id's first definition,
    # whatever its kind, is the one a reference finds): a look-up per reference.
    tables: dict[str, Collection[str]] = {
        "person": index.people,
        "source": index.sources,
        "claim": index.claims,
        "argument": index.arguments,
        "question": index.questions,
    }
    others = (index.rebuttals, index.agreements, index.stances)
    if len(index.by_id) != sum(map(len, (*tables.values(), *others))):
        # An id shared by two kinds: each table keeps only the ids it defines first.
        tables = {
            kind: {ref for ref, located in index.by_id.items() if located.kind == kind}
            for kind in tables
        }

    persons, sources, claims = tables["person"], tables["source"], tables["claim"]
    arguments, questions = tables["argument"], tables["question"]

    for i, person in enumerate(corpus.people):
        for j, member in enumerate(person.members):
            if member not in persons:
                yield from _resolve(
                    index, person.id, "member", member, _PERSON, ("people", i, "members", j)
                )
    for i, source in enumerate(corpus.sources):
        for field in ("authors", "editors"):
            for j, ref in enumerate(getattr(source, field)):
                if ref not in persons:
                    yield from _resolve(
                        index, source.id, field[:-1], ref, _PERSON, ("sources", i, field, j)
                    )
    for i, claim in enumerate(corpus.claims):
        if claim.speaker not in persons:
            yield from _resolve(
                index, claim.id, "speaker", claim.speaker, _PERSON, ("claims", i, "speaker")
            )
        if claim.source not in sources:
            yield from _resolve(
                index, claim.id, "source", claim.source, _SOURCE, ("claims", i, "source")
            )
    for i, argument in enumerate(corpus.arguments):
        if argument.conclusion not in claims:
            yield from _resolve(
                index,
                argument.id,
                "conclusion",
                argument.conclusion,
                _CLAIM,
                ("arguments", i, "conclusion"),
            )
        for j, premise in enumerate(argument.premises):
            if premise not in claims:
                yield from _resolve(
                    index, argument.id, "premise", premise, _CLAIM, ("arguments", i, "premises", j)
                )
    for i, rebuttal in enumerate(corpus.rebuttals):
        if rebuttal.by not in claims:
            yield from _resolve(
                index, rebuttal.id, "by", rebuttal.by, _CLAIM, ("rebuttals", i, "by")
            )
        if rebuttal.target not in claims and rebuttal.target not in arguments:
            yield from _resolve(
                index,
                rebuttal.id,
                "target",
                rebuttal.target,
                _TARGET,
                ("rebuttals", i, "target"),
            )
    for i, agreement in enumerate(corpus.agreements):
        for j, ref in enumerate(agreement.claims):
            if ref not in claims:
                yield from _resolve(
                    index, agreement.id, "claim", ref, _CLAIM, ("agreements", i, "claims", j)
                )
    for i, question in enumerate(corpus.questions):
        if question.source is not None and question.source not in sources:
            yield from _resolve(
                index,
                question.id,
                "source",
                question.source,
                _SOURCE,
                ("questions", i, "source"),
            )
        if question.posed_by is not None and question.posed_by not in persons:
            yield from _resolve(
                index,
                question.id,
                "posed_by",
                question.posed_by,
                _PERSON,
                ("questions", i, "posed_by"),
            )
    for i, stance in enumerate(corpus.stances):
        if stance.question not in questions:
            yield from _resolve(
                index,
                stance.id,
                "question",
                stance.question,
                _QUESTION,
                ("stances", i, "question"),
            )
        if stance.claim not in claims:
            yield from _resolve(
                index, stance.id, "claim", stance.claim, _CLAIM, ("stances", i, "claim")
            )
