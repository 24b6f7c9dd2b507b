"""Dates are valid at their stated precision.

## What it does
Checks that `sources[].date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` written in
ASCII digits, and a real calendar date at that precision (no year 0000, no
month 13, no 31 April).

## Why is this bad?
A date is only as precise as the text allows; `2019-03` says "March 2019,
day unknown". A malformed date sorts wrongly and misleads a reader about
what the text supports.

## Example
```yaml
sources:
  - id: csis-debating-japan-2019
    date: 2019-02-30
```

Use instead:
```yaml
sources:
  - id: csis-debating-japan-2019
    date: "2019"
    date_note: Not printed; the previous issue is dated February 2019.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from argmap.checks import CheckContext, Finding

CODE = "AM105"
NAME = "invalid-date"
SEVERITY = "error"

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
"""ASCII digits only: ``\\d`` would also take Arabic-Indic or full-width digits."""


def problem(value: str) -> str | None:
    """Why ``value`` is not a valid date at its precision, or ``None``."""
    match = _DATE.fullmatch(value)
    if not match:
        if not value.isascii():
            return "is not YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits (0-9)"
        return "is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = match.groups()
    if int(year) < 1:
        return "has year 0000; the calendar starts at year 0001"
    if month is not None and not 1 <= int(month) <= 12:
        return f"has month {month}"
    if day is not None:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return f"has no day {day} in {year}-{month}"
    return None


def check(context: CheckContext) -> Iterator[Finding]:
    for i, source in enumerate(context.index.corpus.sources):
        if source.date is None:
            continue
        why = problem(source.date)
        if why:
            yield Finding(f"date {source.date!r} {why}", source.id, node=("sources", i, "date"))
