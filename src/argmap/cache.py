"""A cache of validated corpora, so that a command on an unchanged file skips the YAML.

Parsing and validating the corpus is most of what a query costs once the
code is imported. :func:`load` keeps the validated :class:`~argmap.corpus.Corpus`
(plain records, with their positions) of each file it reads in the user's
cache directory, ``$XDG_CACHE_HOME/argmap`` (``~/.cache/argmap``), and hands
it back while the file is unchanged, without importing the YAML parser or
pydantic:

* an entry is keyed by the file's content hash (SHA-256), its size and its
  modification time, by argmap's version and the code that builds it (the
  records, the models and the loader), and by the installed pydantic (the
  files that carry its version), so it is never trusted across versions;
* it is stored beside nothing: the corpus's own directory is never written;
* it is written atomically (a temporary file, then a rename), and a corrupt,
  truncated or foreign entry is ignored and rebuilt, never an error;
* deleting the directory is always safe; only the newest entries are kept;
* ``--no-cache`` on a command, or ``$ARGMAP_NO_CACHE`` set to anything but
  empty or ``0``, reads the file afresh and leaves the cache alone.

Entries are Python pickles, which can run code when read: the directory is
the user's own (mode 0700 when argmap creates it), like the other files
their shell and tools trust.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from argmap import __version__
from argmap.collector import paused, settle
from argmap.environment import ENV_NO_CACHE

if TYPE_CHECKING:
    from argmap.corpus import Corpus

KEEP = 16
"""How many entries the cache keeps (the most recently written)."""

_FORMAT = 1
_SUFFIX = ".corpus.pickle"
# The modules whose code decides what a cached corpus is.
_BUILDERS = (
    "corpus.py",
    "model.py",
    "vocabulary.py",
    "loading.py",
    "event_loader.py",
    "positions.py",
)

# The files that change with the installed pydantic (the version is written in them).
_VALIDATORS = (("pydantic", "version.py"), ("pydantic_core", "__init__.py"))

_disabled = False


def disable() -> None:
    """Turn the cache off for this process (what ``--no-cache`` does)."""
    global _disabled
    _disabled = True


def enabled() -> bool:
    """Whether :func:`load` uses the cache (not after :func:`disable`, nor with the variable)."""
    return not _disabled and os.environ.get(ENV_NO_CACHE, "").strip() in ("", "0")


def directory() -> Path:
    """``$XDG_CACHE_HOME/argmap``, or ``~/.cache/argmap``."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "argmap"


def load(path: str | os.PathLike[str] | None = None) -> Corpus:
    """:func:`argmap.loading.load`, through the cache when it is enabled.

    For a command: what is alive once the corpus is loaded is exempted from
    later garbage collections (:func:`argmap.collector.settle`).
    """
    from argmap.corpus_file import default_corpus_path

    file = Path(path) if path is not None else default_corpus_path()
    corpus = _load(file)
    # The corpus lives as long as the command: later collections need not walk it.
    settle()
    return corpus


def _load(file: Path) -> Corpus:
    from argmap.corpus_file import read_corpus_bytes

    if not enabled():
        from argmap import loading

        return loading.load(file)
    data = read_corpus_bytes(file)
    try:
        status = file.stat()
    except OSError:
        from argmap import loading

        return loading.parse_and_validate(data, file)
    key = _key(data, status.st_size, status.st_mtime_ns)
    entry = directory() / f"{key}{_SUFFIX}"
    corpus = _read(entry, key)
    if corpus is None:
        from argmap import loading  # the parser, only on a miss

        corpus = loading.parse_and_validate(data, file)
        _write(entry, key, corpus)
    elif corpus.source_map.path != file:
        corpus.with_source_map(dataclasses.replace(corpus.source_map, path=file))
    return corpus


def _key(data: bytes, size: int, mtime_ns: int) -> str:
    stamp = f"{_FORMAT}\0{__version__}\0{_code_stamp()}\0{size}\0{mtime_ns}\0".encode()
    return _sha256(stamp + _sha256(data)).hex()[:40]


