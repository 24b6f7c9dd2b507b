"""The query core (argmap.queries) on the mini tram debate in tests/fixtures/queries.yaml."""

from __future__ import annotations

import pytest

from argmap.errors import LookupFailed
from argmap.index import Index
from argmap.loading import load, loads
from argmap.queries import (
    ClaimFilter,
    RebuttalFilter,
    claim_roles,
    describe,
    entity_id,
    find_claims,
    find_rebuttals,
    list_people,
    list_sources,
    list_tags,
    pro_con_tree,
    rebuttal_matrix,
    reported_by,
    source_labels,
    stats,
    unanswered,
    unanswered_counts,
    voices,
    who_rebuts_whom,
)
from argmap.vocabulary import Basis, ClaimRole, RebuttalKind
from tests.conftest import FIXTURES

QUERIES = FIXTURES / "queries.yaml"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(load(QUERIES))


def ids(rows: object) -> list[str]:
    return [row.id for row in rows]  # type: ignore[attr-defined]


# -- claims -------------------------------------------------------------------


def test_claims_come_in_reading_order(index: Index) -> None:
    assert ids(find_claims(index))[:3] == [
        "aa-build-tram",
        "aa-tram-cuts-traffic",
        "aa-funding-no-obstacle",
    ]
    assert len(find_claims(index)) == 11


def test_a_member_speaks_through_their_group(index: Index) -> None:
    assert voices(index, "cleo-cole") == {"cleo-cole", "baker-cole"}
    assert voices(index, "baker-cole") == {"baker-cole"}
    by_cole = find_claims(index, ClaimFilter(authors=("cleo-cole",)))
    assert ids(by_cole) == [
        "bc-no-tram",
        "bc-buses-cheaper",
        "bc-traffic-shifts",
        "bc-budget-overrun",
        "cc-construction-years",
    ]
    by_group = find_claims(index, ClaimFilter(authors=("baker-cole",)))
    assert "cc-construction-years" not in ids(by_group)


def test_filters_combine_and_repeat_as_alternatives(index: Index) -> None:
    both = ClaimFilter(authors=("ann-archer", "city-council"), tags=("budget",))
    assert ids(find_claims(index, both)) == ["aa-funding-no-obstacle", "council-budget-covers-tram"]
    central = ClaimFilter(sources=("baker-cole-reply-2020",), central=True)
    assert ids(find_claims(index, central)) == ["bc-no-tram"]


def test_grep_reads_text_and_quote_and_ignores_case_and_curly_quotes(index: Index) -> None:
    assert ids(find_claims(index, ClaimFilter(grep="DIESEL"))) == ["aa-tram-cleaner"]
    # only the quote says "absorb"
    assert ids(find_claims(index, ClaimFilter(grep="absorb"))) == ["council-budget-covers-tram"]
    assert ids(find_claims(index, ClaimFilter(grep="tram\u2019s cost"))) == [
        "council-budget-covers-tram"
    ]


def test_roles(index: Index) -> None:
    assert claim_roles(index, "aa-build-tram") == (
        ClaimRole.CONCLUSION,
        ClaimRole.ATTACKER,
        ClaimRole.ATTACKED,
    )
    # attacked through the undercut of the argument that supports it
    assert ClaimRole.ATTACKED in claim_roles(index, "aa-funding-no-obstacle")
    assert claim_roles(index, "aa-trams-until-1960") == (ClaimRole.ISOLATED,)
    isolated = find_claims(index, ClaimFilter(roles=(ClaimRole.ISOLATED,)))
    assert ids(isolated) == ["aa-trams-until-1960"]


def test_reported_speech_names_who_reports_it(index: Index) -> None:
    council = index.claims["council-budget-covers-tram"]
    assert reported_by(index, council) == ("ann-archer",)
    assert reported_by(index, index.claims["aa-build-tram"]) == ()


# -- rebuttals ----------------------------------------------------------------


def test_rebuttal_rows_resolve_both_sides(index: Index) -> None:
    (undercut,) = find_rebuttals(index, RebuttalFilter(kind=RebuttalKind.UNDERCUT))
    assert undercut.target_type == "argument"
    assert undercut.target_claim == "aa-funding-no-obstacle"
    assert undercut.target_speaker == "ann-archer"
    assert undercut.by_speaker == "baker-cole"
    assert undercut.cross_source


