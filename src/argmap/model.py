"""The corpus model: people, sources, claims, arguments, rebuttals, agreements, questions, stances.

These pydantic models validate the *shape* of a corpus file: which fields
exist, their types, and the closed vocabularies (``kind``, ``basis``). They do
not check that references resolve or that the graph is sound: those are lint
rules in :mod:`argmap.checks`, so that one run reports every problem with a
code, a position and a way to silence it.

They are the file's schema, not what the rest of argmap reads: a validated
corpus is turned into the plain records of :mod:`argmap.corpus`
(:func:`to_records`), which have the same names and fields, so that a
command served from the cache never imports pydantic's model machinery.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    WithJsonSchema,
    field_validator,
)

from argmap import corpus as records
from argmap.corpus import DATE_PATTERN, SCHEMA_VERSION, SECTIONS, SLUG_PATTERN
from argmap.positions import SourceMap
from argmap.vocabulary import Basis, PersonKind, RebuttalKind, Side

Ref = Annotated[str, WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]
"""A reference to an id. Whether it resolves is AM103's; the schema can check its shape."""

__all__ = [
    "DATE_PATTERN",
    "SCHEMA_VERSION",
    "SECTIONS",
    "SLUG_PATTERN",
    "Agreement",
    "Argument",
    "Basis",
    "Claim",
    "Corpus",
    "Person",
    "PersonKind",
    "Question",
    "Rebuttal",
    "RebuttalKind",
    "Side",
    "Source",
    "Stance",
    "Tag",
    "to_records",
]


class _Entity(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )

    id: str = Field(
        min_length=1,
        description="Kebab-case slug, unique across the whole file (all kinds together).",
        json_schema_extra={"pattern": SLUG_PATTERN},
    )

    def model_post_init(self, context: Any, /) -> None:
        # pydantic gives every instance its own set of the fields the file set:
        # 728 bytes from five names on, a third of a claim's memory. A whole
        # corpus of models exists at once (before to_records frees them one by
        # one), so that is check's peak at 100k claims. Entities are frozen, so
        # instances with the same fields can share one set.
        fields = self.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(fields), fields)
        if shared is not fields:
            object.__setattr__(self, "__pydantic_fields_set__", shared)


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


class Tag(_Entity):
    """A topic in the corpus's tag vocabulary."""

    description: str = Field(min_length=1, description="What the tag covers.")


class Person(_Entity):
    """An author, a quoted or reported speaker, or a group whose position is described."""

    name: str = Field(min_length=1, description="Display name.")
    kind: PersonKind = Field(default=PersonKind.PERSON, description="person | organization | group")
    affiliation: str | None = Field(default=None, description="As the texts give it.")
    description: str | None = Field(
        default=None, description="One line: who this is, above all for groups."
    )
    members: list[Ref] = Field(
        default_factory=list,
        description="For a group of listed people, e.g. joint authors writing in one voice.",
    )
    color: str | None = Field(
        default=None,
        pattern=r"^#[0-9A-Fa-f]{6}$",
        description="Optional #RRGGBB for this speaker's boxes in every diagram and export "
        "(default: a colour-blind-safe hue fixed by the whole corpus).",
    )


class Source(_Entity):
    """One piece of the debate: an article, an essay, a debate issue."""

    title: str = Field(min_length=1)
    outlet: str | None = Field(default=None, description="Where it appeared, as the text shows.")
    authors: list[Ref] = Field(min_length=1, description="Person ids.")
    editors: list[Ref] = Field(default_factory=list, description="Person ids.")
    date: str | None = Field(
        default=None,
        json_schema_extra={
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 0, "maximum": 9999},
                {"type": "null"},
            ]
        },
        description="YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the text allows.",
    )
    date_note: str | None = Field(
        default=None, description="How the date was established when the text does not print it."
    )
    url: str | None = Field(default=None, description="Where the piece can be read.")
    text: str | None = Field(
        default=None,
        description="File name of the full text, relative to the texts directory (--texts).",
    )
    text_sha256: str | None = Field(
        default=None, description="SHA-256 of the text file the quotes were taken from."
    )

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        # ``date: 2019`` is an int to YAML; the precision rule wants the text.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return _blank_to_none(value)


class Claim(_Entity):
    """An atomic proposition, attributed to a speaker and anchored by a verbatim quote."""

    source: Ref = Field(description="Source id.")
    speaker: Ref = Field(description="Person id of whoever advances the claim.")
    text: str = Field(min_length=1, description="The annotator's own wording; stands alone.")
    quote: str | None = Field(
        default=None, description="Verbatim span of the source; '…' or '...' marks an elision."
    )
    reported: StrictBool = Field(
        default=False,
        description="True when the speaker is not an author of the source: quoted, "
        "reported or described by the authors.",
    )
    tags: list[Ref] = Field(default_factory=list, description="Tag ids.")
    central: StrictBool = Field(
        default=False, description="A main thesis of this speaker in this source."
    )
    note: str | None = None

    @field_validator("quote", "note", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: Any) -> Any:
        return _blank_to_none(value)


