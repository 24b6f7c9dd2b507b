"""Parse XML without entity expansion and without fetching anything.

The standard library's expat parser builds an ElementTree with three
refusals, as defusedxml does: any entity declaration (internal or external),
any unparsed entity, and any reference to an external entity stop the parse.
No DTD is ever fetched (expat does not read external subsets unless asked),
and expat 2.4.1 and later caps entity amplification as well. An argument graph needs
none of these features, so refusing them costs nothing; docs/design.md
says why this is preferred to a defusedxml dependency.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import NoReturn
from xml.parsers import expat


class UnsafeXml(ValueError):
    """The document declares or references entities, which are refused."""


def _refuse_entity(name: str, *_: object) -> NoReturn:
    raise UnsafeXml(f"declares the entity {name!r}; entity declarations are refused")


def _refuse_external(*_: object) -> NoReturn:
    raise UnsafeXml("references an external entity; external entities are refused")


def parse(data: bytes) -> ET.Element:
    """Parse ``data`` into an element tree, refusing entities and external references.

    Raises :class:`UnsafeXml` for entity use and :class:`xml.parsers.expat.ExpatError`
    (with ``lineno`` and ``offset``) for XML that is not well formed.
    """
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.Parse(data, True)
    return builder.close()
