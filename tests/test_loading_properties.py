"""Whatever the file holds, loading ends in a corpus or a clean CorpusError.

Hypothesis feeds random text, and mutations of a valid corpus (lines
dropped, duplicated, re-indented, characters replaced), to the loader.
No other exception may escape.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import loading
from argmap.corpus import Corpus
from argmap.errors import CorpusError
from argmap.loading import loads
from tests.conftest import RULES

VALID = (RULES / "pass.yaml").read_text(encoding="utf-8")
LINES = VALID.splitlines()


def load_cleanly(text: str) -> None:
    try:
        corpus = loads(text, "fuzz.yaml")
    except CorpusError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.message
            assert str(problem).startswith("fuzz.yaml")
    else:
        assert isinstance(corpus, Corpus)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_random_text(text: str) -> None:
    load_cleanly(text)


yaml_tokens = st.sampled_from(
    [
        ": ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/name:os.system ",
        "? ",
        "|",
        ">",
        "'",
        '"',
        "#",
        "\t",
        "  ",
        "\n",
        "<<: ",
        "~",
        "null",
        "1e9",
        "0x1f",
        "2019-02-30",
        "…",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "indent", "dedent", "insert", "swap"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:]
        elif action == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(yaml_tokens) + lines[i][at:]
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            break
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_corpus(text: str) -> None:
    load_cleanly(text)


def test_deep_nesting_is_refused_cleanly() -> None:
    load_cleanly("schema_version: 1\nclaims: " + "[" * 5000 + "]" * 5000 + "\n")


def test_the_pure_python_fallback_behaves_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "_Loader", yaml.SafeLoader)
    load_cleanly("schema_version: 1\nclaims: " + "[" * 5000 + "]" * 5000 + "\n")
    assert loads(VALID).claims
    with pytest.raises(CorpusError, match="duplicate key 'text'"):
        loads(VALID.replace("  text: s1.txt", "  text: s1.txt\n  text: s2.txt"))
