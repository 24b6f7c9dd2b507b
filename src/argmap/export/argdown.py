"""``argmap export --format argdown``: the corpus as an Argdown document.

Opens in Argdown's tools (the VS Code extension, the sandbox, ``argdown map``)
and reads as a plain-text reconstruction:

* a front matter block with the title and Argdown colour settings: each
  speaker's tag gets the outline shade of the diagram's colour (Argdown draws
  statements as outlines, which the pale fills would leave invisible), and
  relations the diagram's colours;
* one section (``#`` heading) per source, so the map groups by source;
* each claim is a statement definition titled by its id, tagged with its
  speaker's id (``#shinji-hyodo``: an Argdown tag cannot hold a parenthesis,
  and names such as "The Kremlin (Russian leadership)" have them), with its
  source, speaker, speaker's name and quote as data:
  ``[csis-hyodo-...]: text #shinji-hyodo {speaker: "...", ...}``;
* rebuttals sit under the claim they attack: ``<- [attacker]``;
* each argument is a premise-conclusion structure: ``<argument-id>`` then
  ``(1) [premise]`` ... ``----`` ... ``(n) [conclusion]``; a scheme goes in
  an expanded inference line as its rule (``-- argument-from-sign {...} --``),
  and an inferred basis as data only (``-- {basis: "inferred"} --``), never as
  a made-up rule;
* undercuts come last, under the argument they attack: ``<_ [attacker]``;
* a last section, "Agreements and questions" (named for what it holds):
  each agreement as mutual support between its two statements (``[a]`` then ``+> [b]``, and back),
  with a ``// agreement ID`` comment; each question as a statement tagged
  ``#question`` (titled by its id) with its stances under it: ``<+ [claim]``
  for pro, ``<- [claim]`` for con.

Argdown's own equivalence (two statements with one title) would merge the two
claims of an agreement into one statement and lose who says each, so argmap
writes mutual support instead; Argdown has no question construct, so a
question is a statement its pro claims support and its con claims attack.

Argdown has no "inferred" relation, so an inferred rebuttal or undercut is
marked with a trailing ``// inferred`` comment. Text is escaped so that
brackets, hashes, stars and slashes in claims stay text.
"""

from __future__ import annotations

import json
import re

from argmap.corpus import Argument, Basis, RebuttalKind
from argmap.export import palette
from argmap.export.diagram import speaker_swatches
from argmap.export.labels import source_labels
from argmap.index import Index
from argmap.subset import Subset

_SPECIAL = re.compile(r"([\\\[\]<>{}#@*_/])")


def text(value: str) -> str:
    """Statement or heading text, with Argdown's syntax characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


_SIMPLE_TAG = re.compile(r"^[A-Za-z0-9_-]+$")


def _tag(speaker: str) -> str:
    """The speaker's tag: their id as a simple tag (ids are kebab-case slugs)."""
    if _SIMPLE_TAG.match(speaker):
        return "#" + speaker
    return "#(" + speaker.replace("(", "[").replace(")", "]") + ")"


def _tag_key(speaker: str) -> str:
    """The tag's name as Argdown reports it (for ``tagColors``)."""
    return _tag(speaker)[1:].removeprefix("(").removesuffix(")")


