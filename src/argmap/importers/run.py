"""``argmap import`` in the core: find the input files, read each, merge, count.

:func:`import_paths` is the one function the command calls. It reads
files and returns values; it never writes and never prints.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.formats import ImportFormat
from argmap.importers.fragment import Context, Fragment, ImportFailed, Merged, Unmapped
from argmap.importers.merge import SECTIONS, merge
from argmap.importers.naming import IdPool, slug
from argmap.importers.registry import IMPORTERS, SNIFF_BYTES, detect, suffixes
from argmap.reading import InputError, read_head, reason_of


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file found in a directory that no importer takes."""

    path: Path
    reason: str


@dataclass(slots=True)
class ImportResult:
    """What an import produced, and the account of it."""

    corpus: dict[str, Any]
    """The corpus as plain data, sections in file order (see :mod:`argmap.dumping`)."""
    texts: dict[str, bytes]
    """Source texts by file name, for ``--texts-out``."""
    files: Counter[ImportFormat] = field(default_factory=Counter)
    read: dict[ImportFormat, Counter[str]] = field(default_factory=dict)
    unmapped: list[tuple[ImportFormat, Unmapped]] = field(default_factory=list)
    merged: list[tuple[ImportFormat, Merged]] = field(default_factory=list)
    """Elements that repeat an entity already written, merged into it."""
    skipped: list[Skipped] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)
    """Every file read (inputs and texts), which the output must not overwrite."""

    @property
    def written(self) -> dict[str, int]:
        """How many entries each section of the corpus has."""
        return {name: len(self.corpus.get(name, [])) for name in SECTIONS}


def find_inputs(
    paths: Sequence[Path], chosen: ImportFormat | None
) -> tuple[list[tuple[Path, ImportFormat]], list[Skipped]]:
    """The files to import, each with its format, and the files passed over.

    A directory is walked in name order. In a directory, files of no
    importer's suffix are passed over (and listed); a file named on the
    command line, or a file of an importer's suffix, must be importable.
    """
    wanted = set(IMPORTERS[chosen].suffixes) if chosen else suffixes()
    inputs: list[tuple[Path, ImportFormat]] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        try:
            given.stat()
        except FileNotFoundError:
            pass  # said below, as "no such file or directory"
        except OSError as err:  # a name too long, a loop of links, no permission
            raise ImportFailed(given, reason_of(err)) from None
        if given.is_dir():
            files = sorted(
                (Path(root) / name for root, _, names in os.walk(given) for name in names),
                key=lambda p: p.as_posix(),
            )
            named = False
        elif given.exists():
            files, named = [given], True
        else:
            raise ImportFailed(given, "no such file or directory")
        for file in files:
            if file.name.startswith(".") and not named:
                continue
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            if not named and file.suffix.lower() not in wanted:
                skipped.append(Skipped(file, _why_skipped(file, chosen)))
                continue
            inputs.append((file, _format_of(file, chosen)))
    if not inputs:
        raise ImportFailed(
            paths[0] if len(paths) == 1 else Path("."),
            "holds no file to import"
            + (f" (no {', '.join(IMPORTERS[chosen].suffixes)} file)" if chosen else ""),
        )
    return inputs, skipped


def _why_skipped(file: Path, chosen: ImportFormat | None) -> str:
    if file.suffix.lower() == ".txt" and file.with_suffix(".xml").exists():
        return "the text of the arggraph file beside it"
    if chosen:
        return f"not a {chosen.value} file ({', '.join(IMPORTERS[chosen].suffixes)})"
    return "no importer reads this kind of file"


def _format_of(file: Path, chosen: ImportFormat | None) -> ImportFormat:
    if chosen is not None:
        return chosen
    try:
        head = read_head(file, SNIFF_BYTES)  # a FIFO or a device is refused, not waited on
    except InputError as err:
        raise ImportFailed(file, err.reason) from None
    found = detect(file, head)
    if found is None:
        if file.suffix.lower() == ".argdown":
            raise ImportFailed(
                file,
                "Argdown source is not read; export it with 'argdown json FILE OUTDIR' and "
                "import the JSON",
            )
        choices = "|".join(f.value for f in ImportFormat)
        raise ImportFailed(file, f"the content does not say its format; give --from {choices}")
    return found


def import_paths(
    paths: Sequence[Path], chosen: ImportFormat | None = None, speaker: str | None = None
) -> ImportResult:
    """Import every file under ``paths`` into one corpus.

    Raises :class:`ImportFailed` (file and element) on the first file that
    cannot be imported: nothing is returned for a partial import.
    """
    inputs, skipped = find_inputs(paths, chosen)
    pool = IdPool()
    fragments: list[Fragment] = []
    result = ImportResult({}, {}, skipped=skipped)
    for file, file_format in inputs:
        context = Context(file, pool.take(slug(file.stem, fallback="source")), speaker)
        fragment = IMPORTERS[file_format].read(file, context)
        fragments.append(fragment)
        result.files[file_format] += 1
        result.read.setdefault(file_format, Counter()).update(fragment.read)
        result.unmapped.extend((file_format, u) for u in fragment.unmapped)
        result.merged.extend((file_format, m) for m in fragment.merged)
        result.inputs.append(file)
        text_name = fragment.source.get("text")
        if fragment.text is not None and isinstance(text_name, str):
            result.texts[text_name] = fragment.text
            result.inputs.append(file.with_name(text_name))
    result.corpus = merge(fragments)
    return result


def grouped(result: ImportResult) -> list[tuple[ImportFormat, str, str, list[Unmapped]]]:
    """The unmapped elements grouped by format, kind and reason, largest group first."""
    groups: dict[tuple[ImportFormat, str, str], list[Unmapped]] = {}
    for file_format, item in result.unmapped:
        groups.setdefault((file_format, item.kind, item.reason), []).append(item)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0].value, -len(kv[1]), kv[0][1]))
    return [(f, kind, reason, items) for (f, kind, reason), items in ordered]
