"""What argmap may change for the whole process: only when its command line owns it.

The command line (:func:`argmap.cli.main`) runs one command on one thread and
exits, so it may change state that other code in the process would see. A
program that imports argmap as a library keeps that state as it is: its
other threads may be using the same modules at the same time.

* :data:`owned_by_cli`: set by the console entry point. While it is set, the
  fast loader has PyYAML's C parser make its events as records
  (:mod:`argmap.event_loader`), which swaps classes in ``yaml._yaml`` for the
  length of a parse; otherwise the loader turns PyYAML's own events into the
  same records (slower, the same result).
"""

from __future__ import annotations

owned_by_cli = False
"""True in a process that ``argmap``'s console entry point runs."""
