"""Ids for shell completion, read straight from the corpus text.

A completion runs every time the user presses Tab, so it must answer in a
blink: it finds the corpus as every command does (:mod:`argmap.settings`),
then scans the file's lines for ``- id:`` entries under each top-level
section. No YAML parse, no pydantic, no index: a corpus of 300 claims is
read in about a millisecond. A file the scan cannot follow simply completes
fewer ids; completion never fails.
"""

from __future__ import annotations

import re
from pathlib import Path

SECTIONS = frozenset(
    {"people", "sources", "claims", "arguments", "rebuttals", "agreements", "questions", "stances"}
    | {"tags"}
)

_SECTION = re.compile(r"^([A-Za-z_]+)\s*:\s*(?:#.*)?$")
_ITEM_ID = re.compile(r"""^\s*-\s+id\s*:\s*["']?([^\s"'#]+)""")
_NAME = re.compile(r"""^\s+(?:name|title)\s*:\s*(.+?)\s*$""")


def scan_ids(text: str) -> dict[str, list[tuple[str, str]]]:
    """``section -> [(id, name or title)]`` for every ``- id:`` entry, in file order."""
    found: dict[str, list[tuple[str, str]]] = {}
    section: str | None = None
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        top = _SECTION.match(line)
        if top:
            section = top.group(1) if top.group(1) in SECTIONS else None
            continue
        if not line[0].isspace() and not line.startswith("-"):
            section = None
            continue
        if section is None:
            continue
        item = _ITEM_ID.match(line)
        if item:
            found.setdefault(section, []).append((item.group(1), ""))
            continue
        named = _NAME.match(line)
        entries = found.get(section)
        if named and entries and not entries[-1][1]:
            entries[-1] = (entries[-1][0], named.group(1).strip("\"'"))
    return found


def corpus_ids(sections: tuple[str, ...], path: Path | None = None) -> list[tuple[str, str]]:
    """``(id, help)`` of the entries of ``sections`` in the corpus a command would read.

    ``path`` is the ``--file`` given on the command line so far, if any.
    Anything that goes wrong (no corpus, bad settings) gives no ids.
    """
    from argmap.settings import SettingsError, choose_corpus

    try:
        file = choose_corpus(path).path
        text = file.read_text(encoding="utf-8-sig", errors="replace")
    except (OSError, SettingsError, ValueError):
        return []
    ids = scan_ids(text)
    return [entry for section in sections for entry in ids.get(section, [])]


def complete(
    sections: tuple[str, ...], incomplete: str, path: Path | None = None
) -> list[tuple[str, str]]:
    """The ids of ``sections`` that start with ``incomplete``, with their names or titles.

    Shells (and typer) keep only candidates that extend what was typed, so a
    fragment inside an id is not offered: type the start of the id.
    """
    return [e for e in corpus_ids(sections, path) if e[0].startswith(incomplete)]
