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
from argmap.export.html import asset, compact
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


def test_the_page_carries_its_script_and_style_without_comments() -> None:
    source = """/* the panel:
   a claim's details */
  // Escape closes it.
  var close = "// not a comment"; /* kept: code before it */

  panel.hidden = true;
"""
    assert compact(source) == (
        'var close = "// not a comment"; /* kept: code before it */\npanel.hidden = true;\n'
    )
    assert len(compact(asset("map.js"))) < 0.85 * len(asset("map.js"))


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


# Two frames of the page: media queries report their changes within them.
FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _open(
    browser: Browser, path: Path, fragment: str = "", width: int = 1280, height: int = 800
) -> Page:
    page = browser.new_page()
    page.open(path.as_uri() + fragment, width=width, height=height)
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
def test_printing_gives_the_whole_drawing_whatever_the_screen_shows(
    browser: Browser, built: Path
) -> None:
    page = _open(browser, built, "#n-review", width=PHONE[0], height=PHONE[1])
    assert _view(page) != pytest.approx(_whole(built))
    page.send("Emulation.setEmulatedMedia", media="print")
    page.evaluate(FRAMES)
    assert _view(page) == pytest.approx(_whole(built))
    page.send("Emulation.setEmulatedMedia", media="")
    page.evaluate(FRAMES)
    assert _view(page) != pytest.approx(_whole(built))


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


# -- on a phone ---------------------------------------------------------------------
#
# The fixture's drawing is 1152 x 1067 pt of 11 pt text: whole, on a 390 px wide phone,
# that text would be under 4 px tall.

PHONE = (390, 844)
SIDEWAYS = (844, 390)
VIEWBOX = (
    "(v => [v.x, v.y, v.width, v.height])(document.querySelector('#viewport svg').viewBox.baseVal)"
)


def _whole(path: Path) -> list[float]:
    """The drawing's own viewBox, as Graphviz wrote it."""
    found = re.search(r'<svg[^>]*viewBox="([^"]+)"', path.read_text(encoding="utf-8"))
    assert found is not None
    return [float(n) for n in found.group(1).split()]


def _view(page: Page) -> list[float]:
    """The part of the drawing on screen: x, y, width, height."""
    view: list[float] = page.evaluate(VIEWBOX)
    return view


def _text_px(page: Page, claim: str) -> float:
    """How tall, in CSS pixels, the claim's text is on screen (its font size)."""
    return float(
        page.evaluate(
            f"(t => t.getScreenCTM().a * parseFloat(t.getAttribute('font-size')))"
            f"(document.querySelector('g.node[data-id=\"{claim}\"] text'))"
        )
    )


def _middle(page: Page, selector: str) -> tuple[float, float]:
    x, y = page.evaluate(
        f"(r => [r.x + r.width / 2, r.y + r.height / 2])"
        f"(document.querySelector({selector!r}).getBoundingClientRect())"
    )
    return x, y


def _on_screen(page: Page, claim: str) -> bool:
    return bool(
        page.evaluate(
            "(([c, v]) => c.left >= v.left && c.right <= v.right && c.top >= v.top"
            " && c.bottom <= v.bottom)([document.querySelector("
            f"'g.node[data-id=\"{claim}\"]'), document.getElementById('viewport')]"
            ".map(e => e.getBoundingClientRect()))"
        )
    )


def _mouse_drag(page: Page, *path: tuple[float, float]) -> None:
    """The left button pressed at the path's start, moved along it, released at its end."""
    steps = [("mousePressed", path[0])] + [("mouseMoved", at) for at in path[1:]]
    for kind, (x, y) in [*steps, ("mouseReleased", path[-1])]:
        page.send(
            "Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", buttons=1, clickCount=1
        )


@needs_chromium
def test_on_a_phone_the_map_opens_on_its_full_height_around_the_central_claim(
    browser: Browser, built: Path
) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    _, _, width, height = _view(page)
    whole = _whole(built)
    assert height == pytest.approx(whole[3], rel=0.01) and width < whole[2] / 2
    assert _text_px(page, "n-pipeline-pays") >= 7  # legible without zooming
    assert _on_screen(page, "n-pipeline-pays")  # Ada's central claim
    # "fit" still shows the whole drawing, at a size to see its shape rather than read it.
    page.click("#fit")
    assert _text_px(page, "n-pipeline-pays") < 4
    assert page.evaluate("getComputedStyle(document.getElementById('overview')).display") == "none"
    assert page.errors == []


@needs_chromium
def test_a_phone_turned_sideways_opens_at_reading_size(browser: Browser, built: Path) -> None:
    page = _open(browser, built, width=SIDEWAYS[0], height=SIDEWAYS[1])
    # The full height would leave the text under 4 px: it opens at 11 px, on the central claim.
    assert _text_px(page, "n-pipeline-pays") == pytest.approx(11)
    assert _on_screen(page, "n-pipeline-pays")


