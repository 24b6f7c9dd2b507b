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


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_needles_searched_together_are_found_where_one_by_one_they_are(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # Blocks of a few bytes, so that places fall across block ends.
    monkeypatch.setattr(substrings, "BLOCK", 5)
    text = TEXTS[name]
    haystack = Haystack(text)
    rng = random.Random(name)
    needles = ["", "absent", "会議は水曜日"] + [
        text[lo : lo + rng.randint(1, 9)] for lo in rng.sample(range(len(text)), 6)
    ]
    for most in (1, 2, 1000):
        together = haystack.find_each(needles, most)
        assert together == [(_places(text, needle, most), True) for needle in needles]


def test_a_search_together_can_stop_once_one_needle_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(substrings, "BLOCK", 8)
    text = "abc def ghi " * 4 + "needle " + "xyz " * 20
    at = text.index("needle")
    (needle, needle_done), (xyz, xyz_done), (absent, absent_done) = Haystack(text).find_each(
        ["needle", "xyz", "absent"], 100, until=0
    )
    assert needle == (at,) and not needle_done
    # The others are searched to the end of the block it was found in, and said
    # incomplete.
    block_end = (at // 8 + 1) * 8
    assert xyz == tuple(p for p in _places(text, "xyz", 100) if p < block_end) != ()
    assert not xyz_done
    assert absent == () and not absent_done


def _places(text: str, needle: str, most: int) -> tuple[int, ...]:
    """The first ``most`` places of ``needle``, by ``str.find`` one after another."""
    places: list[int] = []
    at = text.find(needle)
    while at >= 0 and len(places) < most:
        places.append(at)
        at = text.find(needle, at + 1)
    return tuple(places)
