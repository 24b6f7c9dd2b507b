"""A small document model for ``argmap show``: built once, printed as text or Markdown.

A :class:`Document` is a title, a lead (paragraphs), fields (label: value)
and sections of entries; an entry has a one-line head, body paragraphs and
child entries. :func:`as_text` wraps it to the terminal with hanging indents;
:func:`as_markdown` gives headings and nested lists to paste into notes.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field


@dataclass
class Entry:
    head: str
    body: list[str] = field(default_factory=list)
    children: list[Entry] = field(default_factory=list)


@dataclass
class Section:
    title: str
    entries: list[Entry] = field(default_factory=list)
    empty: str = ""
    """Printed when there are no entries (the title's count already says 0)."""


@dataclass
class Document:
    title: str
    lead: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    lines: list[str] = []
    for i, paragraph in enumerate(text.split("\n")):
        lines += textwrap.wrap(
            paragraph,
            width=max(width, len(rest) + 20),
            initial_indent=first if i == 0 else rest,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [(first if i == 0 else rest).rstrip()]
    return lines


def as_text(doc: Document, width: int, *, bold: bool = False) -> str:
    """The document for a terminal, wrapped to ``width``."""

    def strong(text: str) -> str:
        if not bold:
            return text
        import typer

        return typer.style(text, bold=True)

    out = [strong(line) for line in _wrap(doc.title, width, "", "  ")]
    for paragraph in doc.lead:
        out += _wrap(paragraph, width, "  ", "  ")
    if doc.fields:
        out.append("")
        label_width = max(len(label) for label, _ in doc.fields) + 2
        for label, value in doc.fields:
            first = "  " + label.ljust(label_width)
            out += _wrap(value, width, first, " " * len(first))
    for section in doc.sections:
        out += ["", strong(f"{section.title}")]
        if not section.entries and section.empty:
            out.append(f"  {section.empty}")
        for entry in section.entries:
            out += _entry_text(entry, width, "  ")
    return "\n".join(out) + "\n"


def _entry_text(entry: Entry, width: int, indent: str) -> list[str]:
    lines = _wrap(entry.head, width, indent + "- ", indent + "  ")
    for paragraph in entry.body:
        lines += _wrap(paragraph, width, indent + "    ", indent + "    ")
    for child in entry.children:
        lines += _entry_text(child, width, indent + "    ")
    return lines


def as_markdown(doc: Document) -> str:
    """The document as Markdown: a heading, the lead, a field list, sub-headings and lists."""
    out = [f"## {doc.title}", ""]
    for paragraph in doc.lead:
        out += [paragraph, ""]
    if doc.fields:
        out += [f"- **{label}:** {value}" for label, value in doc.fields]
        out.append("")
    for section in doc.sections:
        out += [f"### {section.title}", ""]
        if not section.entries:
            out += [section.empty, ""] if section.empty else []
            continue
        for entry in section.entries:
            out += _entry_markdown(entry, "")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _entry_markdown(entry: Entry, indent: str) -> list[str]:
    lines = [f"{indent}- {entry.head}"]
    for paragraph in entry.body:
        # A paragraph of its own inside the item (a blank line keeps it apart).
        lines += ["", *(f"{indent}  {line}" for line in paragraph.split("\n"))]
    for child in entry.children:
        lines += _entry_markdown(child, indent + "  ")
    return lines
