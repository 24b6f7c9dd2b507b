"""``argmap evaluate``: textbook frameworks, a differential test against brute force,
what the mapping means, and the command's output.

The solvers are checked against frameworks whose extensions every textbook
gives, then on hundreds of random frameworks against :mod:`tests.oracle` (every
subset tried, straight from Dung's definitions). The mapping is checked by
what it promises in docs/evaluate.md: under grounded semantics a claim is in
exactly when no rebutter is in and, if it has arguments, one of them stands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.corpus import Agreement, Argument, Claim, Corpus, Person, Rebuttal, Source
from argmap.evaluate import Label, Status, decompose, evaluate
from argmap.evaluate.framework import build
from argmap.evaluate.solvers import (
    SolverTimeout,
    SolverUnsupported,
    TooManyExtensions,
    get,
)
from argmap.evaluate.solvers.clingo import ClingoSolver
from argmap.evaluate.solvers.direct import DirectSolver, grounded
from argmap.formats import Mapping, Semantics, SolverChoice
from argmap.index import Index
from argmap.loading import load
from tests import oracle
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "evaluate.yaml"
CLINGO = ClingoSolver()


def solve(n: int, attacks: list[tuple[int, int]], semantics: Semantics) -> set[frozenset[int]]:
    # A generous limit: these tests check answers, not speed (a loaded CI machine
    # once took 30 s to start a solve).
    found = CLINGO.extensions(n, attacks, semantics, timeout=600, limit=10_000)
    assert len(found) == len(set(found)), "an extension reported twice"
    return set(found)


def sets(*extensions: set[int]) -> set[frozenset[int]]:
    return {frozenset(e) for e in extensions}


# -- textbook frameworks ------------------------------------------------------

# name: (n, attacks, {semantics: extensions})
TEXTBOOK: dict[str, tuple[int, list[tuple[int, int]], dict[Semantics, set[frozenset[int]]]]] = {
    "unattacked argument is in": (
        1,
        [],
        {s: sets({0}) for s in Semantics},
    ),
    "reinstatement: a attacks b attacks c": (
        3,
        [(0, 1), (1, 2)],
        {s: sets({0, 2}) for s in Semantics},
    ),
    "odd cycle: nothing stands, no stable extension": (
        3,
        [(0, 1), (1, 2), (2, 0)],
        {
            Semantics.GROUNDED: sets(set()),
            Semantics.COMPLETE: sets(set()),
            Semantics.PREFERRED: sets(set()),
            Semantics.STABLE: set(),
        },
    ),
    "even cycle: two positions": (
        2,
        [(0, 1), (1, 0)],
        {
            Semantics.GROUNDED: sets(set()),
            Semantics.COMPLETE: sets(set(), {0}, {1}),
            Semantics.PREFERRED: sets({0}, {1}),
            Semantics.STABLE: sets({0}, {1}),
        },
    ),
    "floating reinstatement: d stands in every preferred extension, not in grounded": (
        4,
        [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)],
        {
            Semantics.GROUNDED: sets(set()),
            Semantics.COMPLETE: sets(set(), {0, 3}, {1, 3}),
            Semantics.PREFERRED: sets({0, 3}, {1, 3}),
            Semantics.STABLE: sets({0, 3}, {1, 3}),
        },
    ),
    "self-attack: a attacks itself and b": (
        2,
        [(0, 0), (0, 1)],
        {
            Semantics.GROUNDED: sets(set()),
            Semantics.COMPLETE: sets(set()),
            Semantics.PREFERRED: sets(set()),
            Semantics.STABLE: set(),
        },
    ),
    "self-contained components: an even cycle beside a chain": (
        5,
        [(0, 1), (1, 0), (2, 3), (3, 4)],
        {
            Semantics.GROUNDED: sets({2, 4}),
            Semantics.COMPLETE: sets({2, 4}, {0, 2, 4}, {1, 2, 4}),
            Semantics.PREFERRED: sets({0, 2, 4}, {1, 2, 4}),
            Semantics.STABLE: sets({0, 2, 4}, {1, 2, 4}),
        },
    ),
    "odd cycle beside an even cycle: stable has none, preferred two": (
        5,
        [(0, 1), (1, 2), (2, 0), (3, 4), (4, 3)],
        {
            Semantics.GROUNDED: sets(set()),
            Semantics.COMPLETE: sets(set(), {3}, {4}),
            Semantics.PREFERRED: sets({3}, {4}),
            Semantics.STABLE: set(),
        },
    ),
}


@pytest.mark.parametrize("name", TEXTBOOK)
@pytest.mark.parametrize("semantics", list(Semantics))
def test_clingo_gives_the_textbook_extensions(name: str, semantics: Semantics) -> None:
    n, attacks, expected = TEXTBOOK[name]
    assert solve(n, attacks, semantics) == expected[semantics]


@pytest.mark.parametrize("name", TEXTBOOK)
def test_the_direct_grounded_solver_gives_the_textbook_extension(name: str) -> None:
    n, attacks, expected = TEXTBOOK[name]
    assert {grounded(n, attacks)} == expected[Semantics.GROUNDED]


@pytest.mark.parametrize("name", TEXTBOOK)
@pytest.mark.parametrize("semantics", list(Semantics))
def test_the_oracle_gives_the_textbook_extensions(name: str, semantics: Semantics) -> None:
    n, attacks, expected = TEXTBOOK[name]
    assert oracle.extensions(n, attacks, semantics.value) == expected[semantics]


# -- differential: random frameworks -----------------------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_n: int) -> tuple[int, list[tuple[int, int]]]:
    n = draw(st.integers(0, max_n))
    if n == 0:
        return 0, []
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    attacks = draw(st.lists(pairs, max_size=n * n, unique=True))
    return n, attacks


@settings(max_examples=300, deadline=None)
@given(frameworks(max_n=7))
def test_small_frameworks_agree_with_brute_force(af: tuple[int, list[tuple[int, int]]]) -> None:
    n, attacks = af
    for semantics in Semantics:
        assert solve(n, attacks, semantics) == oracle.extensions(n, attacks, semantics.value)
    assert {grounded(n, attacks)} == oracle.extensions(n, attacks, "grounded")


@settings(max_examples=200, deadline=None)
@given(frameworks(max_n=8), st.sampled_from([s for s in Semantics if s is not Semantics.GROUNDED]))
def test_solving_part_by_part_gives_the_same_extensions(
    af: tuple[int, list[tuple[int, int]]], semantics: Semantics
) -> None:
    n, attacks = af
    parts = decompose.solve(n, attacks, semantics, CLINGO, timeout=600, limit=10_000)
    assert set(parts.extensions()) == oracle.extensions(n, attacks, semantics.value)
    assert parts.count == len(oracle.extensions(n, attacks, semantics.value))


@settings(max_examples=150, deadline=None)
@given(frameworks(max_n=60))
def test_larger_frameworks_agree_between_the_two_solvers(
    af: tuple[int, list[tuple[int, int]]],
) -> None:
    n, attacks = af
    ground = grounded(n, attacks)
    assert solve(n, attacks, Semantics.GROUNDED) == {ground}
    pairs = set(attacks)
    preferred = solve(n, attacks, Semantics.PREFERRED)
    for extension in preferred:
        # Admissible, containing the grounded extension, and maximal.
        assert not any((a, b) in pairs for a in extension for b in extension)
        for x in extension:
            assert all(any((d, a) in pairs for d in extension) for a, b in pairs if b == x)
        assert ground <= extension
        assert not any(extension < other for other in preferred)
    assert solve(n, attacks, Semantics.STABLE) <= preferred
    # Part by part (as argmap evaluate solves) gives what clingo gives on the whole.
    for semantics in (Semantics.PREFERRED, Semantics.STABLE, Semantics.COMPLETE):
        parts = decompose.solve(n, attacks, semantics, CLINGO, timeout=600, limit=10_000)
        if parts.count <= 2_000:
            assert set(parts.extensions()) == solve(n, attacks, semantics)


# -- the solver registry -----------------------------------------------------


def test_auto_picks_direct_for_grounded_and_clingo_for_the_rest() -> None:
    assert isinstance(get(SolverChoice.AUTO, Semantics.GROUNDED), DirectSolver)
    assert isinstance(get(SolverChoice.AUTO, Semantics.PREFERRED), ClingoSolver)


def test_the_direct_solver_refuses_preferred() -> None:
    with pytest.raises(SolverUnsupported, match="computes grounded only, not preferred"):
        get(SolverChoice.DIRECT, Semantics.PREFERRED)


def test_clingo_stops_at_the_extension_limit() -> None:
    # Five independent even cycles: 2**5 preferred extensions.
    attacks = [p for i in range(0, 10, 2) for p in ((i, i + 1), (i + 1, i))]
    with pytest.raises(TooManyExtensions, match="more than 10 preferred extensions"):
        CLINGO.extensions(10, attacks, Semantics.PREFERRED, timeout=600, limit=10)


# -- the mapping ---------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture() -> Index:
    return Index.build(load(FIXTURE))


def test_the_bipolar_mapping_keeps_a_claim_up_while_one_argument_stands(
    fixture: Index,
) -> None:
    # tram-needed loses arg-traffic (its premise is rebutted) but keeps arg-air,
    # whose undercut is itself rebutted: only the mutual rebuttal with no-tram
    # keeps it undecided.
    result = evaluate(fixture, Semantics.GROUNDED).by_id()
    assert {c: s.label for c, s in result.items()} == {
        "tram-needed": Label.UNDEC,
        "traffic-worse": Label.OUT,
        "air-bad": Label.IN,
        "cost-fine": Label.UNDEC,
        "no-tram": Label.UNDEC,
        "traffic-falling": Label.IN,
        "air-not-from-cars": Label.OUT,
        "cost-too-high": Label.UNDEC,
        "sensors-show-cars": Label.IN,
        "buses-too-slow": Label.OUT,
    }


def test_agreeing_claims_fall_together(fixture: Index) -> None:
    # buses-too-slow is attacked by nobody, but it says what traffic-worse says.
    status = evaluate(fixture, Semantics.GROUNDED).by_id()["buses-too-slow"]
    assert status.status is Status.REJECTED
    assert [r.as_dict() for r in status.reasons] == [
        {"kind": "rebutted", "claim": "traffic-falling", "through": "traffic-worse"}
    ]


def test_preferred_semantics_resolves_the_cost_cycle_three_ways(fixture: Index) -> None:
    result = evaluate(fixture, Semantics.PREFERRED)
    common = ["air-bad", "sensors-show-cars", "traffic-falling"]
    assert result.extensions == (
        tuple(sorted([*common, "cost-fine", "tram-needed"])),
        tuple(sorted([*common, "cost-too-high", "no-tram"])),
        tuple(sorted([*common, "cost-too-high", "tram-needed"])),
    )
    assert result.by_id()["no-tram"].status is Status.CREDULOUS
    # no-tram needs its premise: with cost-fine in, no-tram cannot stand.
    assert not any("cost-fine" in e and "no-tram" in e for e in result.extensions)


def test_the_dung_mapping_ignores_supports(fixture: Index) -> None:
    result = evaluate(fixture, Semantics.PREFERRED, mapping=Mapping.DUNG)
    # The cost cycle and the tram cycle are independent: four positions.
    assert len(result.extensions) == 4
    assert any("cost-fine" in e and "no-tram" in e for e in result.extensions)
    framework = build(fixture, Mapping.DUNG)
    assert framework.nodes == framework.claims
    # The undercut of arg-air attacks its conclusion.
    assert ("air-not-from-cars", "tram-needed") in framework.attacks


def test_the_bipolar_framework_has_one_helper_node_per_argument_premise_and_conclusion(
    fixture: Index,
) -> None:
    framework = build(fixture)
    helpers = [n for n in framework.nodes if n not in framework.claims]
    assert helpers == [
        "arg-traffic",
        "arg-air",
        "arg-cost",
        "not:traffic-worse",
        "not:air-bad",
        "not:cost-too-high",
        "unsupported:tram-needed",
        "unsupported:no-tram",
    ]


@st.composite
def maps(draw: st.DrawFn) -> Corpus:
    """Small random maps: claims, arguments (any shape, cycles too), rebuttals, agreements."""
    n = draw(st.integers(1, 7))
    ids = [f"c{i}" for i in range(n)]
    claim_id = st.sampled_from(ids)
    arguments = [
        Argument(
            id=f"a{i}",
            conclusion=draw(claim_id),
            premises=draw(st.lists(claim_id, min_size=1, max_size=3, unique=True)),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    targets = ids + [a.id for a in arguments]
    rebuttals = [
        Rebuttal(id=f"r{i}", by=draw(claim_id), target=draw(st.sampled_from(targets)))
        for i in range(draw(st.integers(0, 7)))
    ]
    pairs = draw(st.lists(st.tuples(claim_id, claim_id), max_size=2))
    agreements = [
        Agreement(id=f"g{i}", claims=[a, b], note="same") for i, (a, b) in enumerate(pairs)
    ]
    return Corpus(
        schema_version=1,
        people=[Person(id="p", name="P")],
        sources=[Source(id="s", title="S", authors=["p"])],
        claims=[Claim(id=c, source="s", speaker="p", text=c) for c in ids],
        arguments=arguments,
        rebuttals=rebuttals,
        agreements=agreements,
    )


def _kleene_and(labels: list[Label]) -> Label:
    if all(x is Label.IN for x in labels):
        return Label.IN
    return Label.OUT if any(x is Label.OUT for x in labels) else Label.UNDEC


def _kleene_not(label: Label) -> Label:
    return {Label.IN: Label.OUT, Label.OUT: Label.IN, Label.UNDEC: Label.UNDEC}[label]


def _kleene_or(labels: list[Label]) -> Label:
    return _kleene_not(_kleene_and([_kleene_not(x) for x in labels]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_a_claim_is_in_when_no_rebutter_is_and_one_argument_stands(corpus: Corpus) -> None:
    """The bipolar mapping's promise, as three-valued equations over the grounded labels."""
    index = Index.build(corpus)
    result = evaluate(index, Semantics.GROUNDED)
    label = {c.id: c.label for c in result.claims}
    same = {c: [c, *result.framework.agreeing.get(c, ())] for c in index.claims}
    for claim in corpus.claims:
        group = same[claim.id]
        # An argument from a claim of the group to another is circular: left out.
        arguments = [
            a for c in group for a in index.arguments_for[c] if not set(a.premises) & set(group)
        ]
        standing = [
            _kleene_and(
                [label[p] for p in a.premises]
                + [_kleene_not(label[b]) for u in index.attacks_on[a.id] for b in same[u.by]]
            )
            for a in arguments
        ]
        # Whatever attacks an agreeing claim attacks this one too.
        attackers_of_group = [
            label[b] for c in group for r in index.attacks_on[c] for b in same[r.by]
        ]
        expected = _kleene_and(
            [_kleene_not(x) for x in attackers_of_group]
            + ([_kleene_or(standing)] if arguments else [])
        )
        assert label[claim.id] is expected, claim.id


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(), st.sampled_from(list(Mapping)))
def test_mapped_maps_agree_with_brute_force(corpus: Corpus, mapping: Mapping) -> None:
    index = Index.build(corpus)
    framework = build(index, mapping)
    n, attacks = framework.numbered()
    if n > 11:
        return  # the oracle is exponential
    for semantics in (Semantics.GROUNDED, Semantics.PREFERRED, Semantics.STABLE):
        result = evaluate(index, semantics, mapping=mapping, solver=SolverChoice.CLINGO)
        expected = {
            tuple(sorted(framework.nodes[i] for i in e if framework.nodes[i] in index.claims))
            for e in oracle.extensions(n, attacks, semantics.value)
        }
        assert set(result.extensions) == expected


