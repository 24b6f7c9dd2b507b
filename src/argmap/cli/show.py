"""``argmap show ID``: one entity and everything around it.

A claim shows its text and quote, speaker and source, the arguments that
support it (with their premises and any undercut), what attacks it, what it
attacks and where it serves as a premise. A person shows their claims per
source, whom they rebut and who rebuts them; a source its metadata and its
claims in reading order; arguments, rebuttals and tags what they link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import complete
from argmap.cli.common import FileOption
from argmap.formats import ViewFormat

if TYPE_CHECKING:
    from argmap.cli.document import Document, Entry
    from argmap.index import Index
    from argmap.queries import (
        AgreementPair,
        AgreementRow,
        AgreementView,
        ArgumentView,
        ClaimRow,
        ClaimView,
        PersonView,
        QuestionView,
        RebuttalRow,
        RebuttalView,
        SourceView,
        SpeakerPair,
        StanceRow,
        StanceView,
        TagView,
        View,
    )

ViewFormatOption = Annotated[
    ViewFormat,
    typer.Option(
        "--format",
        help="text to read; json or yaml for pipes (every field, ids included); markdown "
        "for notes.",
        case_sensitive=False,
    ),
]


def show(
    entity: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            autocompletion=complete.entities,
            help="Any id: a claim, person, source, argument, rebuttal, agreement, question, "
            "stance or tag. A person or source may also be a fragment of the name or title "
            "(show trenin).",
            show_default=False,
        ),
    ],
    file: FileOption = None,
    output_format: ViewFormatOption = ViewFormat.TEXT,
) -> None:
    """Show one entity in context: a claim, person, source, argument, rebuttal, agreement,
    question, stance or tag.

    Examples:

    \b
        argmap show csis-trenin-no-russia-card
        argmap show trenin
        argmap show csis --format markdown
    """
    from argmap import resolve
    from argmap.cli.common import fail, load_index, note
    from argmap.errors import LookupFailed
    from argmap.queries import describe

    index = load_index(file)
    try:
        found = resolve.entity(index, entity)
    except LookupFailed as err:
        fail(str(err))
    if not isinstance(found, str):
        for remark in found.notes:
            note(remark)
    view = describe(index, found if isinstance(found, str) else found.entity.id)
    print_view(index, view, output_format)


def print_view(index: Index, view: View, fmt: ViewFormat) -> None:
    """Print a view in ``fmt``: json and yaml as data, text and markdown as a document."""
    from argmap.cli import document
    from argmap.cli.output import color_wanted, text_width

    if fmt is ViewFormat.JSON:
        import json

        typer.echo(json.dumps(view.as_dict(), indent=2, ensure_ascii=False))
        return
    if fmt is ViewFormat.YAML:
        import yaml

        typer.echo(
            yaml.safe_dump(view.as_dict(), sort_keys=False, allow_unicode=True, width=100),
            nl=False,
        )
        return
    doc = build_document(index, view)
    if fmt is ViewFormat.MARKDOWN:
        typer.echo(document.as_markdown(doc), nl=False)
    else:
        typer.echo(document.as_text(doc, text_width(), bold=color_wanted()), nl=False)


def build_document(index: Index, view: View) -> Document:
    from argmap.queries import (
        AgreementView,
        ArgumentView,
        ClaimView,
        PersonView,
        QuestionView,
        RebuttalView,
        SourceView,
        StanceView,
        TagView,
    )

    if isinstance(view, AgreementView):
        return _agreement_document(index, view)
    if isinstance(view, QuestionView):
        return _question_document(index, view)
    if isinstance(view, StanceView):
        return _stance_document(index, view)
    if isinstance(view, ClaimView):
        return _claim_document(index, view)
    if isinstance(view, PersonView):
        return _person_document(index, view)
    if isinstance(view, SourceView):
        return _source_document(index, view)
    if isinstance(view, ArgumentView):
        return _argument_document(index, view)
    if isinstance(view, RebuttalView):
        return _rebuttal_document(index, view)
    assert isinstance(view, TagView)
    return _tag_document(index, view)


# -- pieces -------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _voice(index: Index, claim: ClaimRow) -> str:
    via = ", ".join(index.display_name(p) for p in claim.reported_by)
    return f"{claim.speaker_name}, via {via}" if via else claim.speaker_name


def claim_entry(index: Index, claim: ClaimRow, *, prefix: str = "", quote: bool = False) -> Entry:
    from argmap.cli.document import Entry

    central = ", central" if claim.central else ""
    body = [claim.text]
    if quote and claim.quote:
        body.append(f"“{claim.quote}”")
    return Entry(f"{prefix}{claim.id} ({_voice(index, claim)}{central})", body)


def _attack_entry(index: Index, row: RebuttalRow, *, side: str, answered: bool = True) -> Entry:
    """A rebuttal seen from one side: ``side`` is "by" (who attacks) or "target"."""
    from argmap.cli.document import Entry

    how = f"{row.kind.value}, {row.basis.value}" + (", across sources" if row.cross_source else "")
    if side == "by":
        head = f"{row.by} ({row.by_speaker_name}): {how} [{row.id}]"
        body = [row.by_text or ""]
    else:
        target = row.target
        if row.target_type == "argument":
            target = f"argument {row.target} for {row.target_claim}"
        head = f"{target} ({row.target_speaker_name}): {how} [{row.id}]"
        body = [row.target_text or ""]
    if row.note:
        body.append(f"Note: {row.note}")
    if answered and row.answered_by:
        body.append("Answered by: " + ", ".join(row.answered_by))
    return Entry(head, body)


def _argument_entry(
    index: Index, view: ArgumentView, *, conclusion: bool = False, skip: str | None = None
) -> Entry:
    from argmap.cli.document import Entry

    argument = view.argument
    detail = ", ".join(x for x in (argument.basis.value, argument.scheme) if x)
    linked = ", linked premises" if len(view.premises) > 1 else ""
    entry = Entry(f"{argument.id} ({detail}{linked})")
    if argument.note:
        entry.body.append(f"Note: {argument.note}")
    if conclusion and view.conclusion is not None:
        entry.children.append(claim_entry(index, view.conclusion, prefix="concludes "))
    entry.children += [claim_entry(index, p, prefix="premise ") for p in view.premises]
    for row in view.undercut_by:
        if row.id == skip:
            continue
        undercut = _attack_entry(index, row, side="by")
        undercut.head = (
            f"undercut by {row.by} ({row.by_speaker_name}), {row.basis.value} [{row.id}]"
        )
        entry.children.append(undercut)
    return entry


def _pair_entry(pair: SpeakerPair, *, side: str) -> Entry:
    from argmap.cli.document import Entry

    who = (
        f"{pair.target_speaker_name} ({pair.target_speaker})"
        if side == "target"
        else f"{pair.by_speaker_name} ({pair.by_speaker})"
    )
    split = f"{pair.explicit} explicit, {pair.inferred} inferred"
    return Entry(f"{who}: {_plural(pair.total, 'rebuttal')} ({split})", [", ".join(pair.rebuttals)])


def _agreement_entry(row: AgreementRow, claim_id: str) -> Entry:
    """An agreement seen from one of its claims: the other claim."""
    from argmap.cli.document import Entry

    i = 1 if row.claims[0] == claim_id else 0
    how = row.basis.value + (", across sources" if row.cross_source else "")
    body = [row.texts[i] or ""]
    if row.note:
        body.append(f"Note: {row.note}")
    return Entry(f"{row.claims[i]} ({row.speaker_names[i]}): {how} [{row.id}]", body)


def _stance_entry(row: StanceRow, *, claim: bool = False) -> Entry:
    from argmap.cli.document import Entry

    how = row.stance.value + ("" if row.basis.value == "explicit" else ", inferred")
    if claim:
        head = f"{row.claim} ({row.speaker_name}): {how} [{row.id}]"
        body = [row.text or ""]
    else:
        head = f"{how} on {row.question} [{row.id}]"
        body = [row.question_text or ""]
    if row.note:
        body.append(f"Note: {row.note}")
    return Entry(head, body)


def _agree_pair_entry(pair: AgreementPair, person: str) -> Entry:
    from argmap.cli.document import Entry

    i = 1 if pair.speakers[0] == person else 0
    split = f"{pair.explicit} explicit, {pair.inferred} inferred"
    who = f"{pair.speaker_names[i]} ({pair.speakers[i]})"
    return Entry(
        f"{who}: {_plural(pair.total, 'agreement')} ({split})", [", ".join(pair.agreements)]
    )


# -- one document per kind ----------------------------------------------------


def _claim_document(index: Index, view: ClaimView) -> Document:
    from argmap.cli.document import Document, Section
    from argmap.queries import source_labels

    claim = view.claim
    source = index.sources.get(claim.source)
    label = source_labels(index).get(claim.source, claim.source)
    doc = Document(f"Claim {claim.id}" + (" (central)" if claim.central else ""))
    doc.lead.append(claim.text)
    if claim.quote:
        doc.lead.append(f"“{claim.quote}”")
    doc.fields.append(("Speaker", f"{claim.speaker_name} ({claim.speaker})"))
    if claim.reported:
        via = ", ".join(f"{index.display_name(p)} ({p})" for p in claim.reported_by)
        doc.fields.append(("Reported by", via or "(unknown)"))
    title = f": {source.title}" if source else ""
    doc.fields.append(("Source", f"{label}{title} ({claim.source})"))
    if claim.tags:
        doc.fields.append(("Tags", ", ".join(claim.tags)))
    doc.fields.append(("Roles", ", ".join(r.value for r in claim.roles)))
    if claim.note:
        doc.fields.append(("Note", claim.note))
    doc.sections += [
        Section(
            f"Supported by {_plural(len(view.supported_by), 'argument')}",
            [_argument_entry(index, a) for a in view.supported_by],
        ),
        Section(
            f"Attacked by {_plural(len(view.attacked_by), 'rebuttal')}",
            [_attack_entry(index, r, side="by") for r in view.attacked_by],
        ),
        Section(
            f"Rebuts or undercuts {len(view.attacks)}",
            [_attack_entry(index, r, side="target") for r in view.attacks],
        ),
        Section(
            f"Premise in {_plural(len(view.premise_in), 'argument')}",
            [_argument_entry(index, a, conclusion=True) for a in view.premise_in],
        ),
    ]
    # Agreements and stances only when there are some: most corpora have none.
    if view.agreements:
        doc.sections.append(
            Section(
                f"Agrees with {_plural(len(view.agreements), 'claim')}",
                [_agreement_entry(a, claim.id) for a in view.agreements],
            )
        )
    if view.stances:
        doc.sections.append(
            Section(
                f"Stances on {_plural(len(view.stances), 'question')}",
                [_stance_entry(st) for st in view.stances],
            )
        )
    return doc


def _person_document(index: Index, view: PersonView) -> Document:
    from argmap.cli.document import Document, Section

    person = view.person
    doc = Document(f"{person.name} ({person.id})")
    if person.description:
        doc.lead.append(person.description)
    doc.fields.append(("Kind", person.kind))
    if person.affiliation:
        doc.fields.append(("Affiliation", person.affiliation))
    if view.members:
        doc.fields.append(("Members", ", ".join(f"{m.name} ({m.id})" for m in view.members)))
    if view.groups:
        doc.fields.append(
            (
                "Member of",
                ", ".join(f"{g.name} ({g.id})" for g in view.groups)
                + ": the group's claims and rebuttals count here too",
            )
        )
    if view.authored:
        doc.fields.append(("Author of", "; ".join(f"{s.label} ({s.id})" for s in view.authored)))
    total = sum(len(s.claims) for s in view.claims)
    claims = Section(f"Claims: {total} in {_plural(len(view.claims), 'source')}")
    for group in view.claims:
        from argmap.cli.document import Entry

        source = group.source
        entry = Entry(f"{source.label}: {source.title} ({source.id}), {len(group.claims)}")
        entry.children = [claim_entry(index, c) for c in group.claims]
        claims.entries.append(entry)
    made = sum(p.total for p in view.rebuts)
    received = sum(p.total for p in view.rebutted_by)
    doc.sections += [
        claims,
        Section(
            f"Rebuts: {_plural(made, 'rebuttal')}",
            [_pair_entry(p, side="target") for p in view.rebuts],
        ),
        Section(
            f"Rebutted by: {_plural(received, 'rebuttal')}",
            [_pair_entry(p, side="by") for p in view.rebutted_by],
        ),
    ]
    if view.agrees_with:
        total = sum(p.total for p in view.agrees_with)
        doc.sections.append(
            Section(
                f"Agrees with: {_plural(total, 'agreement')}",
                [_agree_pair_entry(p, person.id) for p in view.agrees_with],
            )
        )
    if view.stances:
        doc.sections.append(
            Section(
                f"Stances: {_plural(len(view.stances), 'claim')} answering questions",
                [_stance_entry(st, claim=True) for st in view.stances],
            )
        )
    return doc


def _source_document(index: Index, view: SourceView) -> Document:
    from argmap.cli.document import Document, Section

    source = view.source
    doc = Document(f"{source.title} ({source.id})")
    doc.fields.append(("Cite as", source.label))
    doc.fields.append(("Authors", ", ".join(index.display_name(a) for a in source.authors)))
    if source.editors:
        doc.fields.append(("Editors", ", ".join(index.display_name(e) for e in source.editors)))
    for label, value in (("Outlet", source.outlet), ("Date", source.date), ("URL", source.url)):
        if value:
            doc.fields.append((label, value))
    doc.fields.append(
        ("Speakers", ", ".join(index.display_name(s) for s in source.speakers) or "none")
    )
    inside = [r for r in view.rebuttals if not r.cross_source]
    across = [r for r in view.rebuttals if r.cross_source]
    doc.sections += [
        Section(
            f"Claims in reading order ({len(view.claims)})",
            [claim_entry(index, c) for c in view.claims],
        ),
        Section(
            f"Rebuttals within this source ({len(inside)})",
            [_rebuttal_entry(r) for r in inside],
        ),
        Section(
            f"Rebuttals across pieces, with another source ({len(across)})",
            [_rebuttal_entry(r) for r in across],
        ),
    ]
    return doc


def _rebuttal_entry(row: RebuttalRow) -> Entry:
    from argmap.cli.document import Entry

    target = row.target if row.target_type != "argument" else f"argument {row.target}"
    return Entry(
        f"{row.id}: {row.by} ({row.by_speaker_name}) → {target} "
        f"({row.target_speaker_name}), {row.kind.value}, {row.basis.value}",
        [row.note] if row.note else [],
    )


def _argument_document(index: Index, view: ArgumentView) -> Document:
    from argmap.cli.document import Document, Section

    argument = view.argument
    doc = Document(f"Argument {argument.id}")
    doc.fields.append(("Basis", argument.basis.value))
    if argument.scheme:
        doc.fields.append(("Scheme", argument.scheme))
    if argument.note:
        doc.fields.append(("Note", argument.note))
    doc.sections += [
        Section(
            "Conclusion",
            [claim_entry(index, view.conclusion)] if view.conclusion else [],
            empty=f"{argument.conclusion} (not a known claim)",
        ),
        Section(
            f"Premises ({len(view.premises)}, working together)"
            if len(view.premises) > 1
            else "Premise",
            [claim_entry(index, p) for p in view.premises],
        ),
        Section(
            f"Undercut by {_plural(len(view.undercut_by), 'rebuttal')}",
            [_attack_entry(index, r, side="by") for r in view.undercut_by],
        ),
    ]
    return doc


def _rebuttal_document(index: Index, view: RebuttalView) -> Document:
    from argmap.cli.document import Document, Entry, Section

    row = view.rebuttal
    doc = Document(f"Rebuttal {row.id}: {row.kind.value}, {row.basis.value}")
    if row.note:
        doc.lead.append(row.note)
    if row.cross_source:
        doc.fields.append(("Across", f"{row.by_source} → {row.target_source}"))
    attacker = Entry(f"{row.by} ({row.by_speaker_name})", [row.by_text or ""])
    if row.target_type == "argument" and view.undercuts is not None:
        target = _argument_entry(index, view.undercuts, conclusion=True, skip=row.id)
        target.head = "argument " + target.head
    else:
        target = Entry(f"{row.target} ({row.target_speaker_name})", [row.target_text or ""])
    doc.sections += [
        Section("Attacker", [attacker]),
        Section("Target", [target]),
        Section(
            f"Answered by {_plural(len(view.answered_by), 'rebuttal')}",
            [_attack_entry(index, r, side="by", answered=False) for r in view.answered_by],
            empty="none: an unanswered objection",
        ),
    ]
    return doc


def _tag_document(index: Index, view: TagView) -> Document:
    from argmap.cli.document import Document, Section

    tag = view.tag
    doc = Document(f"Tag {tag.id}")
    doc.lead.append(tag.description or "(not declared in the tag vocabulary)")
    doc.sections.append(
        Section(
            f"Claims ({len(view.claims)})",
            [claim_entry(index, c) for c in view.claims],
        )
    )
    return doc


def _agreement_document(index: Index, view: AgreementView) -> Document:
    from argmap.cli.document import Document, Section

    row = view.agreement
    doc = Document(f"Agreement {row.id}: {row.basis.value}")
    if row.note:
        doc.lead.append(row.note)
    if row.cross_source:
        doc.fields.append(("Across", f"{row.sources[0]} = {row.sources[1]}"))
    doc.sections.append(
        Section("Claims that say the same thing", [claim_entry(index, c) for c in view.claims])
    )
    return doc


def _question_document(index: Index, view: QuestionView) -> Document:
    from argmap.cli.document import Document, Entry, Section

    row = view.question
    doc = Document(f"Question {row.id}")
    doc.lead.append(row.text)
    if row.posed_by:
        doc.fields.append(("Posed by", f"{row.posed_by_name} ({row.posed_by})"))
    if row.source:
        from argmap.queries import source_labels

        doc.fields.append(("Source", f"{source_labels(index).get(row.source, row.source)}"))
    names = row.speaker_names
    mixed = set(row.mixed_speakers)
    for label, key in (("Pro", "pro_speakers"), ("Con", "con_speakers")):
        speakers = getattr(row, key)
        shown = [names[s] + (" (mixed)" if s in mixed else "") for s in speakers]
        count = _plural(getattr(row, label.lower()), "claim")
        doc.fields.append((label, f"{count}: " + (", ".join(shown) or "none")))
    section = Section(f"Stances ({len(view.stances)}), by speaker")
    current: Entry | None = None
    for stance in view.stances:
        if current is None or current.head.split(":")[0] != (stance.speaker_name or ""):
            current = Entry(f"{stance.speaker_name or '(unknown)'}: {stance.position or ''}")
            section.entries.append(current)
        current.children.append(_stance_entry(stance, claim=True))
    doc.sections.append(section)
    return doc


def _stance_document(index: Index, view: StanceView) -> Document:
    from argmap.cli.document import Document, Section

    row = view.stance
    doc = Document(f"Stance {row.id}: {row.stance.value}, {row.basis.value}")
    doc.fields.append(("Question", f"{row.question}: {row.question_text or ''}"))
    if row.position:
        doc.fields.append(("Speaker's position", f"{row.speaker_name}: {row.position}"))
    if row.note:
        doc.fields.append(("Note", row.note))
    doc.sections.append(Section("Claim", [claim_entry(index, view.claim)] if view.claim else []))
    return doc
