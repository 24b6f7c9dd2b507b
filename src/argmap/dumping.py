"""Corpus data -> YAML text in the house style of ``data/arguments.yaml``.

The counterpart of :mod:`argmap.loading` for programs that write a corpus
(``argmap import``): one top-level key per section with a blank line
between entries, keys in the order given, lists of ids in flow style
(``premises: [a, b]``), and plain scalars wherever YAML reads them back as
the same string; anything else is double-quoted with escapes. The result
is meant to be edited by hand and reads back to the same values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

_RESOLVER = yaml.resolver.Resolver()
_PLAIN_BLOCK = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n\t\r]*$")
_PLAIN_FLOW = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_AWKWARD = re.compile(
    r": |:$| #|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]|\s$"
)
_UNPRINTABLE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _resolves_to_str(text: str) -> bool:
    """Whether YAML reads ``text``, unquoted, as a string (not a number, date, bool ...)."""
    resolve: Any = _RESOLVER.resolve
    return bool(resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str")


def scalar(value: Any, flow: bool = False) -> str:
    """One scalar in YAML: plain when that reads back the same, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    plain = _PLAIN_FLOW if flow else _PLAIN_BLOCK
    if plain.match(text) and not _AWKWARD.search(text) and _resolves_to_str(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"
    return scalar(value)


def dump(corpus: Mapping[str, Any], header: Iterable[str] = ()) -> str:
    """The corpus as YAML text; ``header`` lines become ``# `` comments at the top."""
    lines = [f"# {line}" if line else "#" for line in header]
    for key, section in corpus.items():
        if not isinstance(section, list):
            lines.append(f"{key}: {_value(section)}")
            continue
        lines.append("")
        lines.append(f"{key}:")
        for entry in section:
            lines.append("")
            first = True
            for name, value in entry.items():
                if value is None or value == []:
                    continue
                lines.append(f"{'- ' if first else '  '}{name}: {_value(value)}")
                first = False
    return "\n".join(lines) + "\n"
