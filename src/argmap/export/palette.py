"""Colours: one per speaker, fixed by the whole corpus, told apart by readers with
colour-vision deficiencies.

Speakers are filled with Paul Tol's *light* qualitative scheme (designed for
boxes with black text, distinct under protanopia, deuteranopia and
tritanopia), lightened so that text stays readable, and outlined in a darker
shade of the same hue.

**A speaker's colour depends on the whole corpus, never on the selection**
(:func:`assign`), so that two figures of one paper agree: Hyodo has the same
colour in the full debate, in its attack-only view and in a focus view.

Eight hues are all a colour-blind-safe qualitative scheme offers, and the
bundled corpus has 23 speakers, so a speaker's *swatch* is a hue and an
outline pattern:

1. a person's ``color`` in the YAML, when given, is theirs (solid outline);
2. a group or organization with members who speak takes the hue of its most
   prominent member, paler and with a dashed outline ("Chris Miller and
   Joshua W. Walker" look like Chris Miller, dashed);
3. every other speaker, most claims in the whole corpus first (ties: first
   claim first), takes the next free (hue, outline) slot: the eight hues with a
   solid outline, then paler with a dashed outline, then with a dotted one;
4. beyond those 24 slots, speakers share a neutral grey and are listed
   together in the legend (their names are in their boxes anyway).

Relations use the Okabe-Ito pair that survives every common colour-vision
deficiency: bluish green for support, vermillion for attacks; agreements are
Okabe-Ito blue, undirected. Colour is never the only cue: attacks also end in
a bar (⊣), supports in an arrow, agreements in none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.corpus import Corpus

TOL_LIGHT: tuple[str, ...] = (
    "#77AADD",  # light blue
    "#EE8866",  # orange
    "#EEDD88",  # light yellow
    "#FFAABB",  # pink
    "#99DDFF",  # light cyan
    "#44BB99",  # mint
    "#BBCC33",  # pear
    "#AAAA00",  # olive
)
OTHERS = "#DDDDDD"
"""Pale grey: speakers beyond the 24 slots."""

SUPPORT = "#009E73"
"""Okabe-Ito bluish green."""
ATTACK = "#D55E00"
"""Okabe-Ito vermillion."""
AGREE = "#0072B2"
"""Okabe-Ito blue: agreements (neither support nor attack)."""
INK = "#222222"
MUTED = "#555555"
CONTEXT_FILL = "#FFFFFF"
CONTEXT_LINE = "#999999"

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
"""What ``people[].color`` accepts: ``#RRGGBB``."""


class Outline(StrEnum):
    """How a speaker's boxes are outlined: the second cue beside the hue."""

    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"


def _mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0-1) of the way towards ``other``."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(x + (y - x) * amount) for x, y in zip(a, b, strict=True)]
    return "#" + "".join(f"{v:02X}" for v in mixed)


@dataclass(frozen=True, slots=True)
class Swatch:
    """How one speaker's claims are drawn."""

    base: str
    """The palette colour (legend swatch; strong enough for an outline on white)."""
    fill: str
    """Box background: the colour lightened, for readable text."""
    line: str
    """Box outline: the colour darkened."""
    outline: Outline = Outline.SOLID


def swatch(colour: str, outline: Outline = Outline.SOLID) -> Swatch:
    """The swatch of a hue: paler fill for the dashed and dotted variants."""
    colour = colour.upper()
    lighten = 0.55 if outline is Outline.SOLID else 0.72
    return Swatch(
        base=colour,
        fill=_mix(colour, "#FFFFFF", lighten),
        line=_mix(colour, "#000000", 0.45),
        outline=outline,
    )


OTHERS_SWATCH = swatch(OTHERS)

_FAMILY = {Outline.SOLID: Outline.DASHED, Outline.DASHED: Outline.DOTTED}


def prominence(corpus: Corpus) -> list[str]:
    """Speakers by number of claims (most first), ties in order of first claim."""
    counts = Counter(c.speaker for c in corpus.claims)
    first: dict[str, int] = {}
    for i, claim in enumerate(corpus.claims):
        first.setdefault(claim.speaker, i)
    return sorted(counts, key=lambda s: (-counts[s], first[s]))


def assign(corpus: Corpus) -> dict[str, Swatch]:
    """Speaker id -> swatch, for every speaker of ``corpus`` (pass the *whole* corpus)."""
    order = prominence(corpus)
    people = {p.id: p for p in corpus.people}
    speaking = set(order)
    result: dict[str, Swatch] = {}
    taken: set[tuple[str, Outline]] = set()
    for speaker in order:
        person = people.get(speaker)
        if person is not None and person.color:
            result[speaker] = swatch(person.color)
            taken.add((result[speaker].base, Outline.SOLID))
    families: list[str] = []
    for speaker in order:
        person = people.get(speaker)
        if speaker in result or person is None:
            continue
        if any(m in speaking and m != speaker for m in person.members):
            families.append(speaker)
    slots = [(hue, outline) for outline in Outline for hue in TOL_LIGHT]
    free = iter([s for s in slots if s not in taken])

    def next_slot() -> tuple[str, Outline] | None:
        for slot in free:
            if slot not in taken:
                return slot
        return None

    for speaker in order:
        if speaker in result or speaker in families:
            continue
        slot = next_slot()
        if slot is None:
            result[speaker] = OTHERS_SWATCH
            continue
        taken.add(slot)
        result[speaker] = swatch(*slot)
        # A group whose most prominent member this is takes its family slot now,
        # so that no unrelated speaker gets the group's look.
        for group in list(families):
            members = [m for m in order if m in people[group].members and m != group]
            if members and members[0] == speaker:
                outline = _FAMILY.get(result[speaker].outline, Outline.DOTTED)
                family = (result[speaker].base, outline)
                result[group] = swatch(*family)
                taken.add(family)
                families.remove(group)
    for group in families:  # members coloured by ``color`` or grey
        members = [m for m in order if m in people[group].members and m in result]
        lead = result[members[0]] if members else OTHERS_SWATCH
        if lead is OTHERS_SWATCH:
            result[group] = OTHERS_SWATCH
        else:
            result[group] = swatch(lead.base, _FAMILY.get(lead.outline, Outline.DOTTED))
    return {speaker: result[speaker] for speaker in order}
