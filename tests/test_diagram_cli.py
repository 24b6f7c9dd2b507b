"""``argmap diagram`` and ``argmap export`` from the command line, and the renderers.

Nothing here needs the system's Graphviz: the no-dot path is tested by
taking ``dot`` off PATH, and the tests that want ``dot`` skip without it.
"""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.export import render
from argmap.formats import RendererChoice
from tests.conftest import FIXTURES

CORPUS = str(FIXTURES / "export.yaml")
SVG = "{http://www.w3.org/2000/svg}"
HAS_DOT = shutil.which("dot") is not None


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH without Graphviz's dot on it."""
    entries = os.environ["PATH"].split(os.pathsep)
    monkeypatch.setenv(
        "PATH", os.pathsep.join(p for p in entries if not (Path(p) / "dot").exists())
    )
    assert shutil.which("dot") is None


def test_svg_is_drawn_without_system_graphviz(runner: CliRunner, no_dot: None) -> None:
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-a", "ben-south", "--context"])
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(result.stdout)
    assert root.tag == f"{SVG}svg"
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    # Claims and argument nodes keep their ids, for links and styling.
    assert {"s-demand-falls", "n-demand-grows", "a-demand-forecast"} <= ids
    assert 'font-family="Arial,Helvetica,Liberation Sans,Arimo,sans-serif"' in result.stdout


def test_svg_bytes_are_the_same_on_every_run(runner: CliRunner, no_dot: None) -> None:
    first = runner.invoke(app, ["diagram", "-f", CORPUS])
    again = runner.invoke(app, ["diagram", "-f", CORPUS])
    assert first.exit_code == 0 and first.stdout == again.stdout


def test_png_without_system_graphviz_says_how_to_install_it(
    runner: CliRunner, no_dot: None, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-o", str(tmp_path / "map.png")])
    assert result.exit_code == 2
    assert "apt-get install graphviz" in result.stderr
    assert "brew install graphviz" in result.stderr
    assert not (tmp_path / "map.png").exists()


@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz's dot on PATH")
@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".pdf", b"%PDF")])
def test_png_and_pdf_with_system_graphviz_are_deterministic(
    runner: CliRunner, tmp_path: Path, suffix: str, magic: bytes
) -> None:
    first, again = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    assert runner.invoke(app, ["diagram", "-f", CORPUS, "-o", str(first)]).exit_code == 0
    assert runner.invoke(app, ["diagram", "-f", CORPUS, "-o", str(again)]).exit_code == 0
    assert first.read_bytes().startswith(magic)
    assert first.read_bytes() == again.read_bytes()


def test_the_suffix_picks_the_format_and_the_file_is_written_whole(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "map.mmd"
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith('---\ntitle: "The whole corpus"')
    assert f"wrote {target} (mermaid)" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["map.mmd"], "no temporary file is left"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_a_format_that_contradicts_the_suffix_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diagram", "-f", CORPUS, "-o", str(tmp_path / "x.png"), "--format", "svg"]
    )
    assert result.exit_code == 2
    assert "--format svg does not match" in result.stderr


def test_an_unknown_suffix_asks_for_a_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr


def test_binary_formats_are_never_written_to_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.cli.diagram.stdout_is_terminal", lambda: True)
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "--format", "png"])
    assert result.exit_code == 2
    assert "refusing to write PNG to a terminal" in result.stderr


def test_dot_source_goes_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "--format", "dot", "--title", ""])
    assert result.exit_code == 0
    assert result.stdout.startswith("digraph argmap {")
    assert "label=" not in result.stdout.splitlines()[4]


def test_names_resolve_like_every_other_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-a", "nobody", "--format", "dot"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no person matches 'nobody'")
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-a", "minis", "--format", "dot"])
    assert result.exit_code == 0, result.stderr  # a fragment of one name is enough
    # One person and a group of theirs: the person, with a note (docs/queries.md).
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-a", "ada", "--format", "dot"])
    assert result.exit_code == 0
    assert result.stderr.startswith("note: Ada North's claims and rebuttals include")
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "-a", "o", "--format", "dot"])
    assert result.exit_code == 2
    assert "ambiguous" in result.stderr and "ada-north" in result.stderr


def test_depth_needs_a_focus(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "--depth", "1"])
    assert result.exit_code == 2
    assert "--depth needs --focus" in result.stderr


def test_a_selection_with_no_claims_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["diagram", "-f", CORPUS, "-a", "ministry", "-t", "trade", "--format", "dot"]
    )
    assert result.exit_code == 1
    assert "no claim matches" in result.stderr


