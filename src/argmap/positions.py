"""Positions in a corpus file: which line and column each value came from."""

from __future__ import annotations

import os
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
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

    Positions come in one of two forms, with the same :meth:`locate`:

    * ``values`` maps a node path to the (line, column) where its value
      starts, and ``keys`` maps the path of a mapping entry to where its key
      starts (the better place to point at for "unknown field");
    * ``tree``, a :class:`PositionTree` in flat arrays, which the fast loader
      fills: a few bytes per node instead of a tuple path and a dict entry.
    """

    path: Path | None
    values: dict[NodePath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[NodePath, tuple[int, int]] = field(default_factory=dict)
    tree: PositionTree | None = None

    @classmethod
    def empty(cls) -> SourceMap:
        return cls(path=None)

    def locate(self, node: NodePath, *, key: bool = False) -> Position | None:
        """The position of ``node``, or of its nearest ancestor that has one.

        With ``key=True`` the entry's key is preferred over its value.
        """
        if self.tree is not None:
            return self.tree.locate(node, key=key)
        for end in range(len(node), -1, -1):
            prefix = node[:end]
            if key and end == len(node) and prefix in self.keys:
                return Position(*self.keys[prefix])
            found = self.values.get(prefix)
            if found is not None:
                return Position(*found)
        return None


_LARGEST_SMALL_OFFSET = (1 << 32) - 1
"""Offsets below this fit the 4-byte array type."""


class PositionTree:
    """Positions of every node of a document in flat arrays (the fast loader's form).

    Each collection's children sit side by side in the slot arrays, in
    document order: slot ``i`` holds where a child's value starts
    (``values``), where its key starts when the collection is a mapping
    (``keys``, 0 for a list item), the key itself (``names``), and the
    collection it opens, if any (``opens``, -1 for a scalar). Collection
    ``c`` has ``count[c]`` children from slot ``first[c]``; collection 0 is
    the document's top-level mapping, which starts at ``root``.

    A place is stored as the parser gives it, one more than its character
    offset in the document (reading an offset costs the loader one attribute
    where a line and a column cost five operations, for each of millions of
    nodes); ``line_starts`` turns the few that are looked up into a line and
    a column.
    """

    __slots__ = (
        "count",
        "first",
        "is_map",
        "keys",
        "line_starts",
        "names",
        "opens",
        "root",
        "values",
    )

    def __init__(self, size: int = 0) -> None:
        """``size``: the document's length, which every offset stays below."""
        self.root = 0
        typecode = "I" if size < _LARGEST_SMALL_OFFSET else "Q"  # 4 bytes an offset, up to 4 GiB
        self.values = array(typecode)
        self.keys = array(typecode)
        self.names: list[str | None] = []
        self.opens = array("i")  # collection ids: 4 bytes a node
        self.first = array("I")
        self.count = array("I")
        self.is_map = array("b")
        self.line_starts = array("Q")
        """The character offset at which each line starts (LF, CRLF and CR end a line)."""

    def _slot(self, collection: int, part: str | int) -> int | None:
        start, count = self.first[collection], self.count[collection]
        if self.is_map[collection]:
            if not isinstance(part, str):
                return None
            names = self.names
            for slot in range(start, start + count):
                if names[slot] == part:
                    return slot
            return None
        if isinstance(part, int) and not isinstance(part, bool) and 0 <= part < count:
            return start + part
        return None

    def locate(self, node: NodePath, *, key: bool = False) -> Position | None:
        """As :meth:`SourceMap.locate`: the deepest node on ``node``'s path that exists."""
        found = self.root
        collection = 0
        for depth, part in enumerate(node, start=1):
            if collection < 0:
                break
            slot = self._slot(collection, part)
            if slot is None:
                break
            if key and depth == len(node) and self.keys[slot]:
                found = self.keys[slot]
            else:
                found = self.values[slot]
            collection = self.opens[slot]
        return self.position(found - 1) if found else None

    def position(self, offset: int) -> Position:
        """The 1-based line and column of a character offset."""
        line = bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)


_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str | bytes) -> array[int]:
    """The character offset of each line's start in ``text`` (or its UTF-8 bytes), where
    LF, CRLF and CR end lines (YAML's breaks beyond these are not handed here).

    Read a megabyte at a time, each piece cut just after a line feed (so that no
    character or CRLF is split): the lines of a whole file at once would cost
    more memory than the loader's peak.
    """
    starts = array("Q", [0])
    offset = 0  # in characters
    at = 0
    size = len(text)
    while at < size:
        cut = text.find("\n" if isinstance(text, str) else b"\n", at + _PIECE)  # type: ignore[arg-type]
        cut = size if cut < 0 else cut + 1
        piece = text[at:cut]
        if isinstance(piece, bytes):
            piece = piece.decode("utf-8")
        if "\r" in piece:
            starts.extend(offset + m.end() for m in _BREAK.finditer(piece))
        else:
            # Only LF: the running sum of the lines' lengths, at C speed.
            lines = piece.split("\n")
            del lines[-1]
            running = accumulate((len(line) + 1 for line in lines), initial=offset)
            next(running)  # ``offset`` itself: already a start
            starts.extend(running)
        offset += len(piece)
        at = cut
    return starts


_PIECE = 1 << 20


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
        return _relative(path, os.getcwd())
    except OSError:
        return str(path)


@lru_cache(maxsize=256)
def _relative(path: Path, cwd: str) -> str:
    # Once per file and directory: a check may name the same file thousands of times.
    try:
        return str(path.resolve().relative_to(cwd))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)
