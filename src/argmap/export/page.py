"""Fit a drawing to a page, or say why it cannot be read there.

A drawing is laid out at its natural size first; :func:`fit` then picks the
orientation (landscape when the drawing is wider than tall; a slide is always
landscape) and the scale that fits it inside the page's margins, never
enlarging it. The smallest text on the page must stay at least
:data:`MIN_TEXT_PT` (6.5 pt, the smallest size a printed figure caption
usually allows): when the scale would take it below that, :func:`fit` raises
:class:`PageTooSmall` with the sizes, and the caller names a smaller view.

:func:`graph_attributes` gives the Graphviz attributes that make ``dot``
draw at that scale on exactly that page: ``size`` is the page, and ``pad``
(which Graphviz scales with the drawing) fills the rest of it, so that the
SVG's ``width``/``height`` and the PDF's page box are the page's size. (Not
``margin``: clusters inherit it, and the layout itself would change.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from argmap.formats import Page

MIN_TEXT_PT = 6.5
"""No text on a fitted page is smaller than this."""

POINTS_PER_INCH = 72.0

DRAWING_PAD_PT = 21.6
"""The ``pad`` (0.3 in) that the diagram writers put around a drawing: a natural-size
SVG is the layout plus this on every side."""

PAGE_SIZES: dict[Page, tuple[float, float]] = {
    Page.A4: (595.28, 841.89),
    Page.LETTER: (612.0, 792.0),
    Page.SLIDE: (960.0, 540.0),
}
"""Portrait width and height in points (a slide's are landscape already)."""

PAGE_MARGINS: dict[Page, float] = {Page.A4: 36.0, Page.LETTER: 36.0, Page.SLIDE: 18.0}
"""White space kept on every side, in points."""


class PageTooSmall(Exception):
    """The drawing would need text below :data:`MIN_TEXT_PT` to fit the page."""

    def __init__(self, page: Page, natural: tuple[float, float], smallest: float) -> None:
        self.page = page
        self.natural = natural
        self.smallest = smallest
        self.best = best_scale(page, *natural)
        super().__init__(
            f"the drawing is {natural[0]:.0f} x {natural[1]:.0f} pt; on {label(page)} its "
            f"{smallest:g} pt text would shrink to {smallest * self.best:.1f} pt, below the "
            f"{MIN_TEXT_PT:g} pt that stays legible"
        )


@dataclass(frozen=True)
class PageFit:
    """Where a drawing goes on a page."""

    page: Page
    landscape: bool
    width: float
    """Page width in points (as oriented)."""
    height: float
    scale: float
    """Drawing scale (at most 1)."""
    drawing: tuple[float, float]
    """The drawing's natural width and height in points (without its pad)."""
    smallest_text: float
    """The smallest font size in the drawing, in points, before scaling."""

    @property
    def smallest_on_page(self) -> float:
        return self.smallest_text * self.scale


def label(page: Page) -> str:
    return {Page.A4: "an A4 page", Page.LETTER: "a Letter page", Page.SLIDE: "a 16:9 slide"}[page]


def _oriented(page: Page, landscape: bool) -> tuple[float, float]:
    width, height = PAGE_SIZES[page]
    if page is Page.SLIDE:
        return width, height
    return (height, width) if landscape else (width, height)


def _landscape(page: Page, width: float, height: float) -> bool:
    return page is Page.SLIDE or width > height


def best_scale(page: Page, width: float, height: float) -> float:
    """The largest scale (at most 1) at which the drawing fits inside the margins."""
    page_width, page_height = _oriented(page, _landscape(page, width, height))
    margin = PAGE_MARGINS[page]
    return min(1.0, (page_width - 2 * margin) / width, (page_height - 2 * margin) / height)


def fit(page: Page, width: float, height: float, smallest_text: float) -> PageFit:
    """Place a ``width`` by ``height`` pt drawing whose smallest text is ``smallest_text`` pt."""
    if width <= 0 or height <= 0:
        raise ValueError("a drawing has a positive size")
    landscape = _landscape(page, width, height)
    page_width, page_height = _oriented(page, landscape)
    scale = best_scale(page, width, height)
    if smallest_text * scale < MIN_TEXT_PT - 1e-9:
        raise PageTooSmall(page, (width, height), smallest_text)
    return PageFit(page, landscape, page_width, page_height, scale, (width, height), smallest_text)


DEVICE_MARGIN_PT: dict[str, float] = {"pdf": 36.0, "ps": 36.0}
"""The margin Graphviz's print formats add around the drawing (0 for svg and png)."""


def graph_attributes(placed: PageFit, fmt: str = "svg") -> dict[str, str]:
    """Graphviz graph attributes that draw at ``placed.scale``, centred on the page.

    Graphviz adds its own margin around a PDF: the drawing area is the page less it.
    """
    width, height = placed.drawing
    device = DEVICE_MARGIN_PT.get(fmt, 0.0)
    area_width = placed.width - 2 * device
    area_height = placed.height - 2 * device
    pad_x = max(area_width / placed.scale - width, 0.0) / 2 / POINTS_PER_INCH
    pad_y = max(area_height / placed.scale - height, 0.0) / 2 / POINTS_PER_INCH
    return {
        "pad": f"{pad_x:.4f},{pad_y:.4f}",
        "size": f"{area_width / POINTS_PER_INCH:.4f},{area_height / POINTS_PER_INCH:.4f}!",
    }


_SVG_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_FONT_SIZE = re.compile(rb'font-size="([\d.]+)"')


def measure_svg(svg: bytes) -> tuple[float, float, float]:
    """(width, height, smallest font size), in points, of an SVG Graphviz drew at scale 1.

    The width and height are the layout's, without the writers' pad.
    """
    found = _SVG_SIZE.search(svg)
    if found is None:
        raise ValueError("not an SVG drawn by Graphviz (no width and height in pt)")
    sizes = [float(size) for size in _FONT_SIZE.findall(svg)]
    return (
        max(float(found.group(1)) - 2 * DRAWING_PAD_PT, 1.0),
        max(float(found.group(2)) - 2 * DRAWING_PAD_PT, 1.0),
        min(sizes, default=14.0),
    )


def fit_source(
    build: Callable[[Mapping[str, str]], str],
    page: Page,
    lay_out_svg: Callable[[str], bytes],
    fmt: str = "svg",
) -> tuple[str, PageFit]:
    """The DOT source that draws ``build``'s diagram fitted to ``page``, and the fit.

    ``build(extra)`` writes the DOT with extra graph attributes; ``lay_out_svg`` lays
    it out as SVG (the natural size is measured on it). Raises :class:`PageTooSmall`.
    """
    width, height, smallest = measure_svg(lay_out_svg(build({})))
    placed = fit(page, width, height, smallest)
    return build(graph_attributes(placed, fmt)), placed
