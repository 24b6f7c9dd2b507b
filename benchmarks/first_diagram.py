"""The first diagram without Graphviz, next to the warm one: compiling the WebAssembly module.

    python -m benchmarks.first_diagram            # 5 rounds: bundled corpus, 100 and 500 claims
    python -m benchmarks.first_diagram --runs 5 --sizes 200 500

Where no ``dot`` is on PATH, argmap lays diagrams out with Graphviz compiled
to WebAssembly, and that module has to be compiled to machine code first
(:mod:`argmap.export.wasm_module`). Every render here runs in a fresh
subprocess with an empty cache directory (``XDG_CACHE_HOME``), and each way
of getting the module is measured side by side, alternating in every round:

* **now**: argmap as it is: a quick (Winch) compile when nothing is kept and
  the graph is small, the optimised (Cranelift) module built in the
  background, then loaded from ``$XDG_CACHE_HOME/argmap/wasm``;
* **now, no cache**: the same with ``ARGMAP_NO_CACHE=1`` (nothing kept);
* **before**: what argmap did before: Cranelift at its default level, with
  wasmtime's own compilation cache (``$XDG_CACHE_HOME/wasmtime``);
* **cranelift none**: Cranelift without optimisation, nothing kept;
* **winch**: Winch only, nothing kept;
* **after check**: ``argmap check`` typed at a terminal first (stderr on a
  pseudo-terminal, no ``dot`` on PATH), which starts the background build;
  the diagram is drawn once that build has finished;
* **after init**: ``argmap init`` first, which compiles the module in the
  foreground.

``--ways`` runs some of them only (``now`` is always run: its second render
is the warm one).

"first" is the first render on the machine (empty cache), "second" the next
one once the background build (if any) has finished; "first/warm" divides
the first render by the second render of the same way (or, for the ways that
keep nothing, by the warm render of "now"). For "after check" and "after init", the
check's and the init's own times are printed below the table, with how long
the background build took after the check. The times are whole subprocesses
(start-up, imports, compile or load, layout, SVG), median of the rounds, as
wall time (the compile or load part alone in brackets) and as CPU time (user
and system; steadier than wall time on a busy machine, but it adds up the
threads of a parallel compile). The goal (issue 13) is a first render near
the warm one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import sys, time
started = time.perf_counter()
from pathlib import Path
from argmap.export import render, wasm_module
way, dot_file = sys.argv[1], sys.argv[2]
dot = Path(dot_file).read_text(encoding="utf-8")
loading = loading_cpu = 0.0
if way != "now":
    import wasmtime
    config = wasmtime.Config()
    config.epoch_interruption = True
    if way == "before":
        config.cache = True
    elif way == "cranelift-none":
        config.cranelift_opt_level = "none"
    engine = wasm_module._engine("winch") if way == "winch" else wasmtime.Engine(config)
    begin, begin_cpu = time.perf_counter(), time.process_time()
    module = wasmtime.Module.from_file(engine, str(wasm_module._wasm_path()))
    loading, loading_cpu = time.perf_counter() - begin, time.process_time() - begin_cpu
    compiled = wasm_module.Compiled(engine, module, way)
    wasm_module.load = lambda large: compiled
else:
    real = wasm_module.load
    def timed(large):
        global loading, loading_cpu
        begin, begin_cpu = time.perf_counter(), time.process_time()
        try:
            return real(large)
        finally:
            loading, loading_cpu = time.perf_counter() - begin, time.process_time() - begin_cpu
    wasm_module.load = timed
rendering = time.process_time()
svg = render.WasmGraphviz().render(dot, "svg", timeout=None).data
layout_cpu = time.process_time() - rendering - (loading_cpu if way == "now" else 0.0)
assert svg.startswith(b"<?xml"), svg[:100]
print(f"{time.perf_counter() - started:.4f} {loading:.4f} {layout_cpu:.4f}")
"""

