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
    assert "closest passage" in finding.message
    assert "Moscow's ties with Beijing are a must." in finding.message


def test_quote_rules_never_pass_silently_without_texts() -> None:
    diagnostics = argmap.check(argmap.load(RULES / "pass.yaml"))
    assert [(d.code, d.severity) for d in diagnostics] == [("AM305", Severity.INFO)]
    assert "4 quotes in 1 sources were not checked" in diagnostics[0].message
