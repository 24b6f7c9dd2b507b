"""The output format choices, defined once here and reused by the CLI."""

from __future__ import annotations

from enum import StrEnum


class ListFormat(StrEnum):
    """How a listing is printed: tables for people, the rest for pipes."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    YAML = "yaml"
    MARKDOWN = "markdown"


class CheckFormat(StrEnum):
    """How ``argmap check`` reports its findings."""

    TEXT = "text"
    CONCISE = "concise"
    JSON = "json"
    GITHUB = "github"
