"""Synthetic corpora of any size, with arguments, rebuttals and texts in proportion.

The shape follows the bundled corpus: per 100 claims about 60 arguments of
one to three premises, 10 rebuttals (a fifth of them undercuts, a third
inferred), 3 people and one source of 100 claims with its text file, in which
every quote occurs (some with an elision). Output is deterministic for a seed.

    python -m benchmarks.synth 10000 /tmp/synth10k      # writes corpus.yaml + texts/
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

_WORDS = (
    "russia",
    "japan",
    "china",
    "moscow",
    "tokyo",
    "beijing",
    "kremlin",
    "islands",
    "treaty",
    "balance",
    "card",
    "energy",
    "investment",
    "alliance",
    "sanctions",
    "summit",
    "leverage",
    "hedge",
    "partner",
    "security",
    "pivot",
    "asia",
    "far",
    "east",
    "diplomacy",
    "strategy",
    "interest",
    "border",
    "trade",
    "pressure",
    "concession",
    "dialogue",
    "power",
    "region",
)


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + f" {n}-{rng.randrange(10**6)}."


def make(n_claims: int, seed: int = 1) -> tuple[str, dict[str, str]]:
    """A corpus of ``n_claims`` claims as YAML text, and its texts by file name."""
    rng = random.Random(seed)
    per_source = 100
    n_sources = max(1, n_claims // per_source)
    n_people = max(2, n_claims // 33)
    texts: dict[str, str] = {}
    sentences: dict[int, list[str]] = {}
    out = ["schema_version: 1", "tags:"]
    tags = [f"topic-{i}" for i in range(12)]
    out += [f"  - id: {t}\n    description: Topic {t}" for t in tags]
    out.append("people:")
    out += [f"  - id: person-{i}\n    name: Person {i}\n    kind: person" for i in range(n_people)]
    out.append("sources:")
    for s in range(n_sources):
        lines = [_sentence(rng, rng.randint(8, 20)) for _ in range(per_source)]
        sentences[s] = lines
        name = f"source-{s}.txt"
        body = "\u201cTitle {s}\u201d\n\n" + "\n\n".join(
            " ".join(lines[i : i + 4]) for i in range(0, len(lines), 4)
        )
        texts[name] = body
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        authors = ", ".join(f"person-{(s * 3 + k) % n_people}" for k in range(2))
        out.append(
            f"  - id: source-{s}\n    title: Source {s}\n    authors: [{authors}]\n"
            f'    date: "2019-0{1 + s % 9}"\n    text: {name}\n    text_sha256: "{digest}"'
        )
    out.append("claims:")
    for c in range(n_claims):
        s = min(c // per_source, n_sources - 1)
        quote = sentences[s][c % per_source]
        words = quote.split()
        if c % 7 == 0 and len(words) > 8:
            quote = " ".join(words[:3]) + " … " + " ".join(words[-3:])
        speaker = f"person-{(s * 3 + c % 2) % n_people}"
        claim_tags = ", ".join(sorted({rng.choice(tags), rng.choice(tags)}))
        central = "\n    central: true" if c % per_source < 2 else ""
        out.append(
            f"  - id: claim-{c}\n    source: source-{s}\n    speaker: {speaker}{central}\n"
            f"    text: Paraphrase number {c} of a claim about {rng.choice(_WORDS)}.\n"
            f'    quote: "{quote}"\n    tags: [{claim_tags}]'
        )
    out.append("arguments:")
    n_arguments = n_claims * 6 // 10
    for a in range(n_arguments):
        # Support flows from higher to lower ids inside a source: never a cycle.
        conclusion = a * n_claims // max(1, n_arguments)
        base = conclusion - conclusion % per_source
        hi = min(base + per_source, n_claims)
        pool = range(conclusion + 1, hi)
        if not pool:
            continue
        premises = sorted(rng.sample(list(pool), min(len(pool), rng.randint(1, 3))))
        basis = "inferred" if a % 5 == 0 else "explicit"
        listed = ", ".join(f"claim-{p}" for p in premises)
        out.append(
            f"  - id: argument-{a}\n    conclusion: claim-{conclusion}\n"
            f"    premises: [{listed}]\n    basis: {basis}"
        )
    out.append("rebuttals:")
    for r in range(n_claims // 10):
        by = rng.randrange(n_claims)
        target = (by + per_source + rng.randrange(per_source)) % n_claims
        if r % 5 == 0 and n_arguments:
            kind, target_id = "undercut", f"argument-{rng.randrange(n_arguments)}"
        else:
            kind, target_id = "rebut", f"claim-{target}"
        basis = "inferred" if r % 3 == 0 else "explicit"
        out.append(
            f"  - id: rebuttal-{r}\n    by: claim-{by}\n    target: {target_id}\n"
            f"    kind: {kind}\n    basis: {basis}\n    note: Attack number {r}."
        )
    return "\n".join(out) + "\n", texts


def write(n_claims: int, directory: Path, seed: int = 1) -> Path:
    """Write ``corpus.yaml`` and ``texts/`` under ``directory``; return the corpus path."""
    text, texts = make(n_claims, seed)
    (directory / "texts").mkdir(parents=True, exist_ok=True)
    for name, body in texts.items():
        (directory / "texts" / name).write_text(body, encoding="utf-8")
    corpus = directory / "corpus.yaml"
    corpus.write_text(text, encoding="utf-8")
    return corpus


if __name__ == "__main__":
    print(write(int(sys.argv[1]), Path(sys.argv[2])))
