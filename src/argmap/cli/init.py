"""``argmap init``: scaffold a new annotation project."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            help="Where to create the project (created when missing). Default: here.",
            show_default=False,
            metavar="DIR",
        ),
    ] = Path("."),
) -> None:
    """Start an annotation project: settings, an empty corpus, a texts folder, pre-commit.

    Writes pyproject.toml's [tool.argmap] (appended to an existing pyproject.toml),
    data/arguments.yaml (an empty corpus whose header points editors at
    argmap-schema.json), texts/ for the sources' full texts, and a
    .pre-commit-config.yaml that runs argmap check before each commit. Files that
    exist are left alone. Where no Graphviz 'dot' is on PATH, it also compiles
    the bundled layout engine for diagrams once (a second or two; see
    'argmap diagram --prepare'). The walk-through: docs/first-project.md.

    Examples:

    \b
        argmap init my-debate
        cd my-debate && argmap check
    """
    from argmap import scaffold, writing
    from argmap.cli.common import fail
    from argmap.schema import schema_json

    try:
        planned = scaffold.plan(directory, schema_json())
    except scaffold.ScaffoldError as err:
        fail(str(err))
    for name, text in planned.files.items():
        target = directory / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            writing.write_file(target, text.encode("utf-8"))
        except OSError as err:
            fail(f"{target.parent}: cannot create the directory ({err.strerror or err})")
        except writing.OutputError as err:
            fail(str(err))
    where = "" if directory == Path(".") else f" in {directory}"
    typer.echo(f"Created an argmap project{where}:")
    for name in planned.files:
        typer.echo(f"  {name}")
    for name in planned.kept:
        typer.echo(f"  {name} (exists; left as it is)")
    _prepare_diagrams()
    step = "" if directory == Path(".") else f"cd {directory} && "
    typer.echo("Next: put a source's text in texts/, annotate it in data/arguments.yaml,")
    typer.echo(f"and run '{step}argmap check'.")
    typer.echo("Walk-through: docs/first-project.md in argmap's docs.")


def _prepare_diagrams() -> None:
    """Compile the WebAssembly layout engine now if diagrams will need it (no ``dot`` on PATH,
    the cache on, not kept yet), so that the first diagram does not. A failure is a note:
    diagrams then compile it when they need it."""
    from argmap.export import wasm_ready

    if not wasm_ready.wanted_now():
        return
    from argmap.cli.common import note
    from argmap.cli.engine import compile_engine, reason

    try:
        compile_engine()
    except Exception as err:
        note(f"the layout engine was not prepared: {reason(err)}; the first diagram compiles it")
