"""The public names of argmap.queries resolve to what they name, whatever was imported first.

The package loads its modules on first use; a module named like a function
(``stats``, ``unanswered``) would shadow the function once imported.
"""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import importlib, pkgutil, types, argmap.queries as q
for m in pkgutil.iter_modules(q.__path__):
    importlib.import_module("argmap.queries." + m.name)
shadowed = [n for n in q.__all__ if isinstance(getattr(q, n), types.ModuleType)]
assert not shadowed, shadowed
"""


def test_no_public_name_is_shadowed_by_a_module_once_all_are_imported() -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
