"""The closed vocabularies of the format and of the queries.

They live apart from :mod:`argmap.model` so that the CLI can declare its
choices (``--basis``, ``--kind``, ``--role``) from these very enums without
importing pydantic at start-up. :mod:`argmap.corpus` (the records every
query reads) and :mod:`argmap.model` (the pydantic models that validate a
file) re-export the first four, so ``from argmap.corpus import Basis`` works.
"""

from __future__ import annotations

from enum import StrEnum


class PersonKind(StrEnum):
    """What a speaker is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"


class Basis(StrEnum):
    """Where a relation comes from."""

    EXPLICIT = "explicit"
    """The text itself argues so, or answers the target."""
    INFERRED = "inferred"
    """The annotator links the two, for example across pieces."""


class RebuttalKind(StrEnum):
    """How a rebuttal attacks."""

    REBUT = "rebut"
    """Attacks a claim: says the claim is false."""
    UNDERCUT = "undercut"
    """Attacks an argument: says the premises do not support the conclusion."""


class Side(StrEnum):
    """A claim's answer to a question."""

    PRO = "pro"
    """The claim answers yes: it supports the question's proposition or motion."""
    CON = "con"
    """The claim answers no."""


class ClaimRole(StrEnum):
    """The part a claim plays in the map (``argmap claims --role``)."""

    PREMISE = "premise"
    """A premise of at least one argument."""
    CONCLUSION = "conclusion"
    """The conclusion of at least one argument."""
    ATTACKER = "attacker"
    """Makes at least one rebuttal (rebut or undercut)."""
    ATTACKED = "attacked"
    """Rebutted itself, or concluded by an argument that is undercut."""
    AGREEING = "agreeing"
    """Agrees with at least one other claim."""
    STANCE = "stance"
    """Takes a stance (pro or con) on at least one question."""
    ISOLATED = "isolated"
    """In no argument, rebuttal, agreement or stance (what the ``isolated-claim`` rule reports)."""
