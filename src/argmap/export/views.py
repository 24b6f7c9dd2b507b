"""The diagram views (``argmap diagram --view``), each planned by its own module.

:func:`draw` picks the view's planner and returns a :class:`Drawing`: what the
CLI needs to lay it out (DOT with extra graph attributes, for a page fit), to
write it as Mermaid where the view has a Mermaid form, and to report it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.export.diagram import Diagram, DiagramOptions, default_title, plan
from argmap.export.dot import to_dot
from argmap.formats import DiagramView
from argmap.index import Index
from argmap.subset import Subset

if TYPE_CHECKING:
    from argmap.export.speakers import SpeakerNetwork

# Each view's own modules (and Mermaid's writer) are imported when that view is
# drawn: ``argmap diagram --format dot`` of the map needs none of them.


@dataclass(frozen=True)
class Drawing:
    """A planned view, ready to be written."""

    nodes: int
    """Nodes Graphviz has to place (for the size guard)."""
    stats: str
    build_dot: Callable[[bool, Mapping[str, str]], str]
    mermaid: Callable[[], str] | None
    diagram: Diagram | None = None
    """The claim diagram (map and debate views), for the HTML page's data."""

    def dot(self, *, layout_limits: bool = False, extra: Mapping[str, str] | None = None) -> str:
        return self.build_dot(layout_limits, extra or {})


def draw(
    subset: Subset,
    options: DiagramOptions,
    full: Index,
    *,
    adjust: Callable[[Diagram], Diagram] | None = None,
    adjust_speakers: Callable[[SpeakerNetwork], SpeakerNetwork] | None = None,
) -> Drawing:
    """Plan ``options.view`` of ``subset`` (``full``: the whole corpus's index, for titles).

    ``adjust`` changes a claim diagram before it is written (the ``--status`` overlay),
    ``adjust_speakers`` the speakers view (the same overlay, as counts per speaker).
    """
    if options.view is DiagramView.SPEAKERS:
        from argmap.export import speakers

        index = Index.build(subset.corpus)
        if options.title is None:
            title = "Who rebuts and agrees with whom: " + _lower_first(
                default_title(subset, index, full)
            )
        else:
            title = options.title
        network = speakers.plan(subset, title, legend=options.legend)
        if adjust_speakers is not None:
            network = adjust_speakers(network)
        return Drawing(
            nodes=network.nodes,
            stats=network.stats,
            build_dot=lambda _limits, extra: speakers.to_dot(network, extra=extra),
            mermaid=None,
        )
    if options.view is DiagramView.DEBATE:
        from argmap.export import debate

        diagram = debate.plan_debate(subset, options, full)
    else:
        diagram = plan(subset, options, full)
    if adjust is not None:
        diagram = adjust(diagram)
    return Drawing(
        nodes=diagram.nodes,
        stats=diagram.stats,
        build_dot=lambda limits, extra: to_dot(diagram, layout_limits=limits, extra=extra),
        mermaid=lambda: _mermaid(diagram),
        diagram=diagram,
    )


def _mermaid(diagram: Diagram) -> str:
    from argmap.export.mermaid import to_mermaid

    return to_mermaid(diagram)


def _lower_first(text: str) -> str:
    if text.startswith("The whole corpus"):
        return "the whole corpus"
    return text
