"""Substring search in a large text at memory speed, with offsets in characters.

CPython's ``str.find`` skips through a text by its needle's length: a word of
ten letters is searched at about 3 GB/s, so each look-up of a word in a
100 MB text costs 35 ms or more, and the closest-passage search of a quote
miss makes several. StringZilla's search (SIMD, a library made for the job)
runs at the speed memory is read, whatever the needle: under 5 ms for
100 MB, and faster than ``str.find`` for small texts too.

StringZilla sees a text as UTF-8 bytes, and gives byte offsets. An ASCII
text is its own UTF-8, so its offsets are character offsets as they are. Any
other text is encoded once, in chunks of :data:`CHUNK` characters, keeping
where each chunk starts in bytes: a byte offset becomes a character offset
by decoding at most one chunk. A match in UTF-8 always starts and ends on
whole characters (a lead byte is never a continuation byte), so a match of
the bytes is a match of the characters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol, cast

import stringzilla

CHUNK = 1 << 14
"""Characters per chunk of a non-ASCII text: a byte offset is turned into a character
offset by decoding at most this many characters."""
BLOCK = 1 << 20
"""Bytes searched at a time by :meth:`Haystack.find_each`: a block is read from memory
once and searched for every needle while it is in the processor's cache."""
_ENCODING, _ERRORS = "utf-8", "surrogatepass"
"""Lone surrogates (which a text decoded leniently may hold) encode too, one to one."""


class _Bytes(Protocol):
    """What argmap uses of ``stringzilla.Str`` (the package ships no type hints)."""

    def find(self, needle: str | bytes, start: int = ..., end: int = ...) -> int: ...

    def count(self, needle: str | bytes) -> int: ...


class Haystack:
    """A text searched for substrings like ``str.find``, at memory speed."""

    __slots__ = ("_ascii", "_length", "_starts", "_str", "_text", "_utf8")

    def __init__(self, text: str) -> None:
        self._text = text
        self._length = len(text)
        self._ascii = text.isascii()
        self._starts: list[int] = []
        """Where each chunk of :data:`CHUNK` characters starts in :attr:`_utf8`."""
        if self._ascii:
            self._utf8 = b""
            self._str = cast(_Bytes, stringzilla.Str(text))
            return
        chunks = [
            text[at : at + CHUNK].encode(_ENCODING, _ERRORS) for at in range(0, len(text), CHUNK)
        ]
        at = 0
        for chunk in chunks:
            self._starts.append(at)
            at += len(chunk)
        self._utf8 = b"".join(chunks)
        self._str = cast(_Bytes, stringzilla.Str(self._utf8))

    def find(self, needle: str, start: int = 0) -> int:
        """Where ``needle`` first occurs at or after ``start``, or -1: ``str.find``."""
        if start < 0:
            start = max(start + self._length, 0)
        if start > self._length:
            return -1
        if not needle:
            return start
        if self._ascii:
            if not needle.isascii():
                return -1
            return self._str.find(needle, start)
        at = self._str.find(needle.encode(_ENCODING, _ERRORS), self._byte(start))
        return at if at < 0 else self._character(at)

    def find_each(
        self, needles: Sequence[str], most: int, until: int | None = None
    ) -> list[tuple[tuple[int, ...], bool]]:
        """The first ``most`` places of each needle, as ``find`` would give them one
        after another, and whether they are all known: the needles are searched
        together, block by block, so that the text is read from memory once (a
        scan of 100 MB for six needles: 17 ms, against 22 ms one after another).

        With ``until``, the search stops at the end of the block in which
        ``needles[until]`` is first found: the places found so far are then
        given, each with whether the needle's search got to ``most`` places or
        to the end of the text.
        """
        size = self._length if self._ascii else len(self._utf8)
        keys: list[str | bytes] = []
        found: list[list[int]] = [[] for _ in needles]
        complete: list[bool] = []
        for i, needle in enumerate(needles):
            key: str | bytes = needle if self._ascii else needle.encode(_ENCODING, _ERRORS)
            keys.append(key)
            if not needle:
                found[i] = list(range(min(most, self._length + 1)))
            complete.append(not needle or (self._ascii and not needle.isascii()))
        starts = [0] * len(needles)
        search = self._str.find
        hi = 0
        while hi < size and not all(complete):
            hi += BLOCK
            for i, key in enumerate(keys):
                if complete[i]:
                    continue
                # Every place that starts in this block, whatever block it ends in.
                end = min(hi + len(key) - 1, size)
                hits = found[i]
                at = search(key, starts[i], end)
                while at >= 0:
                    hits.append(at)
                    if len(hits) >= most:
                        complete[i] = True
                        break
                    at = search(key, at + 1, end)
                starts[i] = hi
            if until is not None and found[until]:
                break
        if hi >= size:
            complete = [True] * len(needles)
        if not self._ascii:  # byte offsets to characters (an empty needle's are already)
            found = [
                [self._character(at) for at in hits] if needle else hits
                for needle, hits in zip(needles, found, strict=True)
            ]
        return [(tuple(hits), done) for hits, done in zip(found, complete, strict=True)]

    def count(self, needle: str) -> int:
        """How often ``needle`` occurs, without overlaps: ``str.count`` (of a non-empty
        needle; UTF-8 keeps which matches overlap, so the bytes count the same)."""
        if self._ascii and not needle.isascii():
            return 0
        return self._str.count(needle if self._ascii else needle.encode(_ENCODING, _ERRORS))

    def _byte(self, character: int) -> int:
        """The byte offset of the ``character``-th character of a non-ASCII text."""
        chunk = character // CHUNK
        if chunk >= len(self._starts):
            return len(self._utf8)
        lo = chunk * CHUNK
        return self._starts[chunk] + len(self._text[lo:character].encode(_ENCODING, _ERRORS))

    def _character(self, byte: int) -> int:
        """The character offset of a byte offset that starts a character."""
        chunk = bisect_right(self._starts, byte) - 1
        lo = self._starts[chunk]
        return chunk * CHUNK + len(self._utf8[lo:byte].decode(_ENCODING, _ERRORS))
