"""Diagram cost: building the DOT, and laying it out as SVG with each Graphviz here.

    python -m benchmarks.diagram                  # bundled corpus, 500 and 2,000 claims
    python -m benchmarks.diagram --sizes 500 --runs 5

For the bundled corpus and synthetic corpora (:mod:`benchmarks.synth`, the
bundled corpus's proportions: per 100 claims ~60 arguments and 10
rebuttals), it reports the median wall time of

* **build DOT**: index, selection, diagram plan and DOT text (argmap's part);
* **SVG <renderer>**: the layout and SVG, for each renderer available
  (``dot`` on PATH, and the bundled WebAssembly Graphviz). The first
  WebAssembly render of a process also gets the compiled module (the kept
  optimised one, or a quick compile when none is kept yet): that time is
  reported apart, as "first"; the table's renders all use the optimised
  module. ``python -m benchmarks.first_diagram`` measures the first render
  on a machine.

Diagrams above ``MAX_LAYOUT_NODES`` are what ``argmap diagram`` refuses
without ``--force``; they are measured both as they are and with the layout
limits that ``--force`` applies.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial

from argmap.corpus import Corpus
from argmap.export import wasm_module
from argmap.export.diagram import MAX_LAYOUT_NODES, DiagramOptions, plan
from argmap.export.dot import to_dot
from argmap.export.render import LayoutTimeout, Renderer, WasmGraphviz, available
from argmap.index import Index
from argmap.loading import load, loads
from argmap.subset import Selection, select
from benchmarks import synth


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _dot(corpus: Corpus, limits: bool) -> tuple[str, int]:
    index = Index.build(corpus)
    drawing = plan(select(index, Selection()), DiagramOptions(), index)
    return to_dot(drawing, layout_limits=limits), drawing.nodes


def _render(renderer: Renderer, dot: str, timeout: float) -> str:
    try:
        start = time.perf_counter()
        renderer.render(dot, "svg", timeout=timeout)
        return f"{time.perf_counter() - start:.3f} s"
    except LayoutTimeout:
        return f"> {timeout:g} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args(argv)

    cases: list[tuple[str, Corpus]] = [("bundled corpus", load())]
    for size in args.sizes:
        text, _ = synth.make(size)
        cases.append((f"synthetic {size:,} claims", loads(text)))

    renderers = available()
    wasm = next((r for r in renderers if isinstance(r, WasmGraphviz)), None)
    first = ""
    if wasm is not None:
        start = time.perf_counter()
        wasm.render("digraph G { a -> b }", "svg")
        first = f"{time.perf_counter() - start:.3f} s"
        wasm_module.load(large=True)  # the optimised module for the table, whatever came first

    header = ["corpus", "nodes", "build DOT", *(f"SVG {r.name}" for r in renderers)]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, corpus in cases:
        dot, nodes = _dot(corpus, limits=False)
        build = _median(partial(_dot, corpus, limits=False), args.runs)
        variants = [(name, dot)]
        if nodes > MAX_LAYOUT_NODES:
            variants.append((f"{name}, --force limits", _dot(corpus, limits=True)[0]))
        for label, source in variants:
            cells = [label, f"{nodes:,}", f"{build:.3f} s"]
            cells += [_render(r, source, args.timeout) for r in renderers]
            print("| " + " | ".join(cells) + " |", flush=True)
    if first:
        print(f"\nFirst WebAssembly render in a process (module load, tiny graph): {first}")
    print(f"Diagrams above {MAX_LAYOUT_NODES:,} nodes need --force in argmap diagram.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
