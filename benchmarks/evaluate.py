"""Time argmap evaluate: the mapping, grounded (direct and clingo) and preferred (clingo).

    python -m benchmarks.evaluate                      # bundled, 1k, 10k, 100k claims
    python -m benchmarks.evaluate 1000 10000 --repeat 1

For each corpus (the bundled one, then synthetic ones from benchmarks/synth.py)
it times, best of ``--repeat`` runs, side by side in one run:

* ``map``: building the bipolar framework from the index;
* ``grounded``: the direct linear-time solver on that framework;
* ``clingo gr``: clingo's grounded extension (cautious reasoning), for the ratio;
* ``preferred``: clingo's preferred extensions (skipped above ``--preferred-max``
  claims, and stopped at ``--timeout`` seconds: a timeout is printed, not hidden).

The direct grounded solver should grow linearly: the ``per 1k`` column is the
map plus grounded time per thousand claims.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from argmap.evaluate.framework import build
from argmap.evaluate.solvers import SolverTimeout
from argmap.evaluate.solvers.clingo import ClingoSolver
from argmap.evaluate.solvers.direct import grounded
from argmap.formats import Semantics
from argmap.index import Index
from argmap.loading import load
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


@dataclass
class Row:
    corpus: str
    claims: int
    nodes: int
    attacks: int
    map: float
    grounded: float
    clingo_grounded: float | None = None
    """None: timed out."""
    preferred: float | None = None
    extensions: int | None = None
    preferred_run: bool = False


def measure(name: str, index: Index, repeat: int, timeout: float, preferred: bool) -> Row:
    t_map, framework = best(repeat, lambda: build(index))
    n, attacks = framework.numbered()
    t_grounded, extension = best(repeat, lambda: grounded(n, attacks))
    solver = ClingoSolver()
    row = Row(name, len(index.corpus.claims), n, len(attacks), t_map, t_grounded)
    try:
        row.clingo_grounded, found = best(
            repeat,
            lambda: solver.extensions(n, attacks, Semantics.GROUNDED, timeout=timeout, limit=1),
        )
        assert found == [extension], "clingo and the direct solver disagree"
    except SolverTimeout:
        pass
    if preferred:
        row.preferred_run = True
        try:
            row.preferred, extensions = best(
                repeat,
                lambda: solver.extensions(
                    n, attacks, Semantics.PREFERRED, timeout=timeout, limit=10_000
                ),
            )
            row.extensions = len(extensions)
        except SolverTimeout:
            pass
    return row


def _seconds(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.3f}s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--preferred-max", type=int, default=10_000)
    args = parser.parse_args()
    print(
        f"{'corpus':>8} {'claims':>7} {'nodes':>7} {'attacks':>7} {'map':>8} {'grounded':>9} "
        f"{'per 1k':>7} {'clingo gr':>9} {'ratio':>6} {'preferred':>9} {'ext':>4}"
    )
    rows: list[Row] = [measure("bundled", Index.build(load(None)), args.repeat, args.timeout, True)]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = write(size, Path(tmp) / str(size))
            index = Index.build(load(path))
            rows.append(
                measure("synth", index, args.repeat, args.timeout, size <= args.preferred_max)
            )
    for r in rows:
        per_1k = (r.map + r.grounded) / r.claims * 1000
        ratio = f"{r.clingo_grounded / r.grounded:.0f}x" if r.clingo_grounded else ""
        preferred = _seconds(r.preferred) if r.preferred_run else "-"
        extensions = "-" if r.extensions is None else str(r.extensions)
        print(
            f"{r.corpus:>8} {r.claims:>7} {r.nodes:>7} {r.attacks:>7} {_seconds(r.map):>8} "
            f"{_seconds(r.grounded):>9} {per_1k:>6.3f}s {_seconds(r.clingo_grounded):>9} "
            f"{ratio:>6} {preferred:>9} {extensions:>4}"
        )


if __name__ == "__main__":
    main()
