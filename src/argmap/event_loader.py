"""The fast path of loading: values and positions straight from the parser's events.

libyaml's composer builds a node (and two marks) for every value, resolving
each scalar's tag with a call into Python; a second walk then turns the nodes
into values and records positions. This module skips the node tree: it pulls
the parser's events one by one and builds the plain values and a
:class:`~argmap.positions.PositionTree` in the same pass, resolving plain
scalars with PyYAML's own table of implicit resolvers.

It handles what corpus files are made of: block and flow mappings and lists
of plain and quoted scalars. Anything else (an anchor or alias, an explicit
tag, a duplicate or complex key, a merge key, deep nesting, several
documents, a value that cannot be read, a syntax error, a line break that
YAML 1.1 and editors count differently) raises :class:`Unusual`, and the
loader reads the file again with the careful path, whose messages and
positions are the reference. So this path never decides an error, and its
result is the careful path's exactly (a property test checks it).

It does decide one error: a document with more than ``max_nodes`` nodes
(keys, values and collections) stops here, early, before memory grows with
it, also when the rest would go to the careful path.

Events as records. PyYAML's C parser makes each event by calling a class of
:mod:`yaml.events`, whose Python ``__init__`` sets its fields one by one: at
100k claims that is 2.7 million calls, a fifth of the parse. While it parses
here, the parser is handed the classes below instead (the names it looks up
in :mod:`yaml._yaml`, restored when the parse ends, under a lock): subclasses
of ``BaseException``, only because that is a built-in type whose constructor,
in C, keeps its positional arguments as ``args``. Nothing is raised; an event
is read as ``event.args``, in the order in which the parser passes them (and
:mod:`yaml.events` takes them). Without libyaml, or should a PyYAML release
build its events otherwise (tried once, on a small document with an event of
every kind), the events are turned into the same records (slower, the same
result). The swap is made only in a process that argmap's command line owns
(:mod:`argmap.process`): in a program that imports argmap as a library,
another thread's ``yaml.parse`` could otherwise get records mid-swap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, ClassVar

import yaml

from argmap.positions import PositionTree, line_starts

_YAML = "tag:yaml.org,2002:"
_STR = _YAML + "str"
_MERGE = _YAML + "merge"

# Characters PyYAML (YAML 1.1) reads as line breaks that editors and YAML 1.2 do not,
# and a byte order mark, which the parser may skip without counting it.
_ODD_BREAKS = ("\x85", "\u2028", "\u2029", "\ufeff")
_ODD_BREAKS_UTF8 = tuple(ch.encode("utf-8") for ch in _ODD_BREAKS)


class Unusual(Exception):
    """The document needs the careful path (see the module docstring)."""


class TooManyNodes(Exception):
    """The document holds more than the allowed number of values."""

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        super().__init__(f"too many values at {line}:{column}")


class _Event(BaseException):
    """A parser event as the arguments it was made with (``args``, in ``fields`` order)."""

    fields: ClassVar[tuple[str, ...]] = ("start_mark", "end_mark")


class _StreamStart(_Event):
    fields = ("start_mark", "end_mark", "encoding")


class _StreamEnd(_Event):
    pass


class _DocumentStart(_Event):
    fields = ("start_mark", "end_mark", "explicit", "version", "tags")


class _DocumentEnd(_Event):
    fields = ("start_mark", "end_mark", "explicit")


class _Alias(_Event):
    fields = ("anchor", "start_mark", "end_mark")


class _Scalar(_Event):
    fields = ("anchor", "tag", "implicit", "value", "start_mark", "end_mark", "style")


class _SequenceStart(_Event):
    fields = ("anchor", "tag", "implicit", "start_mark", "end_mark", "flow_style")


class _SequenceEnd(_Event):
    pass


class _MappingStart(_Event):
    fields = ("anchor", "tag", "implicit", "start_mark", "end_mark", "flow_style")


class _MappingEnd(_Event):
    pass


_RECORDS: dict[str, type[_Event]] = {
    "StreamStartEvent": _StreamStart,
    "StreamEndEvent": _StreamEnd,
    "DocumentStartEvent": _DocumentStart,
    "DocumentEndEvent": _DocumentEnd,
    "AliasEvent": _Alias,
    "ScalarEvent": _Scalar,
    "SequenceStartEvent": _SequenceStart,
    "SequenceEndEvent": _SequenceEnd,
    "MappingStartEvent": _MappingStart,
    "MappingEndEvent": _MappingEnd,
}
"""The record class for each of PyYAML's event classes, by name."""

