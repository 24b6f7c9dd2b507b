"""Read a corpus file into a validated :class:`~argmap.corpus.Corpus`.

The loader composes the YAML into nodes (libyaml's C parser when present,
pure Python otherwise), then builds plain Python values itself so that it can

* record the 1-based line and column of every mapping, sequence and scalar;
* refuse a duplicated key instead of silently keeping the last value;
* refuse aliases (so a "billion laughs" file costs nothing) and any tag
  beyond YAML's plain scalars (so ``!!python/...`` never constructs);
* report every problem at once, each with its file position.

Validation errors from pydantic are translated to the same positions and
name the entity they concern.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

from argmap import event_loader
from argmap.collector import paused as _gc_paused

# Re-exported: they were defined here before the cache needed them without YAML.
from argmap.corpus_file import bundled_corpus_path as bundled_corpus_path
from argmap.corpus_file import default_corpus_path as default_corpus_path
from argmap.corpus_file import read_corpus_bytes as read_corpus_bytes
from argmap.environment import ENV_MAX_NODES
from argmap.errors import CorpusError, Problem
from argmap.positions import NodePath, Position, SourceMap, format_path

if TYPE_CHECKING:
    from argmap.corpus import Corpus


MAX_DEPTH = 64
"""Deeper nesting than this is refused: a corpus is four levels deep."""

MAX_NODES = 20_000_000
"""A document with more nodes (keys, values, lists and mappings) is refused early.

A corpus of 100,000 claims has about 2.3 million; the bound keeps a hostile
file (one list of 70 million items) from taking gigabytes before it is
refused. ``$ARGMAP_MAX_NODES`` raises or lowers it.
"""

_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_YAML + t for t in ("str", "int", "float", "bool", "null"))
_STR, _SEQ, _MAP, _MERGE = (_YAML + t for t in ("str", "seq", "map", "merge"))
_NUMBERS = frozenset(_YAML + t for t in ("int", "float"))
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Read, parse and validate a corpus file.

    Raises :class:`~argmap.errors.CorpusError` listing every problem found.
    """
    file = Path(path) if path is not None else default_corpus_path()
    raw, source_map = read_document(file)
    return validate(raw, source_map)


def loads(text: str, path: str | os.PathLike[str] | None = None) -> Corpus:
    """Parse and validate a corpus given as text; ``path`` only labels messages."""
    file = Path(path) if path is not None else None
    raw, source_map = parse_document(text, file)
    return validate(raw, source_map, text)


def read_document(file: Path) -> tuple[dict[str, Any], SourceMap]:
    """Read ``file`` and parse it into plain values and their positions."""
    return parse_bytes(read_corpus_bytes(file), file)


def parse_and_validate(data: bytes, file: Path) -> Corpus:
    """A corpus from the bytes of ``file``, already read."""
    raw, source_map = parse_bytes(data, file)
    return validate(raw, source_map, data)


