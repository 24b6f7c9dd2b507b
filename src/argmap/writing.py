"""The output layer: every file argmap writes goes through here.

Use it for anything a command writes (``-o``, CSV directories, HTML pages,
imported corpora)::

    from argmap import writing

    writing.write_file(path, data, protect={corpus_path: "the corpus being read"})
    writing.write_files(directory, {"claims.csv": b"...", ...}, protect=...)

What it promises, whatever is at the path:

* **a regular file** is replaced atomically: the bytes go to a temporary file
  in the same directory, flushed to disk, then renamed over the old one, so a
  reader sees the old file or the new one, never half. The old file's mode
  is kept (and its owner and group, where the writer may set them); a new
  file gets ``0o666`` less the umask, as ``open(path, "w")`` would give.
  Like ``sed -i``, the rename gives the path a new inode: a file's other
  hard links keep the old content (writing in place to keep them would give
  up atomicity);
* **a symbolic link** is written through: its target is replaced, the link
  stays a link (a dangling link creates its target, as ``cp`` does);
* **a character device or a FIFO** (``/dev/null``, a terminal, a named
  pipe) is written in place, as ``cp`` would; a FIFO with no reader is
  refused rather than waited on, and so is anything else that is not a file
  (a directory, a socket, a symlink loop);
* **a protected path** (the corpus or a text this command reads) is refused
  with :class:`OutputError` before anything is written, whatever the
  spelling (relative, through a symlink, a hard link);
* **several files** (:func:`write_files`) are all written to temporary
  files first, and moved in only when every one is complete: a new directory
  appears whole (one rename), an existing one has its files replaced only
  after every destination was checked; an error names the file;
* **temporary files are removed** when writing fails and when the process
  is interrupted (``KeyboardInterrupt``, and SIGTERM once
  :func:`argmap.interrupts.install` turned it into an exception).

``-`` means standard output to the CLI; this module never prints (see
:func:`is_stdout`). Every failure raises :class:`OutputError`, whose message
starts with the path concerned and says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import ArgmapError

STDOUT = "-"
"""The output name that means standard output."""

Protected = Mapping[Path, str]
"""Paths that must not be written over, each with what it is ("the corpus being read")."""


class OutputError(ArgmapError):
    """The output cannot be written where asked. The message names the path."""


def is_stdout(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` means standard output (``-``)."""
    return os.fspath(target) == STDOUT


def write_file(
    path: str | os.PathLike[str], data: bytes, *, protect: Protected | None = None
) -> None:
    """Write ``data`` to ``path`` as described in the module docstring.

    Raises :class:`OutputError` (nothing written) when the path is empty, a
    directory, protected, or cannot be written.
    """
    pending = _prepare(_as_path(path), data, protect or {})
    try:
        pending.commit()
    finally:
        pending.discard()


def write_files(
    directory: str | os.PathLike[str],
    files: Mapping[str, bytes],
    *,
    protect: Protected | None = None,
) -> None:
    """Write every ``name: data`` of ``files`` into ``directory``, all or none.

    ``directory`` is created (with its parents) when missing: the files are
    written to a hidden staging directory beside it, which is renamed into
    place once complete. In an existing directory every file is first written
    to a temporary file beside its destination and every destination checked;
    only then are they renamed into place, one after another.
    """
    root = _as_path(directory)
    protect = protect or {}
    for name in files:
        if not name or Path(name).name != name or name in (".", ".."):
            raise OutputError(f"{name!r}: not a plain file name")
    if _lexists(root):
        _write_into_existing(root, files, protect)
    else:
        _write_new_directory(root, files, protect)


# --- single files ----------------------------------------------------------------


@dataclass
class _Pending:
    """One file ready to go: either a complete temporary file, or bytes to write in place."""

    final: Path
    shown: Path
    data: bytes
    temporary: Path | None = None

    def commit(self) -> None:
        if self.temporary is None:
            _write_in_place(self.final, self.shown, self.data)
            return
        try:
            os.replace(self.temporary, self.final)
        except OSError as err:
            raise OutputError(f"{self.shown}: cannot be replaced: {_reason(err)}") from None
        self.temporary = None

    def discard(self) -> None:
        if self.temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)
            self.temporary = None


