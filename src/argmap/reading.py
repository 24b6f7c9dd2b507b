"""The input layer: the step that opens a file argmap reads, before any parsing.

:func:`read_input` returns a file's bytes, or raises :class:`InputError` with
one line that says what is wrong and what to do:

* only a **regular file** is read (following symbolic links): a directory, a
  device (``/dev/zero`` would never end), a FIFO (it would hang waiting for a
  writer), a socket or a symbolic link loop is refused before reading a byte;
* the **size is capped**: :data:`DEFAULT_MAX_BYTES` (256 MiB, far above any
  corpus or source text) unless ``$ARGMAP_MAX_INPUT`` raises it (``512M``,
  ``2G``, or a number of bytes). The cap is checked against the file's size
  before reading, and again while reading (a file that grows meanwhile).

The corpus loader (:mod:`argmap.loading`) and the texts store
(:mod:`argmap.texts`) both read through here.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from argmap.environment import ENV_MAX_INPUT
from argmap.errors import ArgmapError

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""The default size cap: 256 MiB."""

_SIZE = re.compile(r"(?i)^\s*([0-9]+)\s*([kmgt]?)(?:i?b)?\s*$")
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


class InputError(ArgmapError):
    """A file cannot be read as input. The message says why and what to do."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def parse_size(text: str) -> int:
    """``"512M"`` -> bytes. Accepts a number with an optional K, M, G or T (powers of 1024)."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a size; write e.g. 512M, 2G or 1000000")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


_configured: int | None = None


def configure(limit: int | None) -> None:
    """Set the size cap for this process (``None``: back to ``$ARGMAP_MAX_INPUT`` or the default).

    The CLI's ``--max-input`` calls this on every run.
    """
    global _configured
    _configured = limit


def max_bytes() -> int:
    """The size cap in force: :func:`configure`'s, else ``$ARGMAP_MAX_INPUT``, else the default."""
    if _configured is not None:
        return _configured
    given = os.environ.get(ENV_MAX_INPUT, "").strip()
    if not given:
        return DEFAULT_MAX_BYTES
    try:
        return parse_size(given)
    except ValueError as err:
        raise ArgmapError(f"${ENV_MAX_INPUT}: {err}") from None


def human_size(size: int) -> str:
    """``268435456`` -> ``"256 MiB"``."""
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a file; save the input to a file first"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file; save the input to a file first"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def reason_of(err: OSError) -> str:
    """Why a path cannot be read, as the input layer words it (e.g. "the file name is too
    long")."""
    return _reason(err)


def _reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, PermissionError):
        return "permission denied; make the file readable"
    if err.errno == errno.ELOOP:
        return "is a symbolic link loop; point the link at a real file"
    if err.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return f"cannot be read: {(err.strerror or str(err)).lower()}"


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of the regular file at ``path`` (to sniff its format).

    The same checks as :func:`read_input` (a FIFO or a device is refused, not
    read), except the size cap: only ``size`` bytes are read.
    """
    return read_input(path, limit=size, truncate=True)


def read_input(path: Path, *, limit: int | None = None, truncate: bool = False) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` (default :func:`max_bytes`).

    Raises :class:`InputError` for a missing, unreadable, non-regular or
    too large file; :class:`FileNotFoundError` is reported as "no such file".
    With ``truncate``, a larger file is not an error: its first ``limit``
    bytes are returned.
    """
    cap = max_bytes() if limit is None else limit
    if "\0" in os.fspath(path):
        raise InputError(path, "the name contains a NUL character")
    try:
        found = os.stat(path)
    except OSError as err:
        raise InputError(path, _reason(err)) from None
    if not stat.S_ISREG(found.st_mode):
        raise InputError(path, _kind(found.st_mode))
    if not truncate:
        _check_size(path, found.st_size, cap)
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening
        # does not hang; for a regular file it changes nothing.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise InputError(path, _reason(err)) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise InputError(path, _kind(opened.st_mode))
        if not truncate:
            _check_size(path, opened.st_size, cap)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(cap if truncate else cap + 1)
    except OSError as err:
        raise InputError(path, _reason(err)) from None
    finally:
        os.close(fd)
    if not truncate:
        _check_size(path, len(data), cap)
    return data


def _check_size(path: Path, size: int, cap: int) -> None:
    if size > cap:
        raise InputError(
            path,
            f"is larger than {human_size(cap)}, the most argmap reads; "
            f"set {ENV_MAX_INPUT}=2G (for example) to read it anyway",
        )
