"""Where quotes sit in their texts: fragment spans, paragraphs, and the quoted share.

The project keeps short anchoring quotes, not copies of the articles: at most
``max_quote_words`` words per quote (30 by default), elided fragments within
one paragraph and a few hundred characters of each other, and quotes covering
at most 40% of a piece's words. The rules AM307-AM309 and ``argmap stats
--texts`` measure these with the functions here. Positions are offsets into
the normalised text (:func:`argmap.quotes.normalise`), in which each line of
the raw text (a paragraph in the texts here) is joined to the next by one space.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.quotes import fragments, normalise

if TYPE_CHECKING:
    from argmap.texts import TextStore

_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")

Span = tuple[int, int]


def words(text: str) -> int:
    """How many words a text has (runs of letters and digits, with inner ' and -)."""
    return len(_WORD.findall(text))


def quote_words(quote: str) -> int:
    """Words of a quote, elisions excluded: what AM307 counts."""
    return sum(words(part) for part in fragments(quote))


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """A text normalised as the quote matcher sees it, with its paragraph starts."""

    normalised: str
    starts: tuple[int, ...]
    """Offset of each paragraph's first character in ``normalised``."""

    @classmethod
    def of(cls, raw: str) -> Paragraphs:
        starts: list[int] = []
        parts: list[str] = []
        at = 0
        for line in raw.splitlines():
            part = normalise(line)
            if not part:
                continue
            starts.append(at)
            parts.append(part)
            at += len(part) + 1
        return cls(" ".join(parts), tuple(starts))

    def paragraph(self, offset: int) -> int:
        """The 0-based paragraph holding ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def spans(self, quote: str) -> list[Span] | None:
        """The span of each fragment of ``quote``, in order; None when one is not found."""
        found: list[Span] = []
        start = 0
        for part in fragments(quote):
            at = self.normalised.find(part, start)
            if at < 0:
                return None
            found.append((at, at + len(part)))
            start = at + len(part)
        return found or None


def merged(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans joined, in order."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def quoted_share(text: Paragraphs, quotes: Iterable[str]) -> tuple[int, int]:
    """(words covered by the quotes that are found, words of the text)."""
    spans = [span for quote in quotes for span in (text.spans(quote) or ())]
    covered = sum(words(text.normalised[a:b]) for a, b in merged(spans))
    return covered, words(text.normalised)


def read_paragraphs(store: TextStore, name: str) -> Paragraphs | None:
    """The text file ``name`` of a texts directory as :class:`Paragraphs`; None when it
    cannot be had (the quote rules AM302/AM303 say why). The store has read the file
    once; this only splits what it read."""
    loaded = store.get(name)
    return Paragraphs.of(loaded.raw) if loaded.raw is not None else None