@needs_chromium
def test_on_a_desktop_a_map_whose_text_stays_legible_opens_whole(
    browser: Browser, built: Path
) -> None:
    page = _open(browser, built)
    x, y, width, height = _view(page)
    whole = _whole(built)
    assert x <= whole[0] and y <= whole[1] + 0.01
    assert x + width >= whole[2] - 0.01 and y + height >= whole[3] - 0.01
    assert page.evaluate("getComputedStyle(document.getElementById('overview')).display") == "none"


@needs_chromium
def test_one_finger_drags_the_map_and_two_pinch_it(browser: Browser, built: Path) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    x, y, width, _ = _view(page)
    per_px = width / PHONE[0]
    page.touch([(300, 400), (250, 410), (200, 420)])
    moved = _view(page)
    assert moved[0] == pytest.approx(x + 100 * per_px)
    assert moved[1] == pytest.approx(y - 20 * per_px)
    # Fingers from 40 px apart to 120 px: three times closer, about the point between them.
    before = page.evaluate(
        "(r => { const v = document.querySelector('#viewport svg').viewBox.baseVal;"
        " return v.x + (200 - r.left) * v.width / r.width; })"
        "(document.querySelector('#viewport svg').getBoundingClientRect())"
    )
    text = _text_px(page, "n-pipeline-pays")
    page.touch([(180, 400), (160, 400), (140, 400)], [(220, 400), (240, 400), (260, 400)])
    assert _view(page)[2] == pytest.approx(moved[2] / 3)
    assert _text_px(page, "n-pipeline-pays") == pytest.approx(text * 3)
    after = page.evaluate(
        "(r => { const v = document.querySelector('#viewport svg').viewBox.baseVal;"
        " return v.x + (200 - r.left) * v.width / r.width; })"
        "(document.querySelector('#viewport svg').getBoundingClientRect())"
    )
    assert after == pytest.approx(before)
    assert page.errors == []


@needs_chromium
def test_a_tap_opens_a_claim_and_a_drag_that_starts_on_one_does_not(
    browser: Browser, built: Path
) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    x, y = _middle(page, 'g.node[data-id="n-pipeline-pays"]')
    text = _text_px(page, "n-pipeline-pays")
    page.touch([(x, y)])
    assert page.evaluate("location.hash") == "#n-pipeline-pays"
    # The panel takes the bottom of the screen, below the map, which keeps its zoom.
    panel_top = page.evaluate("document.getElementById('panel').getBoundingClientRect().top")
    assert panel_top >= page.evaluate(
        "document.getElementById('viewport').getBoundingClientRect().bottom"
    )
    assert _text_px(page, "n-pipeline-pays") == pytest.approx(text)
    page.key("Escape", "Escape", 27)
    # A finger or a mouse that drags from a claim moves the map and opens nothing.
    x, y = _middle(page, 'g.node[data-id="n-pipeline-pays"]')
    page.touch([(x, y), (x + 20, y), (x + 40, y)])
    _mouse_drag(page, (x, y), (x + 20, y), (x + 40, y))
    assert page.evaluate("document.getElementById('panel').hidden") is True
    assert _middle(page, 'g.node[data-id="n-pipeline-pays"]') == pytest.approx((x + 80, y))


@needs_chromium
def test_a_claim_tapped_low_on_a_phone_stays_in_sight_when_the_panel_opens(
    browser: Browser, built: Path
) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    # Drag Ada's central claim to the bottom of the screen (with the mouse: a tap that
    # closely follows a swipe only stops the swipe), then tap it.
    x, y = _middle(page, 'g.node[data-id="n-pipeline-pays"]')
    _mouse_drag(page, (x, y), (x, (y + 800) / 2), (x, 800))
    x, y = _middle(page, 'g.node[data-id="n-pipeline-pays"]')
    assert y == pytest.approx(800)
    text = _text_px(page, "n-pipeline-pays")
    page.touch([(x, y)])
    assert page.evaluate("document.getElementById('panel').hidden") is False
    assert _on_screen(page, "n-pipeline-pays")
    assert _text_px(page, "n-pipeline-pays") == pytest.approx(text)


@needs_chromium
def test_tab_brings_each_claim_into_sight_in_turn(browser: Browser, built: Path) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    claims = page.evaluate(
        "[...document.querySelectorAll('g.node[data-id]')].map(g => g.dataset.id)"
    )
    assert not all(_on_screen(page, claim) for claim in claims)  # the map is zoomed in
    page.evaluate("document.getElementById('fit').focus()")
    for _ in range(12):  # past the legend's controls to the first claim
        page.key("Tab", "Tab", 9)
        if page.evaluate("document.activeElement.dataset.id") is not None:
            break
    for claim in claims:
        assert page.evaluate("document.activeElement.dataset.id") == claim
        assert _on_screen(page, claim)
        page.key("Tab", "Tab", 9)


