"""``argmap agreements``, ``matrix --agreements``, ``questions`` and ``stances``.

Pinned exactly on tests/fixtures/rules/pass-debate.yaml at COLUMNS=100 without
colour: one agreement (Some analysts = Cy Critic), one question, a pro and a con.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from argmap.cli.app import app
from tests.conftest import RULES

DEBATE = str(RULES / "pass-debate.yaml")


def run(runner: CliRunner, *args: str, code: int = 0) -> Result:
    result = runner.invoke(app, [*args, "-f", DEBATE])
    assert result.exit_code == code, result.stderr
    return result


def as_json(runner: CliRunner, *args: str) -> Any:
    return json.loads(run(runner, *args, "--format", "json").stdout)


def test_agreements_table(runner: CliRunner) -> None:
    assert run(runner, "agreements").stdout == (
        "Agreements (1)\n"
        "\n"
        "  Agreement: claim = claim                                   How\n"
        " " + "─" * 69 + "\n"
        "  analysts-agree-with-critic                                 inferred\n"
        "  Some analysts, needs-japan:\n"
        "  Russia needs Japan as a counterweight to China.\n"
        "  = Cy Critic, critic-needs-japan:\n"
        "  Moscow depends on Tokyo as a counterweight to Beijing.\n"
        "  Note: Both say Moscow looks to Tokyo to balance Beijing.\n"
    )


def test_agreement_rows_carry_both_sides(runner: CliRunner) -> None:
    [row] = as_json(runner, "agreements", "-a", "critic")
    assert row == {
        "id": "analysts-agree-with-critic",
        "claims": ["needs-japan", "critic-needs-japan"],
        "speakers": ["some-analysts", "cy-critic"],
        "speaker_names": ["Some analysts", "Cy Critic"],
        "sources": ["s1", "s1"],
        "texts": [
            "Russia needs Japan as a counterweight to China.",
            "Moscow depends on Tokyo as a counterweight to Beijing.",
        ],
        "basis": "inferred",
        "note": "Both say Moscow looks to Tokyo to balance Beijing.",
        "cross_source": False,
    }


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (["-a", "ann"], 0),
        (["-a", "analysts"], 1),
        (["--basis", "explicit"], 0),
        (["--cross-source"], 0),
        (["-t", "russia-card"], 1),
    ],
)
def test_agreement_filters(runner: CliRunner, args: list[str], count: int) -> None:
    assert len(as_json(runner, "agreements", *args)) == count


def test_the_agreement_matrix_is_symmetric_and_counts_each_pair_once(runner: CliRunner) -> None:
    out = run(runner, "matrix", "--agreements").stdout
    assert out.endswith(
        "  Speaker              1     2   All\n"
        " ────────────────────────────────────\n"
        "   1 Cy Critic             0+1     1\n"
        "   2 Some analysts   0+1           1\n"
    )
    assert "1 agreements among 2 speakers" in out
    pairs = as_json(runner, "matrix", "--agreements")
    assert pairs == [
        {
            "speakers": ["cy-critic", "some-analysts"],
            "speaker_names": ["Cy Critic", "Some analysts"],
            "total": 1,
            "explicit": 0,
            "inferred": 1,
            "agreements": ["analysts-agree-with-critic"],
        }
    ]


def test_the_agreement_matrix_refuses_kind(runner: CliRunner) -> None:
    result = run(runner, "matrix", "--agreements", "--kind", "rebut", code=2)
    assert "--kind does not apply to agreements" in result.stderr


def test_questions_count_each_side(runner: CliRunner) -> None:
    [row] = as_json(runner, "questions")
    assert row["id"] == "card-question"
    assert (row["pro"], row["con"]) == (1, 1)
    assert (row["pro_speakers"], row["con_speakers"]) == (["some-analysts"], ["ann-author"])
    assert row["mixed_speakers"] == []


def test_stances_group_by_speaker(runner: CliRunner) -> None:
    assert run(runner, "stances", "card").stdout == (
        "Stances on card-question: Can Japan play a Russia card against China? (2)\n"
        "\n"
        "  Speaker, position   Claim (stance)\n"
        " " + "─" * 95 + "\n"
        "  Ann Author          no-card (con)\n"
        "  con                 Japan cannot use Russia as leverage against China.\n"
        "\n"
        "  Some analysts       needs-japan (pro, inferred)\n"
        "  pro                 Russia needs Japan as a counterweight to China.\n"
        "                      Note: A Russia that needs Japan against China is the premise"
        " of the card.\n"
    )


def test_a_speaker_on_both_sides_is_mixed(runner: CliRunner, tmp_path: Any) -> None:
    text = (RULES / "pass-debate.yaml").read_text(encoding="utf-8")
    text += "- id: ann-baskets\n  question: card-question\n  claim: baskets\n  stance: pro\n"
    text += "  basis: inferred\n  note: Separate baskets leave room to deal with Tokyo.\n"
    path = tmp_path / "mixed.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["stances", "--format", "json", "-a", "ann", "-f", str(path)])
    rows = json.loads(result.stdout)
    assert [(r["claim"], r["stance"], r["position"]) for r in rows] == [
        ("no-card", "con", "mixed"),
        ("baskets", "pro", "mixed"),
    ]
    questions = json.loads(
        runner.invoke(app, ["questions", "--format", "json", "-f", str(path)]).stdout
    )
    assert questions[0]["mixed_speakers"] == ["ann-author"]


def test_stance_rows(runner: CliRunner) -> None:
    rows = as_json(runner, "stances", "--stance", "con")
    assert rows == [
        {
            "id": "ann-on-card",
            "question": "card-question",
            "question_text": "Can Japan play a Russia card against China?",
            "claim": "no-card",
            "speaker": "ann-author",
            "speaker_name": "Ann Author",
            "source": "s1",
            "stance": "con",
            "basis": "explicit",
            "text": "Japan cannot use Russia as leverage against China.",
            "note": None,
            "position": "con",
        }
    ]


def test_an_unknown_question_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, "stances", "treaty", code=2)
    assert "no question matches 'treaty' (the questions: card-question" in result.stderr


def test_show_and_tree_include_agreements_and_stances(runner: CliRunner) -> None:
    out = run(runner, "show", "needs-japan").stdout
    assert "Agrees with 1 claim\n  - critic-needs-japan (Cy Critic): inferred" in out
    assert "Stances on 1 question\n  - pro, inferred on card-question [analysts-on-card]" in out
    tree = run(runner, "tree", "needs-japan").stdout
    assert tree.splitlines()[0] == "needs-japan · Some analysts [pro on card-question]"
    assert "└─ AGREE critic-needs-japan · Cy Critic (inferred)" in tree
    question = run(runner, "show", "card-question").stdout
    assert "Pro       1 claim: Some analysts" in question


def test_people_and_stats_count_agreements(runner: CliRunner) -> None:
    people = {p["id"]: p["agreements"] for p in as_json(runner, "people")}
    assert people == {"ann-author": 0, "some-analysts": 1, "cy-critic": 1}
    stats = as_json(runner, "stats")
    corpus = {r["measure"]: r["count"] for r in stats if r["group"] == "corpus"}
    assert (corpus["agreements"], corpus["questions"], corpus["stances"]) == (1, 1, 2)


FOUR_SPEAKERS = """\
schema_version: 1
people:
  - {id: ann, name: Ann}
  - {id: bob, name: Bob}
  - {id: cy, name: Cy}
  - {id: dee, name: Dee}
