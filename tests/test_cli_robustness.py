"""The CLI never destroys a file, never hangs on an input, never shows a traceback.

Each test here is a case from a hostile audit of argmap (issue 14).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import FIXTURES, RULES

CORPUS = FIXTURES / "export.yaml"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.yaml"
    shutil.copy(CORPUS, path)
    return path


# --- outputs ---------------------------------------------------------------------


def test_export_refuses_to_overwrite_the_corpus(runner: CliRunner, corpus: Path) -> None:
    before = corpus.read_bytes()
    result = runner.invoke(app, ["export", "-f", str(corpus), "-o", str(corpus)])
    assert result.exit_code == 2
    assert "refusing to write over" in result.stderr
    assert corpus.read_bytes() == before


def test_diagram_refuses_to_overwrite_the_corpus_through_a_link(
    runner: CliRunner, corpus: Path
) -> None:
    link = corpus.parent / "c.dot"
    link.symlink_to(corpus.name)
    before = corpus.read_bytes()
    result = runner.invoke(app, ["diagram", "-f", str(corpus), "-o", str(link)])
    assert result.exit_code == 2
    assert corpus.read_bytes() == before


def test_dash_is_stdout(
    runner: CliRunner, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "-f", str(corpus), "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("{")
    assert not (tmp_path / "-").exists()
    result = runner.invoke(app, ["diagram", "-f", str(corpus), "--format", "dot", "-o", "-"])
    assert result.stdout.startswith("digraph")
    assert not (tmp_path / "-").exists()


def test_an_empty_output_path_says_so(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["export", "-f", str(corpus), "-o", ""])
    assert result.exit_code == 2
    assert (
        result.stderr == "error: the output path is empty; name a file, or - for standard output\n"
    )


def test_export_keeps_the_mode_of_the_file_it_replaces(runner: CliRunner, corpus: Path) -> None:
    out = corpus.parent / "out.json"
    out.write_text("old")
    out.chmod(0o600)
    assert runner.invoke(app, ["export", "-f", str(corpus), "-o", str(out)]).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.read_text().startswith("{")


def test_export_to_dev_null_leaves_the_device_alone(runner: CliRunner, corpus: Path) -> None:
    assert runner.invoke(app, ["export", "-f", str(corpus), "-o", "/dev/null"]).exit_code == 0
    assert Path("/dev/null").is_char_device()


def test_csv_tables_are_written_all_or_none(runner: CliRunner, corpus: Path) -> None:
    out = corpus.parent / "tables"
    out.mkdir()
    (out / "claims.csv").write_text("old claims")
    (out / "people.csv").mkdir()
    result = runner.invoke(app, ["export", "-f", str(corpus), "--format", "csv", "-o", f"{out}/"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}/people.csv: is a directory; name a file inside it\n"
    assert (out / "claims.csv").read_text() == "old claims"
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "people.csv"]


# --- inputs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/dev/zero", "is a device, not a file; save the input to a file first"),
        ("/dev/urandom", "is a device, not a file; save the input to a file first"),
    ],
)
def test_devices_are_refused(runner: CliRunner, path: str, reason: str) -> None:
    result = runner.invoke(app, ["claims", "-f", path])
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: {reason}\n"


def test_a_fifo_is_refused_instead_of_hanging(runner: CliRunner, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    result = runner.invoke(app, ["check", "-f", str(tmp_path / "pipe")])
    assert result.exit_code == 2
    assert "is a FIFO (named pipe), not a file" in result.stdout


def test_a_symlink_loop_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    result = runner.invoke(app, ["stats", "-f", str(tmp_path / "a.yaml")])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "a.yaml: is a symbolic link loop; point the link at a real file\n"
    )


def test_the_size_cap_can_be_lowered_and_raised(runner: CliRunner, corpus: Path) -> None:
    small = runner.invoke(app, ["--max-input", "1K", "stats", "-f", str(corpus)])
    assert small.exit_code == 2
    assert "is larger than 1 KiB, the most argmap reads" in small.stderr
    assert runner.invoke(app, ["--max-input", "1G", "stats", "-f", str(corpus)]).exit_code == 0


def test_a_nul_in_a_text_name_is_a_finding_not_a_crash(runner: CliRunner, tmp_path: Path) -> None:
    text = (RULES / "pass.yaml").read_text("utf-8")
    bad = tmp_path / "c.yaml"
    bad.write_text(
        text.replace("text: ", 'text: "nul\\0', 1).replace(".txt\n", '.txt"\n', 1), "utf-8"
    )
    result = runner.invoke(app, ["check", "-f", str(bad), "--texts", str(RULES / "texts")])
    assert result.exit_code == 1
    assert "contains a NUL character; name a file  (text-path-unsafe)" in result.stdout


def test_a_symlink_loop_in_the_texts_is_a_finding(runner: CliRunner, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    shutil.copytree(RULES / "texts", texts)
    for name in os.listdir(texts):
        (texts / name).unlink()
        (texts / name).symlink_to(name)
    result = runner.invoke(app, ["check", "-f", str(RULES / "pass.yaml"), "--texts", str(texts)])
    assert result.exit_code == 1
    assert "is a symbolic link loop; point the link at a real file  (text-missing)" in result.stdout


# --- no traceback ----------------------------------------------------------------


def test_an_unexpected_exception_is_an_internal_error_exit_3(
    runner: CliRunner, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> str:
        raise KeyError("boom")

    monkeypatch.setattr("argmap.export.json.export", broken)
    result = runner.invoke(app, ["export", "-f", str(corpus)])
    assert result.exit_code == 3
    assert result.stderr.startswith("internal error: KeyError: 'boom'\n")
    assert "please report it" in result.stderr
    assert "Traceback" not in result.stderr


def test_sigterm_cleans_up_and_exits_143(tmp_path: Path) -> None:
    # Start argmap, let it block in a slow stdout pipe, then terminate it.
    env = {**os.environ, "ARGMAP_FILE": str(CORPUS)}
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time, sys; from argmap.cli import main; "
            "import argmap.export.json as j; real = j.export; "
            "j.export = lambda s: (print('ready', file=sys.stderr, flush=True), "
            "time.sleep(30))[0] or real(s); "
            "sys.argv = ['argmap', 'export', '-o', sys.argv[1]]; main()",
            str(tmp_path / "out.json"),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stderr is not None
    assert child.stderr.readline() == b"ready\n"
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=10)
    assert child.returncode == 143
    assert b"Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# --- diagram crashes ---------------------------------------------------------------


def unknown_source_corpus(tmp_path: Path) -> Path:
    text = (RULES / "pass.yaml").read_text("utf-8")
    text = text.replace(
        "claims:\n", "- id: s2\n  title: Another\n  authors: [ann-author]\nclaims:\n"
    )
    text = text.replace("- id: baskets\n  source: s1", "- id: baskets\n  source: s9")
    path = tmp_path / "c.yaml"
    path.write_text(text, "utf-8")
    return path


def test_a_claim_from_an_unknown_source_is_drawn_under_its_id(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["diagram", "-f", str(unknown_source_corpus(tmp_path)), "--format", "dot"]
    )
    assert result.exit_code == 0
    assert 'label="s9: (not in the corpus)"' in result.stdout


@pytest.mark.parametrize("seconds", ["inf", "nan", "0.5", "1e300"])
def test_a_timeout_out_of_range_is_a_usage_error(
    runner: CliRunner, corpus: Path, seconds: str
) -> None:
    result = runner.invoke(app, ["diagram", "-f", str(corpus), "--timeout", seconds])
    assert result.exit_code == 2
    assert "is not a number of seconds from 1 to 86400" in result.stderr


@pytest.mark.parametrize(
    "title",
    ["<<x>", "<b>bold</b>", "x" * 20000, "word " * 5000, "a\\", 'a\nb"c', "\\N \\G", "\x01"],
)
def test_any_title_is_drawn_as_typed(runner: CliRunner, corpus: Path, title: str) -> None:
    result = runner.invoke(
        app, ["diagram", "-f", str(corpus), "--title", title, "--renderer", "wasm"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<?xml") or result.stdout.startswith("<svg")


@pytest.mark.parametrize("command", ["stats", "unanswered"])
def test_a_query_named_like_its_module_runs_in_a_fresh_process(command: str) -> None:
    # The lazy queries package once handed out the module ``queries.stats``
    # instead of the function ``stats`` once the module had been imported:
    # 'module' object is not callable, exit 3.
    done = subprocess.run(
        [sys.executable, "-m", "argmap", command, "-f", str(CORPUS), "--format", "json"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"[")


def test_import_refuses_a_fifo_instead_of_hanging_on_it(runner: CliRunner, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "map.json")
    result = runner.invoke(app, ["import", str(tmp_path / "map.json")])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "map.json: is a FIFO (named pipe), not a file; save the input to a file first\n"
    )


def test_ctrl_c_in_a_command_exits_130_without_a_traceback(
    runner: CliRunner, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: object, **__: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("argmap.export.json.export", interrupted)
    result = runner.invoke(app, ["export", "-f", str(corpus)])
    assert result.exit_code == 130
    assert result.stderr == "interrupted\n"
