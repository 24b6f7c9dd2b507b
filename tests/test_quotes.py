"""Finding quotes in texts, and the closest passage when a quote is not there."""

from __future__ import annotations

from argmap.quotes import MAX_SHOWN, SourceText

ARTICLE = (
    'Japan has no chance of playing the "Russia card" in its relations with China. '
    "Moscow's ties with Beijing are a must.\n\n"
    "Russia keeps its eggs in different baskets"  # a paragraph with no full stop
    "\n\nThe pipeline will pay for itself within ten years."
)


def test_a_quote_is_found_across_line_breaks_and_curly_quotes() -> None:
    text = SourceText("He said “the card is\ngone” and left.")
    assert text.find('the card is gone"').found


def test_a_miss_shows_the_sentence_with_the_differing_words_marked() -> None:
    match = SourceText(ARTICLE).find("Moscow's ties to Beijing are a must.")
    assert not match.found
    assert match.closest == "Moscow's ties »with« Beijing are a must."
    assert match.similarity == 0.95


def test_only_differences_inside_the_matched_stretch_are_marked() -> None:
    match = SourceText(ARTICLE).find("Japan has no chance to play the Russia card")
    assert match.closest == (
        'Japan has no chance »of playing« the "Russia card" in its relations with China.'
    )


def test_a_passage_ends_at_a_paragraph_end_without_a_full_stop() -> None:
    match = SourceText(ARTICLE).find("Russia keeps its eggs in several baskets")
    assert match.closest == "Russia keeps its eggs in »different« baskets"


def test_passages_split_at_sentence_ends_of_any_script() -> None:
    text = SourceText(
        "日本はロシアカードを使えない。モスクワと北京の関係は必須だ。ロシアは卵を別々の籠に入れる。"
    )
    match = text.find("モスクワと北京の関係は重要だ")
    assert match.closest == "モスクワと北京の関係は»必須«だ。"


def test_a_passage_in_a_text_without_sentence_breaks_is_cut_to_size() -> None:
    text = SourceText(
        "word " * 40000 + "the pipeline pays for itself within ten years " + "word " * 40000
    )
    match = text.find("the pipeline pays itself back within ten years")
    assert match.closest == "…the pipeline pays »for« itself »+back« within ten years…"
    assert len(match.closest) <= MAX_SHOWN + 2


def test_a_long_missing_quote_shows_at_most_300_characters() -> None:
    sentence = "This sentence is long and repeats itself " * 100
    match = SourceText(sentence + ".").find(sentence.replace("long", "short", 1))
    assert match.closest is not None
    assert len(match.closest) <= MAX_SHOWN + 2


def test_a_quote_sharing_no_word_has_no_closest_passage() -> None:
    match = SourceText(ARTICLE).find("zzz qqq")
    assert (match.found, match.closest, match.empty) == (False, None, False)


def test_a_quote_empty_once_normalised_says_so() -> None:
    for quote in ("...", "\u200b", " … "):
        match = SourceText(ARTICLE).find(quote)
        assert (match.found, match.empty) == (False, True)


def test_a_text_of_one_endless_sentence_still_gives_a_short_passage() -> None:
    # 200,000 characters with no sentence break were one passage for the old
    # difflib scan (41 s); the search looks at a bounded number of places.
    text = SourceText("lorem ipsum dolor sit amet " * 8000)
    match = text.find("lorem ipsum dolor sit amet consectetur")
    assert match.closest is not None
    assert len(match.closest) <= MAX_SHOWN + 2


def test_words_only_the_quote_has_are_shown_where_they_would_go() -> None:
    match = SourceText("Protected lanes cut injuries. Drivers slow down.").find(
        "Protected lanes cut all injuries"
    )
    assert match.closest == "Protected lanes cut »+all« injuries."
    # Words only the text has are marked as before.
    match = SourceText("Protected lanes cut all injuries.").find("Protected lanes cut injuries")
    assert match.closest == "Protected lanes cut »all« injuries."


def test_a_text_is_normalised_once_for_every_quote_rule() -> None:
    # The paragraph rules (AM308, AM309) read the same normalised text as the
    # matcher, with where each line starts; nothing is normalised again.
    from argmap.anchoring import Paragraphs

    raw = "“Title”\n\nFirst line,\nsecond\u00a0line.\r\n\r\n  Third `code` paragraph.\n"
    text = SourceText(raw)
    assert text.normalised == "\"Title\" First line, second line. Third 'code' paragraph."
    assert text.line_starts == (0, 8, 20, 33)
    paragraphs = Paragraphs.of_text(text)
    assert (paragraphs.normalised, paragraphs.starts) == (text.normalised, text.line_starts)
    assert paragraphs.spans("second line. … code") == ((20, 32), (40, 44))


def test_the_paragraph_rules_search_a_text_in_other_scripts_in_characters() -> None:
    # Paragraphs made from a SourceText search with its search (UTF-8 bytes, at memory
    # speed): the spans are in characters, as str.find gives them.
    from argmap.anchoring import Paragraphs

    raw = "Déjà vu — encore.\n\n会議は続く。 Second paragraph — here.\n" * 3
    text = SourceText(raw)
    paragraphs = Paragraphs.of_text(text)
    assert paragraphs.search is not None
    by_str_find = Paragraphs(text.normalised, text.line_starts)
    quotes = ("encore. 会議は続く", "会議は続く。 ... — here. Déjà", "Second ... encore", "absent")
    for quote in quotes:
        assert paragraphs.spans(quote) == by_str_find.spans(quote), quote
    assert paragraphs.spans("— here. Déjà vu") == ((42, 57),)


def test_a_backtick_reads_as_an_apostrophe_in_ascii_text_too() -> None:
    # Before, a backtick became ' only in a line that also had a non-ASCII character.
    assert SourceText("it`s").find("it\u2019s").found
    assert SourceText("it`s — so").find("it's").found


def test_a_quote_is_over_the_word_limit_only_by_its_exact_count() -> None:
    # AM307 skips the word pattern when runs of letters already stay within the
    # limit; "it's" is two runs but one word, so near the limit it counts exactly.
    from argmap.anchoring import quote_words_over

    assert quote_words_over("a b c", 2) == 3
    assert quote_words_over("a b", 2) is None
    assert quote_words_over("it's well-known", 2) is None
    assert quote_words_over("it's … well-known today", 2) == 3


def test_words_are_counted_alike_at_c_speed_and_by_the_word_pattern() -> None:
    # AM309 counts the words of every text: ASCII is counted from character
    # classes without a string per word, which must agree with the pattern.
    import re

    from hypothesis import given
    from hypothesis import strategies as st

    from argmap.anchoring import words

    pattern = re.compile(r"\w+(?:['\u2019-]\w+)*")
    assert words("it's a well-known one-to-one fact") == 5
    assert words("a--b 'c' -d- e'-f") == 6

    @given(st.text(alphabet="ab1_-' \n.,\u2019é", max_size=30))
    def agrees(text: str) -> None:
        assert words(text) == len(pattern.findall(text))

    agrees()


def test_a_quote_already_in_normal_form_is_kept_as_it_is() -> None:
    from argmap.quotes import normalise

    assert normalise("Plain words, one space.") == "Plain words, one space."
    assert normalise(" two  spaces\tand a tab ") == "two spaces and a tab"
    assert normalise("a\x0bb\x1fc") == "a b c"
