"""Shared test helpers."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import process

# The cache of validated corpora goes to a directory of this test run, never to
# the user's own ~/.cache (subprocesses inherit it too).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="argmap-tests-cache-")

# The tests run commands in-process, on one thread, as the console entry point
# does: the loader takes the same paths (argmap.process).
process.owned_by_cli = True

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULES = FIXTURES / "rules"
RULE_TEXTS = RULES / "texts"


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CliRunner with no corpus, texts or settings taken from the caller's environment.

    The repository's own ``[tool.argmap]`` is switched off (``ARGMAP_SETTINGS=none``),
    so that a test sees only what it passes; tests of settings set their own.
    """
    monkeypatch.delenv("ARGMAP_FILE", raising=False)
    monkeypatch.delenv("ARGMAP_TEXTS", raising=False)
    monkeypatch.setenv("ARGMAP_SETTINGS", "none")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return CliRunner()
