"""Loading a corpus: every problem is a clear one-line error with a position."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
import yaml

import argmap
from argmap import corpus as records
from argmap.errors import CorpusError
from argmap.loading import bundled_corpus_path, loads
from argmap.vocabulary import PersonKind
from tests.conftest import ROOT, RULES

MINIMAL = """\
schema_version: 1
people:
  - id: ann
    name: Ann
sources:
  - id: s1
    title: One
    authors: [ann]
claims:
  - id: c1
    source: s1
    speaker: ann
    text: A claim.
"""


def problems(text: str) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        loads(text, "corpus.yaml")
    return [str(p) for p in caught.value.problems]


def test_a_minimal_corpus_loads() -> None:
    corpus = loads(MINIMAL)
    assert [c.id for c in corpus.claims] == ["c1"]


def test_positions_are_kept_for_every_node() -> None:
    corpus = loads(MINIMAL, "corpus.yaml")
    where = corpus.source_map.locate(("claims", 0, "speaker"))
    assert (where.line, where.column) == (12, 14) if where else False
    key = corpus.source_map.locate(("claims", 0, "speaker"), key=True)
    assert (key.line, key.column) == (12, 5) if key else False


def test_a_duplicated_key_is_an_error_not_a_silent_overwrite() -> None:
    text = MINIMAL + "    text: Another wording.\n"
    assert problems(text) == [
        "corpus.yaml:14:5: duplicate key 'text' (first at line 13); "
        "YAML would silently keep only the last value: remove or rename one"
    ]


def test_python_tags_are_refused() -> None:
    text = MINIMAL.replace("text: A claim.", "text: !!python/object/apply:os.system [ls]")
    [message] = problems(text)
    assert message.startswith("corpus.yaml:13:11: unsupported tag")
    assert "python/object/apply:os.system" in message


def test_aliases_are_refused() -> None:
    text = MINIMAL.replace("authors: [ann]", "authors: &who [ann]\n    editors: *who")
    [message] = problems(text)
    assert message.startswith("corpus.yaml:8:14: aliases are not supported")


def test_a_billion_laughs_fails_fast() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    found = problems("\n".join(lines) + "\n")
    assert found and all("aliases are not supported" in p for p in found)
    assert len(found) < 100


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "corpus.yaml: is empty; a corpus starts with 'schema_version: 1'"),
        ("# only a comment\n", "corpus.yaml: is empty; a corpus starts with 'schema_version: 1'"),
        (
            "- a\n- b\n",
            "corpus.yaml:1:1: the top level is a list, not a mapping; "
            "a corpus starts with 'schema_version: 1'",
        ),
        (
            "just words\n",
            "corpus.yaml:1:1: the top level is a single value, not a mapping; "
            "a corpus starts with 'schema_version: 1'",
        ),
        (
            "schema_version: 1\nclaims: [\n",
            # The rest of the message is libyaml's or PyYAML's own wording.
            "corpus.yaml:3:1: invalid YAML: while parsing a flow node: ",
        ),
    ],
)
def test_unusable_files_get_one_line(text: str, message: str) -> None:
    [found] = problems(text)
    assert found.startswith(message)
    assert found == message or message.endswith(": ")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        argmap.load(tmp_path / "nope.yaml")
    with pytest.raises(CorpusError, match="is a directory"):
        argmap.load(tmp_path)


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"schema_version: 1\npeople:\n  - id: caf\xe9\n")
    with pytest.raises(CorpusError) as caught:
        argmap.load(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (3, 12)
    assert "is not valid UTF-8 (byte 0xe9)" in problem.message


def test_schema_errors_name_the_entity_and_come_all_at_once() -> None:
    text = MINIMAL.replace("    speaker: ann\n", "").replace("    title: One\n", "")
    text += "  - id: c2\n    source: s1\n    speaker: ann\n    text: B.\n    qoute: x\n"
    assert problems(text) == [
        "corpus.yaml:6:5: sources[0] (id: s1): title: field required",
        "corpus.yaml:9:5: claims[0] (id: c1): speaker: field required",
        "corpus.yaml:16:5: claims[1] (id: c2): unknown field 'qoute'; "
        "check its spelling in docs/format.md",
    ]


def test_wrong_values_point_at_the_value() -> None:
    text = MINIMAL.replace("    name: Ann\n", "    name: Ann\n    kind: robot\n")
    text = text.replace("schema_version: 1", "schema_version: 2")
    assert problems(text) == [
        "corpus.yaml:1:17: schema_version: Input should be 1",
        "corpus.yaml:5:11: people[0] (id: ann): kind: "
        "Input should be 'person', 'organization' or 'group'",
    ]


def test_a_word_yaml_reads_as_a_boolean_or_a_number_says_to_quote_it() -> None:
    # The "Norway problem": YAML 1.1 reads an unquoted no as false.
    text = MINIMAL.replace("    name: Ann\n", "    name: no\n").replace("title: One", "title: 1984")
    assert problems(text) == [
        "corpus.yaml:4:11: people[0] (id: ann): name: Input should be a valid string; "
        "YAML read the unquoted word as false, as it reads yes, no, on and off: put it in quotes",
        "corpus.yaml:7:12: sources[0] (id: s1): title: Input should be a valid string; "
        "YAML read 1984 as a number: put it in quotes",
    ]
    text = MINIMAL.replace("    name: Ann\n", "    name:\n")
    assert problems(text) == [
        "corpus.yaml:4:10: people[0] (id: ann): name: Input should be a valid string; the "
        "value is empty (nothing after the colon, or null): write it, or drop the field",
    ]


def test_dates_stay_text_at_their_precision() -> None:
    text = MINIMAL.replace("    authors: [ann]\n", "    authors: [ann]\n    date: 2019\n")
    assert loads(text).sources[0].date == "2019"
    text = text.replace("date: 2019", "date: 2017-04-03")
    assert loads(text).sources[0].date == "2017-04-03"


def test_the_bundled_corpus_is_found_without_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_FILE", raising=False)
    assert bundled_corpus_path() == ROOT / "data" / "arguments.yaml"
    corpus = argmap.load()
    assert len(corpus.claims) > 0


def test_argmap_file_names_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_FILE", str(RULES / "pass.yaml"))
    assert [s.id for s in argmap.load().sources] == ["s1"]


def test_libyaml_is_used_when_present() -> None:
    from argmap import loading

    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert loading._Loader is expected


@pytest.mark.parametrize("section", [*records.SECTIONS, "corpus"])
def test_each_record_has_the_fields_of_its_model_and_the_same_defaults(section: str) -> None:
    from argmap import model

    name = model._RECORDS[section].__name__ if section != "corpus" else "Corpus"
    validator, record = getattr(model, name), getattr(records, name)
    assert set(record.__slots__) - {"source_map"} == set(validator.model_fields)
    required = {
        field_name: f"{field_name}-value"
        for field_name, declared in validator.model_fields.items()
        if declared.is_required() and field_name != "schema_version"
    }
    made = record(**required)  # the record asks for the same fields, no more
    for field_name, declared in validator.model_fields.items():
        if not declared.is_required():
            assert getattr(made, field_name) == declared.get_default(call_default_factory=True)
    if section == "corpus":
        assert made.schema_version == records.SCHEMA_VERSION
    if required:
        with pytest.raises(TypeError, match="missing"):
            record()


def test_a_loaded_corpus_is_plain_records_with_the_defaults_filled_in() -> None:
    # pydantic validates the file; what loading returns is argmap.corpus's
    # frozen, slotted records, which a cached corpus is unpickled into without
    # importing pydantic's model machinery.
    corpus = loads(
        "schema_version: 1\n"
        "people: [{id: p, name: P}]\n"
        "sources: [{id: s, title: S, authors: [p]}]\n"
        "claims:\n"
        "  - {id: a, source: s, speaker: p, text: '  A  ', tags: [x]}\n"
        "  - {id: b, source: s, speaker: p, text: B, quote: ' '}\n"
    )
    a, b = corpus.claims
    assert type(corpus) is records.Corpus
    assert type(a) is records.Claim and type(corpus.people[0]) is records.Person
    assert a == records.Claim(id="a", source="s", speaker="p", text="A", tags=["x"])
    assert (b.quote, b.reported, b.tags, b.central) == (None, False, [], False)
    assert corpus.people[0].kind is PersonKind.PERSON
    assert not hasattr(a, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.text = "changed"  # type: ignore[misc]
    assert records.replace(a, note="n") == records.Claim(
        id="a", source="s", speaker="p", text="A", tags=["x"], note="n"
    )
    tag = records.Tag(id="t", description="d")
    assert hash(tag) == hash(records.Tag(id="t", description="d")) and tag != a
    assert pickle.loads(pickle.dumps(corpus)) == corpus
    assert repr(b) == (
        "Claim(id='b', source='s', speaker='p', text='B', quote=None, reported=False, "
        "tags=[], central=False, note=None)"
    )


@pytest.mark.parametrize(
    ("written", "number"), [("0x1F", "31"), ("1_000", "1000"), ("+5", "5"), ("0b101", "5")]
)
def test_a_number_hint_quotes_what_was_written(tmp_path: Path, written: str, number: str) -> None:
    """YAML 1.1 reads 0x1F as 31: the hint names both, so the user finds the word."""
    path = tmp_path / "c.yaml"
    path.write_text(f"schema_version: 1\npeople:\n  - id: ann\n    name: {written}  # hex?\n")
    with pytest.raises(CorpusError) as caught:
        argmap.loading.load(path)
    [problem] = caught.value.problems
    assert f"YAML read {written} as the number {number}: put it in quotes" in problem.message
    assert (problem.line, problem.column) == (4, 11)


@pytest.mark.parametrize("written", ["!!int 5", "!!float 1", "!!int 0x1F", "&a 0x1F"])
def test_a_tagged_or_anchored_number_gets_the_plain_hint(tmp_path: Path, written: str) -> None:
    """The word after a tag or an anchor is not the value as written: no crash, and
    the hint says what YAML read."""
    path = tmp_path / "c.yaml"
    path.write_text(f"schema_version: 1\npeople:\n  - id: ann\n    name: {written}\n")
    with pytest.raises(CorpusError) as caught:
        argmap.loading.load(path)
    [problem] = caught.value.problems
    assert "as a number: put it in quotes" in problem.message


def test_number_hints_read_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand numbers where text belongs: the file is read for their words once,
    not once per error (which made such a check quadratic)."""
    path = tmp_path / "c.yaml"
    people = "".join(f"  - id: p{n}\n    name: 0x{n:X}\n" for n in range(1, 1001))
    path.write_text("schema_version: 1\npeople:\n" + people)
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    with pytest.raises(CorpusError) as caught:
        argmap.loading.load(path)
    assert len(caught.value.problems) == 1000
    assert "YAML read 0x3E8 as the number 1000" in caught.value.problems[-1].message
    assert reads.count(path) <= 2  # the corpus itself, and once for the hints


def test_a_loaded_corpus_is_records_as_the_readme_says() -> None:
    """README, Python API: immutable records that compare by value, and replace()."""
    import pickle

    from argmap.corpus import replace

    corpus = argmap.load(bundled_corpus_path())
    claim = corpus.claims[0]
    assert pickle.loads(pickle.dumps(claim)) == claim
    changed = replace(claim, text="Another paraphrase.")
    assert changed.text == "Another paraphrase." and changed.id == claim.id
    assert changed != claim and replace(claim) == claim
    with pytest.raises(AttributeError):
        claim.text = "x"  # type: ignore[misc]
    assert sorted(dir(argmap)) == sorted(argmap.__all__)
