"""The pro and con tree around a claim: ``argmap tree``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

from argmap.corpus import Argument
from argmap.errors import LookupFailed
from argmap.index import Index
from argmap.vocabulary import Basis, RebuttalKind

# -- the pro and con tree -----------------------------------------------------


Relation = Literal["root", "pro", "con", "premise", "agree"]


@dataclass(frozen=True, slots=True)
class TreeNode:
    """One node of a pro/con tree. JSON: see docs/queries.md#tree-nodes.

    A claim node (``type == "claim"``) is the root, a single-premise ``pro``, a
    ``con`` that rebuts or undercuts its parent, or a ``premise`` of a linked
    argument, or an ``agree``: a claim that says the same thing as its parent
    (an agreement, which ``via`` names). An argument node (``type ==
    "argument"``) is a ``pro`` whose premises work together, or one that is
    undercut; its children are its premises and the undercuts on it.
    """

    relation: Relation
    type: Literal["claim", "argument"]
    id: str
    via: str | None
    """The argument (pro) or rebuttal (con) linking this node to its parent."""
    kind: RebuttalKind | None
    """For a con: rebut or undercut."""
    basis: Basis | None
    """Of the argument or the rebuttal that links this node to its parent."""
    speaker: str | None
    speaker_name: str | None
    text: str | None
    """The claim's text; for an argument, None."""
    children: tuple[TreeNode, ...] = ()
    stop: Literal["cycle", "repeat"] | None = None
    """Why the node is not expanded: it is its own ancestor (cycle) or was
    expanded earlier in the tree (repeat)."""
    hidden: int = 0
    """Children left out because of the depth limit."""
    stances: tuple[tuple[str, str], ...] = ()
    """(question id, pro | con) for each stance the claim takes."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "type": self.type,
            "id": self.id,
            "via": self.via,
            "kind": self.kind.value if self.kind else None,
            "basis": self.basis.value if self.basis else None,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "text": self.text,
            "stop": self.stop,
            "hidden": self.hidden,
            "stances": [{"question": q, "stance": side} for q, side in self.stances],
            "children": [c.as_dict() for c in self.children],
        }

    def walk(self) -> Iterator[TreeNode]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def pro_con_tree(index: Index, claim_id: str, depth: int | None = None) -> TreeNode:
    """The pros (arguments for) and cons (rebuttals on) below a claim, recursively.

    ``depth`` counts claim levels below the root (``None``: no limit; ``0``:
    the root alone). A claim that is its own ancestor is marked ``cycle``; one
    already expanded elsewhere in the tree is marked ``repeat`` and not expanded
    again, so the tree stays as large as the graph below the root. Raises
    :class:`~argmap.errors.LookupFailed` for an unknown claim.
    """
    if claim_id not in index.claims:
        raise LookupFailed(f"no claim {claim_id!r}", [])
    builder = _TreeBuilder(index, depth)
    return builder.claim(claim_id, "root", None, None, None, 0, frozenset())


class _TreeBuilder:
    def __init__(self, index: Index, depth: int | None) -> None:
        self.index = index
        self.depth = depth
        self.expanded: set[str] = set()

    def _count_below(self, claim_id: str) -> int:
        return (
            len(self.index.arguments_for.get(claim_id, ()))
            + len(self.index.attacks_on.get(claim_id, ()))
            + len(self.index.agreements_of.get(claim_id, ()))
        )

    def claim(
        self,
        claim_id: str,
        relation: Relation,
        via: str | None,
        kind: RebuttalKind | None,
        basis: Basis | None,
        level: int,
        path: frozenset[str],
    ) -> TreeNode:
        claim = self.index.claims.get(claim_id)
        node = TreeNode(
            relation=relation,
            type="claim",
            id=claim_id,
            via=via,
            kind=kind,
            basis=basis,
            speaker=claim.speaker if claim else None,
            speaker_name=self.index.display_name(claim.speaker) if claim else None,
            text=claim.text if claim else None,
            stances=tuple(
                (s.question, s.stance.value) for s in self.index.stances_of.get(claim_id, ())
            ),
        )
        if claim is None:
            return node
        if claim_id in path:
            return _replace(node, stop="cycle")
        if claim_id in self.expanded:
            return _replace(node, stop="repeat")
        if self.depth is not None and level >= self.depth:
            return _replace(node, hidden=self._count_below(claim_id))
        self.expanded.add(claim_id)
        below = path | {claim_id}
        children: list[TreeNode] = []
        for argument in self.index.arguments_for.get(claim_id, ()):
            children.append(self.argument(argument, level, below))
        for rebuttal in self.index.attacks_on.get(claim_id, ()):
            children.append(
                self.claim(
                    rebuttal.by, "con", rebuttal.id, rebuttal.kind, rebuttal.basis, level + 1, below
                )
            )
        for agreement in self.index.agreements_of.get(claim_id, ()):
            if agreement.id == via:
                continue  # the agreement that led here
            other = self.index.agreeing_with(agreement, claim_id)
            children.append(
                self.claim(other, "agree", agreement.id, None, agreement.basis, level + 1, below)
            )
        return _replace(node, children=tuple(children))

    def argument(self, argument: Argument, level: int, path: frozenset[str]) -> TreeNode:
        premises = [p for p in dict.fromkeys(argument.premises) if p in self.index.claims]
        undercuts = self.index.attacks_on.get(argument.id, ())
        if len(premises) == 1 and not undercuts:
            return self.claim(
                premises[0], "pro", argument.id, None, argument.basis, level + 1, path
            )
        children = [
            self.claim(p, "premise", argument.id, None, None, level + 1, path) for p in premises
        ]
        children += [
            self.claim(r.by, "con", r.id, r.kind, r.basis, level + 1, path) for r in undercuts
        ]
        return TreeNode(
            relation="pro",
            type="argument",
            id=argument.id,
            via=argument.id,
            kind=None,
            basis=argument.basis,
            speaker=None,
            speaker_name=None,
            text=None,
            children=tuple(children),
        )


def _replace(node: TreeNode, **changes: Any) -> TreeNode:
    return replace(node, **changes)
