"""The importers, one per format, and how a file's format is recognised."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.formats import ImportFormat
from argmap.importers import aif, argdown_json, arggraph
from argmap.importers.fragment import Context, Fragment


@dataclass(frozen=True, slots=True)
class Importer:
    """One input format: which files it takes, how it recognises them, how it reads them."""

    format: ImportFormat
    suffixes: tuple[str, ...]
    markers: tuple[bytes, ...]
    """Byte strings whose presence near the start of a file shows this format."""
    read: Callable[[Path, Context], Fragment]


IMPORTERS: dict[ImportFormat, Importer] = {
    ImportFormat.AIF: Importer(ImportFormat.AIF, aif.SUFFIXES, (b'"nodeID"',), aif.read),
    ImportFormat.ARGGRAPH: Importer(
        ImportFormat.ARGGRAPH, arggraph.SUFFIXES, (b"<arggraph",), arggraph.read
    ),
    ImportFormat.ARGDOWN_JSON: Importer(
        ImportFormat.ARGDOWN_JSON,
        argdown_json.SUFFIXES,
        (b'"equivalence-class"', b'"statements"'),
        argdown_json.read,
    ),
}

SNIFF_BYTES = 1 << 16


def detect(path: Path, head: bytes) -> ImportFormat | None:
    """The format whose suffix and markers fit the file, or None.

    ``head`` is the start of the file (up to :data:`SNIFF_BYTES`). The
    importer itself still checks the whole structure and says what is wrong.
    """
    suffix = path.suffix.lower()
    for importer in IMPORTERS.values():
        if suffix in importer.suffixes and any(m in head for m in importer.markers):
            return importer.format
    return None


def suffixes() -> set[str]:
    """Every file suffix some importer reads."""
    return {s for importer in IMPORTERS.values() for s in importer.suffixes}
