"""The input layer (argmap.reading): only regular files, and never more than the cap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.reading import DEFAULT_MAX_BYTES, InputError, parse_size, read_head, read_input


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"schema_version: 1\n")
    assert read_input(path) == b"schema_version: 1\n"


def test_a_symlink_to_a_file_is_followed(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_bytes(b"x")
    (tmp_path / "link.yaml").symlink_to("c.yaml")
    assert read_input(tmp_path / "link.yaml") == b"x"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/dev/zero", "is a device, not a file; save the input to a file first"),
        ("/dev/urandom", "is a device, not a file; save the input to a file first"),
        ("/", "is a directory, not a file"),
    ],
)
def test_what_is_not_a_file_is_refused_before_reading(path: str, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        read_input(Path(path))
    assert raised.value.reason == reason


def test_a_fifo_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match="is a FIFO"):
        read_input(tmp_path / "pipe")


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(InputError, match="is a symbolic link loop; point the link at a real file"):
        read_input(tmp_path / "a")


def test_a_file_above_the_cap_is_refused_with_the_way_out(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(InputError) as raised:
        read_input(path, limit=1024)
    assert raised.value.reason == (
        "is larger than 1 KiB, the most argmap reads; "
        "set ARGMAP_MAX_INPUT=2G (for example) to read it anyway"
    )
    assert read_input(path, limit=2048) == b"x" * 2048


def test_the_cap_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"x" * 2048)
    monkeypatch.setenv("ARGMAP_MAX_INPUT", "1K")
    with pytest.raises(InputError, match="larger than 1 KiB"):
        read_input(path)


def test_the_default_cap_is_256_mib() -> None:
    assert DEFAULT_MAX_BYTES == parse_size("256M") == 256 * 1024 * 1024


@pytest.mark.parametrize(
    ("text", "size"), [("1000", 1000), ("2k", 2048), ("1G", 1 << 30), ("3MiB", 3 << 20)]
)
def test_sizes_are_parsed_in_powers_of_1024(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_a_bad_size_says_how_to_write_one() -> None:
    with pytest.raises(ValueError, match=r"write e\.g\. 512M, 2G or 1000000"):
        parse_size("lots")


def test_the_head_of_a_large_file_can_be_read_for_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"{" + b" " * 5000)
    assert read_head(path, 10) == b"{" + b" " * 9
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match="is a FIFO"):
        read_head(tmp_path / "pipe", 10)