sources:
  - {id: s, title: S, authors: [ann, bob, cy, dee]}
claims:
  - {id: a, source: s, speaker: ann, text: Japan needs a deal.}
  - {id: b, source: s, speaker: bob, text: Tokyo needs an agreement.}
  - {id: c, source: s, speaker: cy, text: A deal is what Japan needs.}
  - {id: d, source: s, speaker: dee, text: Japan should settle.}
agreements:
  - {id: ann-bob, claims: [a, b], basis: explicit}
  - {id: cy-dee, claims: [c, d], basis: explicit}
  - {id: bob-cy, claims: [b, c], basis: explicit}
  - {id: ann-cy, claims: [a, c], basis: explicit}
"""


def test_a_folded_agreement_matrix_counts_a_pair_of_two_others_once(
    runner: CliRunner, tmp_path: Any
) -> None:
    corpus = tmp_path / "four.yaml"
    corpus.write_text(FOUR_SPEAKERS, encoding="utf-8")
    result = runner.invoke(app, ["matrix", "--agreements", "--top", "1", "-f", str(corpus)])
    assert result.exit_code == 0, result.stderr
    # Cy takes part in 3 agreements; Ann, Bob and Dee are folded. Ann = Bob is one
    # agreement inside 'others' (not two), and 'others' take part in all 4.
    assert result.stdout.endswith(
        "  Speaker         1   others   All\n"
        " ──────────────────────────────────\n"
        "   1 Cy                    3     3\n"
        "     others (3)   3        1     4\n"
    ), result.stdout


def test_a_relation_filter_that_leaves_nothing_says_so(runner: CliRunner) -> None:
    # Ann's claims exist; none is in an agreement among them.
    result = run(runner, "diagram", "-a", "ann-author", "--relations", "agree", code=1)
    assert (
        "claims match these filters, but none is in an agreement among them "
        "(--relations agree): try another --relations, or drop it"
    ) in result.stderr
    # Without a relation filter, the old words: the filters themselves match nothing.
    result = run(runner, "diagram", "-a", "cy-critic", "-t", "russia-china", code=1)
    assert "error: no claim matches these filters" in result.stderr


def test_a_top_wider_than_the_terminal_says_how_many_fit(runner: CliRunner, tmp_path: Any) -> None:
    corpus = tmp_path / "four.yaml"
    corpus.write_text(FOUR_SPEAKERS, encoding="utf-8")
    args = ["matrix", "--agreements", "--top", "4", "-f", str(corpus)]
    result = runner.invoke(app, args, env={"COLUMNS": "30"})
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    shown = int(said.split("the ")[1].split(" most involved")[0])
    assert shown < 4
    assert f"(--top 4 asked, {shown} fit 30 columns)" in said
