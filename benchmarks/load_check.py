"""Time load, validate, index and check separately on synthetic corpora.

    python -m benchmarks.load_check            # 1k, 10k and 100k claims
    python -m benchmarks.load_check 1000 5000  # chosen sizes

Each phase is timed on its own, best of ``--repeat`` runs (default 3), so the
figures show where the time goes and whether cost grows linearly with size.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from argmap.checks import run_checks
from argmap.index import Index
from argmap.loading import read_document, validate
from argmap.texts import TextStore
from benchmarks.synth import write

T = TypeVar("T")


def best(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    assert result is not None
    return min(times), result


def run(size: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(size, Path(tmp))
        texts = Path(tmp) / "texts"
        t_parse, (raw, source_map) = best(repeat, lambda: read_document(path))
        t_validate, corpus = best(repeat, lambda: validate(raw, source_map))
        t_index, index = best(repeat, lambda: Index.build(corpus))
        t_check, findings = best(repeat, lambda: run_checks(index, TextStore(texts)))
        errors = [f for f in findings if f.severity.value == "error"]
        assert not errors, errors[:3]
        return {
            "claims": size,
            "bytes": path.stat().st_size,
            "parse": t_parse,
            "validate": t_validate,
            "index": t_index,
            "check": t_check,
            "total": t_parse + t_validate + t_index + t_check,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'claims':>8} {'MiB':>6} {'parse':>8} {'validate':>9} {'index':>7} "
        f"{'check':>7} {'total':>7}  {'per 1k claims':>13}"
    )
    for size in args.sizes:
        r = run(size, args.repeat)
        print(
            f"{size:>8} {r['bytes'] / 2**20:>6.1f} {r['parse']:>7.3f}s {r['validate']:>8.3f}s "
            f"{r['index']:>6.3f}s {r['check']:>6.3f}s {r['total']:>6.3f}s "
            f"{r['total'] / size * 1000:>12.3f}s"
        )


if __name__ == "__main__":
    main()