_SWAP = threading.RLock()
"""Held while PyYAML's C parser makes records: one parse at a time swaps its classes."""


def _c_module(loader: type[Any]) -> Any:
    """PyYAML's C module when ``loader`` parses with it and names the event classes
    the records stand in for; else None."""
    from argmap import process

    if not process.owned_by_cli:
        return None  # a library caller's other threads may be parsing YAML meanwhile
    try:
        import yaml._yaml as c_module
    except ImportError:  # pragma: no cover - PyYAML without libyaml
        return None
    if not issubclass(loader, c_module.CParser):
        return None
    if any(getattr(c_module, name, None) is not getattr(yaml, name) for name in _RECORDS):
        return None  # pragma: no cover - another PyYAML, or a swap in progress elsewhere
    global _SWAP_WORKS
    if _SWAP_WORKS is None:
        _SWAP_WORKS = _makes_records(c_module)
    return c_module if _SWAP_WORKS else None


_SWAP_WORKS: bool | None = None
"""Whether PyYAML's C parser makes records once its classes are swapped (tried once)."""

_PROBE = "%YAML 1.1\n---\na: &x [1, {b: 'c'}]\nd: *x\n...\n"
"""A document with an event of every kind."""


def _makes_records(c_module: Any) -> bool:
    """Whether the C parser, given the record classes, makes every event as a record
    with the fields in order (a PyYAML that passes them otherwise keeps its own)."""
    try:
        with _records_in(c_module):
            parser = c_module.CParser(_PROBE)
            kinds = set()
            while (event := parser.get_event()) is not None:
                if not isinstance(event, _Event) or len(event.args) != len(event.fields):
                    return False  # pragma: no cover - another PyYAML
                kinds.add(event.__class__)
            return kinds == set(_RECORDS.values())
    except Exception:  # pragma: no cover - a PyYAML that calls them otherwise
        return False


@contextmanager
def _records_in(c_module: Any) -> Iterator[None]:
    """PyYAML's event classes in ``c_module`` swapped for the records, while it lasts."""
    saved = {name: getattr(c_module, name) for name in _RECORDS}
    try:
        for name, record in _RECORDS.items():
            setattr(c_module, name, record)
        yield
    finally:
        for name, original in saved.items():
            setattr(c_module, name, original)


def _as_record(event: Any) -> Any:
    """A :mod:`yaml.events` event as its record (the slow way, for the Python parser)."""
    if event is None:
        return None
    record = _RECORDS[event.__class__.__name__]
    return record(*(getattr(event, name) for name in record.fields))


def _resolvers(loader: type[Any]) -> dict[str, tuple[tuple[str, Any], ...]]:
    """PyYAML's implicit resolvers by first character, as its resolver reads them."""
    table: dict[Any, list[tuple[str, Any]]] = loader.yaml_implicit_resolvers
    wildcard = tuple(table.get(None, ()))
    return {first: (*entries, *wildcard) for first, entries in table.items() if first is not None}


