"""``argmap import``: what each format's elements become, and how bad input is refused.

The fixtures under tests/fixtures/import/ are small hand-made files that use
every mapping rule of docs/import.md once; tests/test_import_corpora.py runs
the field's real corpora.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.dumping import dump, scalar
from argmap.formats import ImportFormat
from argmap.importers.aif import split_locution
from argmap.importers.fragment import ImportFailed
from argmap.importers.naming import IdPool, scheme_slug, slug
from argmap.importers.run import import_paths
from argmap.loading import load, loads
from tests.conftest import FIXTURES

IMPORT = FIXTURES / "import"
AIF = IMPORT / "aif" / "debate.json"
ARGGRAPH = IMPORT / "arggraph" / "micro_t001.xml"
ARGDOWN = IMPORT / "argdown" / "cars.json"
BAD = IMPORT / "bad"


def entries(corpus: dict[str, Any], section: str) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in corpus.get(section, [])}


def unmapped(result: Any) -> list[tuple[str, str]]:
    return sorted((u.kind, u.element) for _, u in result.unmapped)


# --- AIF ----------------------------------------------------------------------------


def test_aif_i_nodes_become_claims_with_quote_and_speaker_from_the_locution() -> None:
    corpus = import_paths([AIF]).corpus
    claims = entries(corpus, "claims")
    assert claims["debate-3"]["speaker"] == "ann-lee"  # the locution's participant, Ann Lee
    assert claims["debate-3"]["text"] == "Taxes should be lowered"
    # "Ann Lee : " cut off the locution's text:
    assert claims["debate-3"]["quote"] == "Taxes should fall because growth follows"
    # "Jacky: Ann Lee : ..." is an analyst's tag before the speaker: the same Ann Lee.
    assert claims["debate-6"]["speaker"] == "ann-lee"
    assert claims["debate-6"]["quote"] == "growth follows tax cuts"
    # "BOB : ..." but the locution names participant 2, Bob Ray: the participant wins.
    assert claims["debate-10"]["speaker"] == "bob-ray"
    # No L-node: the source's placeholder person, and no quote.
    assert claims["debate-12"]["speaker"] == "debate-author"
    assert "quote" not in claims["debate-12"]
    # A locution that repeats the I-node's text gives no quote.
    assert "quote" not in claims["debate-15"]
    assert claims["debate-15"]["speaker"] == "bob"


def test_aif_ra_ca_and_ma_nodes_become_arguments_rebuttals_and_agreements() -> None:
    corpus = import_paths([AIF]).corpus
    assert corpus["arguments"] == [
        {"id": "debate-7", "conclusion": "debate-3", "premises": ["debate-6"]},
        {
            "id": "debate-18",
            "conclusion": "debate-12",
            "premises": ["debate-10"],
            "scheme": "cause-to-effect",
        },
    ]
    assert corpus["rebuttals"] == [
        {"id": "debate-11", "by": "debate-10", "target": "debate-6", "kind": "rebut"},
        {
            "id": "debate-13",
            "by": "debate-12",
            "target": "debate-7",
            "kind": "undercut",
            "note": "AIF conflict scheme: Ad hominem",
        },
    ]
    assert corpus["agreements"] == [
        {"id": "debate-14", "claims": ["debate-3", "debate-15"], "basis": "explicit"}
    ]


def test_aif_an_ra_node_repeating_an_argument_is_merged_into_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    def ra(node: str) -> list[dict[str, str]]:
        return [{"fromID": "2", "toID": node}, {"fromID": node, "toID": "1"}]

    document = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "We should cycle."},
            {"nodeID": "2", "type": "I", "text": "Cycling is healthy."},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
            {"nodeID": "4", "type": "RA", "text": "Default Inference"},
            {"nodeID": "5", "type": "I", "text": "Not always."},
            {"nodeID": "6", "type": "CA", "text": "Default Conflict"},
        ],
        "edges": [*ra("3"), *ra("4"), {"fromID": "5", "toID": "6"}, {"fromID": "6", "toID": "4"}],
    }
    source = tmp_path / "twice.json"
    source.write_text(json.dumps(document), "utf-8")
    result = import_paths([source])
    assert result.corpus["arguments"] == [
        {"id": "twice-3", "conclusion": "twice-1", "premises": ["twice-2"]}
    ]
    # An undercut of the merged RA node attacks the argument kept.
    assert result.corpus["rebuttals"][0]["target"] == "twice-3"
    outcome = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "out.yaml")])
    assert outcome.exit_code == 0, outcome.stderr
    assert (
        "merged (1), as they repeat an entity already written:\n"
        "  1 aif RA node: same premises and conclusion\n"
        "    twice#4 → twice-3\n"
    ) in outcome.stderr


def test_aif_people_and_source_authors() -> None:
    corpus = import_paths([AIF]).corpus
    assert [(p["id"], p["name"]) for p in corpus["people"]] == [
        ("ann-lee", "Ann Lee"),
        ("bob-ray", "Bob Ray"),
        ("debate-author", "Author of debate"),
        ("bob", "Bob"),
    ]
    assert corpus["sources"] == [
        {
            "id": "debate",
            "title": "debate",
            "authors": ["ann-lee", "bob-ray", "debate-author", "bob"],
        }
    ]


def test_aif_reports_dialogue_structure_and_unknown_node_types_by_id() -> None:
    result = import_paths([AIF])
    assert unmapped(result) == [
        ("L node", "21"),
        ("PA node", "19"),
        ("TA node", "17"),
        ("locution", "16"),
    ]
    assert result.read[ImportFormat.AIF]["TA node"] == 1
    assert result.read[ImportFormat.AIF]["L→YA edge"] == 5


def test_aif_a_further_locution_of_a_claim_goes_to_its_note() -> None:
    claim = entries(import_paths([AIF]).corpus, "claims")["debate-3"]
    assert claim["note"] == "Also asserted (AIF locution): Ann Lee : Lower them, I say"


def test_speaker_option_replaces_the_placeholder() -> None:
    corpus = import_paths([AIF], speaker="Jo Analyst").corpus
    assert entries(corpus, "claims")["debate-12"]["speaker"] == "jo-analyst"
    assert "debate-author" not in entries(corpus, "people")


@pytest.mark.parametrize(
    ("locution", "expected"),
    [
        ("CLINTON : I want colleges", ("CLINTON", "I want colleges")),
        ("Jacky: CLINTON : I want colleges", ("CLINTON", "I want colleges")),
        ("VCBrown says 'semesterisation is good'", ("VCBrown", "semesterisation is good")),
        ("Speaker says 'should be avoided'", (None, "should be avoided")),
        ("no prefix at all", (None, "no prefix at all")),
        ("Time: 10:30 is late", (None, "Time: 10:30 is late")),
    ],
)
def test_split_locution(locution: str, expected: tuple[str | None, str]) -> None:
    assert split_locution(locution) == expected


# --- arggraph ---------------------------------------------------------------------


def test_arggraph_adus_become_claims_quoted_from_their_edus() -> None:
    corpus = import_paths([ARGGRAPH]).corpus
    claims = entries(corpus, "claims")
    assert claims["micro-t001-a1"] == {
        "id": "micro-t001-a1",
        "source": "micro-t001",
        "speaker": "micro-t001-author",
        "text": "Cars should be banned from the city centre.",
        "quote": "Cars should be banned from the city centre.",
        "central": True,
    }
    # Two EDUs joined through a joint: one claim.
    assert claims["micro-t001-a4"]["text"] == "since noise falls and the air gets cleaner."
    # Opponent ADUs: the objection group, whose one member is the author.
    assert claims["micro-t001-a2"]["speaker"] == "micro-t001-objection"
    group = entries(corpus, "people")["micro-t001-objection"]
    assert group["kind"] == "group"
    assert group["members"] == ["micro-t001-author"]


def test_arggraph_edges_become_arguments_and_rebuttals() -> None:
    corpus = import_paths([ARGGRAPH]).corpus
    assert corpus["arguments"] == [
        # sup c3 with the add edge c4: a linked premise.
        {
            "id": "micro-t001-c3",
            "conclusion": "micro-t001-a1",
            "premises": ["micro-t001-a4", "micro-t001-a5"],
        },
        {
            "id": "micro-t001-c6",
            "conclusion": "micro-t001-a5",
            "premises": ["micro-t001-a7"],
            "scheme": "argument-from-example",
        },
    ]
    assert corpus["rebuttals"] == [
        {"id": "micro-t001-c1", "by": "micro-t001-a2", "target": "micro-t001-a1", "kind": "rebut"},
        {
            "id": "micro-t001-c5",
            "by": "micro-t001-a6",
            "target": "micro-t001-c3",
            "kind": "undercut",
        },
    ]


def test_arggraph_undercut_of_an_attack_is_reported_and_noted_on_the_claim() -> None:
    result = import_paths([ARGGRAPH])
    assert unmapped(result) == [("und edge", "c2")]
    note = entries(result.corpus, "claims")["micro-t001-a3"]["note"]
    assert note == (
        "In the arggraph, a3 undercuts the reb edge c1 (a2 → a1): "
        "argmap has no attack on an attack."
    )


def test_arggraph_topic_and_stance_become_a_question_and_a_stance() -> None:
    corpus = import_paths([ARGGRAPH]).corpus
    assert [q["id"] for q in corpus["questions"]] == ["topic-car-free-centre"]
    assert corpus["stances"] == [
        {
            "id": "micro-t001-stance",
            "question": "topic-car-free-centre",
            "claim": "micro-t001-a1",
            "stance": "pro",
            "basis": "explicit",
        }
    ]


def test_arggraph_text_is_the_source_text_and_every_quote_is_found(
    runner: CliRunner, tmp_path: Path
) -> None:
    out, texts = tmp_path / "micro.yaml", tmp_path / "texts"
    result = runner.invoke(
        app, ["import", str(ARGGRAPH), "-o", str(out), "--texts-out", str(texts)]
    )
    assert result.exit_code == 0, result.stderr
    assert (texts / "micro_t001.txt").read_bytes() == ARGGRAPH.with_suffix(".txt").read_bytes()
    check = runner.invoke(
        app,
        [
            "check",
            "-f",
            str(out),
            "--texts",
            str(texts),
            "--select",
            "AM301,AM302,AM304",
            "--strict",
        ],
    )
    assert check.exit_code == 0, check.stdout


# --- Argdown JSON -----------------------------------------------------------------


def test_argdown_statements_become_claims_and_keep_their_tags() -> None:
    corpus = import_paths([ARGDOWN]).corpus
    claims = entries(corpus, "claims")
    assert claims["cars-thesis"] == {
        "id": "cars-thesis",
        "source": "cars",
        "speaker": "cars-author",
        "text": "We should ban cars in the centre.",
        "tags": ["city"],
        "note": "Also worded (Argdown equivalence class): Cars must go from downtown.",
    }
    assert claims["cars-noise"]["speaker"] == "dana-cole"  # {speaker: "Dana Cole"}
    assert claims["cars-shop-argument"]["text"] == "Shops depend on drivers."
    assert [t["id"] for t in corpus["tags"]] == ["city", "economy"]


def test_argdown_arguments_and_relations() -> None:
    corpus = import_paths([ARGDOWN]).corpus
    arguments = entries(corpus, "arguments")
    assert arguments["cars-noise-argument"]["premises"] == ["cars-noise", "cars-quiet"]
    assert arguments["cars-noise-argument"]["conclusion"] == "cars-thesis"
    assert arguments["cars-noise-argument"]["scheme"] == "modus-ponens"
    assert arguments["cars-jobs-supports-shop-argument"]["premises"] == ["cars-jobs"]
    assert [(r["by"], r["target"], r["kind"]) for r in corpus["rebuttals"]] == [
        ("cars-shop-argument", "cars-thesis", "rebut"),
        ("cars-not-so", "cars-noise-argument", "undercut"),
        ("cars-jobs", "cars-not-so", "rebut"),  # contradictory: both ways
        ("cars-not-so", "cars-jobs", "rebut"),
    ]
    assert unmapped(import_paths([ARGDOWN])) == [("section", "Cars")]


# --- several files, and the command -----------------------------------------------


def test_several_files_merge_with_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "debate.json").write_bytes(AIF.read_bytes())
    corpus = import_paths([tmp_path]).corpus
    assert [s["id"] for s in corpus["sources"]] == ["debate", "debate-2"]
    assert "debate-2-3" in entries(corpus, "claims")
    # The same speaker in two files is one person; each file has its own placeholder.
    people = [p["id"] for p in corpus["people"]]
    assert people.count("ann-lee") == 1
    assert "debate-2-author" in people
    loads(dump(corpus))  # and the ids are unique: it loads


def test_formats_are_recognised_from_the_content(tmp_path: Path) -> None:
    result = import_paths([IMPORT / "aif", IMPORT / "arggraph", IMPORT / "argdown"])
    assert dict(result.files) == {
        ImportFormat.AIF: 1,
        ImportFormat.ARGGRAPH: 1,
        ImportFormat.ARGDOWN_JSON: 1,
    }
    assert [s.path.name for s in result.skipped] == ["micro_t001.txt"]


def test_import_writes_yaml_to_stdout_and_the_summary_to_stderr(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", str(AIF)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Imported by argmap import --from aif from 1 file.\n")
    corpus = loads(result.stdout)
    assert len(corpus.claims) == 5
    assert len(corpus.agreements) == 1
    assert result.stderr == (
        "read 1 aif file:\n"
        "  nodes 22: I 5, L 5, YA 5, CA 2, RA 2, MA 1, PA 1, TA 1\n"
        "  edges 24: L→YA 5, YA→I 5, I→CA 2, I→RA 2, RA→I 2, CA→I 1, CA→RA 1, I→MA 1,\n"
        "    I→PA 1, L→TA 1, MA→I 1, PA→I 1, TA→L 1\n"
        "  participants 2, locutions 3\n"
        "wrote 4 people, 1 source, 5 claims, 2 arguments, 2 rebuttals, 1 agreement\n"
        "not mapped (4):\n"
        "  1 aif L node: a further locution of an I-node that has one already; the\n"
        "    claim's note keeps it when it differs from the first\n"
        "    debate#21\n"
        "  1 aif PA node: argmap has no counterpart of PA-nodes\n"
        "    debate#19\n"
        "  1 aif TA node: dialogue structure (transitions and illocutions) is not kept\n"
        "    debate#17\n"
        "  1 aif locution: its personID names no entry of 'participants' (AIFdb's user\n"
        "    id, not a speaker): the speaker comes from the L-node text or the fallback\n"
        "    debate#16\n"
    )


def test_import_to_a_file_and_the_report(runner: CliRunner, tmp_path: Path) -> None:
    out, report = tmp_path / "out.yaml", tmp_path / "report.json"
    result = runner.invoke(app, ["import", str(AIF), "-o", str(out), "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert load(out).claims[0].id == "debate-3"
    account = json.loads(report.read_text(encoding="utf-8"))
    assert account["written"]["claims"] == 5
    assert {(e["kind"], e["element"]) for e in account["not_mapped"]} == {
        ("L node", "21"),
        ("PA node", "19"),
        ("TA node", "17"),
        ("locution", "16"),
    }


def test_the_written_file_is_hand_editable(tmp_path: Path) -> None:
    text = dump(import_paths([ARGGRAPH]).corpus)
    assert "\n- id: micro-t001-c3\n  conclusion: micro-t001-a1\n" in text
    assert "  premises: [micro-t001-a4, micro-t001-a5]\n" in text


# --- bad input: one line, exit 2, the output untouched ------------------------------


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        (
            "not-aif.json",
            ["--from", "aif"],
            "not-aif.json: is not AIF JSON: expected an object with 'nodes'",
        ),
        ("broken.json", ["--from", "aif"], "broken.json: line 3 column 1: not valid JSON"),
        (
            "dangling-edge.json",
            [],
            "dangling-edge.json: edge 7: toID 2 names no node of this file",
        ),
        (
            "not-arggraph.xml",
            ["--from", "arggraph"],
            "not-arggraph.xml: is not arggraph XML: the root element is <html>",
        ),
        ("laughs.xml", [], "laughs.xml: declares the entity 'a'; entity declarations are refused"),
        (
            "external.xml",
            [],
            "external.xml: declares the entity 'secret'; entity declarations are refused",
        ),
        ("unclosed.xml", [], "unclosed.xml: line 4 column 3: not well-formed XML"),
        ("not-aif.json", [], "not-aif.json: the content does not say its format; give --from"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    runner: CliRunner, tmp_path: Path, name: str, args: list[str], message: str
) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("precious\n", encoding="utf-8")
    result = runner.invoke(app, ["import", *args, str(BAD / name), "-o", str(out)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert out.read_text(encoding="utf-8") == "precious\n"


def test_argdown_json_given_as_aif_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "--from", "aif", str(ARGDOWN)])
    assert result.exit_code == 2
    assert "cars.json: is not AIF JSON" in result.stderr


def test_the_output_may_not_be_an_input(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "debate.json"
    copy.write_bytes(AIF.read_bytes())
    result = runner.invoke(app, ["import", str(copy), "-o", str(copy)])
    assert result.exit_code == 2
    assert copy.read_bytes() == AIF.read_bytes()


def test_a_missing_path_and_an_empty_directory(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["import", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    assert "nope.json: no such file or directory" in missing.stderr
    empty = runner.invoke(app, ["import", str(tmp_path)])
    assert empty.exit_code == 2
    assert "holds no file to import" in empty.stderr


def test_a_path_that_cannot_even_be_looked_at_is_a_clean_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "a" * 300])
    assert result.exit_code == 2
    assert result.stderr == f"error: {'a' * 300}: the file name is too long\n"


def test_import_failed_names_file_and_element() -> None:
    with pytest.raises(ImportFailed) as caught:
        import_paths([BAD / "dangling-edge.json"])
    assert caught.value.element == "edge 7"


def test_characters_a_corpus_cannot_hold_become_replacement_characters(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "odd.json"
    source.write_text(
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "a \\ud800 b \\u0000 c\\u2028d"}],'
        ' "edges": []}',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "odd.yaml")])
    assert result.exit_code == 0, result.stderr
    assert load(tmp_path / "odd.yaml").claims[0].text == "a \ufffd b \ufffd c d"


# --- round trip ---------------------------------------------------------------------


def test_export_aif_then_import_gives_back_the_corpus(runner: CliRunner, tmp_path: Path) -> None:
    source = IMPORT / "roundtrip.yaml"
    exported = tmp_path / "export.json"
    assert (
        runner.invoke(
            app, ["export", "-f", str(source), "--format", "aif", "-o", str(exported)]
        ).exit_code
        == 0
    )
    back = tmp_path / "back.yaml"
    result = runner.invoke(app, ["import", str(exported), "-o", str(back)])
    assert result.exit_code == 0, result.stderr
    assert "not mapped: nothing" in result.stderr
    original, imported = load(source), load(back)
    assert {c.id: (c.text, c.quote, c.speaker) for c in imported.claims} == {
        c.id: (c.text, c.quote, c.speaker) for c in original.claims
    }
    assert {a.id: (a.conclusion, sorted(a.premises), a.scheme) for a in imported.arguments} == {
        a.id: (a.conclusion, sorted(set(a.premises)), a.scheme) for a in original.arguments
    }
    assert {r.id: (r.by, r.target, r.kind) for r in imported.rebuttals} == {
        r.id: (r.by, r.target, r.kind) for r in original.rebuttals
    }
    assert {g.id: tuple(g.claims) for g in imported.agreements} == {
        g.id: tuple(g.claims) for g in original.agreements
    }
    names = {p.id: p.name for p in original.people}
    assert {p.id: p.name for p in imported.people} == {
        speaker: names[speaker] for speaker in {c.speaker for c in original.claims}
    }


# --- helpers --------------------------------------------------------------------------


@given(st.text())
def test_any_string_reads_back_as_written(text: str) -> None:
    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}
    assert yaml.safe_load(f"key: [{scalar(text, flow=True)}]\n") == {"key": [text]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CauseToEffect", "cause-to-effect"),
        ("micro_b001", "micro-b001"),
        ("O'MALLEY", "o-malley"),
        ("Zoë Ångström", "zoe-angstrom"),
        ("???", "x"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_default_inference_has_no_scheme() -> None:
    assert scheme_slug("Default Inference") is None
    assert scheme_slug("Argument From Example") == "argument-from-example"


def test_id_pool() -> None:
    pool = IdPool()
    assert [pool.take("a"), pool.take("a"), pool.take("a")] == ["a", "a-2", "a-3"]
