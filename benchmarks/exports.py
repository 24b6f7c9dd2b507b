"""Time every export format on synthetic corpora, side by side with the JSON export.

    python -m benchmarks.exports              # 10k and 100k claims
    python -m benchmarks.exports 1000 20000   # chosen sizes

For each size it loads a synthetic corpus (:mod:`benchmarks.synth`: per 100
claims ~60 arguments and 10 rebuttals) once, then times each format's pure
export function on the whole corpus (best of ``--repeat`` runs) and prints
its ratio to the JSON export's time, measured in the same run. Every format
should grow linearly: GraphML and Argdown within 1.5x of JSON at 100k claims.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap.export import aif, argdown, csv, graphml, json
from argmap.formats import CsvTable
from argmap.index import Index
from argmap.loading import load
from argmap.subset import Selection, Subset, select
from benchmarks.synth import write


def formats(subset: Subset) -> dict[str, Callable[[], str]]:
    return {
        "json": lambda: json.export(subset),
        "aif": lambda: aif.export(subset),
        "graphml": lambda: graphml.export(subset),
        "argdown": lambda: argdown.export(subset, "Synthetic corpus"),
        "csv": lambda: csv.export(subset, CsvTable.RELATIONS),
    }


def best(repeat: int, work: Callable[[], str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            index = Index.build(load(write(size, Path(tmp))))
        subset = select(index, Selection())
        timings = {name: best(args.repeat, work) for name, work in formats(subset).items()}
        base = timings["json"]
        print(f"{size:,} claims")
        for name, seconds in timings.items():
            print(f"  {name:<8} {seconds:7.2f} s  {seconds / base:5.2f}x json")


if __name__ == "__main__":
    main()