WAYS = ["now", "now, no cache", "before", "cranelift-none", "winch", "after check", "after init"]
AHEAD = {"after check", "after init"}
"""The ways that build the module before the first diagram (then drawn as "now" draws it)."""
KEEPING = {"now", "before"}
"""The ways that keep a compiled module, and so have a second render."""


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run(way: str, dot: Path, cache: str) -> tuple[float, float, float, float]:
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    env.pop("ARGMAP_NO_CACHE", None)
    if way == "now, no cache":
        env["ARGMAP_NO_CACHE"] = "1"
    child_way = "now" if way in AHEAD else way.split(",")[0]
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, child_way, str(dot)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    cpu = _cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"{way} failed:\n{done.stderr}")
    _, loading, layout = (float(x) for x in done.stdout.split())
    return wall, loading, cpu, layout


ROOT = Path(__file__).resolve().parents[1]


def _without_dot(cache: str, folder: Path) -> dict[str, str]:
    """The environment of a machine without Graphviz: an empty PATH entry, the given cache."""
    env = {**os.environ, "XDG_CACHE_HOME": cache, "PATH": str(folder / "no-dot")}
    env.pop("ARGMAP_NO_CACHE", None)
    return env


def _command(argv: list[str], env: dict[str, str], *, terminal: bool) -> tuple[float, float]:
    """Wall and CPU seconds of ``python -m argmap ARGV`` (stderr on a pseudo-terminal when
    ``terminal``; a detached build it starts is not waited for, nor counted)."""
    from benchmarks.startup import time_once

    argv = [sys.executable, "-m", "argmap", *argv]
    return time_once(argv, env, terminal=terminal, succeeds=(0, 1))


def _wait_for_background_build(cache: str, limit: float = 120.0) -> float:
    """Seconds until the background build's marker is gone (0 when none runs)."""
    folder = Path(cache) / "argmap" / "wasm"
    start = time.perf_counter()
    while any(folder.glob("*.building")) and time.perf_counter() - start < limit:
        time.sleep(0.05)
    return time.perf_counter() - start


