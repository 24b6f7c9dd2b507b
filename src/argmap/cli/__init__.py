"""The command-line interface: a thin typer layer over :mod:`argmap`'s core."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    from argmap.cli.app import app

    app()
