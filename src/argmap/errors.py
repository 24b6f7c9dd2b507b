"""Typed errors of the core. The CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argmap.positions import display_path


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a corpus file cannot be used, with where it is."""

    code: str
    """``AM001`` (unreadable file or YAML) or ``AM002`` (does not fit the schema)."""
    message: str
    path: Path | None = None
    line: int | None = None
    column: int | None = None
    entity_id: str | None = None

    def __str__(self) -> str:
        where = display_path(self.path) if self.path is not None else "<corpus>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ArgmapError(Exception):
    """Base class of every error the core raises on purpose."""


class CorpusError(ArgmapError):
    """The corpus file cannot be read, parsed or validated.

    ``problems`` holds every problem found, not just the first.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class TextsError(ArgmapError):
    """The texts directory given for quote checks is not usable."""


class LookupFailed(ArgmapError):
    """A name given on the command line matches nothing, or more than one thing."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        self.candidates = candidates or []
        super().__init__(message)
