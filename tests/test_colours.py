"""A speaker's colour is fixed by the whole corpus: every selection, view and format agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.export import argdown, mermaid, palette
from argmap.export.diagram import DiagramOptions, plan
from argmap.formats import Relations
from argmap.index import Index
from argmap.loading import load
from argmap.subset import Selection, select
from tests.conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def bundled() -> Index:
    return Index.build(load(ROOT / "data" / "arguments.yaml"))


def _colours(index: Index, selection: Selection) -> dict[str, palette.Swatch]:
    drawing = plan(select(index, selection), DiagramOptions(), index)
    return {box.speaker: box.swatch for box in drawing.claims}


@pytest.mark.parametrize(
    "selection",
    [
        Selection(speakers=("chris-miller", "robert-shines"), relations=Relations.ATTACK),
        Selection(speakers=("dmitri-trenin",)),
        Selection(focus="csis-trenin-no-russia-card", depth=1),
        Selection(sources=("tamkin-putin-abe-2016",)),
    ],
)
def test_a_speakers_colour_does_not_depend_on_the_selection(
    bundled: Index, selection: Selection
) -> None:
    whole = _colours(bundled, Selection())
    part = _colours(bundled, selection)
    assert part and all(part[s] == whole[s] for s in part)


def test_a_debate_between_two_speakers_and_its_attack_view_agree(bundled: Index) -> None:
    # Miller and Shines: Miller rebuts Shines, so the attack-only view is not empty
    # (Hyodo and Trenin agree with each other and rebut no claim of the other).
    debate = Selection(speakers=("chris-miller", "robert-shines"))
    attacks = Selection(speakers=("chris-miller", "robert-shines"), relations=Relations.ATTACK)
    assert _colours(bundled, attacks)
    assert _colours(bundled, debate).items() >= _colours(bundled, attacks).items()
    # And the Argdown and Mermaid outputs of a selection use the same colours.
    subset = select(bundled, attacks)
    shines = palette.assign(bundled.corpus)["robert-shines"]
    assert f'"robert-shines": "{shines.line}"' in argdown.export(subset)
    assert f"fill:{shines.fill},stroke:{shines.line}" in mermaid.to_mermaid(
        plan(subset, DiagramOptions(), bundled)
    )


def test_every_speaker_of_the_bundled_corpus_has_a_look_of_their_own(bundled: Index) -> None:
    swatches = palette.assign(bundled.corpus)
    assert len(swatches) == 23
    looks = [(s.base, s.outline) for s in swatches.values() if s is not palette.OTHERS_SWATCH]
    assert len(looks) == len(set(looks)) == 23
    # The eight with the most claims get the eight hues, solid.
    solid = [p for p, s in swatches.items() if s.outline is palette.Outline.SOLID]
    assert len(solid) == 8 and "chris-miller" in solid
    # A group shares the hue family of its most prominent member, dashed.
    group, member = swatches["miller-walker"], swatches["chris-miller"]
    assert group.base == member.base and group.outline is palette.Outline.DASHED


def test_a_colour_in_the_yaml_wins(tmp_path: Path) -> None:
    text = (FIXTURES / "export.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: Ben South\n", "  name: Ben South\n  color: '#112233'\n", 1)
    corpus = load(_write(tmp_path, text))
    swatches = palette.assign(corpus)
    assert swatches["ben-south"].base == "#112233"
    assert swatches["ben-south"].line == "#09131C"


def test_a_bad_colour_is_a_clear_error(tmp_path: Path, runner: CliRunner) -> None:
    text = (FIXTURES / "export.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: Ben South\n", "  name: Ben South\n  color: blue\n", 1)
    result = runner.invoke(app, ["check", "-f", str(_write(tmp_path, text))])
    assert result.exit_code != 0
    assert "color" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "corpus.yaml"
    path.write_text(text, encoding="utf-8")
    return path
