"""The compiled WebAssembly Graphviz: a quick compile now, the optimised module kept for later.

The rules (argmap.export.wasm_module): a kept module is used when it is there;
otherwise a small graph gets a quick (Winch) compile and the optimised
(Cranelift) module is built in the background once the layout is done; a
large graph gets the optimised compile at once, kept at once. A kept module
is keyed by wasmtime's version, the module, the engine and the host; a
corrupt, truncated or foreign one is deleted and rebuilt; ``--no-cache`` and
``ARGMAP_NO_CACHE`` turn all of it off.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pytest

from argmap import cache as corpus_cache
from argmap.export import render, wasm_module, wasm_ready
from argmap.export.wasm_module import Compiled

SMALL = "digraph G { a -> b }"
LARGE = "digraph G { " + " ".join(f"n{i} -> n{i + 1};" for i in range(1001)) + " }"


_COMPILE = wasm_module._compile


@cache
def _compiled_once(compiler: str) -> Compiled:
    return _COMPILE(compiler)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[list[str]]]:
    """An empty cache directory, no module loaded yet, and the background processes
    that would be started (recorded, not started). Compiles are real but made once
    per test run."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("ARGMAP_NO_CACHE", raising=False)
    monkeypatch.setattr(corpus_cache, "_disabled", False)
    monkeypatch.setattr(wasm_module, "_compile", _compiled_once)
    started: list[list[str]] = []
    monkeypatch.setattr(wasm_ready, "spawn", started.append)
    before = dict(wasm_module._loaded)
    wasm_module._loaded.clear()
    yield started
    wasm_module._loaded.clear()
    wasm_module._loaded.update(before)


def new_process() -> None:
    """What a new argmap process knows: nothing loaded."""
    wasm_module._loaded.clear()


def draw(dot: str = SMALL) -> bytes:
    return render.WasmGraphviz().render(dot, "svg").data


# -- which module a render gets ------------------------------------------------------


def test_a_first_small_render_compiles_quickly_and_builds_the_optimised_module_after(
    fresh: list[list[str]],
) -> None:
    assert draw().startswith(b"<?xml")
    assert wasm_module._loaded["quick"].origin == "winch"
    artefact = wasm_module.artefact_path()
    stamp = wasm_ready.stamp()
    assert stamp is not None
    assert fresh == [[sys.executable, "-m", "argmap.export.wasm_module", stamp]]
    assert wasm_ready.building_file(stamp).exists()  # one at a time
    assert not artefact.exists()  # the background process makes it

    assert wasm_module.build(stamp)  # what that process does
    assert artefact.exists()
    assert wasm_ready.is_ready(stamp)
    assert not wasm_ready.building_file(stamp).exists()

    new_process()
    assert wasm_module.load(large=False).origin == "cache"
    assert draw().startswith(b"<?xml")
    assert len(fresh) == 1  # nothing more to build


def test_a_background_build_is_started_once_while_it_runs(fresh: list[list[str]]) -> None:
    draw()
    new_process()
    draw()
    assert len(fresh) == 1  # the first one's marker is still there


def test_a_background_build_marked_long_ago_is_taken_as_dead(fresh: list[list[str]]) -> None:
    draw()
    marker = wasm_ready.building_file(str(wasm_ready.stamp()))
    old = time.time() - wasm_ready.STALE_BUILD_SECONDS - 1
    os.utime(marker, (old, old))
    new_process()
    draw()
    assert len(fresh) == 2


def test_a_large_graph_gets_the_optimised_module_at_once_and_keeps_it(
    fresh: list[list[str]],
) -> None:
    assert draw(LARGE).startswith(b"<?xml")
    assert wasm_module._loaded["optimised"].origin == "cranelift"
    assert wasm_module.artefact_path().exists()
    assert fresh == []
    assert draw(SMALL).startswith(b"<?xml")  # the optimised module serves small ones too
    assert "quick" not in wasm_module._loaded


def test_quick_and_optimised_modules_draw_the_same_bytes(fresh: list[list[str]]) -> None:
    dot = "digraph G { rankdir=LR; a -> b -> c; a -> c [label=x]; }"
    quick = draw(dot)
    wasm_module._loaded["optimised"] = _compiled_once("cranelift")
    assert draw(dot) == quick


@pytest.mark.parametrize("compiler", ["winch", "cranelift"])
def test_a_layout_past_its_time_is_stopped_with_either_compiler(
    fresh: list[list[str]], compiler: str
) -> None:
    wasm_module._loaded["optimised"] = _compiled_once(compiler)
    # A layout of minutes, so that even a starved timer thread on a loaded machine
    # fires before it could finish (400 nodes sometimes finished first).
    edges = " ".join(f"n{i % 3000} -> n{(i * 7919 + 3) % 3000};" for i in range(9000))
    with pytest.raises(render.LayoutTimeout, match="did not finish"):
        render.WasmGraphviz().render(f"digraph G {{ {edges} }}", "svg", timeout=0.001)


# -- the kept module: key, corruption, versions ------------------------------------


