"""No group is its own member, directly or through other groups.

## What it does
Follows `people[].members` from each group and flags a group that comes
back to itself: a group listing itself, two groups listing each other, or
a longer ring. The message gives the ring.

## Why is this bad?
Membership says who speaks in a group's voice. A ring has no bottom: no
person is ever reached through it, and whoever asks "who is in this group?"
walks in circles. It is almost always a member listed in the wrong group.

## Example
```yaml
people:
  - {id: editors, name: The editors, kind: group, members: [board]}
  - {id: board, name: The board, kind: group, members: [editors]}
```

Use instead:
```yaml
people:
  - {id: ann, name: Ann Author}
  - {id: editors, name: The editors, kind: group, members: [ann]}
  - {id: board, name: The board, kind: group, members: [editors]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding

CODE = "AM108"
NAME = "member-cycle"
SEVERITY = "error"


def _ring(start: str, members: dict[str, list[str]]) -> list[str] | None:
    """The shortest path of memberships from ``start`` back to it, or ``None``."""
    parents: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for person in frontier:
            for member in members.get(person, []):
                if member == start:
                    path = [person]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return [start, *reversed(path[:-1]), start] if len(path) > 1 else [start, start]
                if member not in parents and member in members:
                    parents[member] = person
                    following.append(member)
        frontier = following
    return None


def check(context: CheckContext) -> Iterator[Finding]:
    members = {p.id: p.members for p in context.index.corpus.people if p.members}
    reported: set[frozenset[str]] = set()
    for person_id in members:
        ring = _ring(person_id, members)
        if ring is None:
            continue
        key = frozenset(ring)
        if key in reported:
            continue
        reported.add(key)
        if len(ring) == 2:
            message = f"group {person_id!r} lists itself as a member; remove it from members"
        else:
            path = " -> ".join(ring)
            message = (
                f"membership ring: {path} (each is a member of the one before); "
                "remove one of these memberships"
            )
        yield Finding(message, person_id, "members")
