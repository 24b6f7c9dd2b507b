"""The account of an import: what was read, what was written, what did not map.

Plain values for the command to print (:func:`summary_lines`) or to write
as JSON (:func:`document`, ``argmap import --report FILE``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from argmap.importers.run import ImportResult, grouped
from argmap.positions import display_path

SINGULAR = {
    "tags": "tag",
    "people": "person",
    "sources": "source",
    "claims": "claim",
    "arguments": "argument",
    "rebuttals": "rebuttal",
    "agreements": "agreement",
    "questions": "question",
    "stances": "stance",
}
SHOWN_IDS = 8
"""How many ids of one group the summary prints; ``--report`` lists them all."""


def _counts(counter: Counter[str], suffix: str) -> str:
    parts = [
        (name.removesuffix(suffix), n) for name, n in counter.items() if name.endswith(suffix) and n
    ]
    parts.sort(key=lambda p: (-p[1], p[0]))
    return ", ".join(f"{name} {n:,}" for name, n in parts)


def read_lines(result: ImportResult) -> list[str]:
    """One paragraph per format: files, then node/element and edge/relation counts by type."""
    lines = []
    for file_format, counter in result.read.items():
        files = result.files[file_format]
        lines.append(f"read {files:,} {file_format.value} file{'s' if files != 1 else ''}:")
        for suffix, label in (
            (" node", "nodes"),
            (" element", "elements"),
            (" edge", "edges"),
            (" relation", "relations"),
        ):
            shown = _counts(counter, suffix)
            if shown:
                total = sum(n for name, n in counter.items() if name.endswith(suffix))
                lines.append(f"  {label} {total:,}: {shown}")
        rest = [
            f"{name} {n:,}"
            for name, n in counter.items()
            if not name.endswith((" node", " element", " edge", " relation"))
        ]
        if rest:
            lines.append(f"  {', '.join(rest)}")
    return lines


def written_line(result: ImportResult) -> str:
    """``wrote 329 claims, 129 arguments, ...`` (sections with entries only)."""
    shown = [
        f"{n:,} {name if n != 1 else SINGULAR.get(name, name)}"
        for name, n in result.written.items()
        if n
    ]
    return "wrote " + (", ".join(shown) if shown else "an empty corpus")


def merged_lines(result: ImportResult, shown_ids: int = SHOWN_IDS) -> list[str]:
    """Elements merged into an entity already written, grouped; nothing when there are none."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for file_format, item in result.merged:
        key = (file_format.value, item.kind, item.reason)
        groups.setdefault(key, []).append(f"{item.path.stem}#{item.element} → {item.into}")
    if not groups:
        return []
    total = len(result.merged)
    lines = [f"merged ({total:,}), as they repeat an entity already written:"]
    for (format_name, kind, reason), items in groups.items():
        lines.append(f"  {len(items):,} {format_name} {kind}: {reason}")
        more = len(items) - min(len(items), shown_ids)
        lines.append(
            "    " + ", ".join(items[:shown_ids]) + (f" … and {more:,} more" if more else "")
        )
    return lines


def unmapped_lines(result: ImportResult, shown_ids: int = SHOWN_IDS) -> list[str]:
    """Every group of unmapped elements: count, format, kind, reason, and the first ids."""
    groups = grouped(result)
    if not groups:
        return ["not mapped: nothing; every element has a place in the corpus"]
    total = sum(len(items) for *_, items in groups)
    lines = [f"not mapped ({total:,}):"]
    for file_format, kind, reason, items in groups:
        lines.append(f"  {len(items):,} {file_format.value} {kind}: {reason}")
        ids = [f"{item.path.stem}#{item.element}" for item in items[:shown_ids]]
        more = len(items) - len(ids)
        lines.append("    " + ", ".join(ids) + (f" … and {more:,} more" if more else ""))
    return lines


def passed_over_lines(result: ImportResult, shown: int = SHOWN_IDS) -> list[str]:
    """Files found in a directory that no importer took, grouped by reason."""
    by_reason = _skipped(result)
    if not by_reason:
        return []
    count = len(result.skipped)
    lines = [f"passed over ({count:,} file{'s' if count != 1 else ''}):"]
    shown_ids = shown
    for reason, files in by_reason.items():
        names = ", ".join(p for p in files[:shown_ids])
        more = len(files) - min(len(files), shown_ids)
        lines.append(f"  {len(files):,}: {reason}")
        lines.append("    " + names + (f" … and {more:,} more" if more else ""))
    return lines


def _skipped(result: ImportResult) -> dict[str, list[str]]:
    by_reason: dict[str, list[str]] = {}
    for item in result.skipped:
        by_reason.setdefault(item.reason, []).append(item.path.name)
    return by_reason


def document(result: ImportResult) -> dict[str, Any]:
    """The whole account as JSON-ready data: every unmapped element, by id."""
    return {
        "read": {
            f.value: {"files": result.files[f], "counts": dict(sorted(c.items()))}
            for f, c in result.read.items()
        },
        "written": result.written,
        "not_mapped": [
            {
                "format": f.value,
                "file": display_path(item.path),
                "element": item.element,
                "kind": item.kind,
                "reason": item.reason,
            }
            for f, item in result.unmapped
        ],
        "merged": [
            {
                "format": f.value,
                "file": display_path(item.path),
                "element": item.element,
                "kind": item.kind,
                "into": item.into,
                "reason": item.reason,
            }
            for f, item in result.merged
        ],
        "passed_over": [{"file": display_path(s.path), "reason": s.reason} for s in result.skipped],
    }
