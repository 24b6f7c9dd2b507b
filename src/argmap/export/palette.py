"""Colours: one per speaker, told apart by readers with colour-vision deficiencies.

Speakers are filled with Paul Tol's *light* qualitative scheme (designed for
boxes with black text, distinct under protanopia, deuteranopia and
tritanopia), lightened so that text stays readable, and outlined in a darker
shade of the same hue. The speakers with the most claims in the diagram get
the eight colours, in order; any further speakers share a neutral grey and
are listed together in the legend (their names are in their boxes anyway).

Relations use the Okabe-Ito pair that survives every common colour-vision
deficiency: bluish green for support, vermillion for attacks. Colour is
never the only cue: attacks also end in a bar (⊣), supports in an arrow.
"""

from __future__ import annotations

from dataclasses import dataclass

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
"""Pale grey: speakers beyond the eighth."""

SUPPORT = "#009E73"
"""Okabe-Ito bluish green."""
ATTACK = "#D55E00"
"""Okabe-Ito vermillion."""
INK = "#222222"
MUTED = "#555555"
CONTEXT_FILL = "#FFFFFF"
CONTEXT_LINE = "#999999"


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
    """The palette colour (legend swatch)."""
    fill: str
    """Box background: the colour lightened, for readable text."""
    line: str
    """Box outline: the colour darkened."""


def swatch(colour: str) -> Swatch:
    return Swatch(
        base=colour, fill=_mix(colour, "#FFFFFF", 0.55), line=_mix(colour, "#000000", 0.45)
    )


OTHERS_SWATCH = swatch(OTHERS)


def assign(speakers_by_prominence: list[str]) -> dict[str, Swatch]:
    """Speaker id -> swatch, the first eight in palette order and the rest grey."""
    return {
        speaker: swatch(TOL_LIGHT[i]) if i < len(TOL_LIGHT) else OTHERS_SWATCH
        for i, speaker in enumerate(speakers_by_prominence)
    }