def parse_bytes(data: bytes, file: Path) -> tuple[dict[str, Any], SourceMap]:
    """Decode the bytes of ``file`` as UTF-8 and parse them into values and positions."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise CorpusError(
            [
                Problem(
                    "AM001",
                    f"is not valid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8",
                    file,
                    line,
                    column,
                )
            ]
        ) from None
    if not text.strip() or data.startswith(b"\xef\xbb\xbf"):
        return parse_document(text, file)
    # libyaml reads the UTF-8 bytes as they are: no second copy of the file as
    # text (and a third, which libyaml would encode from it) while it parses.
    del text
    return _parse(None, data, file)


def parse_document(text: str, file: Path | None) -> tuple[dict[str, Any], SourceMap]:
    """Parse YAML text into plain values and their positions."""
    if not text.strip():
        raise _fail(file, "is empty; a corpus starts with 'schema_version: 1'")
    return _parse(text, text, file)


def _parse(
    text: str | None, source: str | bytes, file: Path | None
) -> tuple[dict[str, Any], SourceMap]:
    """Parse ``source`` (the text, or its UTF-8 bytes when ``text`` is None)."""
    max_nodes = _max_nodes()
    with _gc_paused():
        try:
            value, tree = event_loader.build(
                source, _Loader, _read_scalar, max_depth=MAX_DEPTH, max_nodes=max_nodes
            )
        except event_loader.Unusual:
            pass
        except event_loader.TooManyNodes as err:
            if text is None:
                text = source.decode("utf-8") if isinstance(source, bytes) else source
            line, column = _LineFix.of(text).position(err.line - 1, err.column - 1)
            raise CorpusError(
                [
                    Problem(
                        "AM001",
                        f"has more than {max_nodes:,} keys and values, far more than any "
                        f"corpus needs; if the file is right, raise ${ENV_MAX_NODES}",
                        file,
                        line,
                        column,
                    )
                ]
            ) from None
        else:
            return value, SourceMap(file, tree=tree)
        if text is None:
            text = source.decode("utf-8") if isinstance(source, bytes) else source
        return _parse_carefully(text, file)


def _parse_carefully(text: str, file: Path | None) -> tuple[dict[str, Any], SourceMap]:
    """The reference path: compose nodes, then build values, with a message for every problem."""
    fix = _LineFix.of(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = err.problem or err.context or "invalid YAML"
        if err.context and err.problem:
            what = f"{err.context}: {err.problem}"
        line, column = fix.position(mark.line, mark.column) if mark else (None, None)
        raise CorpusError([Problem("AM001", f"invalid YAML: {what}", file, line, column)]) from None
    except yaml.reader.ReaderError as err:
        # A character YAML does not allow (NUL, a control character): point at it.
        character, offset = err.character, err.position
        if isinstance(character, int):  # libyaml counts bytes of UTF-8
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        else:
            character = ord(character)
        line, column = fix.offset(offset)
        what = f"unacceptable character #x{character:04x}: {err.reason}"
        raise CorpusError([Problem("AM001", f"invalid YAML: {what}", file, line, column)]) from None
    except yaml.YAMLError as err:
        raise _fail(file, f"invalid YAML: {err}") from None
    except RecursionError:
        raise _fail(file, f"is nested too deeply (more than {MAX_DEPTH} levels)") from None
    if node is None:
        raise _fail(file, "is empty; a corpus starts with 'schema_version: 1'")
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        line, column = fix.position(node.start_mark.line, node.start_mark.column)
        raise CorpusError(
            [
                Problem(
                    "AM001",
                    f"the top level is {kind}, not a mapping; "
                    "a corpus starts with 'schema_version: 1'",
                    file,
                    line,
                    column,
                )
            ]
        )
    builder = _Builder(file, fix)
    value = builder.build(node, (), 0)
    if builder.problems:
        raise CorpusError(builder.problems)
    assert isinstance(value, dict)
    return value, SourceMap(file, builder.values, builder.keys)


def _max_nodes() -> int:
    configured = os.environ.get(ENV_MAX_NODES, "").strip().replace("_", "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else MAX_NODES


class _LineFix:
    """Turns PyYAML's 0-based (line, column) into the file's 1-based ones.

    PyYAML reads YAML 1.1, where U+0085, U+2028 and U+2029 break lines; YAML
    1.2 and editors do not count them, so every later line number would be
    one off. When the text has none of them (nearly always), this adds one.
    """

    def __init__(self, text: str, starts: list[int] | None) -> None:
        self.text = text
        self.starts = starts  # where each of PyYAML's lines starts, when they differ

    @classmethod
    def of(cls, text: str) -> _LineFix:
        if not any(ch in text for ch in ("\x85", "\u2028", "\u2029")):
            return cls(text, None)
        starts = [0]
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            if ch in "\r\n\x85\u2028\u2029":
                starts.append(i + 1)
            i += 1
        return cls(text, starts)

    def position(self, line: int, column: int) -> tuple[int, int]:
        if self.starts is None or line >= len(self.starts):
            return line + 1, column + 1
        return self.offset(self.starts[line] + column)

    def offset(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a character offset, counting only LF, CRLF and CR."""
        text = self.text
        line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
        line = text.count("\n", 0, offset) + text.count("\r", 0, offset)
        line -= text.count("\r\n", 0, offset)
        return line + 1, offset - line_start + 1


