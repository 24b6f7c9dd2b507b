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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from argmap.positions import PositionTree, line_starts

_YAML = "tag:yaml.org,2002:"
_STR = _YAML + "str"
_MERGE = _YAML + "merge"

_NO_KEY = object()

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
    no_resolvers: tuple[tuple[str, Any], ...] = tuple(
        entry for entry in loader.yaml_implicit_resolvers.get(None, ())
    )
    tree = PositionTree(len(text))
    values, keys, names, opens = tree.values, tree.keys, tree.names, tree.opens
    first, count, is_map = tree.first, tree.count, tree.is_map
    known_keys: dict[str, str] = {}

    parser = loader(text)
    get_event = parser.get_event
    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent

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
    alias_event = yaml.AliasEvent
    mapping_end = yaml.MappingEndEvent
    sequence_end = yaml.SequenceEndEvent
    try:
        event: Any = get_event()  # StreamStart
        event = get_event()
        if not isinstance(event, yaml.DocumentStartEvent):
            raise Unusual("no document")
        event = get_event()
        if not isinstance(event, mapping_start) or event.anchor is not None:
            raise Unusual("not a mapping")
        if event.tag is not None and event.tag != _YAML + "map":
            raise Unusual("tagged top level")
        mark: Any = event.start_mark
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
            if nodes > max_nodes:
                mark = event.start_mark
                raise TooManyNodes(mark.line + 1, mark.column + 1)
            if event.anchor is not None or cls is alias_event:
                raise Unusual("anchor or alias")
            position = event.start_mark.index + 1  # 0 is "no position"
            if in_map:
                # A key: a plain or quoted scalar with no tag.
                if cls is not scalar_event or event.tag is not None:
                    raise Unusual("complex or tagged key")
                key = event.value
                if key == "<<" and event.implicit[0]:
                    raise Unusual("merge key")
                if key in container:
                    raise Unusual("duplicate key")
                key = known_keys.setdefault(key, key)
                key_position = position
                event = get_event()
                cls = event.__class__
                if cls is mapping_end:
                    raise Unusual("key without value")  # pragma: no cover - the parser refuses it
                nodes += 1
                if nodes > max_nodes:
                    mark = event.start_mark
                    raise TooManyNodes(mark.line + 1, mark.column + 1)
                if event.anchor is not None or cls is alias_event:
                    raise Unusual("anchor or alias")
                position = event.start_mark.index + 1
            if cls is scalar_event:
                value = event.value
                if event.tag is not None:
                    raise Unusual("explicit tag")
                if event.implicit[0]:
                    for resolved, pattern in (
                        resolvers.get(value[0], no_resolvers)
                        if value
                        else resolvers.get("", no_resolvers)
                    ):
                        if pattern.match(value):
                            node = yaml.ScalarNode(
                                resolved, value, event.start_mark, event.end_mark
                            )
                            value, clean = scalar(node)
                            if not clean:
                                raise Unusual("unreadable scalar")
                            break
                opened = -1
            elif cls is mapping_start or cls is sequence_start:
                if event.tag is not None:
                    raise Unusual("explicit tag")
                if len(stack) > max_depth:
                    raise Unusual("deep nesting")
                value = {} if cls is mapping_start else []
                opened = len(first)
                first.append(0)
                count.append(0)
                is_map.append(1 if cls is mapping_start else 0)
            else:
                raise Unusual(f"unexpected {cls.__name__}")  # pragma: no cover
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
        event = get_event()
        if not isinstance(event, yaml.DocumentEndEvent):
            raise Unusual("document does not end")  # pragma: no cover
        event = get_event()
        if not isinstance(event, yaml.StreamEndEvent):
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


def _count_rest(get_event: Callable[[], Any], nodes: int, max_nodes: int) -> None:
    """Read the remaining events, raising :class:`TooManyNodes` past ``max_nodes``."""
    counted = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    try:
        while True:
            event: Any = get_event()
            if isinstance(event, counted):
                nodes += 1
                if nodes > max_nodes:
                    mark: Any = event.start_mark
                    raise TooManyNodes(mark.line + 1, mark.column + 1)
            elif event is None or isinstance(event, yaml.StreamEndEvent):
                return  # the parser gives None once the stream has ended
    except yaml.YAMLError:
        return
