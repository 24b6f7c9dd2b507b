"""Start-up latency: what a user waits for on every query, next to its floor.

    python -m benchmarks.startup              # 20 runs of each command
    python -m benchmarks.startup --runs 50

Each command runs in a fresh subprocess (stdout to a pipe, as in a script),
and the median wall time is reported with the spread. The references are
``python -c pass`` (the interpreter alone) and ``python -c "import typer,
pydantic, yaml"`` (the libraries no query can avoid), so the rest is
argmap's own: loading the bundled corpus, building the index, the query and
the rendering. ``python -X importtime -m argmap claims --author trenin``
shows where the import time goes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PYTHON = sys.executable


def _argmap() -> list[str]:
    """The installed console script when there is one (what users run), else -m."""
    script = Path(PYTHON).with_name("argmap")
    if script.is_file():
        return [str(script)]
    found = shutil.which("argmap")
    return [found] if found else [PYTHON, "-m", "argmap"]


def commands() -> list[tuple[str, list[str]]]:
    argmap = _argmap()
    return [
        ("python -c pass", [PYTHON, "-c", "pass"]),
        (
            'python -c "import typer, pydantic, yaml"',
            [PYTHON, "-c", "import typer, pydantic, yaml"],
        ),
        ("argmap --help", [*argmap, "--help"]),
        ("argmap claims --author trenin", [*argmap, "claims", "--author", "trenin"]),
        (
            "argmap claims --author trenin --format json",
            [*argmap, "claims", "--author", "trenin", "--format", "json"],
        ),
        ("argmap matrix", [*argmap, "matrix"]),
        ("argmap show trenin", [*argmap, "show", "trenin"]),
    ]


def time_runs(argv: list[str], runs: int) -> list[float]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("ARGMAP_FILE", None)  # the bundled corpus
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
        )
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20, help="runs per command (default 20)")
    args = parser.parse_args(argv)
    print(f"{'command':<46} {'median':>8} {'min':>8} {'max':>8}   ({args.runs} runs each)")
    for label, command in commands():
        time_runs(command, 2)  # warm the file cache and the bytecode
        times = time_runs(command, args.runs)
        print(
            f"{label:<46} {statistics.median(times) * 1000:>6.0f}ms "
            f"{min(times) * 1000:>6.0f}ms {max(times) * 1000:>6.0f}ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
