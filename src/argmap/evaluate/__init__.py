"""What still stands: acceptability semantics over the map.

:func:`evaluate` maps the map to a Dung framework
(:mod:`argmap.evaluate.framework`), asks a solver
(:mod:`argmap.evaluate.solvers`) for its extensions, and reads them back as
claim statuses:

* ``skeptical``: the claim is in every extension;
* ``credulous``: in some, not all;
* ``rejected``: in none (also when there is no extension at all, as a stable
  framework with an odd cycle may have none).

Under grounded semantics each claim also gets its label: ``in`` (accepted),
``out`` (an accepted node attacks it) or ``undec`` (neither). Each rejected
claim says why: who defeats it, and which of its arguments fail and how.
docs/evaluate.md explains the mapping and its sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argmap.evaluate.framework import NOT, Framework, NodeKind, build
from argmap.formats import Mapping, Semantics, SolverChoice
from argmap.index import Index
from argmap.subset import Selection

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_TIMEOUT",
    "ClaimStatus",
    "Evaluation",
    "Framework",
    "Label",
    "Reason",
    "Status",
    "build",
    "debate",
    "evaluate",
]

DEFAULT_TIMEOUT = 60.0
"""Seconds a solver may search before it gives up (and says how to narrow the map)."""
DEFAULT_LIMIT = 10_000
"""At most this many extensions are listed; beyond it the command says so."""


class Status(StrEnum):
    SKEPTICAL = "skeptical"
    CREDULOUS = "credulous"
    REJECTED = "rejected"


class Label(StrEnum):
    IN = "in"
    OUT = "out"
    UNDEC = "undec"


@dataclass(frozen=True)
class Reason:
    """One reason a claim is rejected."""

    kind: str
    """``rebutted`` (by a claim), ``undercut`` (its argument's inference is attacked
    by a claim) or ``premise`` (a premise of its argument is rejected)."""
    claim: str
    """The rebutting or undercutting claim, or the rejected premise."""
    argument: str | None = None
    """For ``undercut`` and ``premise``: the argument that fails."""
    through: str | None = None
    """When the map states the attack on a claim that this one agrees with: that claim."""
    settled: bool = True
    """False when ``claim`` itself is not settled: undecided (grounded), or accepted in
    some extensions only (the other semantics)."""

    def as_dict(self) -> dict[str, str | bool]:
        row: dict[str, str | bool] = {"kind": self.kind, "claim": self.claim}
        if self.argument is not None:
            row["argument"] = self.argument
        if self.through is not None:
            row["through"] = self.through
        if not self.settled:
            row["settled"] = False
        return row


@dataclass(frozen=True)
class ClaimStatus:
    id: str
    status: Status
    label: Label | None
    """Grounded semantics only."""
    reasons: tuple[Reason, ...] = ()
    """For a rejected claim: the attackers and failed arguments that keep it out."""


@dataclass(frozen=True)
class Evaluation:
    semantics: Semantics
    framework: Framework
    solver: str
    extensions: tuple[tuple[str, ...], ...] | None
    """Each extension as the sorted claim ids it accepts; the list sorted too.
    ``None`` when there are more than the limit (the statuses are still exact)."""
    extension_count: int
    """How many extensions (as claim sets, when they are listed)."""
    claims: tuple[ClaimStatus, ...]
    """Every claim of the map, in file order."""

    def by_id(self) -> dict[str, ClaimStatus]:
        return {c.id: c for c in self.claims}


def _labels(framework: Framework, accepted: frozenset[str]) -> dict[str, Label]:
    out = {b for a, b in framework.attacks if a in accepted}
    return {
        node: Label.IN if node in accepted else Label.OUT if node in out else Label.UNDEC
        for node in framework.nodes
    }


class _Explainer:
    """Why a rejected claim is out, in terms of claims and arguments."""

    def __init__(
        self, framework: Framework, standing: dict[str, bool], unsettled: set[str]
    ) -> None:
        self.framework = framework
        self.unsettled = unsettled
        """Claims neither accepted everywhere nor rejected."""
        self.standing = standing
        """Node -> whether it counts against what it attacks (accepted, or undecided
        for grounded)."""
        self.attackers = framework.attackers()

    def reasons(self, claim_id: str) -> tuple[Reason, ...]:
        found: list[Reason] = []
        for attacker in self.attackers.get(claim_id, []):
            if not self.standing[attacker]:
                continue
            kind = self.framework.kinds[attacker]
            if kind is NodeKind.CLAIM and not self._states(attacker, claim_id):
                continue  # only a claim it agrees with attacks: that one is named instead
            if kind is NodeKind.CLAIM:
                found.append(
                    Reason(
                        "rebutted",
                        attacker,
                        through=self._through(attacker, claim_id),
                        settled=attacker not in self.unsettled,
                    )
                )
            elif kind is NodeKind.UNSUPPORTED:
                found += self._failed_support(attacker)
        return tuple(dict.fromkeys(found))

    def _states(self, attacker: str, target: str) -> bool:
        """Whether the map itself says ``attacker`` attacks ``target`` (or a claim that
        agrees with ``target``), rather than a claim that agrees with ``attacker``."""
        stated = self.framework.stated
        targets = (target, *self.framework.agreeing.get(target, ()))
        return any((attacker, t) in stated for t in targets)

    def _through(self, attacker: str, claim_id: str) -> str | None:
        """The agreeing claim that the map says ``attacker`` (or its twin) attacks,
        when it does not say that it attacks ``claim_id`` itself."""
        stated = self.framework.stated
        attackers = (attacker, *self.framework.agreeing.get(attacker, ()))
        if any((a, claim_id) in stated for a in attackers):
            return None
        for other in self.framework.agreeing.get(claim_id, ()):
            if any((a, other) in stated for a in attackers):
                return other
        return None

    def _failed_support(self, unsupported: str) -> list[Reason]:
        found: list[Reason] = []
        for inference in self.attackers.get(unsupported, []):
            for attacker in self.attackers.get(inference, []):
                if not self.standing[attacker]:
                    continue
                if attacker.startswith(NOT):
                    premise = attacker[len(NOT) :]
                    found.append(
                        Reason("premise", premise, inference, settled=premise not in self.unsettled)
                    )
                elif self.framework.kinds[attacker] is NodeKind.CLAIM and self._states(
                    attacker, inference
                ):
                    found.append(
                        Reason(
                            "undercut", attacker, inference, settled=attacker not in self.unsettled
                        )
                    )
        return found


def debate(selection: Selection) -> Selection:
    """The part of the map a selection evaluates: its ``-a``/``-s``/``-t`` filters.

    ``--focus``/``--depth``, ``--relations`` and ``--context`` choose what to look at,
    not which debate: a claim keeps its status whatever part of the debate is shown.
    """
    return Selection(sources=selection.sources, speakers=selection.speakers, tags=selection.tags)


def evaluate(
    index: Index,
    semantics: Semantics,
    *,
    mapping: Mapping = Mapping.BIPOLAR,
    solver: SolverChoice = SolverChoice.AUTO,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int = DEFAULT_LIMIT,
) -> Evaluation:
    """The extensions of the map and each claim's status (see the module docstring).

    The search is split first (:mod:`argmap.evaluate.decompose`): the grounded
    part is fixed, and each independent part of the rest is solved on its own,
    so a claim's status never needs the product of all the parts. When there
    are more than ``limit`` extensions in all, they are not listed.

    Raises :class:`~argmap.evaluate.solvers.SolverError` when the solver times
    out, finds more than ``limit`` extensions in one part, or does not offer
    ``semantics``.
    """
    from argmap.evaluate import decompose, solvers

    framework = build(index, mapping)
    chosen = solvers.get(solver, semantics)
    n, attacks = framework.numbered()
    if semantics is Semantics.GROUNDED:
        (ground,) = chosen.extensions(n, attacks, semantics, timeout=timeout, limit=limit)
        parts = decompose.Parts(ground, ())
    else:
        parts = decompose.solve(n, attacks, semantics, chosen, timeout=timeout, limit=limit)
    nodes = framework.nodes
    number = {node: i for i, node in enumerate(nodes)}
    claim_ids = framework.claims
    listed: tuple[tuple[str, ...], ...] | None = None
    if parts.count <= limit:
        listed = tuple(
            sorted(
                {
                    tuple(sorted(nodes[i] for i in extension if nodes[i] in index.claims))
                    for extension in parts.extensions()
                }
            )
        )
    labels: dict[str, Label] | None = None
    if semantics is Semantics.GROUNDED:
        labels = _labels(framework, frozenset(nodes[i] for i in parts.fixed))
        standing = {node: labels[node] is not Label.OUT for node in nodes}
        # A premise fails (not:P counts) unless P is in.
        standing.update(
            {n: labels[n[len(NOT) :]] is not Label.IN for n in nodes if n.startswith(NOT)}
        )
    else:
        somewhere = parts.somewhere()
        everywhere = parts.everywhere()
        standing = {node: number[node] in somewhere for node in nodes}
        standing.update(
            {n: number[n[len(NOT) :]] not in everywhere for n in nodes if n.startswith(NOT)}
        )
    if labels is not None:
        unsettled = {c for c in claim_ids if labels[c] is Label.UNDEC}
    else:
        unsettled = {c for c in claim_ids if number[c] in somewhere and number[c] not in everywhere}
    explainer = _Explainer(framework, standing, unsettled)
    times_in = parts.times_in()
    statuses = []
    for claim_id in claim_ids:
        node = number[claim_id]
        seen, total = times_in.get(node, (0, 1))
        if parts.count == 0 or (node not in parts.fixed and seen == 0):
            status = Status.REJECTED
        elif node in parts.fixed or seen == total:
            status = Status.SKEPTICAL
        else:
            status = Status.CREDULOUS
        statuses.append(
            ClaimStatus(
                id=claim_id,
                status=status,
                label=labels[claim_id] if labels is not None else None,
                reasons=explainer.reasons(claim_id) if status is Status.REJECTED else (),
            )
        )
    return Evaluation(
        semantics=semantics,
        framework=framework,
        solver=chosen.name,
        extensions=listed,
        extension_count=len(listed) if listed is not None else parts.count,
        claims=tuple(statuses),
    )
