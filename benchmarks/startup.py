"""Start-up latency: what a user waits for on every query, next to its floor.

    python -m benchmarks.startup                         # 15 rounds
    python -m benchmarks.startup --runs 30
    python -m benchmarks.startup --before /tmp/old/src   # an older argmap, side by side

Every command runs in a fresh subprocess (stdout to a pipe, as in a script)
on the bundled corpus. The runs alternate (one run of each command per round)
so that a busy machine slows all of them alike, and the median is reported
with its ratio to the floor, ``python -c "import typer, pydantic, yaml,
rich"``: the libraries no query can avoid. The goal (issue 13) is at most
1.6x for ``argmap claims -a trenin`` and the other queries, with the cache
of validated corpora warm (it is filled before the first round). The
``cold`` rows read the corpus afresh (``ARGMAP_NO_CACHE=1``).

``--before DIR`` runs a second argmap from DIR (a ``src`` directory, e.g.
from ``git archive``) first on ``PYTHONPATH``. ``python -X importtime -m
argmap claims -a trenin`` shows where the import time goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
FLOOR = "import typer, pydantic, yaml, rich"

QUERIES: list[list[str]] = [
    ["claims", "-a", "trenin"],
    ["claims", "-a", "trenin", "--format", "json"],
    ["rebuttals"],
    ["matrix"],
    ["unanswered"],
    ["show", "trenin"],
    ["tree", "csis-trenin-no-russia-card"],
    ["people"],
    ["sources"],
    ["tags"],
    ["stats"],
    ["check"],
    ["diagram", "--format", "dot", "-o", "-"],
]


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="rounds (default 15)")
    parser.add_argument("--before", type=Path, help="src directory of an older argmap")
    args = parser.parse_args(argv)

    cache = tempfile.mkdtemp(prefix="argmap-bench-cache-")
    base = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "XDG_CACHE_HOME": cache}
    for name in ("ARGMAP_FILE", "PYTHONPATH", "ARGMAP_NO_CACHE"):
        base.pop(name, None)
    variants = {"now": base, "cold": {**base, "ARGMAP_NO_CACHE": "1"}}
    if args.before is not None:
        variants["before"] = {**base, "PYTHONPATH": str(args.before)}
    argmap = [PYTHON, "-m", "argmap"]
    cases: list[tuple[str, str, list[str], dict[str, str]]] = [
        ("floor", FLOOR, [PYTHON, "-c", FLOOR], base)
    ]
    for query in QUERIES:
        for label, env in variants.items():
            if label == "cold" and query[0] not in ("claims", "matrix", "check"):
                continue
            cases.append((label, "argmap " + " ".join(query), [*argmap, *query], env))

    for _, _, command, env in cases:  # warm the file cache, the bytecode and the corpus cache
        time_once(command, env)
    times: dict[int, list[float]] = {i: [] for i in range(len(cases))}
    for _ in range(args.runs):
        for i, (_, _, command, env) in enumerate(cases):
            times[i].append(time_once(command, env))

    floor = statistics.median(times[0])
    print(f"{'':7} {'command':<48} {'median':>7} {'x floor':>8}   ({args.runs} alternating runs)")
    for i, (label, name, _, _) in enumerate(cases):
        median = statistics.median(times[i])
        print(f"{label:<7} {name:<48} {median * 1000:>5.0f}ms {median / floor:>7.2f}x")
    print("Goal: at most 1.6x the floor for every query (the 'now' rows, cache warm).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
