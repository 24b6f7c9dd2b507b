"""The diagram views (map, debate, speakers) and fitting a drawing to a page.

The page tests lay out real drawings (with the system's dot, or the bundled
WebAssembly Graphviz for SVG) and read the page size and scale back from the
SVG and PDF, as a reader's viewer would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.export import mermaid, page
from argmap.export.debate import claims_to_draw, plan_debate
from argmap.export.diagram import DiagramOptions, LinkKind, plan
from argmap.export.dot import to_dot
from argmap.export.speakers import plan as plan_speakers
from argmap.export.speakers import to_dot as speakers_dot
from argmap.formats import DiagramView, Page
from argmap.index import Index
from argmap.loading import load
from argmap.subset import Selection, Subset, select
from tests.conftest import FIXTURES

DEBATE = FIXTURES / "debate.yaml"
HAS_DOT = shutil.which("dot") is not None
NEEDS_DOT = pytest.mark.skipif(not HAS_DOT, reason="needs the system's Graphviz (dot on PATH)")


@pytest.fixture(scope="module")
def debate() -> Subset:
    return select(Index.build(load(DEBATE)), Selection())


# -- the debate view ------------------------------------------------------------


def test_the_debate_view_draws_the_exchange_and_folds_the_rest(debate: Subset) -> None:
    drawn = claims_to_draw(Index.build(debate.corpus))
    assert drawn == {
        "n-pipeline-pays",  # central, and pro on the question
        "s-demand-falls",  # con on the question, and rebuts Ada
        "n-demand-grows",  # rebutted by Ben
        "s-forecasts-wrong",  # undercuts the Ministry-forecast argument...
        "m-forecast",  # ...whose premise is drawn with it
        "s-memo-costs",  # rebuts Ada across sources
        "n-review",  # agree across speakers
        "s-review",
    }
    drawing = plan_debate(debate, DiagramOptions(view=DiagramView.DEBATE))
    folded = {a.id: a.label for a in drawing.arguments if a.folded}
    # n-prices-stable is not drawn: it folds into its argument, with the claim behind it.
    assert folded == {"a-pays-linked": "+ 1 premise (+1 behind)"}
    kinds = {(link.tail, link.head): link.kind for link in drawing.links}
    assert kinds[("n-pipeline-pays", "build-it")] is LinkKind.PRO
    assert kinds[("s-demand-falls", "build-it")] is LinkKind.CON
    assert kinds[("n-review", "s-review")] is LinkKind.AGREE
    assert [q.id for q in drawing.questions] == ["build-it"]
    assert drawing.stats == "8 of 11 claims drawn"


def test_the_debate_view_in_mermaid_has_the_question_and_the_agreement(debate: Subset) -> None:
    source = mermaid.to_mermaid(plan_debate(debate, DiagramOptions(view=DiagramView.DEBATE)))
    assert 'q_build_it{{"Should the pipeline be built?"}}:::question' in source
    assert 'n_n_pipeline_pays --->|"pro"| q_build_it' not in source
    assert 'n_n_pipeline_pays -->|"pro"| q_build_it' in source
    # A con stance ends in a circle: the cross is a rebuttal's.
    assert 'n_s_demand_falls --o|"con"| q_build_it' in source
    assert "n_n_review -.- n_s_review" in source
    assert 'a_a_pays_linked(["+ 1 premise (+1 behind)"]):::folded' in source


# -- the speakers view ----------------------------------------------------------


def test_the_speaker_network_counts_rebuttals_and_agreements(debate: Subset) -> None:
    network = plan_speakers(debate, "Who rebuts whom")
    names = {s.id: (s.claims, s.font_size) for s in network.speakers}
    assert names["ada-north"][0] == 5 and names["ben-south"][0] == 4
    # The speaker with the most claims gets the largest text.
    assert max(f for _, f in names.values()) == 22.0
    ties = {(t.tail, t.head): t.label for t in network.rebuttals}
    # Two rebuttals and an undercut of Ada's argument, one of them inferred.
    assert ties == {("ben-south", "ada-north"): "3 (1 inferred)"}
    assert [(t.tail, t.head, t.label) for t in network.agreements] == [
        ("ada-north", "ben-south", "1 inferred")
    ]
    dot = speakers_dot(network)
    assert '"ben-south" -> "ada-north"' in dot and "arrowhead=tee" in dot
    assert re.search(r'"ada-north" -> "ben-south" \[[^\]]*dir=none', dot)


def test_the_speakers_view_of_the_bundled_corpus_has_everyone(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diagram", "--view", "speakers", "--format", "dot"])
    assert result.exit_code == 0, result.stderr
    assert "Who rebuts and agrees with whom: the whole corpus" in result.stdout
    assert len(re.findall(r'tooltip="[^"]*: \d+ claims?"', result.stdout)) == 23


# -- pages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((400.0, 300.0), (Page.A4, True, 1.0)),  # small and wide: landscape, full size
        ((300.0, 400.0), (Page.A4, False, 1.0)),
        ((1100.0, 500.0), (Page.A4, True, 0.7)),  # scaled to the printable width
    ],
)
def test_a_drawing_is_fitted_never_enlarged(
    size: tuple[float, float], expected: tuple[Page, bool, float]
) -> None:
    placed = page.fit(Page.A4, *size, smallest_text=11.0)
    assert (placed.page, placed.landscape, round(placed.scale, 3)) == expected
    assert placed.smallest_on_page >= page.MIN_TEXT_PT


def test_a_drawing_that_would_be_illegible_is_refused() -> None:
    with pytest.raises(page.PageTooSmall) as refused:
        page.fit(Page.A4, 3411.0, 1547.0, smallest_text=11.0)
    assert "3411 x 1547 pt" in str(refused.value)
    assert "2.5 pt" in str(refused.value) and "6.5 pt" in str(refused.value)


def test_a_slide_is_landscape_even_for_a_tall_drawing() -> None:
    placed = page.fit(Page.SLIDE, 300.0, 700.0, smallest_text=11.0)
    assert (placed.width, placed.height, placed.landscape) == (960.0, 540.0, True)


def _svg_page(svg: str) -> tuple[float, float, float, float]:
    """(width, height, scale, smallest font size) of a Graphviz SVG."""
    size = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    scale = re.search(r'transform="scale\(([\d.]+) ', svg)
    fonts = [float(f) for f in re.findall(r'font-size="([\d.]+)"', svg)]
    assert size and scale and fonts
    return float(size[1]), float(size[2]), float(scale[1]), min(fonts)


@pytest.mark.parametrize("renderer", ["wasm", pytest.param("dot", marks=NEEDS_DOT)])
def test_the_debate_on_an_a4_page_keeps_its_text_legible(runner: CliRunner, renderer: str) -> None:
    result = runner.invoke(
        app,
        ["diagram", "-f", str(DEBATE), "--view", "debate", "--page", "a4", "--renderer", renderer],
    )
    assert result.exit_code == 0, result.stderr
    width, height, scale, smallest = _svg_page(result.stdout)
    assert (round(width), round(height)) in {(842, 595), (841, 595)}
    # Graphviz prints the scale to two decimals: allow for that rounding.
    assert 0.5 < scale < 1 and smallest * (scale + 0.005) >= page.MIN_TEXT_PT
    assert "page: a4 landscape, 842 x 595 pt" in result.stderr


def test_a_page_too_small_names_the_views_and_filters_that_would_fit(
    runner: CliRunner,
) -> None:
    # The map of the fixture's debate is too big for a slide; its debate view is not.
    args = ["diagram", "-f", str(DEBATE), "--page", "slide", "--wrap", "60", "--format", "svg"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "below the 6.5 pt that stays legible" in result.stderr
    # The alternatives are laid out too: only those that fit are named, with their text size.
    assert re.search(r"--view debate \(text \d+\.\d pt\)", result.stderr)
    assert "-s SOURCE" in result.stderr
    assert result.stdout == ""


def test_page_does_not_apply_to_mermaid(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diagram", "--page", "a4", "--format", "mermaid"])
    assert result.exit_code == 2 and "Mermaid lays out its own" in result.stderr


@pytest.mark.skipif(not HAS_DOT, reason="PDF needs the system's Graphviz (dot on PATH)")
def test_the_pdf_page_is_the_page_asked_for(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "debate.pdf"
    result = runner.invoke(
        app, ["diagram", "-f", str(DEBATE), "--view", "debate", "--page", "a4", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", out.read_bytes())
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) in {(842, 595), (841, 595)}


def test_the_debate_is_drawn_in_columns_either_side_of_the_questions(debate: Subset) -> None:
    drawing = plan_debate(debate, DiagramOptions(view=DiagramView.DEBATE))
    # Ben has the most claims drawn: left of the question; Ada right of it; the
    # Ministry, with one, outside Ben.
    assert drawing.columns == ("ministry", "ben-south", "", "ada-north")
    source = to_dot(drawing)
    assert "rankdir=LR" in source
    columns = re.findall(r"subgraph column_(\d+) \{\n\t\trank=same\n(.*?)\n\t\}", source, re.S)
    members = {n: set(re.findall(r'^\t\t"?([\w-]+)"? \[', body, re.M)) for n, body in columns}
    assert {"n-pipeline-pays", "n-review"} <= members["3"]
    assert "build-it" in members["2"] and "legend_key" in members["2"]
    assert {"s-demand-falls", "s-review"} <= members["1"]
    assert "m-forecast" in members["0"]
    # The folded argument's count is on its conclusion's box; its drawn premise
    # points straight at the conclusion.
    assert "+ 1 premise not drawn (+1 behind)" in source
    assert '"n-demand-grows" -> "n-pipeline-pays"' in source
    assert not re.search(r"^\t+\"?a-pays-linked\"? \[", source, re.M)


def test_an_agreement_in_the_map_never_becomes_a_flat_edge(debate: Subset) -> None:
    # Graphviz 2.43 cannot draw an edge inside one rank between record shapes
    # ("lost edge"): the map's agreement lines keep their ranks apart, with no pull.
    source = to_dot(plan(debate, DiagramOptions()))
    agreement = re.search(r'"n-review" -> "s-review" \[([^\]]*)\]', source)
    assert agreement is not None
    assert "constraint=false" not in agreement[1] and "weight=0" in agreement[1]


@pytest.mark.parametrize("view", [DiagramView.MAP, DiagramView.DEBATE])
def test_a_con_stance_ends_in_a_hollow_diamond_not_a_rebuttals_bar(
    debate: Subset, view: DiagramView
) -> None:
    drawing = plan(debate, DiagramOptions()) if view is DiagramView.MAP else None
    source = to_dot(drawing or plan_debate(debate, DiagramOptions(view=view)))
    con = re.search(r'"s-demand-falls" -> "?build-it"? \[([^\]]*)\]', source)
    pro = re.search(r'"n-pipeline-pays" -> "?build-it"? \[([^\]]*)\]', source)
    rebut = re.search(r'"s-demand-falls" -> "n-demand-grows" \[([^\]]*)\]', source)
    assert con is not None and pro is not None and rebut is not None
    assert "arrowhead=odiamond" in con[1] and 'label=" con "' in con[1]
    assert "arrowhead=empty" in pro[1] and 'label=" pro "' in pro[1]
    assert "arrowhead=tee" in rebut[1]
    if view is DiagramView.MAP:  # the map's legend has a key for each side drawn
        assert 'label="answers a question: con"' in source
        assert 'label="answers a question: pro"' in source


def test_a_page_too_small_names_no_view_that_was_not_checked_to_fit(runner: CliRunner) -> None:
    # The whole bundled corpus: its debate view does not fit an A4 page either, so the
    # advice is filters only.
    result = runner.invoke(app, ["diagram", "--page", "a4", "--format", "svg"])
    assert result.exit_code == 2
    assert "below the 6.5 pt that stays legible: narrow it to one source" in result.stderr
    assert "--view" not in result.stderr and "--relations" not in result.stderr


@pytest.mark.parametrize("renderer", ["wasm", pytest.param("dot", marks=NEEDS_DOT)])
def test_the_agreement_key_is_a_short_sample_beside_its_caption(
    runner: CliRunner, renderer: str, tmp_path: Path
) -> None:
    # An agreement edge has weight 0 (Graphviz 2.43 loses weighted ones between
    # records); in the key that let its two ends drift to the row's far ends.
    out = tmp_path / "agree.svg"
    args = ["diagram", "-f", str(DEBATE), "--relations", "agree", "--renderer", renderer]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    svg = out.read_text(encoding="utf-8")

    def x_of(node: str) -> float:
        found = re.search(
            rf"<title>{node}</title>\s*<(?:ellipse|polygon|text)[^>]*?(?:cx|x|points)=\"(-?[\d.]+)",
            svg,
        )
        assert found, node
        return float(found.group(1))

    caption = re.search(r"<title>key_c(\d+)</title>\s*<text[^>]*>agree</text>", svg)
    assert caption, "no agreement key"
    n = caption.group(1)
    assert abs(x_of(f"key_h{n}") - x_of(f"key_t{n}")) < 100
    assert "Agreements only" in svg


@pytest.mark.parametrize("view", ["debate", "speakers"])
@pytest.mark.parametrize("option", [["--rankdir", "LR"], ["--cluster", "source"]])
def test_map_only_options_are_refused_with_another_view(
    runner: CliRunner, view: str, option: list[str]
) -> None:
    result = runner.invoke(app, ["diagram", "-f", str(DEBATE), "--view", view, *option])
    assert result.exit_code == 2
    assert f"{option[0]} applies to the map view, not --view {view}: drop it" in result.stderr


def test_the_inferred_sample_is_drawn_like_the_relations_shown(runner: CliRunner) -> None:
    # With agreements only, "inferred" is a dashed agreement, not a green support arrow.
    args = ["diagram", "-f", str(DEBATE), "--relations", "agree", "--format", "dot", "-o", "-"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    samples = re.findall(r"key_t\d+ -> key_h\d+ \[([^\]]*)\]", result.stdout)
    [inferred] = [s for s in samples if "style=dashed" in s]
    assert 'color="#0072B2:white:#0072B2"' in inferred and "dir=none" in inferred


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--ids"], "--ids applies to claim boxes, which --view speakers does not draw"),
        (["--wrap", "10"], "--wrap applies to claim boxes, which --view speakers does not draw"),
        (["--relations", "support"], "not supports: use --relations attack, agree or all"),
    ],
)
def test_the_speakers_view_refuses_what_it_cannot_draw(
    runner: CliRunner, option: list[str], said: str
) -> None:
    result = runner.invoke(app, ["diagram", "-f", str(DEBATE), "--view", "speakers", *option])
    assert result.exit_code == 2
    assert said in result.stderr


def test_the_debate_view_refuses_supports_only(runner: CliRunner) -> None:
    """The debate view folds supports into counts: --relations support would leave
    it a row of unlinked boxes, so it points to the map view instead."""
    args = ["diagram", "-f", str(DEBATE), "--view", "debate", "--relations", "support"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --view debate folds supports into counts: use the map view (drop --view)\n"
    )
    assert result.stdout == ""
