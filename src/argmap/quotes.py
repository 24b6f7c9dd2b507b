"""Matching verbatim quotes against source texts.

Both sides are normalised the same way before comparing: Unicode NFKC,
curly quotes to straight ones, no-break and other odd spaces to a plain
space, dashes left as they are, and runs of white space to one space. An
elision (``...`` or ``…``, which NFKC turns into ``...``) splits a quote
into fragments that must occur in order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u00ad": None,
        "\u200b": None,
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")
_ELISION = re.compile(r"\s*(?:\.\.\.|\[\.\.\.\])\s*")
_SENTENCE = re.compile(r"(?<=[.!?\"'])\s+|\n")


def normalise(text: str) -> str:
    """The form in which quotes and texts are compared."""
    if not text.isascii():  # ASCII is already in NFKC and has nothing to translate
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _SPACE.sub(" ", text).strip()


def fragments(quote: str) -> list[str]:
    """A normalised quote split at its elisions, empty fragments dropped."""
    found = _FRAGMENTS.get(quote)
    if found is None:
        if len(_FRAGMENTS) >= _FRAGMENTS_KEPT:
            _FRAGMENTS.clear()
        found = _FRAGMENTS[quote] = tuple(part for part in _ELISION.split(normalise(quote)) if part)
    return list(found)


# Several quote rules (AM301, AM307-AM309) split every quote: split each once.
# Cleared when full rather than evicted one by one, which a scan in file order
# would turn into misses only.
_FRAGMENTS: dict[str, tuple[str, ...]] = {}
_FRAGMENTS_KEPT = 250_000


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """The outcome of looking for a quote in a text."""

    found: bool
    missing_fragment: str | None = None
    """The first fragment that was not found (in order), when not found."""
    closest: str | None = None
    """The passage of the text most like the missing fragment."""
    similarity: float = 0.0
    """How alike ``closest`` is to the missing fragment, from 0 to 1."""


class SourceText:
    """A source text, normalised once, for any number of quote look-ups."""

    def __init__(self, raw: str) -> None:
        self.normalised = normalise(raw)
        self._passages: list[str] | None = None

    def find(self, quote: str) -> QuoteMatch:
        parts = fragments(quote)
        if not parts:
            return QuoteMatch(False, missing_fragment="", closest=None)
        start = 0
        for part in parts:
            at = self.normalised.find(part, start)
            if at < 0:
                closest, ratio = self.closest(part)
                return QuoteMatch(False, part, closest, ratio)
            start = at + len(part)
        return QuoteMatch(True)

    def passages(self) -> list[str]:
        """Sentence-sized passages of the text, for fuzzy look-ups."""
        if self._passages is None:
            self._passages = [p.strip() for p in _SENTENCE.split(self.normalised) if p.strip()]
        return self._passages

    def closest(self, fragment: str) -> tuple[str | None, float]:
        """The passage (one to three sentences) most like ``fragment``."""
        passages = self.passages()
        if not passages:
            return None, 0.0
        best: tuple[float, str] = (0.0, "")
        span = max(1, min(3, fragment.count(". ") + 1))
        candidates = [
            " ".join(passages[i : i + size])
            for size in range(1, span + 1)
            for i in range(len(passages) - size + 1)
        ]
        frag_lower = fragment.lower()
        for candidate in candidates:
            matcher = SequenceMatcher(None, frag_lower, candidate.lower(), autojunk=False)
            if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                continue
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, candidate)
        return (best[1] or None), round(best[0], 2)