# -- the command ----------------------------------------------------------------


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["evaluate", "-f", str(FIXTURE), *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_gives_extensions_and_a_status_per_claim(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--format", "json", "-a", "ben", "-a", "cleo")
    assert code == 0
    assert json.loads(out) == {
        "semantics": "grounded",
        "mapping": "bipolar",
        # Ada's claims are left out, so buses-too-slow agrees with nothing here.
        "extensions": [
            ["buses-too-slow", "cost-too-high", "no-tram", "sensors-show-cars", "traffic-falling"]
        ],
        "extension_count": 1,
        "claims": [
            {
                "id": "no-tram",
                "status": "skeptical",
                "label": "in",
                "speaker": "ben",
                "central": True,
                "text": "Riverton should not build a tram.",
                "defeated_by": [],
            },
            {
                "id": "traffic-falling",
                "status": "skeptical",
                "label": "in",
                "speaker": "ben",
                "central": False,
                "text": "Traffic counts have fallen for three years.",
                "defeated_by": [],
            },
            {
                "id": "air-not-from-cars",
                "status": "rejected",
                "label": "out",
                "speaker": "ben",
                "central": False,
                "text": "The bad air comes from the power plant, not from cars.",
                "defeated_by": [{"kind": "rebutted", "claim": "sensors-show-cars"}],
            },
            {
                "id": "cost-too-high",
                "status": "skeptical",
                "label": "in",
                "speaker": "ben",
                "central": False,
                "text": "The tram costs more than the city can pay.",
                "defeated_by": [],
            },
            {
                "id": "sensors-show-cars",
                "status": "skeptical",
                "label": "in",
                "speaker": "cleo",
                "central": False,
                "text": "The city's air sensors trace the pollution to cars.",
                "defeated_by": [],
            },
            {
                "id": "buses-too-slow",
                "status": "skeptical",
                "label": "in",
                "speaker": "cleo",
                "central": False,
                "text": "Buses are stuck in worse traffic every year.",
                "defeated_by": [],
            },
        ],
    }


def test_preferred_json_has_no_label(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--semantics", "preferred", "--central", "--format", "json")
    assert code == 0
    assert json.loads(out)["claims"] == [
        {
            "id": "tram-needed",
            "status": "credulous",
            "speaker": "ada",
            "central": True,
            "text": "Riverton needs a tram line.",
            "defeated_by": [],
        },
        {
            "id": "no-tram",
            "status": "credulous",
            "speaker": "ben",
            "central": True,
            "text": "Riverton should not build a tram.",
            "defeated_by": [],
        },
    ]


def test_the_table_groups_claims_by_status_and_names_what_defeats_them(
    runner: CliRunner,
) -> None:
    code, out, _ = run(runner)
    assert code == 0
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[:2] == [
        "Grounded semantics, bipolar mapping (18 nodes, 19 attacks), direct solver: 1 extension. "
        "3 skeptical,",
        "0 credulous, 7 rejected of 10 claims.",
    ]
    assert "Accepted in every extension (skeptical): 3" in lines
    assert "Rejected (in no extension): 7" in lines
    assert "Accepted in some extensions, not all (credulous): 0" not in lines
    rejected = out[out.index("Rejected") :]
    assert "rebutted by traffic-falling (Ben Baker)" in rejected
    assert "argument arg-cost: premise cost-too-high" in rejected
    assert "— Cleo Cole · buses-too-slow" in rejected
    assert "through the agreeing claim traffic-worse" in rejected


@pytest.mark.parametrize("fmt", ["csv", "yaml", "markdown"])
def test_every_listing_format_works(runner: CliRunner, fmt: str) -> None:
    code, out, _ = run(runner, "--semantics", "preferred", "--format", fmt)
    assert code == 0
    assert "no-tram" in out


def test_csv_has_one_row_per_claim(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--format", "csv")
    assert code == 0
    rows = out.splitlines()
    assert rows[0] == "id,status,label,speaker,central,text,defeated_by"
    assert rows[2] == (
        "traffic-worse,rejected,out,ada,false,Traffic in the centre gets worse every year.,"
        "rebutted by traffic-falling (Ben Baker)"
    )
    assert len(rows) == 11


def test_focus_lists_fewer_claims_but_changes_no_status(runner: CliRunner) -> None:
    # Within one step of the tram claim, its traffic premise is shown but not the
    # claim that rebuts it: the premise is still out, as in the whole debate.
    code, out, _ = run(runner, "--focus", "tram-needed", "--depth", "1", "--format", "json")
    assert code == 0
    near = {c["id"]: c["label"] for c in json.loads(out)["claims"]}
    assert near == {
        "tram-needed": "undec",
        "traffic-worse": "out",
        "air-bad": "in",
        "no-tram": "undec",
        "air-not-from-cars": "out",
    }


def test_stable_may_have_no_extension(runner: CliRunner, tmp_path: Path) -> None:
    cycle = tmp_path / "cycle.yaml"
    cycle.write_text(
        FIXTURE.read_text(encoding="utf-8").split("arguments:")[0]
        + "rebuttals:\n"
        + "".join(
            f"- {{id: r{i}, by: {a}, target: {b}}}\n"
            for i, (a, b) in enumerate(
                [("tram-needed", "no-tram"), ("no-tram", "air-bad"), ("air-bad", "tram-needed")]
            )
        ),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["evaluate", "-f", str(cycle), "--semantics", "stable", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["extensions"] == []
    assert {c["status"] for c in document["claims"]} == {"rejected"}


def test_a_solver_that_runs_out_of_time_says_how_to_narrow_the_map(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*_args: object, **_kwargs: object) -> list[frozenset[int]]:
        raise SolverTimeout("clingo did not finish preferred semantics within 1 s")

    monkeypatch.setattr(ClingoSolver, "extensions", slow)
    code, out, err = run(runner, "--semantics", "preferred", "--timeout", "1")
    assert code == 2
    assert out == ""
    assert err == (
        "error: clingo did not finish preferred semantics within 1 s (18 nodes, 19 attacks); "
        "narrow the map with "
        "-s SOURCE, -a PERSON or -t TAG, or raise --timeout\n"
    )


def test_too_many_extensions_is_an_error_with_a_way_out(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "--semantics", "complete", "--max-extensions", "2")
    assert code == 2
    assert err == (
        "error: more than 2 complete extensions in one independent part of the map (7 of its "
        "18 nodes); narrow the map with -s, -a or -t, or raise --max-extensions\n"
    )


def test_too_many_extensions_to_list_still_gives_every_status(
    runner: CliRunner, tmp_path: Path
) -> None:
    # Five independent disputes: 2**5 preferred extensions, each part has two.
    disputes = tmp_path / "disputes.yaml"
    people = FIXTURE.read_text(encoding="utf-8").split("claims:")[0]
    claims = "".join(
        f"- {{id: c{i}, source: ada-2020, speaker: ada, text: Claim {i}.}}\n" for i in range(10)
    )
    rebuttals = "".join(f"- {{id: r{i}, by: c{i}, target: c{i ^ 1}}}\n" for i in range(10))
    disputes.write_text(
        people + "claims:\n" + claims + "rebuttals:\n" + rebuttals, encoding="utf-8"
    )
    result = runner.invoke(
        app,
        [
            "evaluate",
            "-f",
            str(disputes),
            "--semantics",
            "preferred",
            "--max-extensions",
            "10",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "warning: 32 preferred extensions, more than --max-extensions 10: not listed "
        "(the statuses are exact)\n"
    )
    document = json.loads(result.stdout)
    assert document["extensions"] is None
    assert document["extension_count"] == 32
    assert {c["status"] for c in document["claims"]} == {"credulous"}


def test_the_direct_solver_only_does_grounded(runner: CliRunner) -> None:
    code, _, err = run(runner, "--semantics", "stable", "--solver", "direct")
    assert code == 2
    assert err == "error: the direct solver computes grounded only, not stable\n"


def test_the_solvers_agree_on_the_bundled_corpus() -> None:
    index = Index.build(load(None))
    for mapping in Mapping:
        direct = evaluate(index, Semantics.GROUNDED, mapping=mapping)
        clingo = evaluate(index, Semantics.GROUNDED, mapping=mapping, solver=SolverChoice.CLINGO)
        assert direct.extensions == clingo.extensions


# -- export --format iccma ---------------------------------------------------------


def test_iccma_export_numbers_the_framework_and_keys_it(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "map.af"
    result = runner.invoke(
        app,
        ["export", "-f", str(FIXTURE), "--format", "iccma", "--mapping", "dung", "-o", str(target)],
    )
    assert result.exit_code == 0, result.stderr
    af = target.read_text(encoding="utf-8").splitlines()
    key = (tmp_path / "map.key").read_text(encoding="utf-8").splitlines()
    assert af[0] == "p af 10"
    assert key[0] == "1\ttram-needed\tclaim"
    assert len(key) == 10
    names = {int(line.split("\t")[0]): line.split("\t")[1] for line in key}
    attacks = {(names[int(a)], names[int(b)]) for a, b in (line.split() for line in af[1:])}
    assert ("traffic-falling", "traffic-worse") in attacks
    assert ("traffic-falling", "buses-too-slow") in attacks  # the agreement
    assert ("air-not-from-cars", "tram-needed") in attacks  # the undercut's conclusion
    # The file, solved by the oracle, gives what argmap evaluate gives.
    numbered = [(int(a) - 1, int(b) - 1) for a, b in (line.split() for line in af[1:])]
    (ground,) = oracle.extensions(10, numbered, "grounded")
    index = Index.build(load(FIXTURE))
    assert evaluate(index, Semantics.GROUNDED, mapping=Mapping.DUNG).extensions == (
        tuple(sorted(names[i + 1] for i in ground)),
    )


def test_iccma_to_stdout_carries_the_key_as_comments(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "-f", str(FIXTURE), "--format", "iccma"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# 1\ttram-needed\tclaim"
    assert "# 11\targ-traffic\tinference" in lines
    assert "# 18\tunsupported:no-tram\tunsupported" in lines
    assert lines[18] == "p af 18"
    assert len(lines) == 18 + 1 + 19


# -- diagram --status ------------------------------------------------------------


def _dot(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(
        app, ["diagram", "-f", str(FIXTURE), "--format", "dot", "--output", "-", *args]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _node(dot: str, node_id: str) -> str:
    (line,) = [x for x in dot.splitlines() if x.strip().startswith(f'"{node_id}" [')]
    return line


def test_status_outlines_each_claim_and_marks_it(runner: CliRunner) -> None:
    dot = _dot(runner, "--status", "grounded")
    plain = _dot(runner)
    # Accepted: blue outline and a tick; the speaker's fill stays.
    air = _node(dot, "air-bad")
    assert 'color="#0072B2"' in air
    assert "✓ Ada Archer" in air
    assert _node(plain, "air-bad").split("fillcolor=")[1][:9] == air.split("fillcolor=")[1][:9]
    # Undecided central claim: orange, thicker, with both marks.
    tram = _node(dot, "tram-needed")
    assert 'color="#E69F00"' in tram
    assert "penwidth=4.5" in tram
    assert "? ★ Ada Archer" in tram
    # Defeated: reddish purple and greyed text.
    worse = _node(dot, "traffic-worse")
    assert 'color="#CC79A7"' in worse
    assert 'fontcolor="#555555"' in worse
    assert "✗ Ada Archer" in worse
    # The legend names the semantics and each mark used.
    assert 'key_status_in [label="grounded: ✓ in (accepted)"' in dot
    assert 'key_status_undec [label="? undecided"' in dot
    assert 'key_status_out [label="✗ out (defeated)"' in dot
    assert "key_status" not in plain
    assert "✓" not in plain


def test_status_is_the_debate_s_not_the_view_s(runner: CliRunner) -> None:
    dot = _dot(runner, "--status", "grounded", "--focus", "tram-needed", "--depth", "1")
    assert "✗ Ada Archer" in _node(dot, "traffic-worse")
    assert "traffic-falling" not in dot
    # -a ada evaluates Ada's claims alone: Ben's rebuttal, drawn as context, is
    # outside that debate, and context claims get no mark.
    dot = _dot(runner, "--status", "grounded", "-a", "ada", "--context")
    assert "✓" not in _node(dot, "traffic-falling")
    assert "✓ Ada Archer" in _node(dot, "traffic-worse")


def test_preferred_status_marks_credulous_claims(runner: CliRunner) -> None:
    dot = _dot(runner, "--status", "preferred")
    assert "~ ★ Ben Baker" in _node(dot, "no-tram")
    assert 'key_status_skeptical [label="preferred: ✓ in every extension"' in dot
    assert 'key_status_credulous [label="~ in some extensions"' in dot
    assert 'key_status_rejected [label="✗ in no extension"' in dot


def test_status_in_mermaid_is_a_class_and_a_mark(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["diagram", "-f", str(FIXTURE), "--format", "mermaid", "--status", "preferred"]
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  classDef status_rejected stroke:#CC79A7,stroke-width:3px,color:#555555" in lines
    rejected = "n_traffic_worse,n_air_not_from_cars,n_buses_too_slow,k_status_rejected"
    assert f"  class {rejected} status_rejected" in lines  # k_: the legend's sample
    assert '    k_status_skeptical["preferred: ✓ in every extension"]' in lines
    assert "~ ★ Ben Baker" in result.stdout


def test_clingo_stops_at_the_time_limit() -> None:
    # 200 independent even cycles: 2**200 preferred extensions, never all listed.
    attacks = [p for i in range(0, 400, 2) for p in ((i, i + 1), (i + 1, i))]
    with pytest.raises(SolverTimeout, match=r"did not finish preferred semantics within 0\.2 s"):
        CLINGO.extensions(400, attacks, Semantics.PREFERRED, timeout=0.2, limit=10**9)


def test_the_speakers_view_counts_each_speaker_s_claims_by_status(runner: CliRunner) -> None:
    dot = _dot(runner, "--view", "speakers", "--status", "grounded")
    assert "Ada Archer\\n4 claims\\n✓ 1  ? 2  ✗ 1" in dot
    assert "Cleo Cole\\n2 claims\\n✓ 1  ✗ 1" in dot
    assert "Claims by status under grounded semantics: ✓ in (accepted), ? undecided" in dot


def test_a_reason_says_when_the_attacker_is_itself_undecided(
    fixture: Index, runner: CliRunner
) -> None:
    tram = evaluate(fixture, Semantics.GROUNDED).by_id()["tram-needed"]
    assert [r.as_dict() for r in tram.reasons] == [
        {"kind": "rebutted", "claim": "no-tram", "settled": False}
    ]
    code, out, _ = run(runner, "--format", "csv")
    assert code == 0
    assert out.splitlines()[1].endswith(',"rebutted by no-tram (Ben Baker), itself undecided"')
    # A settled attacker is named plainly.
    assert out.splitlines()[2].endswith(",rebutted by traffic-falling (Ben Baker)")


def test_a_reason_names_the_attacker_the_map_states_not_its_twin() -> None:
    # Ben rebuts Ada; Cleo agrees with Ben. Cleo's claim attacks Ada's too, but
    # the reason names Ben, who made the attack.
    corpus = Corpus(
        schema_version=1,
        people=[Person(id="p", name="P")],
        sources=[Source(id="s", title="S", authors=["p"])],
        claims=[Claim(id=c, source="s", speaker="p", text=c) for c in ("ada", "ben", "cleo")],
        rebuttals=[Rebuttal(id="r", by="ben", target="ada")],
        agreements=[Agreement(id="g", claims=["ben", "cleo"], note="same")],
    )
    index = Index.build(corpus)
    assert ("cleo", "ada") in build(index).attacks
    ada = evaluate(index, Semantics.GROUNDED).by_id()["ada"]
    assert [r.as_dict() for r in ada.reasons] == [{"kind": "rebutted", "claim": "ben"}]