def test_the_key_names_wasmtime_the_module_and_the_host(
    fresh: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = wasm_module.key()
    assert key == wasm_module.key()
    assert f"wasmtime-{version('wasmtime')}.dist-info" in wasm_module._wasmtime_version()
    monkeypatch.setattr(wasm_module, "_wasmtime_version", lambda: "wasmtime 99.0.0")
    assert wasm_module.key() != key
    monkeypatch.undo()
    monkeypatch.setattr(wasm_ready, "host", lambda: "linux x86_64 another-host")
    assert wasm_module.key() != key


def test_a_module_kept_by_another_wasmtime_version_is_not_used(
    fresh: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wasm_module, "_wasmtime_version", lambda: "wasmtime 49.0.0")
    draw(LARGE)
    old = wasm_module.artefact_path()
    assert old.exists()
    monkeypatch.setattr(wasm_module, "_wasmtime_version", lambda: "wasmtime 50.0.1")
    new_process()
    assert wasm_module.load(large=False).origin == "winch"
    assert wasm_module.artefact_path() != old


def corrupt_truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100_000])


def corrupt_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def corrupt_foreign(path: Path) -> None:
    """A well-formed file (right header and checksum) that wasmtime refuses."""
    import hashlib

    body = b"\x7fELF not a wasmtime module"
    path.write_bytes(wasm_module._MAGIC + hashlib.sha256(body).digest() + body)


def corrupt_from_winch(path: Path) -> None:
    """The quick compiler's machine code where the optimised one's belongs."""
    import hashlib

    body = bytes(_compiled_once("winch").module.serialize())
    path.write_bytes(wasm_module._MAGIC + hashlib.sha256(body).digest() + body)


@pytest.mark.parametrize(
    "corrupt", [corrupt_truncated, corrupt_one_byte, corrupt_foreign, corrupt_from_winch]
)
def test_a_corrupt_kept_module_is_ignored_and_rebuilt(
    fresh: list[list[str]], corrupt: Callable[[Path], None]
) -> None:
    draw(LARGE)
    artefact = wasm_module.artefact_path()
    good = artefact.read_bytes()
    corrupt(artefact)
    new_process()
    assert draw(SMALL).startswith(b"<?xml")  # no error
    assert wasm_module._loaded["quick"].origin == "winch"
    assert not artefact.exists()  # deleted
    assert len(fresh) == 1
    assert wasm_module.build(str(wasm_ready.stamp()))  # and rebuilt
    assert artefact.read_bytes() == good


def test_an_unwritable_cache_only_costs_time(
    fresh: list[list[str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert draw(LARGE).startswith(b"<?xml")
    assert draw(SMALL).startswith(b"<?xml")
    new_process()
    assert draw(SMALL).startswith(b"<?xml")
    assert fresh == []  # no marker could be made, so nothing was started


def test_only_the_newest_kept_modules_stay(
    fresh: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    for release in range(wasm_ready.KEEP + 2):
        monkeypatch.setattr(wasm_module, "_wasmtime_version", lambda v=release: f"wasmtime {v}")
        new_process()
        draw(LARGE)
    assert len(list(wasm_module.directory().glob("*.cwasm"))) == wasm_ready.KEEP
    assert wasm_module.artefact_path().exists()


# -- --no-cache and ARGMAP_NO_CACHE ----------------------------------------------


@pytest.mark.parametrize("how", ["variable", "option"])
def test_no_cache_reads_writes_and_starts_nothing(
    fresh: list[list[str]], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    draw(LARGE)
    kept = wasm_module.artefact_path()
    before = kept.stat().st_mtime_ns
    if how == "variable":
        monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    else:
        corpus_cache.disable()  # what --no-cache does
    new_process()
    assert draw(SMALL).startswith(b"<?xml")
    assert wasm_module._loaded["quick"].origin == "winch"  # the kept one was not read
    assert draw(LARGE).startswith(b"<?xml")
    assert wasm_module._loaded["optimised"].origin == "cranelift"
    assert fresh == []
    assert kept.stat().st_mtime_ns == before
    assert sorted(p.name for p in wasm_module.directory().iterdir()) == sorted(
        [kept.name, f"{wasm_ready.stamp()}.ready"]  # as the first draw left them
    )


# -- the background process itself ------------------------------------------------


def test_the_background_process_builds_the_module(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Really started, detached; the test waits for its file (generously: a busy machine)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("ARGMAP_NO_CACHE", raising=False)
    assert wasm_ready.start_build()
    artefact = wasm_module.artefact_path()
    marker = wasm_ready.building_file(str(wasm_ready.stamp()))
    deadline = time.monotonic() + 300
    while marker.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert artefact.exists()
    assert wasm_module._read(artefact) is not None


def test_the_background_process_says_how_to_call_it() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap.export.wasm_module"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "usage: python -m argmap.export.wasm_module STAMP\n"


def test_the_background_process_started_by_another_installation_does_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    marker = wasm_ready.building_file("0000")
    marker.parent.mkdir(parents=True)
    marker.touch()
    assert wasm_module.main(["0000"]) == 1
    assert [p.name for p in marker.parent.iterdir()] == []  # its marker removed, nothing built


def test_a_failed_background_build_is_not_started_again(
    fresh: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(compiler: str) -> Compiled:
        raise RuntimeError("no compiler for this CPU")

    monkeypatch.setattr(wasm_module, "_compile", refuse)
    stamp = str(wasm_ready.stamp())
    assert not wasm_module.build(stamp)
    assert wasm_ready.failed_file(stamp).exists()
    assert not wasm_ready.building_file(stamp).exists()
