"""Every check rule has a code, a name, documentation, and pass and fail fixtures.

The fixtures live in ``tests/fixtures/rules``: ``pass.yaml`` passes every rule;
``amNNN_fail.yaml`` is the same corpus with one mistake that rule exists to
catch. The quote rules read ``tests/fixtures/rules/texts``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.checks import Severity, registry
from tests.conftest import RULE_TEXTS, RULES

RULE_CODES = [rule.code for rule in registry()]


def _check(path: Path) -> list[argmap.Diagnostic]:
    texts = None if "# texts: none" in path.read_text(encoding="utf-8") else RULE_TEXTS
    return argmap.check(argmap.load(path), texts=texts)


def test_the_base_corpus_passes_every_rule() -> None:
    assert _check(RULES / "pass.yaml") == []


@pytest.mark.parametrize("code", RULE_CODES)
def test_each_rule_catches_its_mistake(code: str) -> None:
    fixture = RULES / f"{code.lower()}_fail.yaml"
    assert fixture.exists(), f"add a failing fixture for {code}: {fixture.name}"
    found = [d for d in _check(fixture) if d.code == code]
    assert found, f"{code} reported nothing on {fixture.name}"
    for diagnostic in found:
        assert diagnostic.message
        assert diagnostic.path is not None
        assert diagnostic.line is not None, f"{code} finding has no line: {diagnostic}"


@pytest.mark.parametrize("rule", registry(), ids=RULE_CODES)
def test_each_rule_is_documented(rule: argmap.checks.Rule) -> None:
    assert re.fullmatch(r"AM[1-4]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
        assert heading in rule.doc, f"{rule.code} docstring lacks {heading!r}"


def test_codes_and_names_are_unique() -> None:
    rules = registry()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_info_rules_are_the_reporting_ones() -> None:
    info = {r.name for r in registry() if r.severity is Severity.INFO}
    assert info == {
        "isolated-claim",
        "unused-person",
        "source-without-claims",
        "quotes-unchecked",
        "unused-tag",
        "question-without-stances",
    }


def test_a_support_cycle_is_reported_with_its_path() -> None:
    [finding] = [d for d in _check(RULES / "am203_fail.yaml") if d.code == "AM203"]
    assert finding.message == (
        "support cycle: no-card -[back]-> ties-a-must -[no-card-argument]-> no-card; "
        "remove one of these arguments to break it"
    )


def test_a_missed_quote_shows_the_closest_passage() -> None:
    [finding] = [d for d in _check(RULES / "am301_fail.yaml") if d.code == "AM301"]
    assert finding.message == (
        "quote not found in s1.txt; closest passage (95% alike, differing words »marked«): "
        '"Moscow\'s ties »with« Beijing are a must."'
    )


def test_a_missed_quote_with_an_extra_word_shows_it_and_says_how(tmp_path: Path) -> None:
    corpus = tmp_path / "c.yaml"
    corpus.write_text(
        (RULES / "am301_fail.yaml")
        .read_text("utf-8")
        .replace("quote: Moscow's ties to Beijing", "quote: Moscow's ties with all Beijing"),
        "utf-8",
    )
    diagnostics = argmap.check(argmap.load(corpus), texts=RULE_TEXTS)
    [finding] = [d for d in diagnostics if d.code == "AM301"]
    assert finding.message == (
        "quote not found in s1.txt; closest passage (95% alike, differing words »marked«, "
        "words only in the quote »+added«): "
        '"Moscow\'s ties with »+all« Beijing are a must."'
    )


def test_quote_rules_never_pass_silently_without_texts() -> None:
    diagnostics = argmap.check(argmap.load(RULES / "pass.yaml"))
    assert [(d.code, d.severity) for d in diagnostics] == [("AM305", Severity.INFO)]
    assert "4 quotes in 1 sources were not checked" in diagnostics[0].message


def test_a_quote_empty_once_normalised_is_reported_as_empty(tmp_path: Path) -> None:
    text = (RULES / "pass.yaml").read_text("utf-8")
    corpus = tmp_path / "c.yaml"
    corpus.write_text(text.replace("quote: Moscow's ties with Beijing are a must.", 'quote: " … "'))
    findings = [d for d in argmap.check(argmap.load(corpus), texts=RULE_TEXTS) if d.code == "AM301"]
    assert [f.message for f in findings] == [
        "quote is empty once normalised (only spaces, elisions or invisible characters); "
        "copy the quoted words from the text"
    ]


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2019", None),
        ("2019-03", None),
        ("0001-01-01", None),
        ("0000", "has year 0000; the calendar starts at year 0001"),
        ("\uff12\uff10\uff11\uff19", "is not YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits (0-9)"),
        ("\u0662\u0660\u0661\u0669-03", "is not YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits (0-9)"),
        ("2019-3", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2019-02-30", "has no day 30 in 2019-02"),
    ],
)
def test_dates_are_ascii_digits_at_their_precision(date: str, why: str | None) -> None:
    from argmap.checks.rules.am105_invalid_date import problem

    assert problem(date) == why


def test_a_membership_ring_is_reported_once_with_its_path() -> None:
    messages = [d.message for d in _check(RULES / "am108_fail.yaml") if d.code == "AM108"]
    assert messages == [
        "membership ring: some-analysts -> other-analysts -> some-analysts (each is a member "
        "of the one before); remove one of these memberships",
        "group 'lone-group' lists itself as a member; remove it from members",
    ]


def test_a_repeated_premise_is_reported() -> None:
    messages = [d.message for d in _check(RULES / "am218_fail.yaml") if d.code == "AM218"]
    assert messages == ["premise 'ties-a-must' is listed 2 times; list it once"]
