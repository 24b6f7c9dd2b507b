"""The linter: one module per rule under :mod:`argmap.checks.rules`.

Each rule module declares ``CODE`` (e.g. ``AM101``), ``NAME`` (kebab-case),
``SEVERITY`` and ``check(context) -> Iterator[Finding]``; its docstring says
what it checks, why, and gives a failing and a passing example. The registry
is discovered from the package, so a rule is added by adding its module and
nothing else.

Codes come in families, selectable by prefix: ``AM1`` schema and
references, ``AM2`` graph structure, ``AM3`` sources and quotes, ``AM4``
style. ``AM001``/``AM002`` are not rules: they are the loader's "unreadable"
and "does not fit the schema" problems, reported in the same shape.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from argmap.collector import paused
from argmap.positions import NodePath, display_path

if TYPE_CHECKING:
    from argmap.errors import Problem
    from argmap.index import Index
    from argmap.texts import TextStore


class Severity(StrEnum):
    """How much a finding matters. ``info`` never fails a run, even with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, with where it is. Lines and columns are 1-based, into the YAML."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    entity_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON shape (documented in docs/check.md)."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "entity_id": self.entity_id,
        }

    @classmethod
    def from_problem(cls, problem: Problem) -> Diagnostic:
        name = "unreadable-corpus" if problem.code == "AM001" else "invalid-schema"
        return cls(
            problem.code,
            name,
            Severity.ERROR,
            problem.message,
            display_path(problem.path) if problem.path is not None else None,
            problem.line,
            problem.column,
            problem.entity_id,
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: the runner adds the rule's code, name and position."""

    message: str
    entity_id: str | None = None
    field: str | None = None
    """The entity's field to point at, e.g. ``speaker``."""
    node: NodePath | None = None
    """An explicit node path, for findings about no single entity."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: its identity, its documentation and its check."""

    code: str
    name: str
    severity: Severity
    doc: str
    check: Callable[[CheckContext], Iterable[Finding]]
    needs_texts: bool = False

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """The limits some rules apply (``argmap check`` options and settings file)."""

    max_quote_words: int = 30
    """AM307: a quote longer than this, elisions excluded, is no short anchor."""
    max_elision_gap: int = 300
    """AM308: the most characters an elision may skip between two fragments."""
    max_quoted_share: float = 0.40
    """AM309: the most of a piece's words that its quotes together may cover."""


@dataclass
class CheckContext:
    """What a rule may look at: the resolved corpus, and the texts if given."""

    index: Index
    texts: TextStore | None = None
    cache: dict[str, Any] = field(default_factory=dict)
    """Shared between rules of one run, for work several rules need."""
    settings: RuleSettings = field(default_factory=RuleSettings)


def _load_rule(module: ModuleType) -> Rule:
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=Severity(module.SEVERITY),
        doc=module.__doc__ or "",
        check=module.check,
        needs_texts=getattr(module, "NEEDS_TEXTS", False),
    )


@lru_cache(maxsize=1)
def registry() -> tuple[Rule, ...]:
    """Every rule, sorted by code, discovered from :mod:`argmap.checks.rules`."""
    from argmap.checks import rules as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found.append(_load_rule(module))
    found.sort(key=lambda r: r.code)
    codes = [r.code for r in found]
    if len(set(codes)) != len(codes):  # pragma: no cover - guarded by a test
        raise RuntimeError(f"two rules share a code: {codes}")
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rules run: ``--select`` and ``--ignore`` take codes or prefixes.

    For each rule the longest matching prefix decides; ``ALL`` matches every
    code with length 0. By default everything is selected.
    """

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    def unknown(self) -> list[str]:
        """Selectors that match no rule (a likely typo)."""
        codes = [r.code for r in registry()]
        return [
            s
            for s in (*self.select, *self.ignore)
            if s.upper() != "ALL" and not any(c.startswith(s.upper()) for c in codes)
        ]

    def enabled(self, code: str) -> bool:
        def best(prefixes: tuple[str, ...]) -> int:
            lengths = [
                0 if p.upper() == "ALL" else len(p)
                for p in prefixes
                if p.upper() == "ALL" or code.startswith(p.upper())
            ]
            return max(lengths, default=-1)

        chosen, dropped = best(self.select), best(self.ignore)
        return chosen >= 0 and chosen > dropped


def run_checks(
    index: Index,
    texts: TextStore | None = None,
    selection: Selection | None = None,
    settings: RuleSettings | None = None,
) -> list[Diagnostic]:
    """Run the selected rules over a corpus; findings sorted by file position."""
    selection = selection or Selection()
    context = CheckContext(index, texts, settings=settings or RuleSettings())
    path = index.corpus.source_map.path
    shown = display_path(path) if path is not None else None  # once, not per finding
    out: list[Diagnostic] = []
    with paused():  # rules make many objects and no garbage cycles
        for rule in registry():
            if not selection.enabled(rule.code):
                continue
            for finding in rule.check(context):
                out.append(_diagnostic(rule, finding, index, shown))
        out.sort(key=_order)
    return out


def _diagnostic(rule: Rule, finding: Finding, index: Index, path: str | None) -> Diagnostic:
    if finding.node is not None:
        pos = index.locate(finding.node)
    elif finding.entity_id is not None:
        pos = index.position(finding.entity_id, finding.field)
    else:
        pos = None
    return Diagnostic(
        rule.code,
        rule.name,
        rule.severity,
        finding.message,
        path,
        pos.line if pos else None,
        pos.column if pos else None,
        finding.entity_id,
    )


def _order(d: Diagnostic) -> tuple[Any, ...]:
    return (d.path or "", d.line or 0, d.column or 0, d.code, d.message)


def count_by_severity(diagnostics: Iterator[Diagnostic] | list[Diagnostic]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts


def failed(diagnostics: list[Diagnostic], *, strict: bool = False) -> bool:
    """Whether a run fails: errors always; warnings under ``strict``; info never."""
    worst = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in worst for d in diagnostics)
