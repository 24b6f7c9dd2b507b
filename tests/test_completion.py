"""Shell completion (docs/settings.md, "Shell completion"): ids from the current corpus.

Each completion runs ``argmap`` in a fresh interpreter as the shell does
(``_ARGMAP_COMPLETE=complete_bash``, ``COMP_WORDS``, ``COMP_CWORD``) and looks
at what it offers and at what it imported: a Tab press must not load
pydantic, parse the YAML or build an index.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli.fastcomplete import answer
from argmap.completion import complete, scan_ids
from tests.conftest import FIXTURES, ROOT, RULES

_PROBE = """
import json, sys
from argmap.cli import main
sys.argv = ["argmap"]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\n@@modules " + json.dumps(sorted(sys.modules)))
"""

HEAVY = ("pydantic", "yaml", "rich", "argmap.model", "argmap.loading", "argmap.index")


def tab(line: str, cwd: Path = ROOT, **env: str) -> tuple[list[str], set[str]]:
    """What ``argmap`` offers for the last word of ``line``, and the modules it imported."""
    words = line.split(" ")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={
            "PATH": "",
            "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],
            "_ARGMAP_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
            **env,
        },
    )
    _, _, modules = done.stderr.rpartition("@@modules ")
    assert modules, done.stderr
    offered = done.stdout.splitlines()
    return offered, set(json.loads(modules))


def test_authors_complete_from_the_corpus_without_loading_it() -> None:
    offered, modules = tab("argmap claims -a chris")
    assert offered == ["chris-miller"]
    assert not {m for m in modules if m.startswith(HEAVY)}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("argmap show csis-trenin-no-russia", "csis-trenin-no-russia-card"),
        ("argmap claims -s csis", "csis-debating-japan-2019"),
        ("argmap claims -t russia-c", "russia-card"),
        ("argmap rebuttals --by dmitri", "dmitri-trenin"),
        ("argmap tree csis-hyodo-room", "csis-hyodo-room-vis-a-vis-china"),
    ],
)
def test_ids_of_each_kind_complete(line: str, expected: str) -> None:
    offered, _ = tab(line)
    assert expected in offered


def test_completion_reads_the_corpus_the_command_would(tmp_path: Path) -> None:
    """``--file`` typed before, or the project's settings, choose the corpus."""
    offered, _ = tab(f"argmap claims -f {FIXTURES / 'queries.yaml'} -a b")
    assert offered == ["ben-baker", "baker-cole"]
    offered, _ = tab(f"argmap claims -f {FIXTURES / 'queries.yaml'} -t ")
    assert offered == ["transport", "budget", "environment"]  # nothing typed: every tag
    (tmp_path / "argmap.toml").write_text(f'file = "{FIXTURES / "queries.yaml"}"\n')
    offered, _ = tab("argmap show ann", cwd=tmp_path)
    assert offered == ["ann-archer"]


def test_the_scanner_reads_ids_and_names() -> None:
    text = (
        "schema_version: 1\n"
        "people:\n"
        "- id: ann\n"
        "  name: Ann Archer\n"
        "  # a comment\n"
        "-   id: 'ben'\n"
        '    name: "Ben Baker"\n'
        "claims: []\n"
        "sources:\n"
        "  - id: s1\n"
        "    title: A Title\n"
    )
    assert scan_ids(text) == {
        "people": [("ann", "Ann Archer"), ("ben", "Ben Baker")],
        "sources": [("s1", "A Title")],
    }


def test_a_missing_corpus_completes_nothing(tmp_path: Path) -> None:
    assert complete(("people",), "a", tmp_path / "missing.yaml") == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"_ARGMAP_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "argmap claims -a ann"},
            ('_arguments \'*: :(("ann-author":"Ann Author"))\'', 0),
        ),
        (
            {
                "_ARGMAP_COMPLETE": "complete_fish",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                "_TYPER_COMPLETE_ARGS": "argmap show s",
            },
            ("some-analysts\tSome analysts\ns1\tA Piece on the Russia Card", 0),
        ),
        (
            {
                "_ARGMAP_COMPLETE": "complete_fish",
                "_TYPER_COMPLETE_FISH_ACTION": "is-args",
                "_TYPER_COMPLETE_ARGS": "argmap show zz",
            },
            ("", 1),
        ),
        # Not an id: typer answers (None).
        (
            {"_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": "argmap cla", "COMP_CWORD": "1"},
            None,
        ),
        (
            {
                "_ARGMAP_COMPLETE": "complete_bash",
                "COMP_WORDS": "argmap claims --fo",
                "COMP_CWORD": "2",
            },
            None,
        ),
        (
            {"_ARGMAP_COMPLETE": "complete_powershell", "_TYPER_COMPLETE_ARGS": "argmap show s"},
            None,
        ),
    ],
)
def test_the_fast_path_speaks_each_shells_protocol(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: tuple[str, int] | None
) -> None:
    monkeypatch.setenv("ARGMAP_FILE", str(RULES / "pass.yaml"))
    assert answer(env) == expected
