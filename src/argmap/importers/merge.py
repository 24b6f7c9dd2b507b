"""Join the fragments of several files into one corpus with unique ids.

Entity ids already start with their file's source id, so files rarely
collide. People, tags and questions are shared on purpose: the same
speaker (``clinton``) or the same microtext topic in two files is one
entry. Any other id that is taken already gets ``-2`` (``-3`` ...), and the
references inside its fragment follow.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from argmap.corpus import SECTIONS as MODEL_SECTIONS
from argmap.importers.fragment import Entity, Fragment
from argmap.importers.naming import IdPool

SECTIONS = MODEL_SECTIONS
"""The corpus sections an import fills, in file order."""

_REFERENCES: dict[str, tuple[str, ...]] = {
    "people": ("members",),
    "sources": ("authors",),
    "questions": ("source", "posed_by"),
    "claims": ("source", "speaker"),
    "arguments": ("conclusion", "premises"),
    "rebuttals": ("by", "target"),
    "agreements": ("claims",),
    "stances": ("question", "claim"),
}
_SHARED = ("people", "questions")
"""Sections whose entries two files may share: the same id and the same name is one entry."""


def _same(first: Entity, second: Entity) -> bool:
    keys = ("name", "text")
    return all(first.get(k) == second.get(k) for k in keys)


def _renamed(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return [names.get(v, v) if isinstance(v, str) else v for v in value]
    return value


def merge(fragments: Iterable[Fragment]) -> dict[str, Any]:
    """The corpus (plain data, sections in file order) that holds every fragment."""
    sections: dict[str, list[Entity]] = {name: [] for name in SECTIONS}
    pool = IdPool()
    shared: dict[str, Entity] = {}
    tags: dict[str, Entity] = {}
    for fragment in fragments:
        names: dict[str, str] = {}
        keep: dict[str, list[Entity]] = {}
        for tag in fragment.tags:
            if tag["id"] not in tags:
                tags[tag["id"]] = tag
                sections["tags"].append(tag)
        for section in (s for s in SECTIONS if s != "tags"):
            entries = [fragment.source] if section == "sources" else getattr(fragment, section)
            kept = keep.setdefault(section, [])
            for entry in entries:
                wanted = entry["id"]
                if section in _SHARED and wanted in shared and _same(shared[wanted], entry):
                    continue
                given = pool.take(wanted)
                if given != wanted:
                    names[wanted] = given
                    entry = {**entry, "id": given}
                if section in _SHARED:
                    shared[given] = entry
                kept.append(entry)
        for section, entries in keep.items():
            fields = _REFERENCES.get(section, ())
            for entry in entries:
                if names:
                    for name in fields:
                        if name in entry:
                            entry[name] = _renamed(entry[name], names)
                sections[section].append(entry)
    return {"schema_version": 1, **{k: v for k, v in sections.items() if v}}
