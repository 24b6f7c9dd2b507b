"""DOT source text, written exactly as the ``graphviz`` Python package writes it.

Diagrams were built with ``graphviz.Digraph``, which only assembles text:
argmap lays DOT out itself (:mod:`argmap.export.render`). For the bundled
corpus that package cost a third of ``argmap diagram --format dot``: about
25 ms to import, and its quoting (every name and value goes through a
wrapper that checks for deprecated positional arguments, then three regular
expressions) as long again. This module writes the same bytes with the part
of its API argmap uses (``Digraph`` with ``attr``, ``node``, ``edge``,
``subgraph`` and ``source``; ``nohtml``; ``quote``):

* a name or value is left bare when it is a DOT ID (a word or a number) and
  not a keyword, and kept as is when it looks like an HTML-like label
  (``<...>``) unless marked :func:`nohtml`; anything else is double-quoted,
  with its unescaped quotes escaped;
* keyword attributes are written sorted by name, after ``label`` when
  ``node`` or ``edge`` is given one; ``None`` values are left out;
* statements are indented by a tab, and a subgraph's lines by one more;
* the rare name that ends in an odd number of backslashes (which Graphviz
  cannot read) goes to the package's own ``quote``, so its warning is the same.

``tests/test_dot_source.py`` compares the bytes with the package's on every
diagram view of the bundled corpus and on generated graphs of awkward names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Digraph", "NoHtml", "nohtml", "quote"]

_HTML = re.compile(r"<.*>$", re.DOTALL).match
_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$").match
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
_ODD_BACKSLASHES = re.compile(r"(?<!\\)(?:\\{2})*\\$").search
_ESCAPE_QUOTES = re.compile(r"(?P<escaped_backslashes>(?:\\{2})*)\\?(?P<literal_quote>\")")
_ESCAPED_QUOTE = r"\g<escaped_backslashes>\\\g<literal_quote>"


class NoHtml(str):
    """A string that is quoted even when it looks like an HTML-like label (``<...>``)."""

    __slots__ = ()


def nohtml(text: str) -> str:
    """``text``, never taken for an HTML-like label."""
    return NoHtml(text)


def quote(identifier: str) -> str:
    """``identifier`` as a DOT ID: bare when it can be, else double-quoted."""
    # Not a NoHtml (equal to its text, quoted otherwise), nor a name that may warn.
    if type(identifier) is str and not identifier.endswith(("\\", "\n")):
        known = _QUOTED.get(identifier)
        if known is None:
            known = _QUOTED[identifier] = _quote(identifier)
        return known
    return _quote(identifier)


_QUOTED: dict[str, str] = {}
"""Names and values quoted before: attribute names, colours, fonts recur on every line."""


def _quote(identifier: str) -> str:
    if _HTML(identifier) and not isinstance(identifier, NoHtml):
        return identifier
    if _ID(identifier) and identifier.lower() not in _KEYWORDS:
        return identifier
    if "\\" in identifier and _ODD_BACKSLASHES(identifier):  # ($ also before a final \n)
        from graphviz import quoting  # its warning, word for word

        quoted: str = quoting.quote(identifier)
        return quoted
    if '"' in identifier:
        identifier = _ESCAPE_QUOTES.sub(_ESCAPED_QUOTE, identifier)
    return f'"{identifier}"'


def _quote_edge(identifier: str) -> str:
    """A node of an edge statement: ``node[:port[:compass]]``."""
    node, _, rest = identifier.partition(":")
    if not rest:
        return quote(node)
    port, _, compass = rest.partition(":")
    return ":".join([quote(node), quote(port), *([compass] if compass else [])])


def _a_list(label: str | None, attributes: dict[str, str | None]) -> str:
    parts = [f"label={quote(label)}"] if label is not None else []
    parts += [
        f"{quote(name)}={quote(value)}"
        for name, value in sorted(attributes.items())
        if value is not None
    ]
    return " ".join(parts)


def _attr_list(label: str | None, attributes: dict[str, str | None]) -> str:
    content = _a_list(label, attributes)
    return f" [{content}]" if content else ""


class Digraph:
    """A directed graph's DOT source, statement by statement."""

    def __init__(
        self,
        name: str | None = None,
        *,
        graph_attr: dict[str, str] | None = None,
        node_attr: dict[str, str] | None = None,
        edge_attr: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.graph_attr: dict[str, str | None] = dict(graph_attr or {})
        self.node_attr: dict[str, str | None] = dict(node_attr or {})
        self.edge_attr: dict[str, str | None] = dict(edge_attr or {})
        self.body: list[str] = []

    def attr(self, kw: str | None = None, **attrs: str | None) -> None:
        """An attribute statement: of the graph itself (``kw`` None), or ``graph``,
        ``node`` or ``edge`` defaults."""
        if kw is not None and kw.lower() not in ("graph", "node", "edge"):
            raise ValueError(f"attr statement must target graph, node, or edge: {kw!r}")
        if attrs:
            if kw is None:
                self.body.append(f"\t{_a_list(None, attrs)}\n")
            else:
                self.body.append(f"\t{kw}{_attr_list(None, attrs)}\n")

    def node(self, name: str, label: str | None = None, **attrs: str | None) -> None:
        """A node statement."""
        self.body.append(f"\t{quote(name)}{_attr_list(label, attrs)}\n")

    def edge(
        self, tail_name: str, head_name: str, label: str | None = None, **attrs: str | None
    ) -> None:
        """An edge statement (``tail -> head``)."""
        tail, head = _quote_edge(tail_name), _quote_edge(head_name)
        self.body.append(f"\t{tail} -> {head}{_attr_list(label, attrs)}\n")

    @contextmanager
    def subgraph(self, name: str | None = None) -> Iterator[Digraph]:
        """A subgraph (a cluster when its name starts with ``cluster``), added on exit."""
        inner = Digraph(name)
        yield inner
        self.body += [f"\t{line}" for line in inner._lines(subgraph=True)]

    def _lines(self, *, subgraph: bool = False) -> Iterator[str]:
        name = f"{quote(self.name)} " if self.name else ""
        if not subgraph:
            yield f"digraph {name}{{\n"
        else:
            yield f"subgraph {name}{{\n" if self.name else "{\n"
        for kw, attrs in (
            ("graph", self.graph_attr),
            ("node", self.node_attr),
            ("edge", self.edge_attr),
        ):
            if attrs:
                yield f"\t{kw}{_attr_list(None, attrs)}\n"
        yield from self.body
        yield "}\n"

    @property
    def source(self) -> str:
        """The DOT source text."""
        return "".join(self._lines())
