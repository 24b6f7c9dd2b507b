"""Shell completion of ids: the callbacks the options and arguments name.

Each reads the corpus the command would read (``--file`` if typed already,
else the settings) through :mod:`argmap.completion`, which scans the file's
lines: no YAML parse, no pydantic, no index, so a Tab press stays instant.
"""

from __future__ import annotations

from pathlib import Path

import typer


def _complete(ctx: typer.Context, incomplete: str, *sections: str) -> list[tuple[str, str]]:
    from argmap.completion import complete

    file = ctx.params.get("file")
    return complete(sections, incomplete, Path(file) if file else None)


def people(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Person ids (with names)."""
    return _complete(ctx, incomplete, "people")


def sources(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Source ids (with titles)."""
    return _complete(ctx, incomplete, "sources")


def tags(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Tag ids."""
    return _complete(ctx, incomplete, "tags")


def claims(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Claim ids."""
    return _complete(ctx, incomplete, "claims")


def questions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Question ids."""
    return _complete(ctx, incomplete, "questions")


def entities(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Any id ``argmap show`` takes."""
    from argmap.completion import SECTIONS

    order = ("claims", "people", "sources", "arguments", "rebuttals", "agreements")
    rest = tuple(sorted(SECTIONS - set(order)))
    return _complete(ctx, incomplete, *order, *rest)
