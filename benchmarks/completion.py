"""Tab-press latency: an id completion against typer's own completion path.

    python -m benchmarks.completion              # 15 rounds
    python -m benchmarks.completion --runs 30

Each completion runs in a fresh subprocess as bash's completion script runs
it (``_ARGMAP_COMPLETE=complete_bash``, ``COMP_WORDS``, ``COMP_CWORD``) from
the repository's top, so the corpus comes from its ``[tool.argmap]``. The
runs alternate, one of each per round, so that a busy machine slows all of
them alike; medians are reported with their ratio to the floor,
``python -c pass``. ``ids`` is the fast path (``argmap.cli.fastcomplete``:
no typer, no pydantic, no YAML parse); ``options`` completes an option name,
which typer answers after building the command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGMAP = str(Path(sys.executable).parent / "argmap")

CASES: dict[str, list[str]] = {
    "floor (python -c pass)": [sys.executable, "-c", "pass"],
    "ids: argmap claims -a chris<TAB>": [ARGMAP],
    "ids: argmap show csis-trenin<TAB>": [ARGMAP],
    "options: argmap claims --for<TAB>": [ARGMAP],
}
WORDS = {
    "ids: argmap claims -a chris<TAB>": "argmap claims -a chris",
    "ids: argmap show csis-trenin<TAB>": "argmap show csis-trenin",
    "options: argmap claims --for<TAB>": "argmap claims --for",
}


def run(name: str) -> float:
    env = dict(os.environ)
    if name in WORDS:
        words = WORDS[name]
        env.update(
            _ARGMAP_COMPLETE="complete_bash",
            COMP_WORDS=words,
            COMP_CWORD=str(len(words.split(" ")) - 1),
        )
    start = time.perf_counter()
    subprocess.run(CASES[name], env=env, cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(runs):
        for name in CASES:
            times[name].append(run(name))
    floor = statistics.median(times["floor (python -c pass)"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:40} {median * 1000:7.0f} ms  {median / floor:5.1f}x floor")


if __name__ == "__main__":
    main()
