"""The cache of validated corpora: used while the file is unchanged, never trusted otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import cache, loading
from argmap.cli.app import app
from tests.conftest import RULES

VALID = (RULES / "pass.yaml").read_text(encoding="utf-8")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache directory (XDG_CACHE_HOME) and a corpus file, in this test's tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ARGMAP_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_disabled", False)
    corpus = tmp_path / "work" / "corpus.yaml"
    corpus.parent.mkdir()
    corpus.write_text(VALID, encoding="utf-8")
    return corpus


def entries(corpus: Path) -> list[Path]:
    folder = corpus.parent.parent / "cache" / "argmap"
    return sorted(folder.glob("*")) if folder.exists() else []


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("the corpus was parsed, not read from the cache")

    monkeypatch.setattr(loading, "parse_and_validate", fail)


def test_an_unchanged_file_is_read_from_the_cache(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cache.load(home)
    [entry] = entries(home)
    assert entry.name.endswith(".corpus.pickle")
    no_parsing(monkeypatch)
    again = cache.load(home)
    assert again == first
    assert again.source_map.locate(("claims", 0, "text")) == first.source_map.locate(
        ("claims", 0, "text")
    )
    assert os.listdir(home.parent) == ["corpus.yaml"]  # nothing beside the corpus


def test_a_changed_file_is_read_afresh(home: Path) -> None:
    cache.load(home)
    home.write_text(VALID.replace("schema_version: 1", "schema_version: 1  # edited"))
    cache.load(home)
    assert len(entries(home)) == 2


def test_the_same_bytes_with_a_new_time_are_a_new_entry(home: Path) -> None:
    cache.load(home)
    stat = home.stat()
    os.utime(home, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    cache.load(home)
    assert len(entries(home)) == 2


def test_a_corrupt_entry_is_ignored_and_rebuilt(home: Path) -> None:
    expected = cache.load(home)
    [entry] = entries(home)
    for garbage in (b"", b"not a pickle", entry.read_bytes()[:100]):
        entry.write_bytes(garbage)
        assert cache.load(home) == expected
        assert entry.stat().st_size > 1000  # written again, whole


def test_an_entry_of_another_version_is_never_used(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load(home)
    monkeypatch.setattr(cache, "__version__", "99.0")
    cache.load(home)
    assert len(entries(home)) == 2


def test_an_entry_validated_by_another_pydantic_is_never_used(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Installing another pydantic rewrites its version file; the key notices
    # without importing pydantic (which a query served from the cache never does).
    # (Here a stand-in package: this process has imported the real pydantic.)
    fake = tmp_path / "site" / "stand_in_pydantic"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "version.py").write_text("VERSION = '2.0.0'\n")
    monkeypatch.syspath_prepend(str(fake.parent))
    monkeypatch.setattr(cache, "_VALIDATORS", (("stand_in_pydantic", "version.py"),))
    cache.load(home)
    (fake / "version.py").write_text("VERSION = '2.99.0'\n")
    cache.load(home)
    assert len(entries(home)) == 2


@pytest.mark.parametrize("size", [0, 200_000, cache._SMALL + 1])
def test_the_key_hashes_alike_with_or_without_openssl(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small file is hashed by CPython's own SHA-256 while hashlib (4 ms of
    # OpenSSL to import) is not loaded yet; the digest must be hashlib's.
    import hashlib

    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    expected = hashlib.sha256(data).digest()
    monkeypatch.delitem(sys.modules, "hashlib")
    assert cache._sha256(data) == expected
    assert ("hashlib" in sys.modules) is (size >= cache._SMALL)


def test_a_copy_elsewhere_is_reported_under_its_own_name(home: Path) -> None:
    cache.load(home)
    copy = home.parent / "copy.yaml"
    copy.write_bytes(home.read_bytes())
    os.utime(copy, ns=(home.stat().st_atime_ns, home.stat().st_mtime_ns))
    assert cache.load(copy).source_map.path == copy


def test_an_unwritable_cache_is_no_error(home: Path) -> None:
    (home.parent.parent / "cache").write_text("a file where the directory would go")
    assert cache.load(home).claims


@pytest.mark.parametrize("how", ["env", "option"])
def test_no_cache_reads_afresh_and_writes_nothing(
    home: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    args = ["claims", "-f", str(home), "--format", "json"]
    if how == "env":
        monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    else:
        args.append("--no-cache")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert entries(home) == []


def test_only_the_newest_entries_are_kept(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP", 3)
    for i in range(5):
        home.write_text(VALID + f"# edit {i}\n")
        cache.load(home)
    assert len(entries(home)) == 3
