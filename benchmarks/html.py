"""The HTML view: page sizes, and how soon the page is interactive in headless Chromium.

    python -m benchmarks.html            # 5 loads of each page
    python -m benchmarks.html --runs 9

Writes the debate view of Hyodo and Trenin and the whole bundled corpus as
HTML, then opens each in one headless Chromium (tests/browser.py, over the
DevTools pipe), alternating the pages so that a busy machine slows both
alike, and reports the median of the page's own clock: ``performance.now()``
from navigation start to the end of its script (``data-ready-ms``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser import chromium, find_chromium

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
        with chromium(executable) as browser:
            for _ in range(runs):
                for name, path in files.items():
                    page = browser.new_page()
                    page.open(path.as_uri())
                    times[name].append(
                        int(page.evaluate("document.documentElement.dataset.readyMs"))
                    )
                    if page.errors:
                        sys.exit(f"{name}: script errors: {page.errors}")
        print(f"{'page':34} {'size':>10} {'interactive (median ms)':>24}")
        for name, path in files.items():
            size = path.stat().st_size
            median = statistics.median(times[name])
            print(f"{name:34} {size / 1024:8.0f} kB {median:24.0f}")


if __name__ == "__main__":
    main()
