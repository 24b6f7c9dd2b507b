"""Time argmap evaluate: the mapping, grounded (direct and clingo) and preferred (clingo).

    python -m benchmarks.evaluate                      # bundled, 1k, 10k, 100k claims
    python -m benchmarks.evaluate 1000 10000 --repeat 1

For each corpus (the bundled one, then synthetic ones from benchmarks/synth.py)
it times, best of ``--repeat`` runs, side by side in one run:

* ``map``: building the bipolar framework from the index;
* ``grounded``: the direct linear-time solver on that framework;
* ``clingo gr``: clingo's grounded extension (cautious reasoning), for the ratio;
* ``preferred``: the preferred extensions as ``argmap evaluate`` computes them
  (grounded part fixed, independent parts solved apart by clingo:
  argmap.evaluate.decompose), and ``whole``: clingo on the whole framework at
  once, for the ratio. Skipped above ``--preferred-max`` claims, and stopped
  at ``--timeout`` seconds: a timeout is printed, not hidden.

The synthetic corpora have few cycles of attacks, so their preferred
extension is found at once. The ``+cycles`` rows answer back a share of the
rebuttals between claims (``--mutual``, default 5%), which makes even cycles:
each independent one doubles the number of preferred extensions. ``ext`` is
their number (the whole-framework search stops at ``--limit``).

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

from argmap.corpus import Rebuttal, replace
from argmap.evaluate import decompose
from argmap.evaluate.framework import build
from argmap.evaluate.solvers import SolverTimeout, TooManyExtensions
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
    whole: float | None = None
    extensions: int | None = None
    preferred_run: bool = False
    over_limit: int | None = None


def with_cycles(index: Index, share: float) -> Index:
    """The corpus with every 1/share-th rebuttal between claims answered back."""
    step = max(1, round(1 / share))
    plain = [r for r in index.corpus.rebuttals if r.target in index.claims]
    answers = [Rebuttal(id=f"{r.id}-answer", by=r.target, target=r.by) for r in plain[::step]]
    rebuttals = [*index.corpus.rebuttals, *answers]
    return Index.build(replace(index.corpus, rebuttals=rebuttals))


def measure(
    name: str, index: Index, repeat: int, timeout: float, preferred: bool, limit: int
) -> Row:
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
            row.preferred, parts = best(
                repeat,
                lambda: decompose.solve(
                    n, attacks, Semantics.PREFERRED, solver, timeout=timeout, limit=limit
                ),
            )
            row.extensions = parts.count
        except SolverTimeout:
            pass
        try:
            row.whole, _ = best(
                repeat,
                lambda: solver.extensions(
                    n, attacks, Semantics.PREFERRED, timeout=timeout, limit=limit
                ),
            )
        except SolverTimeout:
            pass
        except TooManyExtensions:
            row.whole, _ = best(1, lambda: _until_limit(solver, n, attacks, timeout, limit))
            row.over_limit = limit
    return row


def _until_limit(
    solver: ClingoSolver, n: int, attacks: list[tuple[int, int]], timeout: float, limit: int
) -> bool:
    try:
        solver.extensions(n, attacks, Semantics.PREFERRED, timeout=timeout, limit=limit)
    except TooManyExtensions:
        return True
    return False


def _seconds(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.3f}s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--preferred-max", type=int, default=10_000)
    parser.add_argument("--mutual", type=float, default=0.05)
    parser.add_argument("--limit", type=int, default=10_000)
    args = parser.parse_args()
    print(
        f"{'corpus':>8} {'claims':>7} {'nodes':>7} {'attacks':>7} {'map':>8} {'grounded':>9} "
        f"{'per 1k':>7} {'clingo gr':>9} {'ratio':>6} {'preferred':>9} {'whole':>9} {'ext':>6}"
    )
    bundled = Index.build(load(None))
    rows: list[Row] = [measure("bundled", bundled, args.repeat, args.timeout, True, args.limit)]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = write(size, Path(tmp) / str(size))
            index = Index.build(load(path))
            small = size <= args.preferred_max
            rows.append(measure("synth", index, args.repeat, args.timeout, small, args.limit))
            if small:
                cyclic = with_cycles(index, args.mutual)
                rows.append(measure("+cycles", cyclic, args.repeat, args.timeout, True, args.limit))
    for r in rows:
        per_1k = (r.map + r.grounded) / r.claims * 1000
        ratio = f"{r.clingo_grounded / r.grounded:.0f}x" if r.clingo_grounded else ""
        preferred = _seconds(r.preferred) if r.preferred_run else "-"
        whole = _seconds(r.whole) if r.preferred_run else "-"
        if r.over_limit is not None:
            whole += f" (>{r.over_limit} ext)"
        extensions = "-" if r.extensions is None else str(r.extensions)
        print(
            f"{r.corpus:>8} {r.claims:>7} {r.nodes:>7} {r.attacks:>7} {_seconds(r.map):>8} "
            f"{_seconds(r.grounded):>9} {per_1k:>6.3f}s {_seconds(r.clingo_grounded):>9} "
            f"{ratio:>6} {preferred:>9} {whole:>9} {extensions:>6}"
        )


if __name__ == "__main__":
    main()
