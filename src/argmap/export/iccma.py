"""``argmap export --format iccma``: the Dung framework in the ICCMA competition format.

The International Competition on Computational Models of Argumentation
(ICCMA 2023) reads a framework as a ``p af N`` line followed by one attack
``I J`` per line, arguments numbered 1..N. Any competition solver then
answers questions over the map, e.g. ``crustabri -p EE-PR -f map.af``.

Numbers follow :attr:`argmap.evaluate.framework.Framework.nodes`: the claims
in file order, then the helper nodes of the bipolar mapping (inferences,
``not:P``, ``unsupported:C``; docs/evaluate.md). The key maps each number to
its node id and kind, one ``N<TAB>ID<TAB>KIND`` line each. Written to stdout
the key comes first as ``#`` comment lines, which ICCMA 2023 solvers skip.
"""

from __future__ import annotations

from argmap.evaluate.framework import Framework


def framework_text(framework: Framework) -> str:
    """``p af N`` and the attacks, numbered from 1."""
    n, attacks = framework.numbered()
    lines = [f"p af {n}", *(f"{a + 1} {b + 1}" for a, b in attacks)]
    return "\n".join(lines) + "\n"


def key_text(framework: Framework) -> str:
    """Number, node id and kind per line, tab-separated."""
    return "".join(
        f"{i}\t{node}\t{framework.kinds[node].value}\n"
        for i, node in enumerate(framework.nodes, start=1)
    )


def export(framework: Framework) -> str:
    """The framework with its key as leading comments: one self-contained file."""
    comments = "".join(f"# {line}\n" for line in key_text(framework).splitlines())
    return comments + framework_text(framework)
