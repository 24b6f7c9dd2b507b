"""The output layer (argmap.writing): what happens to whatever is at the output path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.writing import OutputError, is_stdout, write_file, write_files


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        write_file(target, b"new")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o644
    assert leftovers(tmp_path) == []


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "secret.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_existing_file_is_replaced_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    before = target.stat().st_ino
    write_file(target, b"new")
    assert target.stat().st_ino != before  # a rename: readers never see half a file


def test_a_hard_linked_output_is_replaced_and_its_other_name_keeps_the_old_bytes(
    tmp_path: Path,
) -> None:
    # As documented (docs/export.md): atomicity first, like sed -i.
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    other = tmp_path / "other.json"
    os.link(target, other)
    write_file(target, b"new")
    assert (target.read_bytes(), other.read_bytes()) == (b"new", b"old")


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    write_file(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert real.stat().st_mode & 0o777 == 0o640


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    write_file(link, b"new")
    assert link.is_symlink()
    assert (tmp_path / "made.json").read_bytes() == b"new"


def test_a_character_device_is_written_in_place() -> None:
    write_file("/dev/null", b"gone")
    assert Path("/dev/null").is_char_device()


def test_a_fifo_with_a_reader_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    # Wait until cat has opened the FIFO for reading.
    for _ in range(200):
        try:
            write_file(fifo, b"through the pipe")
            break
        except OutputError:
            time.sleep(0.01)
    out, _ = reader.communicate(timeout=10)
    assert out == b"through the pipe"
    assert fifo.is_fifo()


def test_a_fifo_without_a_reader_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="FIFO with no reader"):
        write_file(fifo, b"x")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "the output path is empty; name a file, or - for standard output"),
        ("a\0b", "a path cannot contain a NUL character"),
    ],
)
def test_impossible_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(OutputError, match=message):
        write_file(name, b"x")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory; name a file inside it"):
        write_file(tmp_path, b"x")


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OutputError, match="symbolic link loop"):
        write_file(tmp_path / "a", b"x")


def test_a_missing_directory_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"directory .*nowhere does not exist"):
        write_file(tmp_path / "nowhere" / "x.json", b"x")


def test_a_protected_file_is_refused_however_it_is_spelled(tmp_path: Path) -> None:
    corpus = tmp_path / "c.yaml"
    corpus.write_bytes(b"schema_version: 1\n")
    (tmp_path / "link.yaml").symlink_to("c.yaml")
    os.link(corpus, tmp_path / "hard.yaml")
    protect = {corpus: "the corpus"}
    for spelling in (
        corpus,
        tmp_path / "link.yaml",
        tmp_path / "hard.yaml",
        tmp_path / "." / "c.yaml",
    ):
        with pytest.raises(OutputError, match="refusing to write over the corpus"):
            write_file(spelling, b"{}", protect=protect)
    assert corpus.read_bytes() == b"schema_version: 1\n"


def test_dash_means_stdout() -> None:
    assert is_stdout("-")
    assert not is_stdout("./-")


def test_several_files_make_a_new_directory_whole(tmp_path: Path) -> None:
    target = tmp_path / "tables"
    write_files(target, {"a.csv": b"1", "b.csv": b"2"})
    assert sorted(p.name for p in target.iterdir()) == ["a.csv", "b.csv"]
    assert leftovers(tmp_path) == []


def test_several_files_are_all_or_none(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes(b"old a")
    (tmp_path / "b.csv").mkdir()  # in the way
    with pytest.raises(OutputError, match=r"b\.csv: is a directory"):
        write_files(tmp_path, {"a.csv": b"new a", "b.csv": b"new b", "c.csv": b"new c"})
    assert (tmp_path / "a.csv").read_bytes() == b"old a"
    assert not (tmp_path / "c.csv").exists()
    assert leftovers(tmp_path) == []


def test_a_file_in_place_of_the_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "tables").write_bytes(b"")
    with pytest.raises(OutputError, match="exists and is not a directory"):
        write_files(tmp_path / "tables", {"a.csv": b"1"})


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    # A child writes a large file through a pipe-slowed loop; the signal lands mid-write.
    script = f"""
import os, sys, time
from pathlib import Path
from argmap import interrupts, writing
interrupts.install()
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)
os.fsync = slow_fsync
writing.write_file(Path({str(tmp_path / "out.bin")!r}), b"x" * 1000)
"""
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n"
    assert len(list(tmp_path.iterdir())) == 1  # the temporary file exists now
    child.send_signal(signum)
    child.communicate(timeout=10)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another owner")
def test_an_existing_file_keeps_its_owner_where_permitted(tmp_path: Path) -> None:
    target = tmp_path / "theirs.json"
    target.write_bytes(b"old")
    os.chown(target, 1234, 5678)
    write_file(target, b"new")
    assert (target.stat().st_uid, target.stat().st_gid) == (1234, 5678)