def _yaml_string(value: str) -> str:
    """A double-quoted YAML flow string that cannot close an Argdown data block early."""
    return json.dumps(value, ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")


def _data(fields: dict[str, str | bool | None]) -> str:
    parts = []
    for key, value in fields.items():
        if value is None or value is False:
            continue
        parts.append(f"{key}: {'true' if value is True else _yaml_string(value)}")
    return "{" + ", ".join(parts) + "}"


def export(subset: Subset, title: str | None = None) -> str:
    """The subset as Argdown source."""
    corpus = subset.corpus
    index = Index.build(corpus)
    labels = source_labels(corpus)
    swatches = speaker_swatches(subset)
    names = {c.speaker: index.display_name(c.speaker) for c in corpus.claims}
    heading = title or (corpus.sources[0].title if len(corpus.sources) == 1 else "argmap export")
    out = [
        "===",
        f"title: {_yaml_string(heading.replace('=', '-'))}",
        "color:",
        "    relationColors:",
        f'        support: "{palette.SUPPORT}"',
        f'        attack: "{palette.ATTACK}"',
        f'        undercut: "{palette.ATTACK}"',
        "    tagColors:",
    ]
    for speaker in names:
        out.append(f'        {_yaml_string(_tag_key(speaker))}: "{swatches[speaker].line}"')
    out += [
        "===",
        "",
        "// Exported by argmap. Statements are claims, titled by their id and tagged",
        "// with their speaker; <arguments> are linked premises for a conclusion;",
        "// '<-' marks a rebuttal, '<_' an undercut; '// inferred' marks a relation",
        "// the annotator inferred rather than read in the text.",
    ]
    attacks_on: dict[str, list[str]] = {}
    for rebuttal in corpus.rebuttals:
        note = "  // inferred" if rebuttal.basis is Basis.INFERRED else ""
        if rebuttal.by not in index.claims:
            continue
        if rebuttal.kind is RebuttalKind.UNDERCUT and rebuttal.target in index.arguments:
            attacks_on.setdefault(rebuttal.target, []).append(f"    <_ [{rebuttal.by}]{note}")
        elif rebuttal.target in index.claims:
            attacks_on.setdefault(rebuttal.target, []).append(f"    <- [{rebuttal.by}]{note}")

    arguments = [
        a
        for a in corpus.arguments
        if a.conclusion in index.claims and all(p in index.claims for p in a.premises)
    ]
    # Each argument under the source of its conclusion: grouped once, not scanned per source.
    arguments_by_source: dict[str, list[Argument]] = {}
    for argument in arguments:
        arguments_by_source.setdefault(index.claims[argument.conclusion].source, []).append(
            argument
        )
    for source in corpus.sources:
        claims = index.claims_by_source.get(source.id, [])
        if not claims:
            continue
        out += ["", f"# {text(labels[source.id] + ': ' + source.title)}"]
        for claim in claims:
            data = _data(
                {
                    "speaker": claim.speaker,
                    "speaker_name": names[claim.speaker],
                    "source": claim.source,
                    "quote": claim.quote,
                    "reported": claim.reported,
                    "central": claim.central,
                    "context": claim.id in subset.context,
                }
            )
            out.append("")
            out.append(f"[{claim.id}]: {text(claim.text)} {_tag(claim.speaker)} {data}")
            out += attacks_on.get(claim.id, [])
        here = arguments_by_source.get(source.id, [])
        for argument in here:
            out += _argument(argument)
        # Undercuts after the premise-conclusion structures, each under its argument.
        for argument in here:
            if argument.id in attacks_on:
                out += ["", f"<{argument.id}>", *attacks_on[argument.id]]
    out += _agreements_and_questions(subset, index)
    return "\n".join(out) + "\n"


def _agreements_and_questions(subset: Subset, index: Index) -> list[str]:
    """Agreements as mutual support; questions as #question statements with their stances."""
    corpus = subset.corpus
    agreements = [a for a in corpus.agreements if all(c in index.claims for c in a.claims)]
    questions = [q for q in corpus.questions if index.stances_on.get(q.id)]
    if not agreements and not questions:
        return []
    heading = " and ".join(
        name for name, there in (("Agreements", agreements), ("questions", questions)) if there
    )
    out = ["", f"# {heading[0].upper()}{heading[1:]}"]
    for agreement in agreements:
        first, second = agreement.claims
        note = f": {' '.join(agreement.note.split())}" if agreement.note else ""
        out += ["", f"// agreement {agreement.id} ({agreement.basis.value}){note}"]
        out += [f"[{first}]", f"    +> [{second}]", "", f"[{second}]", f"    +> [{first}]"]
    for question in questions:
        data = _data({"question": True, "source": question.source, "posed_by": question.posed_by})
        out += ["", f"[{question.id}]: {text(question.text)} #question {data}"]
        for stance in index.stances_on[question.id]:
            if stance.claim not in index.claims:
                continue
            arrow = "<+" if stance.stance.value == "pro" else "<-"
            note = "  // inferred" if stance.basis is Basis.INFERRED else ""
            out.append(f"    {arrow} [{stance.claim}]{note}")
    return out


def _argument(argument: Argument) -> list[str]:
    """An argument as a premise-conclusion structure."""
    premises = list(dict.fromkeys(argument.premises))
    head = f"<{argument.id}>" + (f": {text(argument.note)}" if argument.note else "")
    out = ["", head, ""]
    out += [f"({n}) [{p}]" for n, p in enumerate(premises, start=1)]
    if argument.scheme or argument.basis is Basis.INFERRED:
        rule = text(argument.scheme.replace("--", "-")) + " " if argument.scheme else ""
        out += ["--", f"{rule}{_data({'basis': argument.basis.value})}", "--"]
    else:
        out.append("----")
    out.append(f"({len(premises) + 1}) [{argument.conclusion}]")
    return out