@needs_chromium
def test_the_wheel_zooms_about_the_pointer_and_the_buttons_about_the_middle(
    browser: Browser, built: Path
) -> None:
    page = _open(browser, built)
    under = (
        "(([x, y]) => { const r = document.querySelector('#viewport svg').getBoundingClientRect();"
        " const v = document.querySelector('#viewport svg').viewBox.baseVal;"
        " return [v.x + (x - r.left) * v.width / r.width, v.y + (y - r.top) * v.height / r.height];"
        " })([300, 400])"
    )
    before, width = page.evaluate(under), _view(page)[2]
    page.send("Input.dispatchMouseEvent", type="mouseWheel", x=300, y=400, deltaX=0, deltaY=-100)
    assert _view(page)[2] == pytest.approx(width / 1.15)
    assert page.evaluate(under) == pytest.approx(before)
    x, _, width, _ = _view(page)
    page.click("#zoom-in")
    zoomed = _view(page)
    assert zoomed[2] == pytest.approx(width / 1.3)
    assert zoomed[0] + zoomed[2] / 2 == pytest.approx(x + width / 2)
    page.evaluate("document.activeElement.blur()")
    page.key("-", "Minus", 189)
    assert _view(page)[2] == pytest.approx(width)
    page.key("0", "Digit0", 48)
    assert page.evaluate("getComputedStyle(document.getElementById('overview')).display") == "none"
    assert page.errors == []


@needs_chromium
def test_the_overview_shows_where_the_screen_is_and_a_tap_moves_there(
    browser: Browser, built: Path
) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    left, top, width, height = page.evaluate(
        "(r => [r.left, r.top, r.width, r.height])"
        "(document.getElementById('overview').getBoundingClientRect())"
    )
    assert width > 0 and height > 0
    # One box per claim; a tap on its right edge brings the right of the drawing into view.
    assert page.evaluate("document.querySelectorAll('#overview rect:not(.seen)').length") == 11
    page.touch([(left + width * 0.9, top + height / 2)])
    x, _, view_width, _ = _view(page)
    assert x + view_width / 2 == pytest.approx(_whole(built)[2] * 0.9, rel=0.01)
    # Search matches are marked in it too.
    page.evaluate("document.getElementById('search').focus()")
    page.type("demand")
    assert page.evaluate("document.querySelectorAll('#overview rect.match').length") == 3


@needs_chromium
def test_the_overview_folds_away_and_comes_back(browser: Browser, built: Path) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    shown = "getComputedStyle(document.getElementById('overview')).display"
    assert page.evaluate(shown) != "none"
    assert page.evaluate("document.getElementById('overview-toggle').textContent") == "\u00d7"
    # The button sits on the overview's top right corner.
    corner, button = page.evaluate(
        "[(r => [r.right, r.top])(document.getElementById('overview').getBoundingClientRect()),"
        " (r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2])"
        "(document.getElementById('overview-toggle').getBoundingClientRect())]"
    )
    assert button == pytest.approx(corner, abs=2)
    view = _view(page)
    page.click("#overview-toggle")
    assert page.evaluate(shown) == "none"
    assert page.evaluate("document.getElementById('overview-toggle').textContent") == "overview"
    assert _view(page) == view  # the map did not move
    page.click("#overview-toggle")
    assert page.evaluate(shown) != "none"
    assert page.errors == []


@needs_chromium
def test_enter_in_the_search_moves_to_each_match_in_turn(browser: Browser, built: Path) -> None:
    page = _open(browser, built, width=PHONE[0], height=PHONE[1])
    page.evaluate("document.getElementById('search').focus()")
    page.type("demand")
    centre = _middle(page, "#viewport")
    seen = []
    for _ in range(4):
        page.key("Enter", "Enter", 13)
        seen.append(
            page.evaluate(
                "[...document.querySelectorAll('g.node.match')].find(g => {"
                " const r = g.getBoundingClientRect();"
                f" return Math.abs(r.x + r.width / 2 - {centre[0]}) < 1"
                f" && Math.abs(r.y + r.height / 2 - {centre[1]}) < 1; }})?.dataset.id"
            )
        )
    # In the drawing's order, then round again.
    order = page.evaluate("[...document.querySelectorAll('g.node.match')].map(g => g.dataset.id)")
    assert sorted(order) == ["m-forecast", "n-demand-grows", "s-demand-falls"]
    assert seen == [*order, order[0]]
    assert _text_px(page, "n-demand-grows") >= 11