def test_rebuttal_filters(index: Index) -> None:
    by_ben = find_rebuttals(index, RebuttalFilter(by=("ben-baker",)))
    assert len(by_ben) == 4  # through the group
    inferred = find_rebuttals(index, RebuttalFilter(basis=Basis.INFERRED))
    assert ids(inferred) == ["aa-rejects-reply", "bc-buses-answer-cleaner"]
    against_group = find_rebuttals(index, RebuttalFilter(against=("baker-cole",)))
    assert ids(against_group) == ["aa-rejects-reply"]
    env = find_rebuttals(index, RebuttalFilter(tags=("environment",)))
    assert ids(env) == ["bc-buses-answer-cleaner"]


def test_who_rebuts_whom_splits_explicit_and_inferred(index: Index) -> None:
    pairs = who_rebuts_whom(index)
    assert [(p.by_speaker, p.target_speaker, p.explicit, p.inferred) for p in pairs] == [
        ("baker-cole", "ann-archer", 3, 1),
        ("ann-archer", "baker-cole", 0, 1),
    ]
    grid = rebuttal_matrix(pairs)
    assert grid.speakers == (
        ("ann-archer", "Ann Archer"),
        ("baker-cole", "Ben Baker and Cleo Cole"),
    )
    assert grid.made("baker-cole") == 4
    assert grid.received("baker-cole") == 1


def test_unanswered_objections(index: Index) -> None:
    assert ids(unanswered(index)) == [
        "bc-traffic-answers-archer",
        "bc-overrun-undercuts-budget",
        "bc-buses-answer-cleaner",
    ]
    rows = find_rebuttals(index)
    answered = {r.id: r.answered_by for r in rows if r.answered_by}
    assert answered == {
        "bc-rejects-tram": ("aa-rejects-reply",),
        "aa-rejects-reply": ("bc-rejects-tram",),
    }
    counts = [(c.target_speaker, c.objections, c.unanswered) for c in unanswered_counts(index)]
    assert counts == [("ann-archer", 4, 3), ("baker-cole", 1, 0)]


# -- tree ---------------------------------------------------------------------


def test_tree_is_recursive_and_cuts_cycles(index: Index) -> None:
    root = pro_con_tree(index, "aa-build-tram")
    shape = [(n.relation, n.type, n.id, n.stop) for n in root.walk()]
    assert shape == [
        ("root", "claim", "aa-build-tram", None),
        ("pro", "argument", "arg-traffic-and-funding", None),
        ("premise", "claim", "aa-tram-cuts-traffic", None),
        ("con", "claim", "bc-traffic-shifts", None),
        ("premise", "claim", "aa-funding-no-obstacle", None),
        ("pro", "argument", "arg-council-budget", None),
        ("premise", "claim", "council-budget-covers-tram", None),
        ("con", "claim", "bc-budget-overrun", None),
        ("pro", "claim", "aa-tram-cleaner", None),
        ("con", "claim", "bc-buses-cheaper", None),
        ("con", "claim", "bc-no-tram", None),
        ("pro", "claim", "bc-buses-cheaper", "repeat"),
        ("pro", "claim", "cc-construction-years", None),
        ("con", "claim", "aa-build-tram", "cycle"),
    ]


def test_tree_depth_counts_what_it_cuts(index: Index) -> None:
    root = pro_con_tree(index, "aa-build-tram", depth=1)
    assert [(n.id, n.hidden) for n in root.walk() if n.hidden] == [
        ("aa-tram-cuts-traffic", 1),
        ("aa-funding-no-obstacle", 1),
        ("aa-tram-cleaner", 1),
        ("bc-no-tram", 3),
    ]
    alone = pro_con_tree(index, "aa-build-tram", depth=0)
    assert (alone.children, alone.hidden) == ((), 3)  # two arguments, one rebuttal


def test_tree_of_an_unknown_claim_fails(index: Index) -> None:
    with pytest.raises(LookupFailed):
        pro_con_tree(index, "no-such-claim")


# -- listings, stats, show ----------------------------------------------------


def test_people_sources_tags(index: Index) -> None:
    people = {p.id: p for p in list_people(index)}
    assert people["baker-cole"].members == ("ben-baker", "cleo-cole")
    assert people["cleo-cole"].groups == ("baker-cole",)
    assert (people["ann-archer"].rebuts, people["ann-archer"].rebutted) == (1, 4)
    assert [s.label for s in list_sources(index)] == ["Archer 2020", "Baker & Cole 2020"]
    assert [(t.id, t.claims) for t in list_tags(index)] == [
        ("transport", 6),
        ("budget", 4),
        ("environment", 2),
    ]


