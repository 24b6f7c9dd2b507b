"""Project discovery: which settings file and which corpus a run uses.

argmap looks for settings the way ruff and yamllint do: from the current
directory upward, the nearest directory holding an ``argmap.toml``, or a
``pyproject.toml`` with a ``[tool.argmap]`` table, is the project. Its keys::

    [tool.argmap]
    file = "data/arguments.yaml"   # the corpus
    texts = "texts"                 # the sources' text files, for quote checks
    select = ["ALL"]                # check rules to run (codes or prefixes)
    ignore = ["AM208"]              # check rules to skip
    strict = true                   # warnings fail `argmap check`
    max-quote-words = 30            # AM307's limit

Relative paths are relative to the settings file's directory. The corpus a
command reads is, in order: ``--file``; ``$ARGMAP_FILE``; the settings file's
``file``; a ``data/arguments.yaml`` found upward from the current directory;
the sample bundled with argmap. ``$ARGMAP_SETTINGS`` names a settings file to
use instead of searching, or ``none`` to use none.

This module is core: no typer, no rich, and no pydantic, so that shell
completion can use it cheaply.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from argmap.environment import ENV_FILE, ENV_SETTINGS
from argmap.errors import ArgmapError
from argmap.positions import display_path

SETTINGS_FILES = ("argmap.toml", "pyproject.toml")
"""The file names searched in each directory, the first found winning."""

CORPUS_NAME = Path("data") / "arguments.yaml"
"""The conventional corpus path, looked for upward when no setting names one."""

KEYS = ("file", "texts", "select", "ignore", "strict", "max-quote-words")
"""Every key a settings table may hold."""


class SettingsError(ArgmapError):
    """A settings file cannot be read or holds a bad value; the message says where and what."""


class CorpusOrigin(StrEnum):
    """Where the corpus path of a run came from, strongest first."""

    OPTION = "option"
    ENVIRONMENT = "environment"
    SETTINGS = "settings"
    FOUND = "found"
    BUNDLED = "bundled"


@dataclass(frozen=True)
class Settings:
    """The settings in force: from a file, or none (``path`` is ``None``)."""

    path: Path | None = None
    """The settings file read, or ``None`` when there is none."""
    file: Path | None = None
    texts: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool | None = None
    max_quote_words: int | None = None
    keys: frozenset[str] = field(default_factory=frozenset)
    """The keys the file set (so a caller can tell "unset" from a default)."""

    @property
    def table(self) -> str:
        """How the settings are named in messages: ``pyproject.toml [tool.argmap]``."""
        if self.path is None:
            return "no settings file"
        name = display_path(self.path)
        return f"{name} [tool.argmap]" if self.path.name == "pyproject.toml" else name


@dataclass(frozen=True)
class CorpusChoice:
    """The corpus file a run reads, and why that one."""

    path: Path
    origin: CorpusOrigin


def find_settings_file(start: Path | None = None) -> Path | None:
    """The nearest settings file from ``start`` (default: the current directory) upward.

    A ``pyproject.toml`` counts only when it has a ``[tool.argmap]`` table; an
    ``argmap.toml`` always counts. In one directory ``argmap.toml`` wins.
    """
    directory = (start or Path.cwd()).absolute()
    for folder in (directory, *directory.parents):
        for name in SETTINGS_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "argmap.toml" or _has_argmap_table(candidate):
                return candidate
    return None


_TABLE = re.compile(rb"^\s*\[\s*tool\s*\.\s*argmap\s*\]", re.MULTILINE)


def _has_argmap_table(path: Path) -> bool:
    """Whether ``pyproject.toml`` has ``[tool.argmap]``: a cheap look before parsing."""
    try:
        return _TABLE.search(path.read_bytes()) is not None
    except OSError:
        return False


def load_settings(start: Path | None = None) -> Settings:
    """The settings in force for a run from ``start`` (default: the current directory).

    ``$ARGMAP_SETTINGS`` names the file to read instead of searching (``none``:
    no settings). Raises :class:`SettingsError` for a file that cannot be
    used: unreadable, not TOML, an unknown key or a value of the wrong type.
    """
    chosen = os.environ.get(ENV_SETTINGS, "").strip()
    if chosen.lower() == "none":
        return Settings()
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            raise SettingsError(
                f"{chosen}: no such settings file (from ${ENV_SETTINGS}); "
                "name an argmap.toml or pyproject.toml, or set it to 'none'"
            )
        return read_settings(path)
    found = find_settings_file(start)
    return read_settings(found) if found is not None else Settings()


_READ: dict[tuple[Path, Path, bytes], Settings] = {}
"""Settings already parsed in this process, by working directory (the paths in them
are relative to it), file and content: a command asks for them more than once (to
choose the corpus, the texts, what not to overwrite)."""


def read_settings(path: Path) -> Settings:
    """Read one settings file (``argmap.toml``, or ``pyproject.toml``'s ``[tool.argmap]``)."""
    where = display_path(path)
    try:
        content = path.read_bytes()
    except OSError as err:
        raise SettingsError(f"{where}: cannot be read ({err.strerror or err})") from None
    key = (Path.cwd(), path, content)
    known = _READ.get(key)
    if known is None:
        known = _READ[key] = _read(path, content, where)
    return known


def _read(path: Path, content: bytes, where: str) -> Settings:
    import tomllib

    try:
        document = tomllib.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SettingsError(f"{where}: is not valid UTF-8; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{where}: is not valid TOML: {err}") from None
    if path.name == "pyproject.toml":
        table: Any = document.get("tool", {}).get("argmap", {})
        where = f"{where} [tool.argmap]"
    else:
        table = document.get("tool", {}).get("argmap", document)
    if not isinstance(table, dict):
        raise SettingsError(f"{where}: [tool.argmap] must be a table")
    return _parse(table, path, where)


def _parse(table: dict[str, Any], path: Path, where: str) -> Settings:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise SettingsError(
            f"{where}: unknown key {', '.join(repr(k) for k in unknown)}; "
            f"the keys are {', '.join(KEYS)}"
        )
    base = path.parent
    values: dict[str, Any] = {}
    for key in ("file", "texts"):
        if key in table:
            value = table[key]
            if not isinstance(value, str) or not value.strip():
                raise SettingsError(f"{where}: '{key}' must be a path (a non-empty string)")
            values[key] = _relative(base, value)
    for key in ("select", "ignore"):
        if key in table:
            values[key] = _codes(table[key], key, where)
    if "strict" in table:
        if not isinstance(table["strict"], bool):
            raise SettingsError(f"{where}: 'strict' must be true or false")
        values["strict"] = table["strict"]
    if "max-quote-words" in table:
        value = table["max-quote-words"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SettingsError(f"{where}: 'max-quote-words' must be a whole number of 1 or more")
        values["max_quote_words"] = value
    return Settings(path=path, keys=frozenset(table), **values)


def _relative(base: Path, value: str) -> Path:
    """``value`` relative to ``base``, kept short when ``base`` is the current directory."""
    candidate = Path(value).expanduser()
    if candidate.is_absolute():
        return candidate
    try:
        if base.resolve() == Path.cwd().resolve():
            return candidate
    except OSError:
        pass
    return Path(os.path.normpath(base / candidate))


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise SettingsError(f"{where}: '{key}' must be a list of rule codes, e.g. [\"AM3\"]")
    out: list[str] = []
    for item in items:
        out.extend(part.strip().upper() for part in item.split(",") if part.strip())
    return tuple(out)


def find_corpus_upward(start: Path | None = None) -> Path | None:
    """The nearest ``data/arguments.yaml`` from ``start`` upward, if any."""
    directory = (start or Path.cwd()).absolute()
    cwd = Path.cwd().absolute()
    for folder in (directory, *directory.parents):
        candidate = folder / CORPUS_NAME
        if candidate.is_file():
            return CORPUS_NAME if folder == cwd else candidate
    return None


def choose_corpus(option: Path | None = None, settings: Settings | None = None) -> CorpusChoice:
    """The corpus a run reads: option, environment, settings, found upward, bundled."""
    if option is not None:
        return CorpusChoice(option, CorpusOrigin.OPTION)
    env = os.environ.get(ENV_FILE)
    if env:
        return CorpusChoice(Path(env), CorpusOrigin.ENVIRONMENT)
    if settings is None:
        settings = load_settings()
    if settings.file is not None:
        return CorpusChoice(settings.file, CorpusOrigin.SETTINGS)
    found = find_corpus_upward()
    if found is not None:
        return CorpusChoice(found, CorpusOrigin.FOUND)
    return CorpusChoice(bundled_corpus_path(), CorpusOrigin.BUNDLED)


@lru_cache(maxsize=1)
def bundled_corpus_path() -> Path:
    """Where the sample corpus bundled with argmap is in this installation."""
    from importlib import resources

    packaged = resources.files("argmap") / "data" / "arguments.yaml"
    if isinstance(packaged, Path) and packaged.is_file():
        return packaged
    # Editable install or a plain checkout: src/argmap/settings.py -> repo root.
    return Path(__file__).resolve().parents[2] / "data" / "arguments.yaml"


def describe_origin(choice: CorpusChoice, settings: Settings) -> str:
    """Why this corpus, in words: ``from pyproject.toml [tool.argmap]``."""
    return {
        CorpusOrigin.OPTION: "from --file",
        CorpusOrigin.ENVIRONMENT: f"from ${ENV_FILE}",
        CorpusOrigin.SETTINGS: f"from {settings.table}",
        CorpusOrigin.FOUND: "found upward from the current directory",
        CorpusOrigin.BUNDLED: "the sample bundled with argmap",
    }[choice.origin]
