"""Reporters for check findings, chosen from a registry by format name.

Each is a pure function from diagnostics to text; the CLI prints it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from argmap.checks import Diagnostic, Severity, count_by_severity
from argmap.formats import CheckFormat


@dataclass(frozen=True)
class RunInfo:
    """What a check run read: said in the text summary line and in the JSON report."""

    corpus: str
    """The corpus file, as displayed (relative to the working directory when below it)."""
    origin: str = "option"
    """Why that file: ``option``, ``environment``, ``settings``, ``found`` or ``bundled``."""
    settings: str | None = None
    """The settings file used, as displayed, or ``None``."""
    texts: str | None = None
    """The texts directory quotes were checked against, or ``None``."""

    def line(self) -> str:
        settings = self.settings or "none"
        texts = f"; texts: {self.texts}" if self.texts else ""
        why = {"bundled": " (the bundled sample)", "found": " (found upward)"}.get(self.origin, "")
        return f"Corpus: {self.corpus}{why}; settings: {settings}{texts}."


def _where(d: Diagnostic) -> str:
    where = d.path or "<corpus>"
    if d.line is not None:
        where += f":{d.line}"
        if d.column is not None:
            where += f":{d.column}"
    return where


def summary(
    diagnostics: list[Diagnostic], *, strict: bool = False, run: RunInfo | None = None
) -> str:
    """``Found 1 error, 0 warnings, 0 info.`` and what was read (``Corpus: …; settings: …``)."""
    counts = count_by_severity(diagnostics)
    read = f" {run.line()}" if run is not None else ""
    if not diagnostics:
        return f"All checks passed.{read}"

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"

    parts = [
        plural(counts[Severity.ERROR], "error"),
        plural(counts[Severity.WARNING], "warning"),
        plural(counts[Severity.INFO], "info"),
    ]
    tail = " Warnings fail under --strict." if not strict and counts[Severity.WARNING] else ""
    return f"Found {', '.join(parts)}.{read}{tail}"


def text(diagnostics: list[Diagnostic], *, strict: bool = False, run: RunInfo | None = None) -> str:
    lines = [
        f"{_where(d)}: {d.code} [{d.severity.value}] {d.message}"
        + (f"  ({d.name})" if d.name else "")
        for d in diagnostics
    ]
    lines.append(summary(diagnostics, strict=strict, run=run))
    return "\n".join(lines) + "\n"


def concise(
    diagnostics: list[Diagnostic], *, strict: bool = False, run: RunInfo | None = None
) -> str:
    return "".join(f"{_where(d)}: {d.code} {d.message}\n" for d in diagnostics)


def as_json(
    diagnostics: list[Diagnostic], *, strict: bool = False, run: RunInfo | None = None
) -> str:
    counts = count_by_severity(diagnostics)
    document: dict[str, object] = {
        "diagnostics": [d.as_dict() for d in diagnostics],
        "summary": {severity.value: counts[severity] for severity in Severity},
    }
    if run is not None:
        document["corpus"] = {"path": run.corpus, "origin": run.origin}
        document["settings"] = run.settings
        document["texts"] = run.texts
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(
    diagnostics: list[Diagnostic], *, strict: bool = False, run: RunInfo | None = None
) -> str:
    """GitHub Actions workflow commands: annotations on the changed lines."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for d in diagnostics:
        props = []
        if d.path:
            props.append(f"file={_escape(d.path, prop=True)}")
        if d.line is not None:
            props.append(f"line={d.line}")
        if d.column is not None:
            props.append(f"col={d.column}")
        props.append(f"title={_escape(f'{d.code} {d.name}', prop=True)}")
        out.append(f"::{level[d.severity]} {','.join(props)}::{_escape(d.message)}\n")
    return "".join(out)


REPORTERS: dict[CheckFormat, Callable[..., str]] = {
    CheckFormat.TEXT: text,
    CheckFormat.CONCISE: concise,
    CheckFormat.JSON: as_json,
    CheckFormat.GITHUB: github,
}


def render(
    diagnostics: list[Diagnostic],
    fmt: CheckFormat,
    *,
    strict: bool = False,
    run: RunInfo | None = None,
) -> str:
    return REPORTERS[fmt](diagnostics, strict=strict, run=run)
