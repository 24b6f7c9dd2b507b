"""The full texts of the sources, read from a directory for quote checks."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath, PureWindowsPath

from argmap.errors import TextsError
from argmap.quotes import SourceText
from argmap.reading import InputError, read_input


class TextStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"
    UNSAFE = "unsafe"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A source's text file, or why it could not be had."""

    status: TextStatus
    name: str
    path: Path | None = None
    text: SourceText | None = None
    sha256: str | None = None
    reason: str | None = None


class TextStore:
    """Reads each text file once, checks its path stays inside the directory."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        root = Path(directory)
        if not root.exists():
            raise TextsError(f"{root}: texts directory does not exist; pass --texts DIR")
        if not root.is_dir():
            raise TextsError(f"{root}: is not a directory; pass the folder that holds the texts")
        self.root = root
        self._resolved_root = root.resolve()
        self._cache: dict[str, LoadedText] = {}

    def get(self, name: str) -> LoadedText:
        if name not in self._cache:
            self._cache[name] = self._read(name)
        return self._cache[name]

    def _read(self, name: str) -> LoadedText:
        if "\0" in name:
            return LoadedText(
                TextStatus.UNSAFE, name, reason="contains a NUL character; name a file"
            )
        if (
            PurePosixPath(name).is_absolute()
            or PureWindowsPath(name).is_absolute()
            or PureWindowsPath(name).drive
        ):
            return LoadedText(
                TextStatus.UNSAFE,
                name,
                reason="is an absolute path; name it relative to --texts",
            )
        try:
            candidate = (self.root / name).resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            return LoadedText(
                TextStatus.UNREADABLE,
                name,
                self.root / name,
                reason="is a symbolic link loop; point the link at a real file",
            )
        if not candidate.is_relative_to(self._resolved_root):
            return LoadedText(
                TextStatus.UNSAFE,
                name,
                reason="leaves the texts directory (../)",
            )
        try:
            data = read_input(candidate)
        except InputError as err:
            if err.reason == "no such file":
                return LoadedText(
                    TextStatus.MISSING, name, candidate, reason=f"not found in {self.root}"
                )
            return LoadedText(TextStatus.UNREADABLE, name, candidate, reason=err.reason)
        try:
            decoded = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return LoadedText(TextStatus.UNREADABLE, name, candidate, reason="is not valid UTF-8")
        return LoadedText(
            TextStatus.OK,
            name,
            candidate,
            SourceText(decoded),
            hashlib.sha256(data).hexdigest(),
        )

    def paths(self) -> list[Path]:
        """The text files read so far (so that no output is written over one)."""
        return [loaded.path for loaded in self._cache.values() if loaded.path is not None]
