"""Time ``argmap import`` against ``argmap check`` on the real corpora, side by side.

    python -m benchmarks.import_corpora              # araucaria, us2016, microtexts
    python -m benchmarks.import_corpora --repeat 5

Each command runs as a child process (what a user runs), best of
``--repeat`` runs; its CPU time (user + system) and peak resident memory
come from ``wait4``. For each corpus: ``argmap import DIR -o OUT.yaml``,
then ``argmap check -f OUT.yaml`` on what it wrote, so the ratio
import/check compares the two on one corpus. Linearity: the araucaria
folder is imported as 1, 2, 4 and 8 copies of every file (renamed so that
each is a new source), with the time per node for each size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
ARGMAP = [sys.executable, "-m", "argmap"]


def run(argv: list[str]) -> tuple[float, float, int]:
    """CPU seconds (user + system), peak RSS in MiB and exit code of one child process.

    CPU time rather than wall time: the machine is shared, and waiting for a
    core is not the command's cost.
    """
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode


def best(repeat: int, argv: list[str]) -> tuple[float, float, int]:
    runs = [run(argv) for _ in range(repeat)]
    fastest = min(runs, key=lambda r: r[0])
    return fastest[0], max(r[1] for r in runs), fastest[2]


def nodes_in(folder: Path) -> int:
    """Nodes (AIF) or elements (arggraph) in a folder: the size of the input."""
    import json

    total = 0
    for file in folder.iterdir():
        if file.suffix == ".json":
            total += len(json.loads(file.read_text("utf-8")).get("nodes", []))
        elif file.suffix == ".xml":
            total += file.read_text("utf-8").count("<edu") + file.read_text("utf-8").count("<edge")
    return total


def compare(name: str, folder: Path, repeat: int, out: Path) -> None:
    target = out / f"{name}.yaml"
    t_import, m_import, rc = best(repeat, [*ARGMAP, "import", str(folder), "-o", str(target)])
    assert rc == 0, f"import of {folder} failed"
    t_check, m_check, rc_check = best(repeat, [*ARGMAP, "check", "-f", str(target)])
    claims = target.read_text("utf-8").count("\n  source: ")
    print(
        f"| {name} | {nodes_in(folder):,} | {claims:,} | {t_import:.2f} s | {m_import:.0f} MiB "
        f"| {t_check:.2f} s | {m_check:.0f} MiB | {t_import / t_check:.2f} | {rc_check} |"
    )


def scaled(folder: Path, copies: int, into: Path) -> Path:
    target = into / f"x{copies}"
    target.mkdir()
    for file in folder.glob("*.json"):
        for n in range(copies):
            shutil.copyfile(file, target / f"{file.stem}-c{n}.json")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"{CORPORA} is not here")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print(
            "| corpus | nodes | claims | import | import peak | check | check peak "
            "| import/check | check exit |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        compare("araucaria", CORPORA / "aif" / "araucaria", args.repeat, out)
        compare("us2016-sample", CORPORA / "aif" / "us2016-sample", args.repeat, out)
        compare("microtexts", CORPORA / "arggraph" / "microtexts", args.repeat, out)
        print()
        print(
            "| araucaria copies | nodes | import | µs per node | import peak | check "
            "| import/check |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|")
        araucaria = CORPORA / "aif" / "araucaria"
        for copies in (1, 2, 4, 8):
            folder = scaled(araucaria, copies, out)
            nodes = nodes_in(folder)
            written = out / "scaled.yaml"
            seconds, peak, rc = best(
                args.repeat, [*ARGMAP, "import", str(folder), "-o", str(written)]
            )
            assert rc == 0
            check, _, _ = best(args.repeat, [*ARGMAP, "check", "-f", str(written)])
            print(
                f"| {copies} | {nodes:,} | {seconds:.2f} s | {seconds / nodes * 1e6:.1f} "
                f"| {peak:.0f} MiB | {check:.2f} s | {seconds / check:.2f} |"
            )


if __name__ == "__main__":
    main()
