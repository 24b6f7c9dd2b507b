"""Start-up latency: what a user waits for on every query, next to its floor.

    python -m benchmarks.startup                         # 15 rounds
    python -m benchmarks.startup --runs 30
    python -m benchmarks.startup --before /tmp/old/src   # an older argmap, side by side

Every command runs in a fresh subprocess (stdout to a pipe, as in a script)
from the repository's root: its corpus and settings, so ``check`` and
``stats`` also read the texts in ``../shared/texts`` when they are there.
The runs alternate (one run of each command per round) so that a busy
machine slows all of them alike, and the median is reported with its ratio
to the floor, ``python -c "import typer, pydantic, yaml, rich"``: the
libraries no query can avoid. The goal (issue 13) is at most 1.6x for
``argmap claims -a trenin`` and the other queries, with the cache of
validated corpora warm (it is filled before the first round). The ``cold``
column reads the corpus afresh (``ARGMAP_NO_CACHE=1``).

Wall time is the goal's measure. The CPU time of each run (user + system,
of the child) is printed too: on a machine shared with other jobs the wall
time also counts the waits for a core, the CPU time does not.

Where the WebAssembly Graphviz is installed, one more row runs ``check``
with its stderr on a pseudo-terminal and no ``dot`` on PATH, the layout
engine of diagrams kept (``argmap diagram --prepare`` first): what a user at
a terminal pays for the check that would start its build
(:func:`argmap.export.wasm_ready.prepare_ahead`); the plain ``check`` row
(stderr not a terminal) skips it. That difference is below the noise of whole
runs, so the function is also timed alone, in fresh processes, with what
``check`` has imported by then (goal: under 2 ms).

``--before DIR`` runs a second argmap from DIR (a ``src`` directory, e.g.
from ``git archive``) first on ``PYTHONPATH``. ``python -X importtime -m
argmap claims -a trenin`` shows where the import time goes.
"""

from __future__ import annotations

import argparse
import os
import resource
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
    ["agreements"],
    ["questions"],
    ["stances", "russia-card"],
    ["show", "trenin"],
    ["tree", "csis-trenin-no-russia-card"],
    ["people"],
    ["sources"],
    ["tags"],
    ["stats"],
    ["evaluate"],
    ["check"],
    ["diagram", "--format", "dot", "-o", "-"],
]


ROOT = Path(__file__).resolve().parents[1]


TERMINAL_CHECK = "check at a terminal, engine kept"

PREPARE_AHEAD = """
import sys, time
import argmap.cache, hashlib, importlib.util, shutil  # what check has imported by then
start = time.perf_counter()
from argmap.export import wasm_ready
outcome = wasm_ready.prepare_ahead()
took = time.perf_counter() - start
assert "wasmtime" not in sys.modules
print(took, outcome.value)
"""
"""Times what a command typed at a terminal runs on its way out (argmap.cli.lazy)."""


