"""Matching verbatim quotes against source texts.

Both sides are normalised the same way before comparing: Unicode NFKC,
curly quotes to straight ones, no-break and other odd spaces to a plain
space, dashes left as they are, and runs of white space to one space. An
elision (``...`` or ``…``, which NFKC turns into ``...``) splits a quote
into fragments that must occur in order.

A quote that is found costs one substring search. A miss looks for the
closest passage with a bounded search (:meth:`SourceText.closest`), whose
cost does not grow with the length of the quote or the number of sentences:
a few substring searches of the text, and a few comparisons. Every search
runs at the speed memory is read, whatever the needle
(:mod:`argmap.substrings`): about 4 ms for 100 MB, where CPython's
``str.find`` takes 10 ms for a sentence and 35 to 55 ms for a word.

1. The fragment's middle half, first half and second half (cut at spaces)
   are looked up whole: a quote with a word or two changed has one of them
   right, and a run of the quote's own words found in a few places settles
   where the passage is. A half that the sample lacks is taken at its first
   place when the passage there is at least :data:`GOOD_ENOUGH` alike
   (looking further would double the cost); otherwise the first half found
   in fewer than :data:`MAX_HITS` places ends the lookups.
2. Otherwise its words (and, in scripts written without spaces, its
   character 3-grams) are ranked by how often they occur in a fixed-size
   sample of the text, and the rarest few are looked up (at most
   :data:`MAX_HITS` occurrences each). In a text over :data:`LARGE_TEXT`
   characters, where each is a scan of many megabytes, at most
   :data:`MAX_TOKENS` are tried after the halves.
3. Each occurrence votes for where the fragment would start; the places
   with the most shared text become candidate windows. Only those few
   windows are compared with the fragment, and the best is widened to its
   sentence, cut at sentence and paragraph ends of any script (full stops,
   question and exclamation marks of Latin, CJK, Arabic and Devanagari
   script, and blank lines), and shown in at most :data:`MAX_SHOWN`
   characters with the words that differ marked.

In a text over :data:`LARGE_TEXT` characters, once the middle half has not
settled it, the probes still to come (the other halves and the rarest words,
all of which a quote found nowhere needs) are searched together, block by
block, the text read from memory once for all of them, up to where the next
one is first found; what each finds is remembered, and the steps go on as
if each were searched alone (:meth:`argmap.substrings.Haystack.find_each`).

A probe with a character that is rare in the sample (a digit, a capital, a
kanji) is found by that character (``str.find`` of one character is a
memchr, as fast as the search) and checked where it is. What a miss looked
up is remembered by its :class:`SourceText`, so that misses sharing words
search the text for them once.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from argmap.substrings import Haystack

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
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*|[\u2029]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
""":data:`_PARAGRAPH` for a text without U+2029: a pattern that starts with a line
feed is searched for as one, some twenty times faster than the alternation."""
_SENTENCE_END = re.compile(
    r"[.!?\u2026\u0589\u061f\u06d4\u0964\u0965\u203c\u2047-\u2049]+[\"')\]\u00bb\u201d\u2019]* "
    r"|[\u3002\uff01\uff1f\uff61]+[\"')\]\u300d\u300f\uff09]* ?"
)
"""A sentence end: Latin, Armenian, Arabic, Devanagari stops before a space; CJK stops anywhere."""
_WORD = re.compile(r"\w+")
_NO_SPACE_SCRIPT = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)

MAX_SHOWN = 300
"""The most characters of a closest passage shown in a message."""
MAX_TOKENS = 2
"""How many of a fragment's rarest words are looked up in the text (one scan each); more
are tried, up to :data:`MAX_SCANS`, only while none of them is found at all."""
MAX_SCANS = 4
_PIECE_WORDS, _PIECE_CHARACTERS = 3, 12
_SEEN_KEPT = 4096
_NEVER_RARE = frozenset("abcdefghijklmnopqrstuvwxyz ,.'")
"""Characters not worth counting in the sample to find a rare one (every prose has them)."""
_RARE_CANDIDATES = 64
_RARE_STEPS = 8192
"""How many places of a probe's rarest character are checked before the probe is
searched for as usual (the character was commoner in the text than in the sample)."""
LARGE_TEXT = 16_000_000
"""Above this many characters, at most :data:`MAX_TOKENS` single words are looked up
after the halves of a fragment (each costs a scan of the whole text)."""
MAX_HITS = 64
"""How many occurrences of one word are followed up."""
GOOD_ENOUGH = 0.8
"""How alike the passage at the first place of a rare half of a quote must be for
the search to stop there."""
MAX_CANDIDATES = 12
"""How many candidate windows are compared with the fragment."""
_SAMPLE_CHUNKS, _SAMPLE_CHUNK = 64, 4096
_MARK_OPEN, _MARK_CLOSE = "»", "«"
"""Words of the passage that differ from the quote are shown »like this«."""
ADDED = "+"
"""Words the quote has and the passage lacks are shown where they would go, »+like this«."""


def normalise(text: str) -> str:
    """The form in which quotes and texts are compared."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    elif "`" in text:  # ASCII is already in NFKC; its only character to translate
        text = text.replace("`", "'")
    elif text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # Printable ASCII has no white space but the space: this is normalised already.
        return text
    # str.split() splits on exactly what \s matches, and is ten times faster than re.sub.
    return " ".join(text.split())


