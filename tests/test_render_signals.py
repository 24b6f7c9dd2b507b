"""A layout in progress stops on Ctrl-C or SIGTERM, and leaves no Graphviz behind.

Each test starts a layout that would run for minutes in a child process,
interrupts it, and checks that it stopped at once (bounded generously, so a
busy machine does not fail the test) and that no ``dot`` process is left.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

SCRIPT = """
import random, signal, sys
from argmap.export import wasm_module
from argmap.export.render import render
from argmap.formats import RendererChoice
from argmap.interrupts import install

install()
if sys.argv[2:] == ["quick"]:  # the quick (Winch) compile, as for a first small render
    wasm_module.QUICK_COMPILE_EDGES = 10**9
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal
random.seed(1)
n = 3000
edges = "\\n".join(f"n{random.randrange(n)} -> n{random.randrange(n)};" for _ in range(3 * n))
print("laying out", flush=True)
try:
    render("digraph g {" + edges + "}", "svg", RendererChoice(sys.argv[1]), timeout=600)
except BaseException as err:
    print(type(err).__name__, flush=True)
    raise SystemExit(9)
print("finished", flush=True)
"""


def start(renderer: str, *extra: str) -> subprocess.Popen[bytes]:
    child = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, renderer, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "ARGMAP_NO_CACHE": "1"} if extra else None,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == b"laying out\n"
    time.sleep(1.5)  # well into the layout
    return child


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


@pytest.mark.parametrize("compiled", [(), ("quick",)], ids=["optimised", "quick"])
@pytest.mark.parametrize(
    ("signum", "raised"), [(signal.SIGINT, b"KeyboardInterrupt"), (signal.SIGTERM, b"Terminated")]
)
def test_a_webassembly_layout_stops_at_once(
    signum: int, raised: bytes, compiled: tuple[str, ...]
) -> None:
    """Whichever compiler made the module (argmap.export.wasm_module)."""
    child = start("wasm", *compiled)
    sent = time.monotonic()
    child.send_signal(signum)
    out, _ = child.communicate(timeout=30)
    assert out == raised + b"\n"
    assert time.monotonic() - sent < 10  # the layout itself would take minutes


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_sigterm_stops_the_dot_child() -> None:
    child = start("dot")
    dots = children_of(child.pid)
    assert len(dots) == 1
    child.send_signal(signal.SIGTERM)
    out, _ = child.communicate(timeout=30)
    assert out == b"Terminated\n"
    assert not os.path.exists(f"/proc/{dots[0]}")  # killed and reaped, not orphaned


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's"
)
def test_sigkill_of_argmap_takes_the_dot_child_with_it() -> None:
    # SIGKILL leaves argmap no chance to clean up: the kernel kills dot for it.
    child = start("dot")
    dots = children_of(child.pid)
    assert len(dots) == 1
    child.kill()
    child.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(dots[0]):
        time.sleep(0.05)
    assert not _alive(dots[0])


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for init to reap it counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")
