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
* **winch**: Winch only, nothing kept.

"first" is the first render on the machine (empty cache), "second" the next
one once the background build (if any) has finished; "first/warm" divides
the first render by the second render of the same way (or, for the ways that
keep nothing, by the warm render of "now"). The times are whole subprocesses
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

WAYS = ["now", "now, no cache", "before", "cranelift-none", "winch"]
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
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, way.split(",")[0], str(dot)],
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
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="argmap-first-diagram-"))
    try:
        cases = _dots(args.sizes, work)
        times: dict[tuple[str, str, str], list[tuple[float, float, float, float]]] = {}
        background: list[float] = []
        for _ in range(args.runs):
            for name, dot, _edges in cases:
                for way in WAYS:
                    cache = tempfile.mkdtemp(dir=work)
                    times.setdefault((name, way, "first"), []).append(_run(way, dot, cache))
                    if way in KEEPING:
                        if way == "now":
                            background.append(_wait_for_background_build(cache))
                        times.setdefault((name, way, "second"), []).append(_run(way, dot, cache))
                    shutil.rmtree(cache, ignore_errors=True)
        _report(cases, times, background, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _report(
    cases: list[tuple[str, Path, int]],
    times: dict[tuple[str, str, str], list[tuple[float, float, float, float]]],
    background: list[float],
    runs: int,
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
        for way in WAYS:
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
    if background:
        took = statistics.median(background)
        print(f"\nThe background build after a quick first render took {took:.2f} s more (median).")
    for name, _, _ in cases:
        now, before = (median((name, way, "first"), 0) for way in ("now", "before"))
        now_cpu, before_cpu = (median((name, way, "first"), 2) for way in ("now", "before"))
        print(
            f"{name}: first render now / before = {now / before:.2f}x wall, "
            f"{now_cpu / before_cpu:.2f}x CPU"
        )


if __name__ == "__main__":
    raise SystemExit(main())
