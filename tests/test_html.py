"""``argmap diagram --format html``: one offline page, tested in a real headless Chromium.

The browser tests drive Debian's ``chromium`` over the DevTools protocol
(tests/browser.py) and skip, saying why, only when no Chromium is installed;
``.ci/run`` installs it with apt-get.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.browser import Browser, Page, chromium, find_chromium, png_is_blank
from tests.conftest import FIXTURES

DEBATE = FIXTURES / "debate.yaml"
CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on PATH (install Debian's chromium; .ci/run does it with apt-get)",
)

HOSTILE_TEXT = '</script><script>window.__pwned = 1</script> "quoted" & </svg> <b>bold</b>'


def _page(runner: CliRunner, corpus: Path, out: Path, *args: str) -> str:
    result = runner.invoke(app, ["diagram", "-f", str(corpus), *args, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "(html)" in result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    text = DEBATE.read_text(encoding="utf-8")
    text = text.replace(
        "  text: The costs need an outside review.",
        "  text: " + '"' + HOSTILE_TEXT.replace('"', '\\"') + '"',
    )
    text = text.replace("  name: Ben South\n", "  name: \"Ben <i>South</i> & 'Co'\"\n", 1)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the page as a file -----------------------------------------------------------


def test_the_page_is_self_contained(runner: CliRunner, tmp_path: Path) -> None:
    page = _page(runner, DEBATE, tmp_path / "map.html")
    # Nothing to fetch: no external script, stylesheet, font or image.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "@import" not in page and "url(http" not in page
    assert "default-src 'none'" in page  # and the browser is told to fetch nothing
    assert re.findall(r"https?://[^\s\"']+", page) == [
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    ]
    # Every claim and relation can be addressed.
    assert 'data-id="n-pipeline-pays"' in page
    assert re.search(r'id="rel:r&#45;demand" class="edge" data-relation="r-demand"', page)


def test_the_suffix_picks_html(runner: CliRunner, tmp_path: Path) -> None:
    page = _page(runner, DEBATE, tmp_path / "map.htm", "--view", "debate")
    assert page.startswith("<!DOCTYPE html>")


def test_hostile_text_is_escaped_in_the_file(
    runner: CliRunner, tmp_path: Path, hostile: Path
) -> None:
    page = _page(runner, hostile, tmp_path / "map.html")
    assert "<script>window.__pwned" not in page
    assert "</svg> <b>" not in page and "<i>South</i>" not in page
    assert page.count("</script>") == 2  # the data's and the code's


def test_the_speakers_view_has_no_page(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diagram", "-f", str(DEBATE), "--view", "speakers", "-o", str(tmp_path / "x.html")]
    )
    assert result.exit_code == 2 and "no HTML page" in result.stderr


# -- the page in a browser --------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with chromium(CHROMIUM) as running:
        yield running


@pytest.fixture
def built(runner: CliRunner, tmp_path: Path) -> Path:
    out = tmp_path / "map.html"
    _page(runner, DEBATE, out)
    return out


def _open(browser: Browser, path: Path, fragment: str = "", width: int = 1280) -> Page:
    page = browser.new_page()
    page.open(path.as_uri() + fragment, width=width, height=800)
    assert page.evaluate("document.documentElement.dataset.ready") == "true"
    return page


@needs_chromium
def test_the_page_loads_without_a_script_error(browser: Browser, built: Path) -> None:
    page = _open(browser, built)
    assert page.evaluate("document.querySelectorAll('g.node[data-id]').length") == 11
    assert page.errors == []


@needs_chromium
def test_clicking_a_claim_opens_its_quote(browser: Browser, built: Path) -> None:
    page = _open(browser, built)
    page.click('g.node[data-id="n-demand-grows"]')
    assert page.evaluate("document.getElementById('panel').hidden") is False
    quote = page.evaluate("document.querySelector('#panel .quote').textContent")
    assert quote == "“demand grows by three per cent a year”"
    assert page.evaluate("location.hash") == "#n-demand-grows"
    # Its relations are links that move the view to the other claim.
    links = page.evaluate("[...document.querySelectorAll('#panel a')].map(a => a.textContent)")
    assert "Demand for gas falls as renewables <grow> & spread." in links
    page.click('#panel a[href="#s-demand-falls"]')
    assert page.evaluate("document.querySelector('#panel h2').textContent").startswith(
        "Demand for gas falls"
    )
    assert page.errors == []


@needs_chromium
def test_search_highlights_the_matching_claims(browser: Browser, built: Path) -> None:
    page = _open(browser, built)
    page.evaluate("document.getElementById('search').focus()")
    page.type("demand")
    matches = page.evaluate("document.querySelectorAll('g.node.match').length")
    # Ada's "Demand for gas grows", Ben's "Demand ... falls" and the Ministry's forecast.
    assert matches == 3
    assert page.evaluate("document.getElementById('count').textContent") == "3 claims match"
    assert page.evaluate("document.querySelector('svg').classList.contains('dimmed')") is True


@needs_chromium
def test_a_permalink_opens_with_the_claim_selected(browser: Browser, built: Path) -> None:
    page = _open(browser, built, "#s-review")
    assert page.evaluate("document.querySelector('#panel h2').textContent") == (
        "The costs need an outside review."
    )
    assert page.evaluate("document.querySelector('g.node.selected').dataset.id") == "s-review"


@needs_chromium
def test_the_keyboard_opens_and_closes_a_claim(browser: Browser, built: Path) -> None:
    page = _open(browser, built)
    page.evaluate("document.querySelector('g.node[data-id=\"n-review\"]').focus()")
    page.key("Enter", "Enter", 13)
    assert page.evaluate("document.getElementById('panel').hidden") is False
    page.key("Escape", "Escape", 27)
    assert page.evaluate("document.getElementById('panel').hidden") is True
    assert page.evaluate("document.activeElement.dataset.id") == "n-review"


@needs_chromium
def test_a_speaker_in_the_legend_highlights_their_claims(browser: Browser, built: Path) -> None:
    page = _open(browser, built)
    page.click('#legend button[data-speaker="ben-south"]')
    assert page.evaluate("document.querySelectorAll('g.node.match').length") == 4
    page.click('#legend input[data-kind="agree"]')
    assert (
        page.evaluate("getComputedStyle(document.querySelector('g.edge[data-kind=agree]')).display")
        == "none"
    )


@needs_chromium
def test_the_screenshot_is_not_blank(browser: Browser, built: Path) -> None:
    page = _open(browser, built)
    assert not png_is_blank(page.screenshot())


@needs_chromium
def test_hostile_text_runs_nothing_and_shows_as_text(
    browser: Browser, runner: CliRunner, tmp_path: Path, hostile: Path
) -> None:
    out = tmp_path / "hostile.html"
    _page(runner, hostile, out)
    page = _open(browser, out, "#s-review")
    assert page.evaluate("window.__pwned === undefined") is True
    assert page.evaluate("document.querySelector('#panel h2').textContent") == HOSTILE_TEXT
    assert page.evaluate("document.querySelectorAll('#panel b, #panel i').length") == 0
    assert page.errors == []


@needs_chromium
def test_the_panel_gives_the_status_when_asked_for(
    browser: Browser, runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "status.html"
    _page(runner, DEBATE, out, "--status", "grounded")
    page = _open(browser, out, "#n-demand-grows")
    # Ben's rebuttal stands unanswered, so the claim it attacks is out.
    assert page.evaluate("document.querySelector('#panel .status').textContent") == (
        "Status: ✗ out (defeated) under grounded semantics"
    )


@needs_chromium
def test_printing_gives_the_drawing_without_the_controls(browser: Browser, built: Path) -> None:
    page = _open(browser, built, "#n-review")
    page.send("Emulation.setEmulatedMedia", media="print")
    hidden = page.evaluate(
        "['header', '#panel'].map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none"]
    assert page.evaluate("getComputedStyle(document.querySelector('svg')).display") == "block"
    page.send("Emulation.setEmulatedMedia", media="")


@needs_chromium
def test_at_phone_width_the_panel_sits_below_the_map(browser: Browser, built: Path) -> None:
    page = _open(browser, built, "#n-review", width=390)
    panel = page.evaluate("document.getElementById('panel').getBoundingClientRect().top")
    bottom, width = page.evaluate(
        "(r => [r.bottom, r.width])(document.getElementById('viewport').getBoundingClientRect())"
    )
    assert panel >= bottom - 1 and width <= 390


def test_the_size_guard_and_force_apply_to_the_page(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.export.diagram.MAX_LAYOUT_NODES", 5)
    out = tmp_path / "big.html"
    refused = runner.invoke(app, ["diagram", "-f", str(DEBATE), "-o", str(out)])
    assert refused.exit_code == 2 and "above the 5 that" in refused.stderr
    assert not out.exists()
    forced = runner.invoke(app, ["diagram", "-f", str(DEBATE), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
