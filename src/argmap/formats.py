"""The output format choices, defined once here and reused by the CLI."""

from __future__ import annotations

from enum import StrEnum


class ListFormat(StrEnum):
    """How a listing is printed: tables for people, the rest for pipes."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    YAML = "yaml"
    MARKDOWN = "markdown"


class CheckFormat(StrEnum):
    """How ``argmap check`` reports its findings."""

    TEXT = "text"
    CONCISE = "concise"
    JSON = "json"
    GITHUB = "github"


class ViewFormat(StrEnum):
    """How ``argmap show`` and ``argmap tree`` print one entity and what surrounds it."""

    TEXT = "text"
    """Indented, wrapped to the terminal: for reading."""
    JSON = "json"
    YAML = "yaml"
    MARKDOWN = "markdown"
    """Headings and lists, to paste into notes."""


class DiagramFormat(StrEnum):
    """What ``argmap diagram`` writes: a picture, or the diagram's source text."""

    SVG = "svg"
    PNG = "png"
    PDF = "pdf"
    DOT = "dot"
    MERMAID = "mermaid"
    HTML = "html"
    """One offline page: the SVG with pan, zoom, search and a claim panel."""

    @property
    def binary(self) -> bool:
        """Bytes that must not be written to a terminal."""
        return self in (DiagramFormat.PNG, DiagramFormat.PDF)

    @property
    def rendered(self) -> bool:
        """Laid out by Graphviz (the others are source text, written as built)."""
        return self in (
            DiagramFormat.SVG,
            DiagramFormat.PNG,
            DiagramFormat.PDF,
            DiagramFormat.HTML,
        )


DIAGRAM_SUFFIXES: dict[str, DiagramFormat] = {
    ".svg": DiagramFormat.SVG,
    ".png": DiagramFormat.PNG,
    ".pdf": DiagramFormat.PDF,
    ".dot": DiagramFormat.DOT,
    ".gv": DiagramFormat.DOT,
    ".mmd": DiagramFormat.MERMAID,
    ".mermaid": DiagramFormat.MERMAID,
    ".html": DiagramFormat.HTML,
    ".htm": DiagramFormat.HTML,
}
"""File suffix -> diagram format, for ``argmap diagram -o FILE``."""


class ExportFormat(StrEnum):
    """What ``argmap export`` writes: the corpus as data for other tools."""

    JSON = "json"
    AIF = "aif"
    GRAPHML = "graphml"
    ARGDOWN = "argdown"
    CSV = "csv"
    ICCMA = "iccma"
    """The Dung framework of ``argmap evaluate`` in the ICCMA competition format."""


class ImportFormat(StrEnum):
    """What ``argmap import`` reads: the field's argument-map formats."""

    AIF = "aif"
    """AIF JSON, as AIFdb, OVA, arguebuf and ``argmap export --format aif`` write it."""
    ARGGRAPH = "arggraph"
    """arggraph XML, as in the arg-microtexts corpus."""
    ARGDOWN_JSON = "argdown-json"
    """What ``argdown json`` writes."""


class CsvTable(StrEnum):
    """The tables of ``argmap export --format csv`` (one per file, or one on stdout)."""

    CLAIMS = "claims"
    RELATIONS = "relations"
    PEOPLE = "people"
    SOURCES = "sources"
    AGREEMENTS = "agreements"
    STANCES = "stances"


class Relations(StrEnum):
    """Which relations a diagram or export keeps."""

    SUPPORT = "support"
    ATTACK = "attack"
    AGREE = "agree"
    ALL = "all"


class ClusterBy(StrEnum):
    """How a diagram boxes its claims together."""

    AUTO = "auto"
    """By source when the diagram spans several sources, else none."""
    SOURCE = "source"
    SPEAKER = "speaker"
    NONE = "none"


class RankDir(StrEnum):
    """Graphviz's rank direction: where conclusions sit relative to their premises."""

    BT = "BT"
    """Premises below, conclusions above (the default: arrows point up to what they argue for)."""
    TB = "TB"
    LR = "LR"
    RL = "RL"


class DiagramView(StrEnum):
    """What a diagram shows of the selection."""

    MAP = "map"
    """Every claim and relation selected: the full argument map."""
    DEBATE = "debate"
    """For a paper or slide: questions and stances, central claims, and the claims in
    rebuttals and agreements between different speakers; supports folded into counts."""
    SPEAKERS = "speakers"
    """People as nodes (sized by claims), rebuttals and agreements between them as edges."""


class Page(StrEnum):
    """A page to fit a drawing to (``argmap diagram --page``)."""

    A4 = "a4"
    LETTER = "letter"
    SLIDE = "slide"
    """16:9, 13.33 x 7.5 in (a widescreen presentation slide), always landscape."""


class RendererChoice(StrEnum):
    """Which Graphviz runs the layout."""

    AUTO = "auto"
    """``dot`` from PATH when there is one, else the bundled WebAssembly build (SVG only)."""
    DOT = "dot"
    """The system's Graphviz (``dot`` on PATH): every format."""
    WASM = "wasm"
    """Graphviz compiled to WebAssembly, shipped as a Python package: SVG only."""


class Semantics(StrEnum):
    """Which of Dung's acceptability semantics ``argmap evaluate`` computes."""

    GROUNDED = "grounded"
    """The one sceptical extension: what stands whatever one chooses to believe."""
    COMPLETE = "complete"
    """Every position that accepts exactly what it defends."""
    PREFERRED = "preferred"
    """The maximal defensible positions."""
    STABLE = "stable"
    """Positions that attack everything they leave out (there may be none)."""


class Mapping(StrEnum):
    """How the map becomes a Dung framework (docs/evaluate.md)."""

    BIPOLAR = "bipolar"
    """Supports count: a claim with arguments stands only while one of them stands."""
    DUNG = "dung"
    """Claims and rebuttals only: every rebuttal attacks a claim, supports are ignored."""


class SolverChoice(StrEnum):
    """Which solver computes the extensions."""

    AUTO = "auto"
    """``direct`` for grounded, ``clingo`` for the others."""
    DIRECT = "direct"
    """The grounded labelling computed in linear time (grounded only)."""
    CLINGO = "clingo"
    """The clingo ASP solver with ASPARTIX-style encodings (every semantics)."""
