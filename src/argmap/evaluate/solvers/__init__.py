"""The solver interface, and the registry of solvers that implement it.

A solver reads a framework numbered 0..n-1 (``n`` and the attack pairs) and
returns its extensions under one semantics, each a frozenset of numbers. It
must stop within ``timeout`` seconds (raising :class:`SolverTimeout`) and
after ``limit`` extensions (raising :class:`TooManyExtensions`), so that a
large map never hangs the command. A new solver is a module here and one line
in :data:`SOLVERS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from argmap.errors import ArgmapError
from argmap.formats import Semantics, SolverChoice

Attacks = Sequence[tuple[int, int]]
Extension = frozenset[int]


class SolverError(ArgmapError):
    """A solver could not give the extensions."""


class SolverTimeout(SolverError):
    """The solver did not finish within the time limit."""


class TooManyExtensions(SolverError):
    """There are more extensions than the limit allows to list."""


class SolverUnsupported(SolverError):
    """This solver does not compute this semantics."""


class Solver(Protocol):
    """What every solver offers."""

    name: str
    semantics: frozenset[Semantics]
    """The semantics it computes."""

    def extensions(
        self, n: int, attacks: Attacks, semantics: Semantics, *, timeout: float, limit: int
    ) -> list[Extension]:
        """Every extension of the framework under ``semantics``, in any order."""
        ...


def get(choice: SolverChoice, semantics: Semantics) -> Solver:
    """The solver to use: the one chosen, or for ``auto`` the best for ``semantics``."""
    if choice is SolverChoice.AUTO:
        choice = SolverChoice.DIRECT if semantics is Semantics.GROUNDED else SolverChoice.CLINGO
    solver = SOLVERS[choice]()
    if semantics not in solver.semantics:
        offered = ", ".join(sorted(s.value for s in solver.semantics))
        raise SolverUnsupported(
            f"the {solver.name} solver computes {offered} only, not {semantics.value}"
        )
    return solver


def _direct() -> Solver:
    from argmap.evaluate.solvers.direct import DirectSolver

    return DirectSolver()


def _clingo() -> Solver:
    from argmap.evaluate.solvers.clingo import ClingoSolver

    return ClingoSolver()


SOLVERS = {
    SolverChoice.DIRECT: _direct,
    SolverChoice.CLINGO: _clingo,
}
"""Solver name -> a factory (importing the solver only when it is used)."""