def validate(
    raw: dict[str, Any], source_map: SourceMap, source: str | bytes | None = None
) -> Corpus:
    """Validate plain values against the model, with positions in every error;
    the result is plain records (:mod:`argmap.corpus`)."""
    from pydantic import ValidationError

    from argmap import model

    with _gc_paused():
        try:
            validated = model.Corpus.model_validate(raw)
        except ValidationError as err:
            raise CorpusError(_translate(err, raw, source_map, source)) from None
        return model.to_records(validated, source_map)


def _fail(file: Path | None, message: str) -> CorpusError:
    return CorpusError([Problem("AM001", message, file)])


class _Builder:
    """Turns composed YAML nodes into Python values, recording positions.

    This walk is on the hot path of every command: it avoids per-node
    allocations beyond the values themselves and one position tuple.
    """

    def __init__(self, file: Path | None, fix: _LineFix) -> None:
        self.file = file
        self.fix = fix
        self.values: dict[NodePath, tuple[int, int]] = {}
        self.keys: dict[NodePath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _problem(self, node: yaml.Node, message: str) -> None:
        line, column = self.fix.position(node.start_mark.line, node.start_mark.column)
        self.problems.append(Problem("AM001", message, self.file, line, column))

    def build(self, node: yaml.Node, path: NodePath, depth: int) -> Any:
        mark = node.start_mark
        self.values[path] = self.fix.position(mark.line, mark.column)
        key = id(node)
        if key in self._seen:
            # The composer hands out the anchored node again for each '*' alias.
            self._problem(
                node,
                "aliases are not supported: this anchored value is used again with '*'; "
                "write the value out in full at each place",
            )
            return None
        self._seen.add(key)
        cls = node.__class__
        if cls is yaml.ScalarNode:
            if node.tag == _STR:
                return node.value
            value, problem = _scalar(cast(yaml.ScalarNode, node))
            if problem:
                self._problem(node, problem)
            return value
        if depth > MAX_DEPTH:
            self._problem(node, f"nested too deeply (more than {MAX_DEPTH} levels)")
            return None
        if cls is yaml.SequenceNode:
            if node.tag != _SEQ:
                self._problem(node, f"unsupported tag {node.tag!r}; remove it")
            build = self.build
            deeper = depth + 1
            return [build(item, (*path, i), deeper) for i, item in enumerate(node.value)]
        if cls is yaml.MappingNode:
            if node.tag != _MAP:
                self._problem(node, f"unsupported tag {node.tag!r}; remove it")
            return self._mapping(cast(yaml.MappingNode, node), path, depth)
        self._problem(node, "unsupported YAML node")  # pragma: no cover - composer never yields it
        return None

    def _mapping(self, node: yaml.MappingNode, path: NodePath, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        keys = self.keys
        build = self.build
        deeper = depth + 1
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag == _MERGE:
                self._bad_key(key_node)
                continue
            key = str(key_node.value)
            child = (*path, key)
            mark = key_node.start_mark
            if child in keys:
                first = keys[child][0]
                self._problem(
                    key_node,
                    f"duplicate key {key!r} (first at line {first}); "
                    "YAML would silently keep only the last value: remove or rename one",
                )
                continue
            keys[child] = self.fix.position(mark.line, mark.column)
            out[key] = build(value_node, child, deeper)
        return out

    def _bad_key(self, key_node: yaml.Node) -> None:
        if key_node.tag == _MERGE:
            self._problem(key_node, "merge keys ('<<') are not supported; write the keys out")
        else:
            self._problem(key_node, "a mapping key must be a plain word, not a list or mapping")


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.ScalarNode) -> tuple[Any, str | None]:
    """A scalar's value by its resolved tag, or None and why it cannot be read."""
    tag = node.tag
    if tag == _YAML + "timestamp":
        # Dates stay text: their precision (YYYY, YYYY-MM, YYYY-MM-DD) is the point.
        return node.value, None
    if tag in _PLAIN_TAGS:
        if tag in _NUMBERS and ":" in node.value:
            # YAML 1.1's base 60 (20:19 is 1219): YAML 1.2 and every reader mean text.
            return node.value, None
        try:
            return _CONSTRUCTOR.construct_object(node, deep=True), None
        except (yaml.YAMLError, ValueError, LookupError):
            # '!!int' with no value, '!!bool maybe': PyYAML raises IndexError or KeyError.
            return None, f"cannot read {node.value!r} as {tag.removeprefix(_YAML)}"
    return None, (
        f"unsupported tag {tag!r}: only plain YAML values are read (safe loading); remove it"
    )


def _read_scalar(node: yaml.ScalarNode) -> tuple[Any, bool]:
    value, problem = _scalar(node)
    return value, problem is None


class _Words:
    """The plain word the user wrote at a position, for hints: the text being read
    (or else the file) is split into lines once per run of error messages, and only
    if a hint asks."""

    def __init__(self, source_map: SourceMap, source: str | bytes | None = None) -> None:
        self._path = source_map.path
        self._source = source
        self._lines: list[str] | None = None

    def at(self, pos: Position | None) -> str | None:
        if (self._path is None and self._source is None) or pos is None:
            return None
        if self._lines is None:
            source = self._source
            if source is None and self._path is not None:
                try:
                    source = self._path.read_bytes()
                except OSError:
                    source = b""
            if isinstance(source, bytes):
                source = source.decode("utf-8-sig", errors="replace")
            self._lines = re.split(r"\r\n|\r|\n", (source or "").removeprefix("\ufeff"))
        if not 0 < pos.line <= len(self._lines):
            return None
        word = re.match(r"[^\s#,\[\]{}]+", self._lines[pos.line - 1][pos.column - 1 :])
        if word is None or word.group().startswith(("!", "&", "*")):
            return None  # a tag, an anchor or an alias: not the value as written
        return word.group()


def _reads_as(written: str, value: object) -> bool:
    """Whether YAML reads the plain word ``written`` as ``value`` (so the hint is true)."""
    try:
        return bool(yaml.load(written, Loader=yaml.SafeLoader) == value)
    except Exception:  # PyYAML raises more than YAMLError on odd input
        return False


def _unquoted_hint(kind: str, value: object, written: str | None = None) -> str:
    """Why a word the user wrote is not a string: YAML read it as a boolean or a number."""
    if kind != "string_type":
        return ""
    if value is None:
        return (
            "; the value is empty (nothing after the colon, or null): write it, or drop the field"
        )
    if isinstance(value, bool):
        return (
            f"; YAML read the unquoted word as {str(value).lower()}, as it reads yes, no, on "
            "and off: put it in quotes"
        )
    if isinstance(value, int | float):
        if written is not None and written != repr(value) and _reads_as(written, value):
            # 0x1F, 1_000, +5, .5: say what was written as well as what YAML made of it.
            return f"; YAML read {written} as the number {value!r}: put it in quotes"
        return f"; YAML read {value!r} as a number: put it in quotes"
    return ""


def _translate(
    err: Any, raw: dict[str, Any], source_map: SourceMap, source: str | bytes | None = None
) -> list[Problem]:
    """pydantic errors -> ``path:line:col: claims[12] (id: x): speaker: field required``."""
    problems: list[Problem] = []
    words = _Words(source_map, source)
    for item in err.errors(include_url=False):
        loc: NodePath = tuple(item["loc"])
        kind = item["type"]
        entity_id: str | None = None
        label = ""
        rest: NodePath = loc
        if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
            section = raw.get(loc[0])
            entry = section[loc[1]] if isinstance(section, list) and loc[1] < len(section) else None
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                entity_id = entry["id"]
            label = format_path(loc[:2]) + (f" (id: {entity_id})" if entity_id else "")
            rest = loc[2:]
        if kind == "missing":
            message = "field required"
            pos = source_map.locate(loc[:-1])
        elif kind == "extra_forbidden":
            message = f"unknown field {loc[-1]!r}; check its spelling in docs/format.md"
            rest = rest[:-1]
            pos = source_map.locate(loc, key=True)
        else:
            pos = source_map.locate(loc)
            value = item.get("input")
            written = (
                words.at(pos) if kind == "string_type" and isinstance(value, int | float) else None
            )
            message = item["msg"] + _unquoted_hint(kind, value, written)
        parts = [p for p in (label, format_path(rest) if rest else "") if p]
        text = ": ".join([*parts, message])
        problems.append(
            Problem(
                "AM002",
                text,
                source_map.path,
                pos.line if pos else None,
                pos.column if pos else None,
                entity_id,
            )
        )
    problems.sort(key=lambda p: (p.line or 0, p.column or 0, p.message))
    return problems
