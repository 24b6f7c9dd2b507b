"""Ids for imported entities: kebab-case slugs, unique across the corpus."""

from __future__ import annotations

import re
import unicodedata

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""The id pattern of the format (the AM101 rule)."""


def slug(text: str, fallback: str = "x", limit: int = 60) -> str:
    """A kebab-case slug: ``CauseToEffect`` -> ``cause-to-effect``, ``a_b`` -> ``a-b``.

    Accents are dropped, CamelCase is split, anything else that is not a
    letter or digit becomes a hyphen. Long slugs are cut at a hyphen near
    ``limit``; an empty result gives ``fallback``.
    """
    if len(text) <= limit and SLUG.match(text):
        return text
    text = unicodedata.normalize("NFKD", _CAMEL.sub("-", text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    result = _NON_SLUG.sub("-", text).strip("-")
    if len(result) > limit:
        cut = result.rfind("-", 0, limit + 1)
        result = result[: cut if cut > limit // 2 else limit].strip("-")
    return result or fallback


def scheme_slug(scheme: str | None) -> str | None:
    """An argument scheme's id from AIF's or Argdown's name, or None for a default inference."""
    if scheme is None:
        return None
    name = scheme.strip()
    if name.lower() in {"", "ra", "default inference", "default", "inference"}:
        return None
    return slug(name)


class IdPool:
    """Hands out ids that are unique in one corpus: ``x``, then ``x-2``, ``x-3`` ..."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def __contains__(self, candidate: str) -> bool:
        return candidate in self._taken

    def take(self, wanted: str) -> str:
        """``wanted`` if it is free, else ``wanted-N`` with the smallest free N >= 2."""
        if wanted not in self._taken:
            self._taken.add(wanted)
            return wanted
        n = 2
        while f"{wanted}-{n}" in self._taken:
            n += 1
        self._taken.add(f"{wanted}-{n}")
        return f"{wanted}-{n}"
