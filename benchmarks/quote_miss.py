"""Time a quote miss in a large text: the closest-passage search, next to older code.

    python -m benchmarks.quote_miss                      # 1, 10 and 100 MB
    python -m benchmarks.quote_miss --before /tmp/old/src   # an older argmap, side by side
    python -m benchmarks.quote_miss 100 --old-up-to 100  # also the difflib scan at 100 MB (slow)
    python -m benchmarks.quote_miss --cpu                # CPU time: a busy machine's jobs left out

For each size it times, side by side in one run: loading the text
(:class:`~argmap.quotes.SourceText`: normalising it, and whatever the search
builds), a quote that is found (one substring search), and three quotes
that are missed, each searched for its closest passage: ``near``, the found
quote with two words changed (its middle half is right), ``mid``, the found
quote with a word of its middle changed (its middle half is wrong, its first
half right), and ``absent``, a sentence of words the text does not have (the
search gives up after its bounded number of scans).
The look-ups alternate between the versions and the best of ``--runs``
rounds is shown, so that a busy machine slows both alike.

``--before DIR`` also times the ``argmap/quotes.py`` of DIR (a ``src``
directory of an older checkout, e.g. ``git archive 4c6a20f src | tar -x -C
/tmp/old``) on the same text. Up to ``--old-up-to`` MB it also times the
near miss with the scan argmap used before issue 14: difflib over every one-
to three-sentence passage of the text.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
import time
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from argmap import quotes

_OLD_SENTENCE = re.compile(r"(?<=[.!?\"'])\s+|\n")
QUOTE = "The pipeline will pay for itself within ten years of opening."
MISSED = "The pipeline would pay for itself within ten years of its opening."
MIDDLE = "The pipeline will pay for itself inside ten years of opening."
ABSENT = "Quarterly revenue rose sharply after the merger was approved by regulators."


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


def make_text(megabytes: int, seed: int = 1, accents: bool = False) -> str:
    """Prose-like text of about ``megabytes`` MB: sentences of common words, in paragraphs,
    with :data:`QUOTE` once in the middle. With ``accents``, some words have accented
    letters and some sentences a dash (a text that is not ASCII)."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(5000)
    ] + ["the", "of", "and", "to", "in", "pipeline", "years", "ten", "pay"]
    if accents:
        vocabulary += ["déjà", "café", "—", "naïve", "coûte", "élu"] * 50
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


CLOCK = time.perf_counter
"""Wall time; ``--cpu`` switches to the process's CPU time (on a shared machine,
what other jobs take is then left out)."""


def timed(work: Callable[[], T]) -> tuple[float, T]:
    start = CLOCK()
    result = work()
    return CLOCK() - start, result


def older(src: Path) -> ModuleType:
    """The ``argmap/quotes.py`` of an older checkout's ``src`` directory, as a module."""
    path = src / "argmap" / "quotes.py"
    spec = importlib.util.spec_from_file_location("quotes_before", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"{path}: not found; pass the src directory of an argmap checkout")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def measure(module: Any, raw: str, runs: int) -> dict[str, float]:
    """Load ``raw`` with ``module``'s SourceText, then the best of ``runs`` look-ups."""
    t_load, text = timed(partial(module.SourceText, raw))
    best = {"load": t_load, "hit": 9e9, "near": 9e9, "mid": 9e9, "absent": 9e9}
    for _ in range(runs):
        # A fresh copy of the text for each round: nothing learnt by one round's
        # misses (the search remembers what it scanned for) helps the next.
        fresh = _fresh(module, text)
        shapes = (("hit", QUOTE), ("near", MISSED), ("mid", MIDDLE), ("absent", ABSENT))
        for name, quote in shapes:
            elapsed, match = timed(partial(fresh.find, quote))
            best[name] = min(best[name], elapsed)
            _verify(name, match)
    return best


def _fresh(module: Any, text: Any) -> Any:
    """A SourceText like ``text`` that has not yet looked anything up."""
    copy = object.__new__(module.SourceText)
    copy.__dict__.update({k: v for k, v in text.__dict__.items() if k not in ("_seen",)})
    return copy


def _verify(name: str, match: Any) -> None:
    if name == "hit":
        assert match.found, match
    elif name == "near":
        assert not match.found and match.closest is not None, match
        assert "»will«" in match.closest, match.closest
    elif name == "mid":
        assert not match.found and match.closest is not None, match
        assert "»within«" in match.closest, match.closest
    else:
        assert not match.found, match


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1, 10, 100], help="MB")
    parser.add_argument(
        "--before", type=Path, metavar="DIR", help="src directory of an older argmap"
    )
    parser.add_argument("--old-up-to", type=int, default=10, metavar="MB")
    parser.add_argument("--runs", type=int, default=3, help="rounds of look-ups (default 3)")
    parser.add_argument("--cpu", action="store_true", help="time CPU use instead of wall time")
    parser.add_argument(
        "--accents",
        action="store_true",
        help="a text with accented letters and dashes (not ASCII: searched as UTF-8)",
    )
    args = parser.parse_args()
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
    versions: dict[str, Any] = {"now": quotes}
    if args.before is not None:
        versions = {"before": older(args.before), **versions}
    print(
        f"{'MB':>4} {'code':<8} {'load':>8} {'hit':>9} {'near miss':>10} {'mid miss':>10}"
        f" {'absent':>10}"
    )
    for megabytes in args.sizes:
        raw = make_text(megabytes, accents=args.accents)
        rows = {name: measure(module, raw, args.runs) for name, module in versions.items()}
        for name, row in rows.items():
            print(
                f"{megabytes:>4} {name:<8} {row['load']:>7.2f}s {row['hit'] * 1000:>6.1f} ms"
                f" {row['near'] * 1000:>7.1f} ms {row['mid'] * 1000:>7.1f} ms"
                f" {row['absent'] * 1000:>7.1f} ms"
            )
        if "before" in rows:
            before, now = rows["before"], rows["now"]
            print(
                f"{megabytes:>4} {'ratio':<8} {before['load'] / now['load']:>7.2f}x"
                f" {before['hit'] / now['hit']:>8.1f}x {before['near'] / now['near']:>9.1f}x"
                f" {before['mid'] / now['mid']:>9.1f}x {before['absent'] / now['absent']:>9.1f}x"
                "   (before / now)"
            )
        if megabytes <= args.old_up_to:
            text = quotes.SourceText(raw)
            t_old, (closest, _) = timed(partial(old_closest, text.normalised, MISSED))
            assert closest == QUOTE, closest
            print(f"{megabytes:>4} {'difflib':<8} {'':>8} {'':>9} {t_old * 1000:>7.0f} ms")


if __name__ == "__main__":
    main()