def _as_path(target: str | os.PathLike[str]) -> Path:
    text = os.fspath(target)
    if not text:
        raise OutputError("the output path is empty; name a file, or - for standard output")
    if "\0" in text:
        raise OutputError(f"{text!r}: a path cannot contain a NUL character")
    return Path(text)


def _lexists(path: Path) -> bool:
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as err:
        raise OutputError(f"{path}: cannot be examined: {_reason(err)}") from None
    return True


def _reason(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "a symbolic link loop"
    if err.errno == errno.ENOSPC:
        return "no space left on the device"
    return (err.strerror or str(err)).lower().rstrip(".")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def _check_protected(path: Path, shown: Path, protect: Protected) -> None:
    if not protect:
        return
    target = _identity(path)
    real = os.path.realpath(path)
    for guarded, what in protect.items():
        same_file = target is not None and target == _identity(guarded)
        if same_file or real == os.path.realpath(guarded):
            raise OutputError(f"{shown}: refusing to write over {what}; choose another output path")


def _prepare(path: Path, data: bytes, protect: Protected) -> _Pending:
    """Check ``path`` and write ``data`` to a temporary file beside where it goes."""
    shown = path
    _check_protected(path, shown, protect)
    try:
        found = os.stat(path)  # follows links: what would be written
    except FileNotFoundError:
        found = None
    except OSError as err:
        raise OutputError(f"{shown}: cannot be written: {_reason(err)}") from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError(f"{shown}: is a directory; name a file inside it")
    if found is not None and (stat.S_ISCHR(found.st_mode) or stat.S_ISFIFO(found.st_mode)):
        return _Pending(path, shown, data)
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise OutputError(f"{shown}: is not a regular file (a socket or block device); not written")
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    if str(real).startswith(("/proc/", "/dev/")):
        # /dev/stdout and friends: kernel links to an open file; write through them.
        return _Pending(path, shown, data)
    directory = real.parent
    if not directory.is_dir():
        raise OutputError(f"{shown}: directory {directory} does not exist; create it first")
    temporary = _temporary_beside(real, shown, data, found)
    return _Pending(real, shown, data, temporary)


def _temporary_beside(final: Path, shown: Path, data: bytes, old: os.stat_result | None) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    except OSError as err:
        raise OutputError(f"{shown}: cannot be written: {_reason(err)}") from None
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        else:
            os.chmod(temporary, stat.S_IMODE(old.st_mode))
            if hasattr(os, "chown"):
                with contextlib.suppress(OSError):  # only root may give files away
                    os.chown(temporary, old.st_uid, old.st_gid)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{shown}: cannot be written: {_reason(err)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _write_in_place(path: Path, shown: Path, data: bytes) -> None:
    """Write to a device or FIFO as ``cp`` would: no temporary file, no truncation games."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise OutputError(
                f"{shown}: is a FIFO with no reader; start the reader first"
            ) from None
        raise OutputError(f"{shown}: cannot be written: {_reason(err)}") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as err:
        raise OutputError(f"{shown}: cannot be written: {_reason(err)}") from None
    finally:
        os.close(fd)


# --- several files ---------------------------------------------------------------


def _write_new_directory(root: Path, files: Mapping[str, bytes], protect: Protected) -> None:
    parent = root.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{parent}: cannot create the directory: {_reason(err)}") from None
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.", suffix=".staging", dir=parent))
    except OSError as err:
        raise OutputError(f"{root}: cannot be written: {_reason(err)}") from None
    try:
        for name, data in files.items():
            _check_protected(root / name, root / name, protect)
            try:
                (staging / name).write_bytes(data)
            except OSError as err:
                raise OutputError(f"{root / name}: cannot be written: {_reason(err)}") from None
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)
        for name in files:
            os.chmod(staging / name, 0o666 & ~umask)
        try:
            os.rename(staging, root)
        except OSError as err:
            raise OutputError(f"{root}: cannot be created: {_reason(err)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            for leftover in staging.iterdir():
                leftover.unlink()
            staging.rmdir()
        raise


def _write_into_existing(root: Path, files: Mapping[str, bytes], protect: Protected) -> None:
    if not root.is_dir():
        raise OutputError(f"{root}: exists and is not a directory; name a directory for the tables")
    prepared: list[_Pending] = []
    try:
        for name, data in files.items():
            prepared.append(_prepare(root / name, data, protect))
        for pending in prepared:
            pending.commit()
    finally:
        for pending in prepared:
            pending.discard()
