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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.quotes import SourceText, fragments

if TYPE_CHECKING:
    from argmap.texts import TextStore

_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")

Span = tuple[int, int]

# Every ASCII character that is not a word character (\w), as a space.
_ASCII_NON_WORD = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) == "_") else ord(" ") for c in range(256)
)
# Every ASCII character as its class for :func:`words`: ``w`` a word character (\w),
# ``-`` one that joins two runs of them into one word (' and -), a space for the rest.
_ASCII_CLASSES = bytes(
    ord("w")
    if c < 128 and (chr(c).isalnum() or chr(c) == "_")
    else ord("-")
    if chr(c) in "'-"
    else ord(" ")
    for c in range(256)
)
_JOIN = re.compile(rb"-(?<=w-)(?=w)")
"""A joining character between two word characters (in the classes above)."""


def words(text: str) -> int:
    """How many words a text has (runs of letters and digits, with inner ' and -)."""
    if not text.isascii():
        return len(_WORD.findall(text))
    # ASCII (every normalised text in English): counted at C speed, without a
    # string per word. Each run of word characters starts a word, unless a
    # single ' or - joins it to the run before.
    classes = text.encode().translate(_ASCII_CLASSES)
    runs = classes.count(b" w") + classes.count(b"-w") + classes.startswith(b"w")
    if b"-" in classes:
        runs -= len(_JOIN.findall(classes))
    return runs


def quote_words_over(quote: str, limit: int) -> int | None:
    """The words of a quote, elisions excluded (what AM307 counts), when over ``limit``;
    else None.

    Most quotes are far below: an ASCII quote has no more words than runs of
    word characters, which ``bytes.translate`` and ``bytes.split`` count many
    times faster than the word pattern; only a quote with more runs than
    ``limit`` is counted exactly.
    """
    parts = fragments(quote)
    if all(part.isascii() for part in parts):
        runs = sum(len(part.encode().translate(_ASCII_NON_WORD).split()) for part in parts)
        if runs <= limit:
            return None
    count = sum(words(part) for part in parts)
    return count if count > limit else None


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """A text normalised as the quote matcher sees it, with its paragraph starts.

    Made from the :class:`~argmap.quotes.SourceText` the text store built, so
    that a text is normalised once for every quote rule.
    """

    normalised: str
    starts: tuple[int, ...]
    """Offset of each paragraph's first character in ``normalised``."""
    _found: dict[str, tuple[Span, ...] | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    """The spans of each quote looked up so far: AM301, AM308 and AM309 ask for the same."""
    search: Callable[[str, int], int] | None = field(default=None, repr=False, compare=False)
    """How ``normalised`` is searched: the text's :meth:`~argmap.quotes.SourceText.search`
    (at memory speed) when made from one, else ``str.find``."""

    @classmethod
    def of_text(cls, text: SourceText) -> Paragraphs:
        return cls(text.normalised, text.line_starts, search=text.search)

    def paragraph(self, offset: int) -> int:
        """The 0-based paragraph holding ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def spans(self, quote: str) -> tuple[Span, ...] | None:
        """The span of each fragment of ``quote``, in order; None when one is not found."""
        seen = self._found.get(quote, ())
        if seen != ():  # never stored: a quote without fragments has no spans (None)
            return seen
        found: list[Span] = []
        start = 0
        search = self.search or self.normalised.find
        for part in fragments(quote):
            at = search(part, start)
            if at < 0:
                self._found[quote] = None
                return None
            start = at + len(part)
            found.append((at, start))
        spans = self._found[quote] = tuple(found) or None
        return spans


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
    return Paragraphs.of_text(loaded.text) if loaded.text is not None else None
