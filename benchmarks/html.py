"""The HTML view: page sizes, and how soon the page is interactive in headless Chromium.

    python -m benchmarks.html            # 5 loads of each page
    python -m benchmarks.html --runs 9

Writes the debate view of Hyodo and Trenin and the whole bundled corpus as
HTML, then opens each in one headless Chromium (tests/browser.py, over the
DevTools pipe), alternating the pages so that a busy machine slows both
alike, and reports the median of the page's own clocks, from navigation start:
to the end of its script (``data-ready-ms``, which includes the page's first
layout: the script measures the screen to choose the first view), and to its
first paint (the browser's ``first-contentful-paint``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser import chromium, find_chromium

FIRST_PAINT = (
    "new Promise(done => { const wait = () => {"
    " const paint = performance.getEntriesByName('first-contentful-paint')[0];"
    " if (paint) done(paint.startTime); else requestAnimationFrame(wait); }; wait(); })"
)

PAGES: dict[str, list[str]] = {
    "debate view, Hyodo and Trenin": ["-a", "hyodo", "-a", "trenin", "--view", "debate"],
    "map view, whole corpus": [],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    executable = find_chromium()
    if executable is None:
        sys.exit("no Chromium on PATH: install Debian's chromium")
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for n, (name, args) in enumerate(PAGES.items()):
            out = Path(tmp) / f"page{n}.html"
            command = [sys.executable, "-m", "argmap", "diagram", *args, "-o", str(out)]
            subprocess.run(command, check=True, capture_output=True)
            files[name] = out
        times: dict[str, list[int]] = {name: [] for name in files}
        paints: dict[str, list[float]] = {name: [] for name in files}
        with chromium(executable) as browser:
            for _ in range(runs):
                for name, path in files.items():
                    page = browser.new_page()
                    page.open(path.as_uri())
                    times[name].append(
                        int(page.evaluate("document.documentElement.dataset.readyMs"))
                    )
                    paints[name].append(float(page.evaluate(FIRST_PAINT)))
                    if page.errors:
                        sys.exit(f"{name}: script errors: {page.errors}")
        print(f"{'page':34} {'size':>10} {'interactive':>12} {'first paint':>12}  (median ms)")
        for name, path in files.items():
            size = path.stat().st_size
            ready, paint = statistics.median(times[name]), statistics.median(paints[name])
            print(f"{name:34} {size / 1024:8.0f} kB {ready:12.0f} {paint:12.0f}")


if __name__ == "__main__":
    main()