def time_once(
    argv: list[str],
    env: dict[str, str],
    *,
    terminal: bool = False,
    succeeds: tuple[int, ...] | None = None,
) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``argv`` (stderr on a
    pseudo-terminal when ``terminal``); with ``succeeds``, stop the benchmark unless
    it exits with one of those codes."""
    import pty

    primary, secondary = pty.openpty() if terminal else (None, None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=secondary if terminal else subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
            check=False,
        )
    finally:
        for fd in (primary, secondary):
            if fd is not None:
                os.close(fd)
    wall = time.perf_counter() - start
    if succeeds is not None and done.returncode not in succeeds:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


GOAL = 1.6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="rounds (default 15)")
    parser.add_argument("--before", type=Path, help="src directory of an older argmap")
    args = parser.parse_args(argv)

    cache = tempfile.mkdtemp(prefix="argmap-bench-cache-")
    base = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "XDG_CACHE_HOME": cache}
    # An installed argmap runs from bytecode, as the libraries of the floor do: the
    # warm-up run writes it (PYTHONDONTWRITEBYTECODE would compile argmap afresh on
    # every run, and only argmap).
    for name in ("ARGMAP_FILE", "PYTHONPATH", "ARGMAP_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
        base.pop(name, None)
    variants = {"now": base, "cold": {**base, "ARGMAP_NO_CACHE": "1"}}
    if args.before is not None:
        variants = {"before": {**base, "PYTHONPATH": str(args.before.resolve())}, **variants}
    argmap = [PYTHON, "-m", "argmap"]
    cases: dict[tuple[str, str], tuple[list[str], dict[str, str]]] = {
        ("floor", "floor"): ([PYTHON, "-c", FLOOR], base)
    }
    for query in QUERIES:
        for label, env in variants.items():
            if label == "cold" and query[0] not in ("claims", "matrix", "check"):
                continue
            cases[(label, " ".join(query))] = ([*argmap, *query], env)

    no_dot = {**base, "PATH": tempfile.mkdtemp(prefix="argmap-bench-no-dot-")}
    terminal: set[tuple[str, str]] = set()
    if _engine_kept(no_dot):
        cases[("now", TERMINAL_CHECK)] = ([*argmap, "check"], no_dot)
        terminal.add(("now", TERMINAL_CHECK))
    for key, (command, env) in cases.items():  # warm the file cache, bytecode, corpus cache
        time_once(command, env, terminal=key in terminal)
    times: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in cases}
    for _ in range(args.runs):
        for key, (command, env) in cases.items():
            times[key].append(time_once(command, env, terminal=key in terminal))
    labels = list(variants)
    print(f"{args.runs} alternating rounds; median time and its ratio to the floor")
    for measure, which in (("wall", 0), ("CPU", 1)):
        medians = {key: statistics.median(t[which] for t in runs) for key, runs in times.items()}
        floor = medians[("floor", "floor")]
        print()
        print(f"{measure} time; floor (python -c {FLOOR!r}): {floor * 1000:.0f} ms")
        print(f"{'argmap ...':<40}" + "".join(f"{label:>16}" for label in labels) + "   goal")
        for query in QUERIES:
            name = " ".join(query)
            line = f"{name:<40}"
            for label in labels:
                median = medians.get((label, name))
                if median is None:
                    line += f"{'':>16}"
                else:
                    line += f"{median * 1000:>6.0f}ms {median / floor:>5.2f}x"
            now = medians[("now", name)] / floor
            print(line + ("   met" if now <= GOAL else f"   {now / GOAL:.2f}x over"))
        if terminal:
            at_terminal = medians[("now", TERMINAL_CHECK)]
            plain = medians[("now", "check")]
            print(
                f"{TERMINAL_CHECK:<40}{at_terminal * 1000:>6.0f}ms {at_terminal / floor:>5.2f}x"
                f"   ({(at_terminal - plain) * 1000:+.1f} ms against check)"
            )
    print()
    print(f"Goal: at most {GOAL}x the floor for every query (the 'now' column, cache warm);")
    print("'cold' reads the corpus afresh (ARGMAP_NO_CACHE=1).")
    if terminal:
        _time_prepare_ahead(args.runs, no_dot, base)
    return 0


def _engine_kept(env: dict[str, str]) -> bool:
    """Compile and keep the layout engine of diagrams in the benchmark's cache
    (``argmap diagram --prepare``); whether it could be."""
    done = subprocess.run(
        [PYTHON, "-m", "argmap", "diagram", "--prepare"],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    return done.returncode == 0


def _time_prepare_ahead(runs: int, no_dot: dict[str, str], base: dict[str, str]) -> None:
    """What a command typed at a terminal pays on its way out, timed alone in fresh processes."""
    print()
    print("What a command typed at a terminal runs on its way out (wasm_ready.prepare_ahead),")
    print(f"alone, with its imports, in {runs} fresh processes (goal: under 2 ms):")
    for label, env in (("no dot on PATH, engine kept", no_dot), ("dot on PATH", base)):
        took: list[float] = []
        outcome = ""
        for _ in range(runs):
            done = subprocess.run(
                [PYTHON, "-c", PREPARE_AHEAD],
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                check=True,
            )
            seconds, outcome = done.stdout.split(" ", 1)
            took.append(float(seconds))
        print(
            f"  {label:<30} median {statistics.median(took) * 1000:.2f} ms, "
            f"max {max(took) * 1000:.2f} ms ({outcome.strip()})"
        )


if __name__ == "__main__":
    raise SystemExit(main())