def test_source_labels_disambiguate() -> None:
    text = QUERIES.read_text(encoding="utf-8").replace(
        'authors: [ben-baker, cleo-cole]\n  date: "2020-05"',
        'authors: [ann-archer]\n  date: "2020-05"',
    )
    labels = source_labels(Index.build(loads(text)))
    assert list(labels.values()) == ["Archer 2020a", "Archer 2020b"]


def test_stats_are_tidy_rows(index: Index) -> None:
    rows = {(r.group, r.id, r.measure): r.count for r in stats(index)}
    assert rows[("corpus", "corpus", "claims")] == 11
    assert rows[("source", "archer-trams-2020", "rebutted")] == 4
    assert rows[("speaker", "baker-cole", "rebuts")] == 4
    assert rows[("kind", "rebut", "inferred")] == 2
    assert rows[("kind", "undercut", "total")] == 1


def test_entity_id_takes_ids_and_fragments(index: Index) -> None:
    assert entity_id(index, "arg-cleaner") == "arg-cleaner"
    assert entity_id(index, "budget") == "budget"  # a tag id
    assert entity_id(index, "ann") == "ann-archer"
    assert entity_id(index, "case against") == "baker-cole-reply-2020"
    # one person and a group of theirs: the person (tests/test_names.py)
    assert entity_id(index, "baker") == "ben-baker"
    # a person's name beats a source id that merely starts with it
    assert entity_id(index, "archer") == "ann-archer"
    # two of one rank: both are listed, with names and titles
    with pytest.raises(LookupFailed, match=r"'tram' is ambiguous: it matches archer-trams-2020"):
        entity_id(index, "tram")
    with pytest.raises(LookupFailed, match="did you mean 'aa-build-tram'"):
        entity_id(index, "aa-build-tran")


def test_describe_a_claim(index: Index) -> None:
    view = describe(index, "aa-funding-no-obstacle")
    assert view.as_dict()["type"] == "claim"
    data = view.as_dict()
    assert [a["argument"]["id"] for a in data["supported_by"]] == ["arg-council-budget"]
    assert [r["id"] for r in data["supported_by"][0]["undercut_by"]] == [
        "bc-overrun-undercuts-budget"
    ]
    assert [a["argument"]["id"] for a in data["premise_in"]] == ["arg-traffic-and-funding"]


def test_describe_a_person_counts_their_groups(index: Index) -> None:
    data = describe(index, "ben-baker").as_dict()
    assert data["type"] == "person"
    assert [g["id"] for g in data["groups"]] == ["baker-cole"]
    assert [s["source"]["id"] for s in data["claims"]] == ["baker-cole-reply-2020"]
    assert [(p["target_speaker"], p["total"]) for p in data["rebuts"]] == [("ann-archer", 4)]


@pytest.mark.parametrize(
    ("entity", "kind"),
    [
        ("archer-trams-2020", "source"),
        ("arg-buses", "argument"),
        ("bc-rejects-tram", "rebuttal"),
        ("transport", "tag"),
    ],
)
def test_describe_any_kind(index: Index, entity: str, kind: str) -> None:
    assert describe(index, entity).as_dict()["type"] == kind


DUO = """\
schema_version: 1
people:
- {id: ann, name: Ann A}
- {id: bob, name: Bob B}
- {id: plan, name: The Plan, kind: organization}
- {id: mayor, name: The Mayor}
sources:
- {id: duo, title: Two Voices, authors: [ann, bob]}
claims:
- {id: ann-1, source: duo, speaker: ann, text: Ann's point.}
- {id: bob-1, source: duo, speaker: bob, text: Bob's point.}
- {id: plan-1, source: duo, speaker: plan, reported: true, text: The plan's first aim.}
- {id: plan-2, source: duo, speaker: plan, reported: true, text: The plan's second aim.}
- {id: mayor-1, source: duo, speaker: mayor, reported: true, text: The mayor's word.}
arguments:
- {id: a1, conclusion: bob-1, premises: [plan-1]}
"""


def test_reported_by_in_a_piece_with_two_authors() -> None:
    index = Index.build(loads(DUO))
    # 1: Bob argues from the plan; 2: so he reports the plan's other aim too;
    # 3: nobody argues with the mayor: either author may report him.
    assert [reported_by(index, index.claims[c]) for c in ("plan-1", "plan-2", "mayor-1")] == [
        ("bob",),
        ("bob",),
        ("ann", "bob"),
    ]
