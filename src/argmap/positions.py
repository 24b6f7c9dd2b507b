"""Positions in a corpus file: which line and column each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

NodePath = tuple[str | int, ...]
"""Where a value sits in the document, e.g. ``("claims", 12, "speaker")``."""


class Position(NamedTuple):
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class SourceMap:
    """The file a corpus was read from and the position of every node in it.

    ``values`` maps a node path to the (line, column) where its value starts;
    ``keys`` maps the path of a mapping entry to where its key starts (the
    better place to point at for "unknown field"). Plain tuples keep loading
    fast; :meth:`locate` hands out :class:`Position` objects.
    """

    path: Path | None
    values: dict[NodePath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[NodePath, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> SourceMap:
        return cls(path=None)

    def locate(self, node: NodePath, *, key: bool = False) -> Position | None:
        """The position of ``node``, or of its nearest ancestor that has one.

        With ``key=True`` the entry's key is preferred over its value.
        """
        for end in range(len(node), -1, -1):
            prefix = node[:end]
            if key and end == len(node) and prefix in self.keys:
                return Position(*self.keys[prefix])
            found = self.values.get(prefix)
            if found is not None:
                return Position(*found)
        return None


def format_path(node: NodePath) -> str:
    """``("claims", 3, "speaker")`` -> ``claims[3].speaker``."""
    out = ""
    for part in node:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)