_SMALL = 1 << 20
"""Below this many bytes, CPython's own SHA-256 hashes the file sooner than
hashlib's OpenSSL one can be imported (about 4 ms; OpenSSL hashes 200 kB in
0.2 ms, the built-in module in 1.2 ms). The digest is the same either way."""


def _sha256(data: bytes) -> bytes:
    if len(data) < _SMALL and "hashlib" not in sys.modules:
        from importlib import import_module

        for name in ("_sha256", "_sha2"):  # CPython 3.11; 3.12 and later
            try:
                builtin: Any = import_module(name)
            except ImportError:
                continue
            return bytes(builtin.sha256(data).digest())
    import hashlib

    return hashlib.sha256(data).digest()


def _code_stamp() -> str:
    """Size and modification time of the modules that build a corpus (for editable
    installs), and of the files that carry pydantic's version, which validated it.

    pydantic's are found without importing it: ``import pydantic`` alone takes
    about half the start-up floor, and a corpus served from the cache needs none
    of it. Installing another pydantic rewrites those files.
    """
    from importlib.util import find_spec

    files = [(name, Path(__file__).parent / name) for name in _BUILDERS]
    for package, module in _VALIDATORS:
        with contextlib.suppress(ImportError, ValueError):
            spec = find_spec(package)
            if spec is not None and spec.submodule_search_locations:
                files.append((module, Path(spec.submodule_search_locations[0]) / module))
    parts = []
    for name, path in files:
        try:
            status = path.stat()
        except OSError:
            continue
        parts.append(f"{name}:{status.st_size}:{status.st_mtime_ns}")
    return ";".join(parts)


def _read(entry: Path, key: str) -> Corpus | None:
    import pickle

    from argmap.corpus import Corpus

    try:
        with entry.open("rb") as stream, paused():
            stored: Any = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # corrupt, truncated, written by other code: rebuilt, never an error
        remove(entry)
        return None
    if (
        not isinstance(stored, tuple)
        or len(stored) != 3
        or stored[0] != _FORMAT
        or stored[1] != key
        or not isinstance(stored[2], Corpus)
    ):
        remove(entry)
        return None
    return stored[2]


def _write(entry: Path, key: str, corpus: Corpus) -> None:
    """Store ``corpus`` atomically; any failure just leaves the cache without it."""
    import pickle

    def dump(stream: BinaryIO) -> None:
        pickle.dump((_FORMAT, key, corpus), stream, protocol=pickle.HIGHEST_PROTOCOL)

    with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
        write_entry(entry, dump, suffix=_SUFFIX, keep=KEEP)


def write_entry(entry: Path, write: Callable[[BinaryIO], None], *, suffix: str, keep: int) -> None:
    """Write a cache entry atomically: ``write`` fills a temporary file in the entry's
    folder (made private if new), which then replaces ``entry``; the folder then
    keeps only the ``keep`` newest files named ``*suffix``. A failure leaves
    no temporary file behind and raises (an ``OSError``, or what ``write`` raised):
    callers drop it, since a cache that cannot be written is only no cache."""
    import tempfile

    folder = entry.parent
    temporary: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, entry)
        temporary = None
        prune(folder, suffix, keep)
    finally:
        if temporary is not None:
            remove(Path(temporary))


def prune(folder: Path, suffix: str, keep: int) -> None:
    """Delete all but the ``keep`` newest files in ``folder`` named ``*suffix``."""
    entries = []
    for found in folder.glob(f"*{suffix}"):
        with contextlib.suppress(OSError):
            entries.append((found.stat().st_mtime_ns, found))
    entries.sort(reverse=True)
    for _, old in entries[keep:]:
        remove(old)


def remove(path: Path) -> None:
    """Delete ``path`` if it can be; a cache never fails for want of a clean-up."""
    with contextlib.suppress(OSError):
        path.unlink()
