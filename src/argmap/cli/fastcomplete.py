"""Completing an id without starting typer: the Tab press users make most.

typer's completion builds the command and converts every parameter typed so
far, which imports typer, click and pydantic: most of a second on a busy
machine. When the word being completed is the value of an id option
(``-a``, ``--by``, ``--against``, ``-s``, ``-t``, ``--focus``) or the id
argument of ``show``, ``tree`` or ``stances``, :func:`answer` replies itself,
in the protocol of the shell scripts typer installs (bash, zsh, fish), from
the corpus's ``- id:`` lines (:mod:`argmap.completion`). Anything else
(commands, options, PowerShell) returns ``None`` and typer answers as usual.
This module imports neither typer nor click.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path

COMPLETE_VAR = "_ARGMAP_COMPLETE"

PEOPLE = ("people",)
SOURCES = ("sources",)
TAGS = ("tags",)
CLAIMS = ("claims",)
ENTITIES = (
    "claims",
    "people",
    "sources",
    "arguments",
    "rebuttals",
    "agreements",
    "questions",
    "stances",
    "tags",
)

OPTION_IDS: dict[str, tuple[str, ...]] = {
    "-a": PEOPLE,
    "--author": PEOPLE,
    "--speaker": PEOPLE,
    "--by": PEOPLE,
    "--against": PEOPLE,
    "-s": SOURCES,
    "--source": SOURCES,
    "-t": TAGS,
    "--tag": TAGS,
    "--focus": CLAIMS,
}
"""Options whose value is an id of these sections."""

ARGUMENT_IDS: dict[str, tuple[str, ...]] = {
    "show": ENTITIES,
    "tree": CLAIMS,
    "stances": ("questions",),
}
"""Commands whose first argument is an id of these sections."""

TAKES_VALUE = frozenset(
    {*OPTION_IDS, "-f", "--file", "--format", "-o", "--output", "-d", "--depth", "--top"}
    | {"--basis", "--kind", "--semantics", "--texts", "--max-input", "--max-quote-words"}
    | {"--select", "--ignore", "--role", "--width", "--view", "--status", "--to", "-q"}
)
"""Options followed by a value, so that the value is not taken for an argument."""


def _words(env: Mapping[str, str]) -> tuple[str, list[str], str] | None:
    """(shell, the words before the one completed, the word completed), or None."""
    shell = env.get(COMPLETE_VAR, "")
    try:
        if shell == "complete_bash":
            words = shlex.split(env.get("COMP_WORDS", ""))
            cword = int(env.get("COMP_CWORD", "0"))
            return shell, words[1:cword], words[cword] if cword < len(words) else ""
        if shell in ("complete_zsh", "complete_fish"):
            line = env.get("_TYPER_COMPLETE_ARGS", "")
            words = shlex.split(line)[1:]
            if words and not line.endswith(" "):
                return shell, words[:-1], words[-1]
            return shell, words, ""
    except ValueError:  # an unbalanced quote, a non-numeric COMP_CWORD
        return None
    return None


def sections_for(args: list[str], incomplete: str) -> tuple[tuple[str, ...], Path | None] | None:
    """Which ids the word after ``args`` takes, and the ``--file`` typed so far."""
    if incomplete.startswith("-"):
        return None
    command: str | None = None
    file: Path | None = None
    positionals = 0
    i = 0
    while i < len(args):
        word = args[i]
        name, eq, value = word.partition("=")
        if word.startswith("-"):
            if name in ("-f", "--file"):
                if eq:
                    file = Path(value)
                elif i + 1 < len(args):
                    file = Path(args[i + 1])
            if name in TAKES_VALUE and not eq:
                i += 1
        elif command is None:
            command = word
        else:
            positionals += 1
        i += 1
    if command is None:
        return None
    previous = args[-1] if args else ""
    if previous in OPTION_IDS and previous != command:
        return OPTION_IDS[previous], file
    if previous in TAKES_VALUE:
        return None
    if command in ARGUMENT_IDS and positionals == 0:
        return ARGUMENT_IDS[command], file
    return None


def _zsh_escape(text: str) -> str:
    return (
        text.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def answer(env: Mapping[str, str] | None = None) -> tuple[str, int] | None:
    """(what to print, exit code) for an id completion, or None to let typer answer."""
    env = os.environ if env is None else env
    parsed = _words(env)
    if parsed is None:
        return None
    shell, args, incomplete = parsed
    wanted = sections_for(args, incomplete)
    if wanted is None:
        return None
    from argmap.completion import complete

    sections, file = wanted
    items = complete(sections, incomplete, file)
    if shell == "complete_bash":
        return "\n".join(value for value, _ in items), 0
    if shell == "complete_zsh":
        if not items:
            return "_files", 0
        listed = "\n".join(
            f'"{_zsh_escape(v)}":"{_zsh_escape(h)}"' if h else f'"{_zsh_escape(v)}"'
            for v, h in items
        )
        return f"_arguments '*: :(({listed}))'", 0
    if env.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
        return "", 0 if items else 1
    return "\n".join(f"{v}\t{' '.join(h.split())}" if h else v for v, h in items), 0
