"""The cyclic garbage collector, kept out of the way of large builds.

A corpus of 100,000 claims is a few million small objects that live as long
as the command. Python's cyclic collector walks every tracked object on each
full collection, and full collections come the more often the more objects
are made, so building (or checking) such a corpus with the collector on
costs several times as much as with it paused, for no garbage: these
objects hold no reference cycles and are freed by reference counting.

* :func:`paused` turns the collector off for the length of a ``with`` block
  (and back on only if it was on);
* :func:`settle` moves everything alive into the collector's permanent
  generation (:func:`gc.freeze`), so that later collections skip it. The
  CLI calls it once a corpus is loaded for a command.
* :func:`pause_start_up`: a command's start-up (imports, the command's
  parameters, the corpus) also makes only what lives until the process ends,
  yet the collector runs dozens of times while typer, pydantic and rich import,
  finding nothing: about a tenth of ``argmap claims``. The console entry point
  turns it off first thing; :func:`settle` turns it back on (start-up is over
  once the corpus is loaded, or, for a command that reads none, when the
  command runs). An application or a test that calls the typer app directly
  keeps its collector as it is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, then as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_start_up = False


def pause_start_up() -> None:
    """The collector off until :func:`settle` (the console entry point's first step)."""
    global _start_up
    if gc.isenabled():
        gc.disable()
        _start_up = True


def settle() -> None:
    """Exempt every object alive now from later collections (they stay freeable by
    reference counting); after :func:`pause_start_up`, turn the collector back on."""
    global _start_up
    gc.freeze()
    if _start_up:
        _start_up = False
        gc.enable()
