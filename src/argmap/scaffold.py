"""``argmap init``: the files of a new annotation project.

A pure function from what exists to what to write, so that the CLI only
writes and the tests can look at the plan. The project it lays out::

    pyproject.toml            [tool.argmap]: the corpus, the texts, strict checks
    data/arguments.yaml       an empty corpus, with the schema header for editors
    argmap-schema.json        the JSON Schema the header points at
    texts/README.md           where the sources' full texts go
    .pre-commit-config.yaml   argmap check before every commit

An existing ``pyproject.toml`` without ``[tool.argmap]`` gets the table
appended; every other file that exists already is left alone and reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argmap.errors import ArgmapError

SETTINGS = """\
[tool.argmap]
file = "data/arguments.yaml"
texts = "texts"
strict = true
"""

CORPUS = """\
# yaml-language-server: $schema=../argmap-schema.json
# An argmap corpus: who claims what, on which grounds, and who rebuts whom.
# Format: docs/format.md in argmap's documentation (`argmap schema` prints it as JSON Schema).
# Check it with `argmap check` (it reads [tool.argmap] in pyproject.toml).
schema_version: 1

tags:

people:

sources:

claims:

arguments:

rebuttals:
"""

TEXTS_README = """\
# Source texts

Put the full text of each source here, as a UTF-8 `.txt` file, and name it in
the source's `text:` field in `data/arguments.yaml`. `argmap check` then
verifies every claim's quote against it (AM301).
"""

PRE_COMMIT = """\
# Run `pre-commit install` once; then every commit runs argmap check first.
repos:
  - repo: local
    hooks:
      - id: argmap-check
        name: argmap check
        entry: argmap check
        language: system
        pass_filenames: false
        files: \\.(ya?ml|txt|toml)$
"""


class ScaffoldError(ArgmapError):
    """The directory is already an argmap project, or cannot hold one."""


@dataclass(frozen=True)
class Plan:
    """What ``argmap init`` writes, and what it leaves alone."""

    files: dict[str, str]
    """Relative path -> the file's whole new text."""
    kept: tuple[str, ...]
    """Files that exist already and are left as they are."""


def plan(directory: Path, schema: str) -> Plan:
    """The files to write into ``directory`` (``schema``: the JSON Schema's text)."""
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory}: is a file, not a directory")
    files: dict[str, str] = {}
    kept: list[str] = []
    pyproject = directory / "pyproject.toml"
    if (directory / "argmap.toml").exists():
        raise ScaffoldError(f"{directory / 'argmap.toml'}: this is an argmap project already")
    if pyproject.is_file():
        text = pyproject.read_text(encoding="utf-8-sig")
        from argmap.settings import _has_argmap_table

        if _has_argmap_table(pyproject):
            raise ScaffoldError(
                f"{pyproject}: has [tool.argmap] already; this is an argmap project"
            )
        if text and not text.endswith("\n"):
            text += "\n"
        files["pyproject.toml"] = f"{text}\n{SETTINGS}" if text.strip() else SETTINGS
    else:
        files["pyproject.toml"] = SETTINGS
    wanted = {
        "data/arguments.yaml": CORPUS,
        "argmap-schema.json": schema,
        "texts/README.md": TEXTS_README,
        ".pre-commit-config.yaml": PRE_COMMIT,
    }
    for name, text in wanted.items():
        if (directory / name).exists():
            kept.append(name)
        else:
            files[name] = text
    return Plan(files, tuple(kept))