def fragments(quote: str) -> tuple[str, ...]:
    """A normalised quote split at its elisions, empty fragments dropped."""
    found = _FRAGMENTS.get(quote)
    if found is None:
        if len(_FRAGMENTS) >= _FRAGMENTS_KEPT:
            _FRAGMENTS.clear()
        text = normalise(quote)
        # Most quotes have no elision: the split is only for those that have "...".
        if "..." in text:
            if "[" in text:
                parts = _ELISION.split(text)
            else:
                # No "[...]": the elisions are the "..." (a normalised text's only white
                # space is single spaces, which the pattern takes away on either side).
                parts = [part.strip(" ") for part in text.split("...")]
            found = tuple(part for part in parts if part)
        else:
            found = (text,) if text else ()
        _FRAGMENTS[quote] = found
    return found


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
    """The passage of the text most like the missing fragment, at most :data:`MAX_SHOWN`
    characters, with the words that differ from the fragment marked »like this«, and
    words only the fragment has shown where they would go, »+like this«."""
    similarity: float = 0.0
    """How alike ``closest`` is to the missing fragment, from 0 to 1."""
    empty: bool = False
    """The quote has nothing left to look for once normalised (only spaces, elisions
    or invisible characters)."""


class SourceText:
    """A source text, normalised once, for any number of quote look-ups."""

    _counts: dict[str, int] | None = None
    """How often each character looked at by :meth:`closest` occurs in the sample."""
    _seen: dict[tuple[str, int], tuple[int, ...]] | None = None
    """Where each probe looked up by :meth:`closest` occurs, so that misses sharing
    words or runs of words scan the text for them once (made on the first miss)."""

    def __init__(self, raw: str) -> None:
        # Normalised line by line, once: the quote rules that count paragraphs
        # (AM308, AM309, via :class:`argmap.anchoring.Paragraphs`) use the same
        # text and where each line starts. Joining the normalised lines of a
        # paragraph with one space is normalising the paragraph whole: line
        # breaks are white space, and NFKC composes nothing across them.
        lines: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        at = 0
        for paragraph in (_PARAGRAPH if "\u2029" in raw else _BLANK_LINE).split(raw):
            before = len(lines)
            for line in paragraph.splitlines():
                part = normalise(line)
                if part:
                    starts.append(at)
                    lines.append(part)
                    at += len(part) + 1
            if len(lines) > before:
                ends.append(at - 1)
        self.normalised = " ".join(lines)
        self.line_starts: tuple[int, ...] = tuple(starts)
        """Where each non-blank line of the raw text starts in ``normalised``."""
        # Where each paragraph ends in ``normalised`` (the joining space), for passages.
        self._paragraph_ends = ends[:-1]
        self._sample: str | None = None
        self._sample_haystack: Haystack | None = None
        self._haystack = Haystack(self.normalised)

    def search(self, needle: str, start: int = 0) -> int:
        """Where ``needle`` first occurs in ``normalised`` at or after ``start``, or -1,
        as ``str.find`` says, at the speed memory is read (:mod:`argmap.substrings`)."""
        return self._haystack.find(needle, start)

    def search_each(
        self, needles: list[str], most: int, until: int | None = None
    ) -> list[tuple[tuple[int, ...], bool]]:
        """The first ``most`` places of each of ``needles``, searched together (the
        text read from memory once), and whether they are all known: see
        :meth:`argmap.substrings.Haystack.find_each`."""
        return self._haystack.find_each(needles, most, until)

    def find(self, quote: str) -> QuoteMatch:
        parts = fragments(quote)
        if not parts:
            return QuoteMatch(False, missing_fragment="", empty=True)
        start = 0
        for part in parts:
            at = self.search(part, start)
            if at < 0:
                closest, ratio = self.closest(part)
                return QuoteMatch(False, part, closest, ratio)
            start = at + len(part)
        return QuoteMatch(True)

    # --- the closest passage -------------------------------------------------------

    def _sampled(self) -> str:
        """A fixed-size sample spread over the text, to guess how common a word is."""
        if self._sample is None:
            text = self.normalised
            if len(text) <= _SAMPLE_CHUNKS * _SAMPLE_CHUNK:
                self._sample = text
            else:
                step = len(text) // _SAMPLE_CHUNKS
                self._sample = "\n".join(
                    text[i * step : i * step + _SAMPLE_CHUNK] for i in range(_SAMPLE_CHUNKS)
                )
        return self._sample

    def _sample_count(self, word: str) -> int:
        """How often ``word`` occurs in the sample (without overlaps, like ``str.count``)."""
        if self._sample_haystack is None:
            sample = self._sampled()
            same = sample is self.normalised
            self._sample_haystack = self._haystack if same else Haystack(sample)
        return self._sample_haystack.count(word)

    def closest(self, fragment: str) -> tuple[str | None, float]:
        """The passage most like ``fragment``, marked, and how alike (0 to 1).

        Bounded: at most three searches for halves of the fragment and
        :data:`MAX_SCANS` for single words, and :data:`MAX_CANDIDATES`
        comparisons, whatever the text's length.
        """
        # Words are looked up as the quote spells them (a quote is verbatim, and a
        # lower-cased copy of a 100 MB text would cost more than the search).
        text = self.normalised
        if not text:
            return None, 0.0
        pieces = _pieces(fragment)
        tokens = _tokens(fragment)
        if not tokens and not pieces:
            return None, 0.0
        # Probes, most telling first: runs of consecutive words (long needles, which
        # skip fast, and land on the passage whenever the quote is right in one of
        # them), then single words (which still land when every run has a change).
        needle = fragment.lower()
        span = max(len(needle), 1)
        bucket = max(span // 2, 1)
        votes: dict[int, dict[str, int]] = {}
        word_scans = 0
        best: tuple[float, int, int] | None = None
        # In a large text, where each word is one more scan of the whole text, the
        # halves stand in for the words tried when none is found.
        large = bool(pieces) and len(text) > LARGE_TEXT
        most_words = MAX_TOKENS if large else MAX_SCANS
        planned: list[str] = []
        for index, (probe, offset, is_piece) in enumerate(
            _probes(pieces, tokens, self._sample_count)
        ):
            enough = word_scans >= most_words or (word_scans >= MAX_TOKENS and votes)
            if not is_piece and enough:
                break
            if large and index > 0:
                # The middle half has not settled it: the probes still to come (the
                # other halves and the rarest words, all searched when none is
                # found) are searched together, the text read from memory once,
                # up to where this one is first found. What each finds is
                # remembered, and the steps below go on as if it were searched alone.
                if not planned:
                    rarest = _ranked(tokens, self._sample_count)[:most_words]
                    planned = [p for p, _ in pieces] + [w for w, _ in rarest]
                self._scan_ahead(planned[index:])
            # A half of the quote that the sample lacks is rare: where it first
            # occurs is the passage if the rest of the quote is there too (looking
            # further would double the cost of the search); otherwise it is
            # looked for further.
            if is_piece and probe not in self._sampled():
                first = self._occurrences(probe, 1)
                if not first:
                    continue
                at = max(first[0] - offset, 0) // bucket
                trial = self._compare(needle, [at - 1, at, at + 1], bucket)
                if trial[0] >= GOOD_ENOUGH:
                    best = trial
                    break
            hits = self._occurrences(probe, MAX_HITS)
            word_scans += not is_piece
            weight = probe.count(" ") + 1 if is_piece else 1  # how many words it stands for
            for at in hits:
                votes.setdefault(max(at - offset, 0) // bucket, {})[probe] = weight
            if is_piece and 0 < len(hits) < MAX_HITS:
                # A run of the quote's own words found in a few places: the passage is
                # among them. The windows either side are compared too, as the many
                # words' votes would place them (where a window starts sways the score).
                for b in list(votes):
                    for side in (b - 1, b + 1):
                        votes.setdefault(side, {})
                break
        if best is None:
            if not votes:
                return None, 0.0
            ranked = sorted(votes, key=lambda b: (-sum(votes[b].values()), b))
            best = self._compare(needle, ranked[:MAX_CANDIDATES], bucket)
        if best[0] > 0:
            # Once more, on a window centred on the stretch found: where a window
            # starts sways which stray letters at its edges the comparison takes in.
            lo = max(best[1] - span // 2, 0)
            again = _align(needle, text[lo : best[2] + span // 2].lower(), lo)
            best = max(best, again)
        ratio, start, end = best
        if ratio <= 0:
            return None, 0.0
        start, end, cut_before, cut_after = self._passage(start, end)
        shown = _mark(self.normalised[start:end].strip(), fragment)
        # Not found, so never "100% alike" (0.996 would round to it).
        alike = min(round(ratio, 2), 0.99)
        return ("…" if cut_before else "") + shown + ("…" if cut_after else ""), alike

    def _scan_ahead(self, probes: list[str]) -> None:
        """``probes`` searched together until the first is found, what is known of
        each remembered as :meth:`_occurrences` would have found it."""
        seen = self._seen
        if seen is None:
            seen = self._seen = {}
        todo = [p for p in probes if (p, 1) not in seen and (p, MAX_HITS) not in seen]
        if not todo or todo[0] != probes[0]:
            return  # the next probe is known already: nothing is searched ahead of it
        for probe, (hits, complete) in zip(
            todo, self.search_each(todo, MAX_HITS, until=0), strict=True
        ):
            if hits or complete:
                self._remember(probe, 1, list(hits[:1]))
            if complete:
                self._remember(probe, MAX_HITS, list(hits))

    def _compare(self, needle: str, buckets: list[int], bucket: int) -> tuple[float, int, int]:
        """The best of the windows at ``buckets`` (of ``bucket`` characters) for ``needle``:
        how alike, and where the alike stretch starts and ends."""
        text = self.normalised
        span = max(len(needle), 1)
        best: tuple[float, int, int] = (0.0, 0, 0)
        for b in buckets:
            if b < 0:
                continue
            lo = max(b * bucket - span, 0)
            hi = min(b * bucket + 2 * span + bucket, len(text))
            ratio, start, end = _align(needle, text[lo:hi].lower(), lo)
            if ratio > best[0]:
                best = (ratio, start, end)
        return best

    def _occurrences(self, probe: str, most: int = MAX_HITS) -> tuple[int, ...]:
        """Where ``probe`` occurs in the text (the first ``most`` places).

        Remembered, so that misses sharing words or stretches scan the text for
        them once (what is remembered saves time and changes no result)."""
        seen = self._seen
        if seen is None:
            seen = self._seen = {}
        found = seen.get((probe, most))
        if found is not None:
            return found
        text = self.normalised
        hits: list[int] = []
        at = 0
        first = seen.get((probe, 1)) if most > 1 else None
        if first is not None:
            # Its first place is known (a rare half): the rest is searched from there on.
            if not first:
                return self._remember(probe, most, hits)
            hits.append(first[0])
            at = first[0] + 1
        rare = None if first is not None else self._rare_character(probe)
        if rare is not None:
            # The probe's rarest character, found by memchr (which reads memory as
            # fast as the search), then the probe checked where it is.
            index = probe.index(rare)
            step = text.find(rare, index)
            for _ in range(_RARE_STEPS):
                if step < 0:
                    return self._remember(probe, most, hits)
                if text.startswith(probe, step - index):
                    hits.append(step - index)
                    if len(hits) >= most:
                        return self._remember(probe, most, hits)
                step = text.find(rare, step + 1)
            if step < 0:
                return self._remember(probe, most, hits)
            # Commoner in the text than in the sample: the rest searched as usual
            # (every place the probe could start before ``step - index`` is done).
            at = step - index
        at = self.search(probe, at)
        while at >= 0:
            hits.append(at)
            if len(hits) >= most:
                break
            at = self.search(probe, at + 1)
        return self._remember(probe, most, hits)

    def _remember(self, probe: str, most: int, hits: list[int]) -> tuple[int, ...]:
        seen = self._seen
        assert seen is not None
        if len(seen) >= _SEEN_KEPT:
            seen.clear()
        found = seen[probe, most] = tuple(hits)
        return found

    def _rare_character(self, probe: str) -> str | None:
        """A character of ``probe`` so rare in the sample that the text has at most
        about :data:`_RARE_STEPS` ``/ 4`` of it, if the text is larger than the sample."""
        text = self.normalised
        sample = self._sampled()
        if len(sample) >= len(text):
            return None
        candidates = set(probe).difference(_NEVER_RARE)
        if not candidates:
            return None
        if len(candidates) > _RARE_CANDIDATES:  # a long quote in a large alphabet
            candidates = set(sorted(candidates)[:_RARE_CANDIDATES])
        counts = self._counts
        if counts is None:
            counts = self._counts = {}
        for c in candidates.difference(counts):
            counts[c] = sample.count(c)
        count, character = min((counts[c], c) for c in candidates)
        expected = (count + 1) * len(text) / len(sample)
        return character if expected * 4 <= _RARE_STEPS else None

    def _passage(self, start: int, end: int) -> tuple[int, int, bool, bool]:
        """``start:end`` widened to whole sentences, within :data:`MAX_SHOWN` characters.

        Also says whether the passage begins or ends mid-sentence (shown with "…").
        """
        text = self.normalised
        room = max(MAX_SHOWN - (end - start), 0)
        lo = max(start - room, 0)
        hi = min(end + room, len(text))
        # Back to the last sentence or paragraph end before ``start``.
        before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start + 1)]
        ends_at = self._paragraph_ends
        before += [p + 1 for p in ends_at[bisect_left(ends_at, lo) : bisect_left(ends_at, start)]]
        if before:
            new_start, cut_before = max(before), False
        else:
            new_start, cut_before = (0, False) if lo == 0 else (start, True)
        # On to the first sentence or paragraph end after ``end``.
        after = _SENTENCE_END.search(text, max(end - 1, new_start), hi)
        ends = [after.end()] if after else []
        ends += ends_at[bisect_left(ends_at, end) : bisect_left(ends_at, end) + 1]
        ends = [e for e in ends if e < hi]
        if ends:
            new_end, cut_after = min(ends), False
        else:
            new_end, cut_after = (len(text), False) if hi == len(text) else (end, True)
        if new_end - new_start > MAX_SHOWN:
            # One long sentence: the matched stretch itself, cut to size.
            new_end = min(end, start + MAX_SHOWN)
            return start, new_end, start > 0, new_end < len(text)
        return new_start, new_end, cut_before, cut_after


def _probes(
    pieces: list[tuple[str, int]],
    tokens: list[tuple[str, int]],
    in_sample: Callable[[str], int],
) -> Iterator[tuple[str, int, bool]]:
    """The pieces in order, then the tokens rarest first by ``in_sample`` (ranked only
    if the pieces did not find the passage), each with its offset and whether it is
    a piece."""
    for piece, offset in pieces:
        yield piece, offset, True
    for token, offset in _ranked(tokens, in_sample):
        yield token, offset, False


def _ranked(
    tokens: list[tuple[str, int]], in_sample: Callable[[str], int]
) -> list[tuple[str, int]]:
    """``tokens`` rarest first by ``in_sample``, the longer first among equals."""
    return sorted(tokens, key=lambda t: (in_sample(t[0]), -len(t[0])))


def _pieces(fragment: str) -> list[tuple[str, int]]:
    """Three stretches of ``fragment``, each half its length, with their offsets: the
    middle half, the first half and the second half, cut at spaces (anywhere, in a
    script written without spaces). Each is looked up whole.

    A quote with one word changed has the first or the second half right, and one
    with its ends changed (a capital, a last word) has the middle right; a long
    needle also skips fast through the text (a 30-character one is searched about
    three times faster than a word). None for a fragment too short to halve.
    """
    length = len(fragment)
    if length < 2 * _PIECE_CHARACTERS:
        return []
    by_character = _NO_SPACE_SCRIPT.search(fragment) and fragment.count(" ") * 8 < length
    if by_character:
        bounds = [0, length // 4, length // 2, length - length // 4, length]
    else:
        spaces = [m.start() for m in re.finditer(" ", fragment)]
        if len(spaces) < 2 * _PIECE_WORDS - 1:
            return []
        # The space nearest to each quarter of the fragment.
        bounds = [0] + [min(spaces, key=lambda at: abs(at - length * k // 4)) for k in (1, 2, 3)]
        bounds.append(length)
    pieces: list[tuple[str, int]] = []
    for lo, hi in ((bounds[1], bounds[3]), (bounds[0], bounds[2]), (bounds[2], bounds[4])):
        piece = fragment[lo:hi].strip(" ")
        offset = lo + (len(fragment[lo:hi]) - len(fragment[lo:hi].lstrip(" ")))
        if len(piece) >= _PIECE_CHARACTERS and all(piece != p for p, _ in pieces):
            pieces.append((piece, offset))
    return pieces


def _tokens(needle: str) -> list[tuple[str, int]]:
    """Distinct words of ``needle`` (3-grams in scripts without spaces), with their offsets."""
    seen: dict[str, int] = {}
    for match in _WORD.finditer(needle):
        word = match.group()
        if _NO_SPACE_SCRIPT.search(word) and len(word) > 3:
            for i in range(0, len(word) - 2):
                seen.setdefault(word[i : i + 3], match.start() + i)
        elif len(word) >= 2 or not word.isascii():
            seen.setdefault(word, match.start())
    return list(seen.items())


LONG_NEEDLE = 1000
"""Above this many characters a quote is aligned word by word: character by character
the comparison grows with the square of its length (65 ms a window at 1,000
characters, 1 s at 4,000). AM307 warns long before that, but a check stays quick."""


def _align(needle: str, window: str, offset: int) -> tuple[float, int, int]:
    """How alike ``needle`` is to the best-matching stretch of ``window``, and where
    (``window`` starts at ``offset`` in the text). Character by character, or word by
    word for a needle over :data:`LONG_NEEDLE` characters."""
    if len(needle) > LONG_NEEDLE:
        return _align_words(needle, window, offset)
    matcher = SequenceMatcher(None, needle, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return 0.0, offset, offset
    start = blocks[0].b
    end = blocks[-1].b + blocks[-1].size
    ratio = SequenceMatcher(None, needle, window[start:end], autojunk=False).ratio()
    return ratio, offset + start, offset + end


def _align_words(needle: str, window: str, offset: int) -> tuple[float, int, int]:
    """:func:`_align` over words: how alike, as the share of words in common."""
    wanted = needle.split()
    starts = [m.start() for m in re.finditer(r"\S+", window)]
    units = window.split()
    matcher = SequenceMatcher(None, wanted, units, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return 0.0, offset, offset
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
    ratio = SequenceMatcher(None, wanted, units[first:last], autojunk=False).ratio()
    end = starts[last - 1] + len(units[last - 1])
    return ratio, offset + starts[first], offset + end


def _mark(passage: str, fragment: str) -> str:
    """``passage`` with what differs from ``fragment`` marked »like this«, and what
    only ``fragment`` has shown where it would go, »+like this«.

    Words are compared (characters, in a script written without spaces),
    ignoring case and punctuation; only differences inside the stretch that
    matches the fragment are marked, not the rest of the sentence around it.
    """
    by_character = _NO_SPACE_SCRIPT.search(passage) is not None and passage.count(" ") * 20 < len(
        passage
    )
    joiner = "" if by_character else " "
    units = list(passage) if by_character else passage.split(" ")
    wanted = list(fragment) if by_character else fragment.split(" ")
    matcher = SequenceMatcher(None, [_key(u) for u in wanted], [_key(u) for u in units], False)
    opcodes = matcher.get_opcodes()
    equal = [i for i, op in enumerate(opcodes) if op[0] == "equal"]
    if not equal:
        return passage
    marked = list(units)
    added: dict[int, str] = {}
    for tag, i1, i2, j1, j2 in opcodes[equal[0] : equal[-1] + 1]:
        if tag in ("replace", "insert") and j2 > j1:
            marked[j1] = _MARK_OPEN + marked[j1]
            marked[j2 - 1] = marked[j2 - 1] + _MARK_CLOSE
        elif tag == "delete":
            # Words only the quote has: shown where they would go, »+like this«.
            added[j1] = _MARK_OPEN + ADDED + joiner.join(wanted[i1:i2]) + _MARK_CLOSE
    if added:
        marked = [
            piece
            for j, unit in enumerate(marked)
            for piece in ([added[j], unit] if j in added else [unit])
        ]
    return joiner.join(marked)


def _key(unit: str) -> str:
    """A word as compared: lower case, without punctuation (unless it is all punctuation)."""
    letters = "".join(_WORD.findall(unit.lower()))
    return letters or unit
