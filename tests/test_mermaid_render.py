"""The Mermaid exports rendered by Mermaid itself, with its official CLI (``mmdc``).

Opt-in: these tests run only where ``mmdc`` is installed (on PATH, or named by
``$ARGMAP_MMDC``), so the suite needs no Node.js. docs/development.md says how to
install it. The syntax tests in tests/test_interop.py check, without Node, what these
found: quoted edge labels, the edge and text limits, escaping.

Each case is written by ``argmap diagram --format mermaid`` and drawn by ``mmdc`` with
Mermaid's default settings, or, where argmap warns that the diagram is above them, with
exactly the config the warning names. Then the SVG must have every link, every claim
box and every class the source attaches. ``ARGMAP_MMDC_KEEP=DIR`` also writes each
case's SVG and PNG there, to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.export import mermaid
from tests.browser import find_chromium
from tests.conftest import FIXTURES, ROOT


def find_mmdc() -> str | None:
    """The Mermaid CLI: ``$ARGMAP_MMDC`` (a path or a command), else ``mmdc`` on PATH."""
    given = os.environ.get("ARGMAP_MMDC")
    if given:
        return shutil.which(given) or (given if Path(given).is_file() else None)
    return shutil.which("mmdc")


MMDC = find_mmdc()
pytestmark = pytest.mark.skipif(
    MMDC is None,
    reason="the Mermaid CLI is not installed: npm install @mermaid-js/mermaid-cli, then put "
    "mmdc on PATH or set ARGMAP_MMDC to it (docs/development.md)",
)

CORPUS = ROOT / "data" / "arguments.yaml"
CASES = {
    "map-whole-corpus": (CORPUS,),
    "map-hyodo-trenin": (CORPUS, "-a", "hyodo", "-a", "trenin"),
    "debate-hyodo-trenin": (CORPUS, "--view", "debate", "-a", "hyodo", "-a", "trenin"),
    "focus-no-card": (CORPUS, "--focus", "csis-trenin-no-russia-card"),
    "status-grounded": (CORPUS, "-a", "hyodo", "-a", "trenin", "--status", "grounded"),
    "status-grounded-whole-corpus": (CORPUS, "--status", "grounded"),
    "relations-agree": (CORPUS, "--relations", "agree"),
    "fixture-export": (FIXTURES / "export.yaml", "--ids"),
    "fixture-debate": (FIXTURES / "debate.yaml", "--status", "preferred"),
    "fixture-debate-view": (FIXTURES / "debate.yaml", "--view", "debate"),
    "fixture-pass-debate": (FIXTURES / "rules" / "pass-debate.yaml", "--rankdir", "LR"),
    "fixture-hostile-text": (FIXTURES / "hostile-text.yaml", "--ids", "--cluster", "speaker"),
    "fixture-hostile-text-debate": (FIXTURES / "hostile-text.yaml", "--view", "debate"),
}


@pytest.fixture(scope="module")
def puppeteer_config(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """``-p config.json`` for the system Chromium (``$ARGMAP_CHROMIUM`` first), if there is
    one; without it, mmdc uses the browser Puppeteer downloaded."""
    chromium = find_chromium()
    if chromium is None:
        return []
    path = tmp_path_factory.mktemp("mmdc") / "puppeteer.json"
    path.write_text(json.dumps({"executablePath": chromium, "args": ["--no-sandbox"]}))
    return ["-p", str(path)]


def _limits(warning: str) -> dict[str, int]:
    """The mmdc config a too-long warning names (``{"maxTextSize": ..., ...}``)."""
    match = re.search(r"a -c config\.json holding (\{[^}]*\})", warning)
    assert match is not None, warning
    limits: dict[str, int] = json.loads(match.group(1))
    return limits


def _render(
    source: Path, target: Path, options: list[str], config: dict[str, int] | None
) -> subprocess.CompletedProcess[str]:
    assert MMDC is not None
    args = [MMDC, "-i", str(source), "-o", str(target), "-b", "white", "-q", *options]
    if config is not None:
        config_file = source.with_suffix(".config.json")
        config_file.write_text(json.dumps(config))
        args += ["-c", str(config_file)]
    return subprocess.run(args, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.parametrize("case", list(CASES))
def test_mermaid_draws_the_export(
    case: str, runner: CliRunner, tmp_path: Path, puppeteer_config: list[str]
) -> None:
    corpus, *options = CASES[case]
    source = tmp_path / f"{case}.mmd"
    result = runner.invoke(
        app, ["diagram", "-f", str(corpus), *options, "--format", "mermaid", "-o", str(source)]
    )
    assert result.exit_code == 0, result.stderr
    text = source.read_text(encoding="utf-8")
    warning = mermaid.too_long(text)
    config = None if warning is None else _limits(warning)
    assert (warning is None) == ("warning:" not in result.stderr)

    svg = tmp_path / f"{case}.svg"
    done = _render(source, svg, puppeteer_config, config)
    assert done.returncode == 0, f"mmdc refused {case}:\n{done.stderr}"
    drawn = svg.read_text(encoding="utf-8")
    assert "Syntax error" not in drawn and "Maximum text size" not in drawn

    # Every link, every box, every class the source attaches.
    assert drawn.count('data-edge="true"') == mermaid.edge_count(text)
    boxes = set(re.findall(r'^ *(n_\w+)\["', text, re.M))
    found = re.findall(r'<g class="node default ([^"]*)" id="[\w-]*?flowchart-(\w+)-\d+"', drawn)
    nodes = {node: classes.split() for classes, node in found}
    assert boxes and boxes <= set(nodes)
    for ids, name in re.findall(r"^  class ([\w,]+) (\w+)$", text, re.M):
        for node in ids.split(","):
            assert name in nodes[node], (node, name)
    if "  class n_" in text and " central" in text:
        # The thick outline of a central claim reaches the drawn box.
        central = re.search(r"^  class ([\w,]+) central$", text, re.M)
        if central is not None:
            first = central.group(1).split(",")[0]
            box = re.search(rf'flowchart-{first}-\d+"[^>]*><rect[^>]*style="([^"]*)"', drawn)
            assert box is not None and "stroke-width:3px" in box.group(1)

    keep = os.environ.get("ARGMAP_MMDC_KEEP")
    if keep:
        folder = Path(keep)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(svg, folder / svg.name)
        shutil.copy(source, folder / source.name)
        png = _render(source, folder / f"{case}.png", [*puppeteer_config, "-w", "1600"], config)
        assert png.returncode == 0, png.stderr
