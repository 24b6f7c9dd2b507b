"""How a missed quote's closest passage is searched for: which substring searches of
the text it makes, and that their number does not grow with the text."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from argmap import quotes
from argmap.quotes import MAX_SCANS, MAX_TOKENS, SourceText

FILLER = "Officials met again on Tuesday and agreed to meet again soon. " * 50
ARTICLE = (
    FILLER
    + "The pipeline will pay for itself within ten years of its opening. "
    + "Critics doubt the figures and ask for an independent audit. "
    + FILLER
)


class SearchLog(str):
    """A text that notes each needle it is searched for (once per run of searches)."""

    needles: list[str]

    def find(self, sub: str, *args: Any) -> int:  # type: ignore[override]
        _note(self.needles, sub)
        return super().find(sub, *args)


def _note(needles: list[str], needle: str) -> None:
    if not needles or needles[-1] != needle:
        needles.append(needle)


def logged(raw: str) -> tuple[SourceText, list[str]]:
    """A text that notes each needle it is searched for: by ``SourceText.search`` (the
    substring search at memory speed), by ``SourceText.search_each`` (several needles
    at once) or by ``str.find`` (a rare character's places)."""
    text = SourceText(raw)
    log = SearchLog(text.normalised)
    log.needles = []
    text.normalised = log
    search = text.search

    def noted(needle: str, start: int = 0) -> int:
        _note(log.needles, needle)
        return search(needle, start)

    search_each = text.search_each

    def noted_each(needles: list[str], most: int, until: int | None = None) -> Any:
        for needle in needles:
            _note(log.needles, needle)
        return search_each(needles, most, until)

    text.search = noted  # type: ignore[method-assign]
    text.search_each = noted_each  # type: ignore[method-assign]
    return text, log.needles


def test_a_quote_with_its_ends_changed_is_placed_by_its_middle_half() -> None:
    text, needles = logged(ARTICLE)
    quote = "Her pipeline will pay for itself within ten years of opening."
    match = text.find(quote)
    assert match.closest is not None
    assert match.closest.endswith(
        "The pipeline will pay for itself within ten years of »its« opening."
    )
    # The quote itself, then its middle half: no word is looked up on its own.
    assert needles == [quote, "pay for itself within ten"]


def test_a_quote_with_a_change_in_the_middle_is_placed_by_a_half() -> None:
    text, needles = logged(ARTICLE)
    quote = "The pipeline will pay for itself inside ten years of its opening."
    match = text.find(quote)
    assert match.closest == "The pipeline will pay for itself »within« ten years of its opening."
    assert needles == [
        quote,
        "pay for itself inside ten years",
        "The pipeline will pay for itself",
    ]


def test_a_quote_wrong_in_every_half_falls_back_to_its_rarest_words() -> None:
    text, needles = logged(ARTICLE)
    quote = "The pipe will pay for itself in ten years of the opening."
    match = text.find(quote)
    assert match.closest is not None
    assert "pipeline" in match.closest
    halves = needles[1:4]
    assert all(" " in half for half in halves)
    words = needles[4:]
    assert 1 <= len(words) <= MAX_SCANS
    assert all(" " not in word for word in words)


def test_a_second_miss_sharing_the_words_of_the_first_searches_for_them_no_more() -> None:
    text, needles = logged(ARTICLE)
    quote = "The pipe will pay for itself in ten years of the opening."
    first = text.find(quote)
    searched = len(needles)
    second = text.find(quote)
    assert second == first
    # Only the look-up of the quote itself: what the first miss found is remembered.
    assert needles[searched:] == [quote]


def test_what_is_remembered_changes_no_result() -> None:
    quote = "Critics doubt the numbers and ask for an audit."
    fresh = SourceText(ARTICLE).find(quote)
    warmed = SourceText(ARTICLE)
    warmed.find("The pipe will pay for itself in ten years of the opening.")
    assert warmed.find(quote) == fresh
    assert fresh.closest == "Critics doubt the »figures« and ask for an »independent« audit."


def test_in_a_large_text_few_words_are_searched_after_the_halves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each search of a large text costs tens of milliseconds: the halves stand in
    # for the words the search would try while none is found.
    monkeypatch.setattr(quotes, "LARGE_TEXT", len(ARTICLE) // 2)
    text, needles = logged(ARTICLE)
    quote = "Quarterly revenue rose sharply after regulators approved the merger."
    match = text.find(quote)
    assert (match.found, match.closest) == (False, None)
    assert len(needles) == 1 + 3 + MAX_TOKENS


def test_a_small_text_tries_as_many_words_as_before() -> None:
    text, needles = logged(ARTICLE)
    quote = "Quarterly revenue rose sharply after regulators approved the merger."
    text.find(quote)
    assert len(needles) == 1 + 3 + MAX_SCANS


def test_a_short_quote_is_looked_up_word_by_word() -> None:
    text, needles = logged(ARTICLE)
    match = text.find("an independent audits")
    assert match.closest is not None
    assert match.closest.startswith("Critics doubt the figures and ask for an independent")
    # Too short to halve: its words, rarest first, as many as it takes to find one.
    assert needles[0] == "an independent audits"
    assert set(needles[1:]) <= {"an", "independent", "audits"}


def test_a_text_written_without_spaces_is_halved_by_characters() -> None:
    filler = "会議は火曜日に再び開かれ、近いうちにまた会うことで合意した。" * 40
    text, needles = logged(filler + "パイプラインは開通から十年以内に元が取れる。" + filler)
    match = text.find("あのパイプラインは開通から十年以内に元が取れるだろう")
    assert match.closest is not None
    assert "パイプラインは開通から十年以内に元が取れる" in match.closest
    assert len(needles) == 2  # the quote, then its middle half


def _places(text: str, probe: str) -> tuple[int, ...]:
    found = [m.start() for m in re.finditer(f"(?={re.escape(probe)})", text)]
    return tuple(found[: quotes.MAX_HITS])


@pytest.mark.parametrize(
    ("steps", "how"),
    [
        (quotes._RARE_STEPS, "by the character"),
        (16, "by the character, then as usual"),
        (2, "as usual"),
    ],
)
def test_a_character_rare_in_the_sample_finds_what_a_plain_search_finds(
    monkeypatch: pytest.MonkeyPatch, steps: int, how: str
) -> None:
    # A text three times the sample, with "#" only between the sampled chunks: the
    # search walks the places of "#", and once it has seen more of them than the
    # sample led it to expect (about 9, counted four times over), searches the rest
    # as usual; with fewer steps allowed than that, it searches as usual at once.
    monkeypatch.setattr(quotes, "_RARE_STEPS", steps)
    raw = list("plain words and more plain words. " * 18000)
    gap = len(raw) // 64 * 3 + 5000  # past the fourth sampled chunk, before the fifth
    cluster = "a#b #x ##x #x#x a#b #x# " * 3  # 27 of "#"
    raw[gap : gap + len(cluster)] = cluster
    for probe in ("#x", "##x", "x#", "a#b #", "# a", "#"):
        text, needles = logged("".join(raw))
        assert "#" not in text._sampled()
        assert text._occurrences(probe) == _places(text.normalised, probe), probe
        expected = {
            "by the character": ["#"],
            "by the character, then as usual": ["#", probe],
            "as usual": [probe],
        }[how]
        assert needles == expected or probe == "#", (probe, needles)


def test_a_quote_with_a_rare_character_is_looked_up_by_that_character() -> None:
    raw = "plain words and more plain words. " * 18000
    middle = raw.index(". ", 300000) + 2
    raw = raw[:middle] + "The budget for 1984 was agreed in May. " + raw[middle:]
    text, needles = logged(raw)
    match = text.find("The budget of 1984 was agreed in May.")
    assert match.closest == "The budget »for« 1984 was agreed in May."
    assert any(len(needle) == 1 for needle in needles)


def _in_gap(raw: str, gap: int, inserted: str) -> str:
    """``raw`` with ``inserted`` at a sentence end past the ``gap``-th sampled chunk."""
    at = raw.index(". ", len(raw) // 64 * gap + 4200) + 2
    return raw[:at] + inserted + raw[at:]


def test_a_rare_half_of_a_quote_is_taken_where_it_first_occurs() -> None:
    raw = "plain words and more plain words. " * 18000
    raw = _in_gap(raw, 20, "The budget for the new bridge was agreed in May. ")
    text = SourceText(raw)
    match = text.find("The budget for the new bridge was approved in May.")
    assert match.closest == "The budget for the new bridge was »agreed« in May."


def test_a_rare_half_found_first_in_another_passage_is_looked_for_further() -> None:
    # "for the new bridge was" first occurs in a sentence unlike the quote: the
    # search goes on to its other places rather than show that one.
    raw = "plain words and more plain words. " * 18000
    raw = _in_gap(raw, 30, "The budget for the new bridge was agreed in May. ")
    raw = _in_gap(raw, 10, "Nobody asked whether a toll for the new bridge was fair. ")
    text = SourceText(raw)
    assert "for the new bridge was" not in text._sampled()
    match = text.find("The budget for the new bridge was approved in May.")
    assert match.closest == "The budget for the new bridge was »agreed« in May."


def test_a_text_in_other_scripts_is_searched_in_characters() -> None:
    # The search runs on UTF-8 bytes: every offset it gives is turned back into
    # characters, so the passage shown is the one that is there, however many
    # accents, dashes and kanji come before it.
    filler = "Les délégués — réunis mardi — promettent de se revoir. 会議は続く。 " * 6000
    raw = filler + "The pipeline will pay for itself within ten years of its opening. " + filler
    text = SourceText(raw)
    assert len(text.normalised) > len(text._sampled())
    match = text.find("The pipeline will pay for itself inside ten years of its opening.")
    assert match.closest == "The pipeline will pay for itself »within« ten years of its opening."
    assert text.find("réunis mardi ... promettent de se revoir. 会議は続く。 The pipeline").found
    assert not text.find("ten years of its opening. ... The pipeline will pay").found
    at = text.normalised.index("The pipeline")
    assert text.search("The pipeline") == at
    assert text.search("会議は続く", at) == text.normalised.find("会議は続く", at)


def test_probes_searched_ahead_together_change_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    # In a large text the probes after the middle half are searched together, block
    # by block, up to where the next one is found: each miss gets what searching
    # them one by one gives. Small blocks and a low "large" make this text large.
    from argmap import substrings

    rng = random.Random(14)
    words = ["".join(rng.choices("abcdefghij", k=rng.randint(2, 7))) for _ in range(400)]
    sentences = [" ".join(rng.choices(words, k=rng.randint(6, 14))) + "." for _ in range(4000)]
    raw = " ".join(rng.choices(sentences, k=16000))  # three times the sample
    monkeypatch.setattr(quotes, "LARGE_TEXT", 1000)
    monkeypatch.setattr(substrings, "BLOCK", 4096)
    misses = []
    for sentence in rng.sample(sentences, 60):
        quote = sentence.split()
        for _ in range(rng.randint(1, 4)):  # words changed, dropped or made up
            at = rng.randrange(len(quote))
            quote[at] = rng.choice([rng.choice(words), "", "zzq" + quote[at]])
        misses.append(" ".join(w for w in quote if w))
    misses += ["Quarterly revenue rose sharply after regulators approved the merger."]

    def closest_passages(search_ahead: bool) -> list[quotes.QuoteMatch]:
        if not search_ahead:
            monkeypatch.setattr(SourceText, "_scan_ahead", lambda self, probes: None)
        text = SourceText(raw)
        return [text.find(quote) for quote in misses]

    ahead = closest_passages(True)
    alone = closest_passages(False)
    assert len(SourceText(raw)._sampled()) < len(raw) / 3
    assert ahead == alone
    assert sum(match.closest is not None for match in ahead) > 40


def _prose(words: int, seed: int) -> str:
    """Sentences of made-up words: every stretch of the text is its own."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("bcdfghklmnprstvz") for _ in range(6)) for _ in range(4000)]
    out = [rng.choice(vocabulary) + ("." if n % 17 == 16 else "") for n in range(words)]
    return " ".join(out)


def test_a_long_quote_is_aligned_word_by_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """A quote of thousands of characters (AM307 warns of it) is compared by words: the
    same passage, with the changed word marked, without a comparison that grows with
    the square of its length."""
    compare = quotes.SequenceMatcher

    def by_words_only(junk: Any, a: Any, b: Any, autojunk: bool = True) -> Any:
        assert not (isinstance(a, str) and len(a) > quotes.LONG_NEEDLE), "compared by characters"
        return compare(junk, a, b, autojunk)

    monkeypatch.setattr(quotes, "SequenceMatcher", by_words_only)
    raw = _prose(6000, seed=3)
    start = raw.index(" ", 9000) + 1
    original = raw[start : raw.index(" ", start + 4000)]
    assert len(original) > quotes.LONG_NEEDLE
    words = original.split(" ")
    changed = words[5]  # near the start, in what the shortened passage shows
    words[5] = "quixotic"
    match = SourceText(raw).find(" ".join(words))
    assert match.closest is not None
    assert match.closest.startswith("…" + " ".join(words[:5]) + f" »{changed}« ")
    assert 0.9 < match.similarity < 1


def test_a_quote_not_found_is_never_shown_as_100_percent_alike() -> None:
    """One letter wrong in a long sentence is 99.7% alike: shown as 0.99, not rounded up."""
    sentence = "The pipeline will pay for itself within ten years of its opening. " * 4
    raw = FILLER + sentence + FILLER
    match = SourceText(raw).find(sentence.strip().replace("within", "withim", 1))
    assert match.closest is not None
    assert match.similarity == 0.99