class Argument(_Entity):
    """Linked premises that together support one conclusion."""

    conclusion: Ref = Field(description="Claim id.")
    premises: list[Ref] = Field(min_length=1, description="Claim ids that work together.")
    basis: Basis = Field(default=Basis.EXPLICIT, description="explicit | inferred")
    scheme: str | None = Field(default=None, description="e.g. a Walton scheme name.")
    note: str | None = None


class Rebuttal(_Entity):
    """An attack by one claim on a claim (rebut) or on an argument (undercut)."""

    by: Ref = Field(description="The attacking claim's id.")
    target: Ref = Field(description="A claim id (rebut) or an argument id (undercut).")
    kind: RebuttalKind = Field(default=RebuttalKind.REBUT, description="rebut | undercut")
    basis: Basis = Field(default=Basis.EXPLICIT, description="explicit | inferred")
    note: str | None = Field(default=None, description="How the attack works.")


class Agreement(_Entity):
    """Two claims that assert the same thing in substance (AIF's MA node; Argdown's equivalence)."""

    claims: list[Ref] = Field(
        min_length=2, max_length=2, description="The two claim ids, unordered."
    )
    basis: Basis = Field(default=Basis.EXPLICIT, description="explicit | inferred")
    note: str | None = Field(
        default=None, description="What the two share; required when inferred."
    )

    @field_validator("note", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: Any) -> Any:
        return _blank_to_none(value)


class Question(_Entity):
    """What a debate is about: a motion, a resolution, an issue a piece poses."""

    text: str = Field(min_length=1, description="The question, in the annotator's words.")
    source: Ref | None = Field(default=None, description="Source id: where it is posed.")
    posed_by: Ref | None = Field(
        default=None, description="Person id: who poses it (a person, group or organization)."
    )
    note: str | None = None

    @field_validator("source", "posed_by", "note", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: Any) -> Any:
        return _blank_to_none(value)


class Stance(_Entity):
    """A claim's answer to a question: pro or con."""

    question: Ref = Field(description="Question id.")
    claim: Ref = Field(description="Claim id.")
    stance: Side = Field(description="pro | con")
    basis: Basis = Field(
        default=Basis.EXPLICIT,
        description="explicit: the text answers the question; inferred: the annotator's reading.",
    )
    note: str | None = Field(default=None, description="Required when inferred.")

    @field_validator("note", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: Any) -> Any:
        return _blank_to_none(value)


class Corpus(BaseModel):
    """A whole corpus file."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    schema_version: Literal[1] = Field(description="Format version; this is version 1.")
    tags: list[Tag] = Field(
        default_factory=list, description="The tag vocabulary; claims may use only these."
    )
    people: list[Person] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    arguments: list[Argument] = Field(default_factory=list)
    rebuttals: list[Rebuttal] = Field(default_factory=list)
    agreements: list[Agreement] = Field(
        default_factory=list, description="Pairs of claims that say the same thing in substance."
    )
    questions: list[Question] = Field(
        default_factory=list, description="What the debate is about: motions and issues."
    )
    stances: list[Stance] = Field(
        default_factory=list, description="Claims' answers (pro/con) to the questions."
    )

    @field_validator("schema_version", mode="before")
    @classmethod
    def _integer_one(cls, value: Any) -> Any:
        # Python counts True as 1 and 1.0 as 1: only the integer 1 is version 1.
        if isinstance(value, bool | float):
            return str(value).lower()
        return value

    @field_validator(
        "tags",
        "people",
        "sources",
        "claims",
        "arguments",
        "rebuttals",
        "agreements",
        "questions",
        "stances",
        mode="before",
    )
    @classmethod
    def _empty_section(cls, value: Any) -> Any:
        # A section key with only comments under it (``agreements:``) is null
        # to YAML; to a hand editor it is an empty list.
        return [] if value is None else value


_RECORDS: dict[str, type[Any]] = {
    "tags": records.Tag,
    "people": records.Person,
    "sources": records.Source,
    "claims": records.Claim,
    "arguments": records.Argument,
    "rebuttals": records.Rebuttal,
    "agreements": records.Agreement,
    "questions": records.Question,
    "stances": records.Stance,
}


def to_records(corpus: Corpus, source_map: SourceMap) -> records.Corpus:
    """The validated ``corpus`` as plain records, with ``source_map`` attached.

    Each section's list is converted in place, so that each model instance is
    freed as soon as its record exists (a large corpus is not held twice);
    ``corpus`` is left with records in its lists and must not be used again.
    """
    sections: dict[str, Any] = {}
    for name in SECTIONS:
        items: list[Any] = getattr(corpus, name)
        record = _RECORDS[name]
        for i, item in enumerate(items):
            items[i] = record(**item.__dict__)
        sections[name] = items
    return records.Corpus(schema_version=corpus.schema_version, source_map=source_map, **sections)