def _dots(sizes: list[int], folder: Path) -> list[tuple[str, Path, int]]:
    from argmap.export.diagram import DiagramOptions, plan
    from argmap.export.dot import to_dot
    from argmap.index import Index
    from argmap.loading import load, loads
    from argmap.subset import Selection, select
    from benchmarks import synth

    corpora = [("bundled corpus", load())]
    corpora += [(f"synthetic {n:,} claims", loads(synth.make(n)[0])) for n in sizes]
    found = []
    for number, (name, corpus) in enumerate(corpora):
        index = Index.build(corpus)
        drawing = plan(select(index, Selection()), DiagramOptions(), index)
        path = folder / f"{number}.dot"
        text = to_dot(drawing, layout_limits=False)
        path.write_text(text, encoding="utf-8")
        found.append((name, path, text.count("->")))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[100, 500], help="synthetic corpora (claims)"
    )
    parser.add_argument(
        "--ways", nargs="*", choices=WAYS, default=WAYS, help="the ways to measure (default all)"
    )
    args = parser.parse_args(argv)
    ways = [way for way in WAYS if way in args.ways or way == "now"]

    work = Path(tempfile.mkdtemp(prefix="argmap-first-diagram-"))
    try:
        cases = _dots(args.sizes, work)
        times: dict[tuple[str, str, str], list[tuple[float, float, float, float]]] = {}
        background: list[float] = []
        ahead: dict[str, list[tuple[float, float]]] = {}
        after_check: list[float] = []
        (work / "no-dot").mkdir()
        for _ in range(args.runs):
            for name, dot, _edges in cases:
                for way in ways:
                    cache = tempfile.mkdtemp(dir=work)
                    env = _without_dot(cache, work)
                    if way == "after check":
                        ahead.setdefault(way, []).append(
                            _command(["check", "--no-strict"], env, terminal=True)
                        )
                        after_check.append(_wait_for_background_build(cache))
                    elif way == "after init":
                        project = tempfile.mkdtemp(dir=work)
                        ahead.setdefault(way, []).append(
                            _command(["init", project], env, terminal=False)
                        )
                    times.setdefault((name, way, "first"), []).append(_run(way, dot, cache))
                    if way in KEEPING:
                        if way == "now":
                            background.append(_wait_for_background_build(cache))
                        times.setdefault((name, way, "second"), []).append(_run(way, dot, cache))
                    shutil.rmtree(cache, ignore_errors=True)
        _report(cases, times, background, args.runs, ways)
        for way, samples in ahead.items():
            wall = statistics.median(sample[0] for sample in samples)
            cpu = statistics.median(sample[1] for sample in samples)
            what = "argmap check at a terminal" if way == "after check" else "argmap init"
            print(f"{way}: {what} took {wall:.2f} s wall, {cpu:.2f} s CPU (median)")
        if after_check:
            took = statistics.median(after_check)
            print(f"after check: its background build was done {took:.2f} s after it (median)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _report(
    cases: list[tuple[str, Path, int]],
    times: dict[tuple[str, str, str], list[tuple[float, float, float, float]]],
    background: list[float],
    runs: int,
    ways: list[str],
) -> None:
    def median(key: tuple[str, str, str], part: int) -> float:
        return statistics.median(sample[part] for sample in times[key])

    print(f"Median of {runs} rounds, each render in a fresh process with an empty cache.")
    print("Wall time (the compile or load part in brackets) and CPU time (user + system).")
    print()
    print("| diagram | way | first: wall | CPU | second: wall | CPU | first/warm: wall | CPU |")
    print("|---|---|---|---|---|---|---|---|")
    for name, _, edges in cases:
        warm_now = (median((name, "now", "second"), 0), median((name, "now", "second"), 2))
        for way in ways:
            first = (median((name, way, "first"), 0), median((name, way, "first"), 2))
            compiling = median((name, way, "first"), 1)
            cells = [f"{first[0]:.2f} s ({compiling:.2f})", f"{first[1]:.2f} s"]
            if way in KEEPING:
                warm = (median((name, way, "second"), 0), median((name, way, "second"), 2))
                loaded = median((name, way, "second"), 1)
                cells += [f"{warm[0]:.2f} s ({loaded:.2f})", f"{warm[1]:.2f} s"]
            else:
                warm = warm_now
                cells += ["-", "-"]
            cells += [f"{first[0] / warm[0]:.2f}x", f"{first[1] / warm[1]:.2f}x"]
            print(f"| {name} ({edges:,} edges) | {way} | " + " | ".join(cells) + " |")
    if background:
        took = statistics.median(background)
        print(f"\nThe background build after a quick first render took {took:.2f} s more (median).")
    if {"cranelift-none", "winch", "before"} <= set(ways):
        _report_compilers(cases, times)


def _report_compilers(
    cases: list[tuple[str, Path, int]],
    times: dict[tuple[str, str, str], list[tuple[float, float, float, float]]],
) -> None:
    def median(key: tuple[str, str, str], part: int) -> float:
        return statistics.median(sample[part] for sample in times[key])

    print()
    print("Layout alone (CPU time of the render less the compile or load), by compiler:")
    print()
    print("| diagram | Cranelift (kept) | Cranelift, opt none | Winch | Winch / Cranelift |")
    print("|---|---|---|---|---|")
    for name, _, edges in cases:
        optimised = median((name, "now", "second"), 3)
        none = median((name, "cranelift-none", "first"), 3)
        winch = median((name, "winch", "first"), 3)
        print(
            f"| {name} ({edges:,} edges) | {optimised:.2f} s | {none:.2f} s | {winch:.2f} s "
            f"| {winch / optimised:.2f}x |"
        )
    for name, _, _ in cases:
        now, before = (median((name, way, "first"), 0) for way in ("now", "before"))
        now_cpu, before_cpu = (median((name, way, "first"), 2) for way in ("now", "before"))
        print(
            f"{name}: first render now / before = {now / before:.2f}x wall, "
            f"{now_cpu / before_cpu:.2f}x CPU"
        )


if __name__ == "__main__":
    raise SystemExit(main())
