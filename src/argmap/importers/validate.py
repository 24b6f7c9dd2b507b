"""Check imported data against the corpus model before anything is written."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from argmap.model import Corpus


def validate(corpus: dict[str, Any]) -> str | None:
    """None when ``corpus`` fits the schema, else the first problem as one line."""
    try:
        Corpus.model_validate(corpus)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}"
    return None
