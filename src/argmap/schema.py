"""The JSON Schema of the corpus format, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://argmap.invalid/schema/corpus-v1.json"


def corpus_schema() -> dict[str, Any]:
    from argmap.model import Corpus

    schema = Corpus.model_json_schema(mode="validation")
    # A section key left empty (only comments under it) is null, read as [].
    for name, prop in schema.get("properties", {}).items():
        if prop.get("type") == "array" and name != "schema_version":
            items = {k: prop.pop(k) for k in ("items", "type") if k in prop}
            prop["anyOf"] = [{"type": "array", **items}, {"type": "null"}]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "argmap corpus (format version 1)",
        "description": "An argument map: people, sources, claims, arguments, rebuttals, "
        "agreements, questions, stances, tags. "
        "Documented field by field in docs/format.md.",
        **{k: v for k, v in schema.items() if k not in {"title", "description"}},
    }


def schema_json() -> str:
    return json.dumps(corpus_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
