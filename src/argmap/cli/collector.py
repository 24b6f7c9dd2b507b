"""Python's cyclic garbage collector, paused while a command starts.

Start-up allocates only what lives until the process ends: modules, classes,
the command's parameters, and then the corpus. The collector nonetheless runs
again and again over that growing heap (dozens of passes while typer,
pydantic and rich import), finding nothing: about a tenth of ``argmap claims``.
:func:`pause` turns it off when the command line starts (:func:`argmap.cli.main`);
:func:`settle` moves everything allocated so far out of its sight
(``gc.freeze``) and turns it back on, once the corpus is loaded or, for a
command that reads none, before the command runs. From then on the collector
works as usual, on what the command itself allocates.

Only the console entry point pauses: an application or a test that calls the
typer app directly keeps its collector as it is (:func:`settle` then does
nothing).
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off for start-up (the console entry point's first step)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> None:
    """Start-up is over: freeze what it allocated and turn the collector back on."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
