"""Time a quote miss in a large text: the bounded search against the old difflib scan.

    python -m benchmarks.quote_miss              # 1, 10 and 100 MB; the old scan up to 10 MB
    python -m benchmarks.quote_miss --old-up-to 100   # also the old scan on 100 MB (slow)

For each size it times, side by side in one run: normalising the text once
(:class:`~argmap.quotes.SourceText`), a quote that is found (one substring
search), a quote that is missed (the closest-passage search), and, up to
``--old-up-to`` MB, the same miss with the scan argmap used before: difflib
over every one- to three-sentence passage of the text.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import partial
from typing import TypeVar

from argmap.quotes import SourceText

_OLD_SENTENCE = re.compile(r"(?<=[.!?\"'])\s+|\n")
QUOTE = "The pipeline will pay for itself within ten years of opening."
MISSED = "The pipeline would pay for itself within ten years of its opening."


def old_closest(normalised: str, fragment: str) -> tuple[str | None, float]:
    """The closest-passage scan as it was before issue 14 (kept here to compare)."""
    passages = [p.strip() for p in _OLD_SENTENCE.split(normalised) if p.strip()]
    best: tuple[float, str] = (0.0, "")
    span = max(1, min(3, fragment.count(". ") + 1))
    frag_lower = fragment.lower()
    for size in range(1, span + 1):
        for i in range(len(passages) - size + 1):
            candidate = " ".join(passages[i : i + size])
            matcher = SequenceMatcher(None, frag_lower, candidate.lower(), autojunk=False)
            if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                continue
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, candidate)
    return (best[1] or None), round(best[0], 2)


def make_text(megabytes: int, seed: int = 1) -> str:
    """Prose-like text of about ``megabytes`` MB: sentences of common words, in paragraphs,
    with :data:`QUOTE` once in the middle."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(5000)
    ] + ["the", "of", "and", "to", "in", "pipeline", "years", "ten", "pay"]
    sentences = []
    for _ in range(2000):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(6, 24))]
        sentences.append(" ".join(words).capitalize() + ".")
    paragraphs = []
    size = 0
    target = megabytes * 1_000_000
    while size < target:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 8)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    paragraphs.insert(len(paragraphs) // 2, QUOTE)
    return "\n\n".join(paragraphs)


T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1, 10, 100], help="MB")
    parser.add_argument("--old-up-to", type=int, default=10, metavar="MB")
    args = parser.parse_args()
    print(f"{'MB':>4} {'normalise':>10} {'hit':>9} {'miss':>9} {'old miss':>10} {'ratio':>7}")
    for megabytes in args.sizes:
        raw = make_text(megabytes)
        t_load, text = timed(partial(SourceText, raw))
        t_hit, hit = timed(partial(text.find, QUOTE))
        t_miss, miss = timed(partial(text.find, MISSED))
        assert hit.found and not miss.found and miss.closest is not None, miss
        assert "»will«" in miss.closest, miss.closest
        old = "-"
        ratio = "-"
        if megabytes <= args.old_up_to:
            t_old, (closest, _) = timed(partial(old_closest, text.normalised, MISSED))
            assert closest == QUOTE, closest
            old = f"{t_old * 1000:.0f} ms"
            ratio = f"{t_old / t_miss:.0f}x"
        print(
            f"{megabytes:>4} {t_load:>9.2f}s {t_hit * 1000:>6.1f} ms {t_miss * 1000:>6.1f} ms "
            f"{old:>10} {ratio:>7}"
        )


if __name__ == "__main__":
    main()
