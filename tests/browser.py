"""A headless Chromium driven over the DevTools protocol, for the HTML view's tests.

Chromium's ``--remote-debugging-pipe`` speaks the protocol over file
descriptors 3 (commands in) and 4 (replies and events out), one JSON message
per NUL-terminated frame, so the tests need no WebSocket client, no Selenium
and no chromedriver: the standard library and Debian's ``chromium``.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The Chromium on PATH (``$ARGMAP_CHROMIUM`` first), or ``None``."""
    given = os.environ.get("ARGMAP_CHROMIUM")
    if given:
        return shutil.which(given) or (given if Path(given).exists() else None)
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    pass


class Page:
    """One tab, attached in flat mode: every command carries its session id."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session
        self.errors: list[str] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session, page=self)

    def evaluate(self, expression: str) -> Any:
        reply = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression!r} threw: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def open(self, url: str, width: int = 1280, height: int = 800) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 700,
        )
        self.send("Emulation.setTouchEmulationEnabled", enabled=width < 700, maxTouchPoints=5)
        self.send("Page.navigate", url=url)
        self.browser.wait_for("Page.loadEventFired", page=self)

    def click(self, selector: str) -> None:
        """A real mouse click (pressed and released) at the middle of the element (of its
        first line, for a link that wraps)."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center', inline: 'center'});"
            " const r = e.getClientRects()[0] || e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )

    def touch(self, *strokes: list[tuple[float, float]]) -> None:
        """Fingers on the touch screen: each stroke is one finger's path, from where it
        lands to where it lifts, all moving together one step at a time."""
        steps = max(len(stroke) for stroke in strokes)

        def at(n: int) -> list[dict[str, float]]:
            return [
                {
                    "x": stroke[min(n, len(stroke) - 1)][0],
                    "y": stroke[min(n, len(stroke) - 1)][1],
                    "id": finger,
                }
                for finger, stroke in enumerate(strokes)
            ]

        self.send("Input.dispatchTouchEvent", type="touchStart", touchPoints=at(0))
        for n in range(1, steps):
            self.send("Input.dispatchTouchEvent", type="touchMove", touchPoints=at(n))
        self.send("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])

    def type(self, text: str) -> None:
        self.send("Input.insertText", text=text)

    def key(self, key: str, code: str, key_code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=code,
                windowsVirtualKeyCode=key_code,
            )

    def screenshot(self) -> bytes:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        return base64.b64decode(data)


class Browser:
    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="argmap-chromium-")
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()

        def fds() -> None:  # in the child: commands on 3, replies on 4
            # Copies above 10 first: a pipe may already be on 3 or 4, and dup2 onto
            # itself would leave it close-on-exec.
            commands_copy = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            replies_copy = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
            os.dup2(commands_copy, 3)
            os.dup2(replies_copy, 4)

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                f"--user-data-dir={self.profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            # The descriptors are put on 3 and 4 in the child, after which the
            # closing of inherited descriptors would close them again: keep them.
            preexec_fn=fds,
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(replies_write)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            chunk = os.read(self.replies, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        frame, self.buffer = self.buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(frame)
        return message

    def _note(self, message: dict[str, Any], page: Page | None) -> None:
        method = message.get("method", "")
        params = message.get("params", {})
        if page is None:
            return
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            page.errors.append(str(details.get("exception", {}).get("description") or details))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            page.errors.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            page.errors.append(params["entry"].get("text", ""))

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        page: Page | None = None,
    ) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)
            self._note(reply, page)

    def wait_for(self, method: str, page: Page | None = None) -> dict[str, Any]:
        for n, event in enumerate(self.events):
            if event.get("method") == method:
                del self.events[n]
                return event
        while True:
            event = self._read()
            self._note(event, page)
            if event.get("method") == method:
                return event

    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log"):
            page.send(f"{domain}.enable")
        return page

    def close(self) -> None:
        with suppress(BrowserError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.commands, self.replies):
            with suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


@contextmanager
def chromium(executable: str) -> Iterator[Browser]:
    browser = Browser(executable)
    try:
        yield browser
    finally:
        browser.close()


def png_is_blank(png: bytes) -> bool:
    """Whether a screenshot is one flat colour (decoded with zlib, no imaging library)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, idat = 8, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        if kind == b"IDAT":
            idat += png[position + 8 : position + 8 + length]
        position += 12 + length
    pixels = zlib.decompress(idat)
    return len(set(pixels[:: max(len(pixels) // 200_000, 1)])) < 4
