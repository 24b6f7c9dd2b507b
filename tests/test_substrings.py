"""The substring search behind quote look-ups (:mod:`argmap.substrings`) says what
``str.find`` and ``str.count`` say, in any script: it searches UTF-8 bytes, and turns
byte offsets back into character offsets."""

from __future__ import annotations

import random

import pytest

from argmap import substrings
from argmap.substrings import Haystack

TEXTS = {
    "ascii": "The pipeline will pay for itself. Critics doubt it. " * 3,
    "latin-1": "Le café coûte cher; le thé aussi. Déjà vu, déjà bu. " * 3,
    "dashes": "Costs — and delays — rose. The pipeline will pay — they said. " * 3,
    "japanese": "会議は火曜日に開かれた。パイプラインは十年で元が取れる。" * 3,
    "astral": "Emoji 😀 here, \U0001d518\U0001d52b there 😀, and text. " * 3,
    "surrogate": "A lone \udcff surrogate, \udcff again. " * 3,
}


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Chunks of a few characters, so that matches and offsets fall across chunk ends.
    monkeypatch.setattr(substrings, "CHUNK", 7)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_substring_is_found_where_str_find_finds_it(name: str) -> None:
    text = TEXTS[name]
    haystack = Haystack(text)
    rng = random.Random(name)
    for _ in range(300):
        lo = rng.randrange(len(text))
        needle = text[lo : lo + rng.randint(1, 12)]
        start = rng.randrange(-len(text) - 3, len(text) + 3)
        assert haystack.find(needle, start) == text.find(needle, start), (needle, start)
        assert haystack.find(needle) == text.find(needle), needle
        assert haystack.count(needle) == text.count(needle), needle


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_what_the_text_lacks_is_not_found(name: str) -> None:
    haystack = Haystack(TEXTS[name])
    for needle in ("absent words", "café crème", "会議は水曜日", "😀😀", "\udcfe"):
        assert haystack.find(needle) == -1
        assert haystack.count(needle) == 0


def test_an_empty_needle_is_found_where_str_find_finds_it() -> None:
    text = TEXTS["dashes"]
    haystack = Haystack(text)
    for start in (0, 5, len(text), len(text) + 1, -4):
        assert haystack.find("", start) == text.find("", start)
