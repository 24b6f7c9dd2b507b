"""Kept for callers of the first output helper: use :mod:`argmap.writing` instead."""

from __future__ import annotations

from pathlib import Path

from argmap.writing import write_file


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through the output layer (:func:`argmap.writing.write_file`)."""
    write_file(path, data)
