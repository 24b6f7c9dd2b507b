"""Scale: whole commands on synthetic corpora of 10k to 100k claims, against their floors.

    python -m benchmarks.scale                       # 10k, 30k and 100k claims, 3 runs each
    python -m benchmarks.scale 10000 --runs 5
    python -m benchmarks.scale --before /tmp/old/src # also an older argmap, side by side

Each figure is the median wall time of fresh processes, run alternately (one
run of each command, then the next round), so that a busy machine slows all
of them alike. The goals (issue 13) are printed as ratios:

* ``check/yaml``: a cold ``argmap check --texts`` against a bare
  ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same file with the GC
  off (goal: at most 1.0);
* ``matrix/claims``: ``argmap matrix`` against ``argmap claims -a X``
  (goal: at most 1.5);
* ``peak/file``: check's peak memory against the file's size (goal: at most 12);
* the cost per claim (time of each command, and check's peak memory) at the
  largest size against the smallest (goal: every one within 1.2, i.e.
  linear within 20%).

``--before DIR`` puts DIR (a ``src`` directory of another argmap checkout,
e.g. from ``git archive``) first on ``PYTHONPATH`` for a second set of rows.
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

from benchmarks.synth import write

PYTHON = sys.executable

_YAML_LOAD = (
    "import gc, sys, yaml; gc.disable(); "
    "yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
)


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in bytes of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss * 1024


def commands(corpus: Path, texts: Path) -> dict[str, list[str]]:
    argmap = [PYTHON, "-m", "argmap"]
    return {
        "yaml.load": [PYTHON, "-c", _YAML_LOAD, str(corpus)],
        "check": [*argmap, "check", "-f", str(corpus), "--texts", str(texts)],
        "claims": [*argmap, "claims", "-a", "person-0", "-f", str(corpus)],
        "matrix": [*argmap, "matrix", "-f", str(corpus)],
    }


def environments(before: Path | None) -> dict[str, dict[str, str]]:
    # Cold runs: ARGMAP_NO_CACHE keeps argmap from reading a cached corpus.
    base = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "ARGMAP_NO_CACHE": "1"}
    envs = {"now": base}
    if before is not None:
        envs["before"] = {**base, "PYTHONPATH": str(before)}
    return envs


def measure(size: int, runs: int, before: Path | None) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write(size, Path(tmp))
        texts = Path(tmp) / "texts"
        file_size = corpus.stat().st_size
        envs = environments(before)
        argvs = commands(corpus, texts)
        times: dict[tuple[str, str], list[float]] = {}
        peaks: dict[str, list[int]] = {}
        for _ in range(runs):
            for label, env in envs.items():
                for name, argv in argvs.items():
                    if name == "yaml.load" and label != "now":
                        continue
                    elapsed, peak = run(argv, env)
                    times.setdefault((label, name), []).append(elapsed)
                    if name == "check":
                        peaks.setdefault(label, []).append(peak)
        floor = statistics.median(times[("now", "yaml.load")])
        out: dict[str, dict[str, float]] = {}
        for label in envs:
            med = {
                name: statistics.median(times[(label, name)])
                for name in argvs
                if (label, name) in times
            }
            out[label] = {
                **med,
                "yaml.load": floor,
                "peak": max(peaks[label]),
                "file": file_size,
            }
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 30_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="src directory of an older argmap")
    args = parser.parse_args(argv)
    header = (
        f"{'claims':>8} {'argmap':>7} {'MiB':>5} {'yaml.load':>9} {'check':>7} {'claims':>7} "
        f"{'matrix':>7} {'peak MiB':>8}  {'check/yaml':>10} {'matrix/claims':>13} {'peak/file':>9}"
    )
    print(header)
    per_claim: dict[str, dict[int, dict[str, float]]] = {}
    for size in args.sizes:
        results = measure(size, args.runs, args.before)
        for label, r in results.items():
            per_claim.setdefault(label, {})[size] = {
                name: r[name] / size for name in ("yaml.load", "check", "claims", "matrix", "peak")
            }
            print(
                f"{size:>8,} {label:>7} {r['file'] / 2**20:>5.1f} {r['yaml.load']:>8.2f}s "
                f"{r['check']:>6.2f}s {r['claims']:>6.2f}s {r['matrix']:>6.2f}s "
                f"{r['peak'] / 2**20:>8.0f}  {r['check'] / r['yaml.load']:>9.2f}x "
                f"{r['matrix'] / r['claims']:>12.2f}x {r['peak'] / r['file']:>8.1f}x",
                flush=True,
            )
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        print(f"Cost per claim at {large:,} against {small:,} (goal: every one at most 1.2):")
        for label, costs in per_claim.items():
            growth = "  ".join(
                f"{name} {costs[large][name] / costs[small][name]:.2f}x"
                for name in costs[large]
                if label == "now" or name != "yaml.load"
            )
            print(f"  {label:>6}: {growth}")
    print("Goals: check/yaml <= 1.0, matrix/claims <= 1.5, peak/file <= 12.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