def test_a_diagram_above_the_limit_stops_and_names_the_filters(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.export.diagram.MAX_LAYOUT_NODES", 5)
    result = runner.invoke(app, ["diagram", "-f", CORPUS])
    assert result.exit_code == 2
    assert "above the 5" in result.stderr and "--focus CLAIM --depth N" in result.stderr
    assert "--force" in result.stderr
    # DOT and Mermaid are not laid out here, so they are never refused...
    result = runner.invoke(app, ["diagram", "-f", CORPUS, "--format", "dot"])
    assert result.exit_code == 0
    # ...but carry the layout limits, for whoever runs dot on them.
    assert "nslimit=4" in result.stdout and "searchsize=20" in result.stdout
    forced = runner.invoke(app, ["diagram", "-f", CORPUS, "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert forced.stdout.startswith("<?xml")


# -- argmap export ------------------------------------------------------------


def test_export_json_goes_to_stdout_for_jq(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "-f", CORPUS, "-a", "ada-north"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["selection"]["speakers"] == ["ada-north"]
    assert [c["id"] for c in data["claims"]][:2] == ["n-pipeline-pays", "n-demand-grows"]


def test_export_csv_one_table_on_stdout(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "-f", CORPUS, "--format", "csv", "--table", "people"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "id,name,kind,affiliation,description,members"


def test_export_csv_every_table_into_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "tables"
    result = runner.invoke(
        app, ["export", "-f", CORPUS, "--format", "csv", "-o", f"{target}{os.sep}"]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in target.iterdir()) == [
        "agreements.csv",
        "claims.csv",
        "people.csv",
        "relations.csv",
        "sources.csv",
        "stances.csv",
    ]


def test_export_to_a_directory_needs_csv(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", CORPUS, "--format", "aif", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "only --format csv" in result.stderr


def test_export_argdown_is_titled_by_the_selection(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "debate.argdown"
    result = runner.invoke(
        app,
        [
            "export",
            "-f",
            CORPUS,
            "--format",
            "argdown",
            "-a",
            "ada-north",
            "-a",
            "ben-south",
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith('===\ntitle: "Ada North and Ben South"\n')


# -- the renderers ------------------------------------------------------------

SMALL = "digraph G { a -> b }"


def test_the_wasm_renderer_needs_no_system_graphviz(no_dot: None) -> None:
    chosen = render.choose("svg")
    assert chosen.name == "wasm"
    assert render.render(SMALL, "svg").data.startswith(b"<?xml")
    with pytest.raises(render.RenderUnavailable, match="apt-get install graphviz"):
        render.choose("pdf")
    with pytest.raises(render.RenderUnavailable, match="not on PATH"):
        render.choose("svg", RendererChoice.DOT)


def test_a_failed_wasm_render_is_reported_and_leaks_nothing(
    capfd: pytest.CaptureFixture[str],
) -> None:
    wasm = render.WasmGraphviz()
    with pytest.raises(render.RenderFailed, match="WebAssembly"):
        wasm.render("digraph G { a -> ; }", "svg")
    out = wasm.render(SMALL, "svg").data
    assert out.startswith(b"<?xml")
    captured = capfd.readouterr()
    assert "<svg" not in captured.out, "Graphviz's output must not reach the process's stdout"


def test_a_wasm_layout_past_its_time_is_stopped() -> None:
    # A layout of minutes: a starved timer thread still fires long before it ends.
    edges = " ".join(f"n{i % 3000} -> n{(i * 7919 + 3) % 3000};" for i in range(9000))
    with pytest.raises(render.LayoutTimeout, match="did not finish"):
        render.WasmGraphviz().render(f"digraph G {{ {edges} }}", "svg", timeout=0.001)


@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz's dot on PATH")
def test_dot_on_path_is_preferred() -> None:
    assert render.choose("svg").name == "dot"
    assert render.choose("svg", RendererChoice.WASM).name == "wasm"
    with pytest.raises(render.RenderFailed, match="dot"):
        render.render("digraph G { a -> ; }", "svg")


@pytest.mark.parametrize(
    "renderer",
    ["wasm", pytest.param("dot", marks=pytest.mark.skipif(not HAS_DOT, reason="needs dot"))],
)
def test_two_claims_that_only_agree_are_drawn_with_their_agreement(
    runner: CliRunner, renderer: str
) -> None:
    """Side by side on one rank, an agreement would be a "flat" edge between two record
    nodes, which dot loses, failing the whole drawing; so agreements keep their rank."""
    pair = str(FIXTURES / "agreement-pair.yaml")
    result = runner.invoke(app, ["diagram", "-f", pair, "--renderer", renderer])
    assert result.exit_code == 0, result.stderr
    assert 'id="rel:a&#45;b"' in result.stdout  # Graphviz escapes the hyphen
