"""Extensions by the clingo answer-set solver, with ASPARTIX-style encodings.

ASPARTIX (Egly, Gaggl and Woltran 2010; Dvořák, Gaggl, Rapberger, Wallner and
Woltran 2020) states each semantics of an argumentation framework as a short
answer-set program whose answer sets are exactly the extensions. The
framework is given as facts ``arg(I).`` and ``att(I,J).``:

* conflict-free and admissible sets guess ``in/1`` and forbid an accepted node
  that is attacked by an accepted one, or that has an attacker it does not
  defeat;
* complete adds that a defended node must be in; stable that every node left
  out is defeated;
* preferred (subset-maximal admissible sets) uses clingo's domain heuristics
  (``--heuristic=Domain --enum-mode=domRec``) to enumerate only the
  inclusion-maximal answer sets, as ASPARTIX does for clingo 4 and later;
* grounded is the intersection of the complete extensions: clingo's cautious
  consequences (``--enum-mode=cautious``).

The search runs in the background and is cancelled at the time limit.
"""

from __future__ import annotations

from argmap.evaluate.solvers import (
    Attacks,
    Extension,
    SolverTimeout,
    TooManyExtensions,
)
from argmap.formats import Semantics

ADMISSIBLE = """
{ in(X) } :- arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
"""

COMPLETE = (
    ADMISSIBLE
    + """
:- arg(X), not in(X), not undefended(X).
"""
)

STABLE = """
{ in(X) } :- arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- arg(X), not in(X), not defeated(X).
"""

PREFERRED = (
    ADMISSIBLE
    + """
#heuristic in(X) : arg(X). [1,true]
"""
)

PROGRAMS: dict[Semantics, tuple[str, list[str]]] = {
    Semantics.GROUNDED: (COMPLETE, ["--enum-mode=cautious"]),
    Semantics.COMPLETE: (COMPLETE, []),
    Semantics.PREFERRED: (PREFERRED, ["--heuristic=Domain", "--enum-mode=domRec"]),
    Semantics.STABLE: (STABLE, []),
}
"""Semantics -> (encoding, clingo options)."""


def facts(n: int, attacks: Attacks) -> str:
    """The framework as ASP facts (numbered from 1, as ICCMA numbers arguments)."""
    parts = [f"arg({i + 1})." for i in range(n)]
    parts += [f"att({a + 1},{b + 1})." for a, b in attacks]
    return "\n".join(parts)


class ClingoSolver:
    """Every semantics, by clingo (MIT licence, wheels on PyPI)."""

    name = "clingo"
    semantics = frozenset(Semantics)

    def extensions(
        self, n: int, attacks: Attacks, semantics: Semantics, *, timeout: float, limit: int
    ) -> list[Extension]:
        import clingo

        program, options = PROGRAMS[semantics]
        messages: list[str] = []
        control = clingo.Control(
            [*options, "--models=0", "--warn=none"],
            logger=lambda _code, message: messages.append(message),
        )
        control.add("base", [], program + "\n#show in/1.\n" + facts(n, attacks))
        control.ground([("base", [])])
        found: list[Extension] = []
        cautious = semantics is Semantics.GROUNDED
        overflow = False

        def on_model(model: clingo.Model) -> bool:
            nonlocal overflow
            extension = frozenset(
                symbol.arguments[0].number - 1 for symbol in model.symbols(shown=True)
            )
            if cautious:
                found[:] = [extension]
                return True
            found.append(extension)
            if len(found) > limit:
                overflow = True
                return False
            return True

        with control.solve(on_model=on_model, async_=True) as handle:
            if not handle.wait(timeout):
                handle.cancel()
                raise SolverTimeout(
                    f"clingo did not finish {semantics.value} semantics within {timeout:g} s "
                    f"({n} nodes, {len(attacks)} attacks)"
                )
            handle.get()
        if overflow:
            raise TooManyExtensions(
                f"more than {limit} {semantics.value} extensions ({n} nodes, "
                f"{len(attacks)} attacks)"
            )
        if cautious and not found:
            raise AssertionError("a framework always has a complete extension")
        return found
