"""Short human labels shared by the diagram and the exports.

* :func:`source_labels`: an author-year label per source ("Hyodo & Trenin
  2019", "Miller 2017a"), unique within the corpus, as a paper would cite it.
* :func:`wrap`: a claim's text broken into lines of at most ``width``
  characters (words longer than that are split, never lost).
* :func:`split_name`: first name(s) and surname, for AIF participants.
* :func:`clean`: a name or title on one line, its control characters and
  line breaks drawn as spaces.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence

from argmap.corpus import Corpus, Person, PersonKind, Source

_UNDRAWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (C0, DEL, C1) and line and paragraph separators."""
_UNDRAWABLE_RUN = re.compile(r" *[\x00-\x1f\x7f-\x9f\u2028\u2029][\x00-\x20\x7f-\x9f\u2028\u2029]*")


def clean(text: str) -> str:
    """``text`` with control characters and line breaks as a space (a run of them as one).

    A name or a title is one line in a label or a tooltip: a tab, a line
    break (CR, LF, U+0085, U+2028, U+2029) or another control character
    would break the line, or the SVG (XML refuses most C0 controls).

    >>> clean("Ann\\tLee\\x01\\u2028Smith")
    'Ann Lee Smith'
    """
    return _UNDRAWABLE_RUN.sub(" ", text) if _UNDRAWABLE.search(text) else text


def _surname(person: Person | None, person_id: str) -> str:
    if person is None:
        return person_id
    if person.kind is PersonKind.PERSON:
        return clean(person.name).split()[-1]
    return clean(person.name)


def _base_label(source: Source, people: Mapping[str, Person]) -> str:
    names = [_surname(people.get(a), a) for a in source.authors]
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} & {names[1]}"
    else:
        who = f"{names[0]} et al."
    year = (source.date or "")[:4]
    return f"{who} {year}".strip()


def source_labels(corpus: Corpus) -> dict[str, str]:
    """Source id -> an author-year label, with a/b/c added where two would clash."""
    people = {p.id: p for p in corpus.people}
    base = {s.id: _base_label(s, people) for s in corpus.sources}
    counts = Counter(base.values())
    seen: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for source in corpus.sources:
        label = base[source.id]
        if counts[label] > 1:
            suffix = chr(ord("a") + seen[label]) if seen[label] < 26 else str(seen[label])
            seen[label] += 1
            label = f"{label}{suffix}"
        labels[source.id] = label
    return labels


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters (0 or less: one line)."""
    text = " ".join(text.split())
    if width <= 0:
        return [text]
    return textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]


def split_name(person: Person) -> tuple[str, str]:
    """(first names, surname) of a person; a group or an organisation is all first name."""
    if person.kind is not PersonKind.PERSON:
        return person.name, ""
    parts = person.name.split()
    if len(parts) < 2:
        return person.name, ""
    return " ".join(parts[:-1]), parts[-1]


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
