"""Pieces every importer shares: reading JSON, the fallback speaker, the source entry."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from argmap.importers.fragment import Context, Entity, ImportFailed
from argmap.importers.naming import slug
from argmap.reading import InputError, read_input


def read_bytes(path: Path) -> bytes:
    """The file's bytes (through the input layer), or :class:`ImportFailed` saying why not."""
    try:
        return read_input(path)
    except InputError as err:
        raise ImportFailed(path, err.reason) from None


def read_json(path: Path) -> Any:
    """Parse a JSON file, with the line and column of a syntax error."""
    data = read_bytes(path)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise ImportFailed(path, f"is not UTF-8 (byte {err.start}); save it as UTF-8") from None
    except json.JSONDecodeError as err:
        raise ImportFailed(
            path, f"line {err.lineno} column {err.colno}: not valid JSON ({err.msg})"
        ) from None
    except RecursionError:
        raise ImportFailed(path, "is nested too deeply to be an argument map") from None


def person(name: str, **extra: Any) -> Entity:
    """A person entry for a speaker known by name (the id is the name's slug)."""
    entry: Entity = {"id": slug(name, fallback="speaker"), "name": name}
    entry.update({k: v for k, v in extra.items() if v is not None})
    return entry


def fallback_speaker(ctx: Context, what: str) -> Entity:
    """The person credited with claims whose input names no speaker.

    ``--speaker NAME`` names one person for every file; without it each
    source gets its own placeholder, ``<source-id>-author``, to rename by hand.
    """
    if ctx.speaker:
        return person(ctx.speaker)
    return {
        "id": f"{ctx.source_id}-author",
        "name": f"Author of {ctx.path.stem}",
        "description": f"Placeholder: {what} names no speaker "
        "(rename this person, or import with --speaker NAME).",
    }


def source_entry(ctx: Context, title: str | None = None, **extra: Any) -> Entity:
    """The source an input file becomes; ``authors`` is filled in once the speakers are known."""
    entry: Entity = {"id": ctx.source_id, "title": title or ctx.path.stem}
    entry.update({k: v for k, v in extra.items() if v is not None})
    return entry


_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def text_of(value: Any) -> str:
    """A node's text as one line of plain text ("" when there is none).

    Runs of white space become one space; control characters and lone
    surrogates (which JSON can carry and a corpus cannot) become U+FFFD.
    """
    if not isinstance(value, str):
        return ""
    return " ".join(_UNWRITABLE.sub("\ufffd", value).split())