def build(
    text: str | bytes,
    loader: type[Any],
    scalar: Callable[[yaml.ScalarNode], tuple[Any, bool]],
    *,
    max_depth: int,
    max_nodes: int,
) -> tuple[dict[str, Any], PositionTree]:
    """Parse ``text`` (or its UTF-8 bytes) into values and positions, or raise :class:`Unusual`.

    ``scalar`` reads a scalar whose resolved tag is not ``str`` (ints, bools,
    dates...) as the careful path does, and says whether that went cleanly.
    """
    odd = _ODD_BREAKS if isinstance(text, str) else _ODD_BREAKS_UTF8
    if any(ch in text for ch in odd):  # type: ignore[operator]
        raise Unusual("line breaks that YAML 1.1 counts differently, or a byte order mark")
    resolvers = _resolvers(loader)
    no_resolvers = tuple(loader.yaml_implicit_resolvers.get(None, ()))
    tree = PositionTree(len(text))
    limits = (max_depth, max_nodes)

    with _SWAP:
        c_module = _c_module(loader)
        with _records_in(c_module) if c_module is not None else nullcontext():
            return _build(text, loader(text), tree, resolvers, no_resolvers, scalar, limits)


def _build(
    text: str | bytes,
    parser: Any,
    tree: PositionTree,
    resolvers: dict[str, tuple[tuple[str, Any], ...]],
    no_resolvers: tuple[tuple[str, Any], ...],
    scalar: Callable[[yaml.ScalarNode], tuple[Any, bool]],
    limits: tuple[int, int],
) -> tuple[dict[str, Any], PositionTree]:
    """:func:`build` with ``parser`` made. ``limits``: the deepest nesting and the most nodes."""
    max_depth, max_nodes = limits
    values, keys, names, opens = tree.values, tree.keys, tree.names, tree.opens
    first, count, is_map = tree.first, tree.count, tree.is_map
    known_keys: dict[str, str] = {}
    get_event: Callable[[], Any] = parser.get_event
    scalar_event = _Scalar
    mapping_start = _MappingStart
    sequence_start = _SequenceStart

    # Pending children of the open collections, as a stack: a collection's
    # children are moved into the tree's arrays, side by side, when it ends.
    p_values: list[int] = []
    p_keys: list[int] = []
    p_names: list[str | None] = []
    p_opens: list[int] = []
    # One frame per open collection: (container, collection id, pending start).
    stack: list[tuple[Any, int, int]] = []
    root: dict[str, Any] | None = None
    nodes = 0
    mapping_end = _MappingEnd
    sequence_end = _SequenceEnd
    try:
        event: Any = get_event()  # StreamStart
        if not isinstance(event, _Event):
            # PyYAML made its own events (its Python parser, or a C parser that does
            # not look the classes up where they were swapped): records from them.
            get_own_event = get_event

            def get_event() -> Any:
                return _as_record(get_own_event())

        event = get_event()
        if event.__class__ is not _DocumentStart:
            raise Unusual("no document")
        event = get_event()
        if event.__class__ is not mapping_start:
            raise Unusual("not a mapping")
        anchor, tag, _, mark, _, _ = event.args
        if anchor is not None:
            raise Unusual("not a mapping")
        if tag is not None and tag != _YAML + "map":
            raise Unusual("tagged top level")
        tree.root = mark.index + 1
        root = {}
        first.append(0)
        count.append(0)
        is_map.append(1)
        container: Any = root
        collection, start, in_map = 0, 0, True
        stack.append((root, 0, 0))
        nodes = 1
        # One turn per list item, or per mapping entry (its key, then its value).
        # Every value or key counts as a node, checked before anything else is.
        while True:
            event = get_event()
            cls = event.__class__
            if cls is mapping_end or cls is sequence_end:
                first[collection] = len(values)
                count[collection] = len(p_values) - start
                values.extend(p_values[start:])
                keys.extend(p_keys[start:])
                names.extend(p_names[start:])
                opens.extend(p_opens[start:])
                del p_values[start:], p_keys[start:], p_names[start:], p_opens[start:]
                stack.pop()
                if not stack:
                    break
                container, collection, start = stack[-1]
                in_map = container.__class__ is dict
                continue
            nodes += 1
            if in_map:
                # A key: a plain or quoted scalar with no anchor or tag.
                if cls is not scalar_event:
                    _too_many(event, nodes, max_nodes)
                    raise Unusual("complex key or alias")
                anchor, tag, implicit, key, mark, _, _ = event.args
                if nodes > max_nodes:
                    raise TooManyNodes(mark.line + 1, mark.column + 1)
                if anchor is not None or tag is not None:
                    raise Unusual("anchored or tagged key")
                if key == "<<" and implicit[0]:
                    raise Unusual("merge key")
                if key in container:
                    raise Unusual("duplicate key")
                key = known_keys.setdefault(key, key)
                key_position = mark.index + 1
                event = get_event()
                cls = event.__class__
                if cls is mapping_end:
                    raise Unusual("key without value")  # pragma: no cover - the parser refuses it
                nodes += 1
            if cls is scalar_event:
                anchor, tag, implicit, value, mark, end_mark, _ = event.args
            elif cls is mapping_start or cls is sequence_start:
                anchor, tag, _, mark, _, _ = event.args
            else:
                _too_many(event, nodes, max_nodes)
                raise Unusual(f"unexpected {cls.__name__}")  # an alias
            if nodes > max_nodes:
                raise TooManyNodes(mark.line + 1, mark.column + 1)
            if anchor is not None:
                raise Unusual("anchor")
            position = mark.index + 1  # 0 is "no position"
            if cls is scalar_event:
                if tag is not None:
                    raise Unusual("explicit tag")
                if implicit[0]:
                    for resolved, pattern in resolvers.get(value[:1], no_resolvers):
                        if pattern.match(value):
                            value, clean = scalar(yaml.ScalarNode(resolved, value, mark, end_mark))
                            if not clean:
                                raise Unusual("unreadable scalar")
                            break
                opened = -1
            else:
                if tag is not None:
                    raise Unusual("explicit tag")
                if len(stack) > max_depth:
                    raise Unusual("deep nesting")
                value = {} if cls is mapping_start else []
                opened = len(first)
                first.append(0)
                count.append(0)
                is_map.append(1 if cls is mapping_start else 0)
            p_values.append(position)
            p_opens.append(opened)
            if in_map:
                container[key] = value
                p_keys.append(key_position)
                p_names.append(key)
            else:
                container.append(value)
                p_keys.append(0)
                p_names.append(None)
            if opened >= 0:
                container, collection, start = value, opened, len(p_values)
                in_map = cls is mapping_start
                stack.append((container, collection, start))
        if get_event().__class__ is not _DocumentEnd:
            raise Unusual("document does not end")  # pragma: no cover
        if get_event().__class__ is not _StreamEnd:
            raise Unusual("more than one document")
    except yaml.YAMLError as err:
        raise Unusual("syntax error") from err
    except Unusual:
        # The careful path composes the whole document before it looks at it:
        # count the rest first, so that a huge document stops here too.
        _count_rest(get_event, nodes, max_nodes)
        raise
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    assert root is not None
    tree.line_starts = line_starts(text)
    return root, tree


def _too_many(event: Any, nodes: int, max_nodes: int) -> None:
    """Raise :class:`TooManyNodes` at ``event`` when ``nodes`` is past ``max_nodes``."""
    if nodes > max_nodes and isinstance(event, _Event):
        mark: Any = event.args[event.fields.index("start_mark")]
        raise TooManyNodes(mark.line + 1, mark.column + 1)


def _count_rest(get_event: Callable[[], Any], nodes: int, max_nodes: int) -> None:
    """Read the remaining events, raising :class:`TooManyNodes` past ``max_nodes``."""
    counted = (_Scalar, _MappingStart, _SequenceStart)
    try:
        while True:
            event: Any = get_event()
            if isinstance(event, counted):
                nodes += 1
                _too_many(event, nodes, max_nodes)
            elif event is None or isinstance(event, _StreamEnd):
                return  # the parser gives None once the stream has ended
    except yaml.YAMLError:
        return
