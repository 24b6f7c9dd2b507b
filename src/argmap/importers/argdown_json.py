"""Argdown JSON (what ``argdown json`` writes) -> corpus.

How the map maps (docs/import.md has the table and the reasons):

* each statement's **equivalence class** becomes one claim: the text of its
  first defining member, tags (``#tag``) removed from the text and kept as
  tags. Other wordings of the same class go to the claim's note;
* an argument with a **premise-conclusion structure** becomes one argmap
  argument per inference: its premises are the statements since the
  previous inference plus the previous (intermediary) conclusion; its
  scheme is the first inference rule;
* an argument **without** one (a sketched argument) becomes a claim that
  stands for it, with the argument's description as its text;
* **relations**: ``support`` and ``entails`` become arguments, ``attack`` a
  rebut, ``contrary`` and ``contradictory`` a rebut each way, ``undercut``
  an undercut. A relation from an argument starts at its main conclusion
  (or its stand-in claim); a support to an argument ends at the same
  claim; an attack or undercut on an argument with an inference undercuts
  that inference, and an attack on a sketched argument rebuts its stand-in;
* Argdown has no speakers: a claim's ``speaker`` data field names one
  (``{speaker: "Name"}``), else the source's fallback person
  (``--speaker``). Sections, colours and positions do not carry over.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.importers.common import fallback_speaker, person, read_json, source_entry, text_of
from argmap.importers.fragment import Context, Entity, Fragment, ImportFailed
from argmap.importers.naming import IdPool, scheme_slug, slug

SUFFIXES = (".json",)
SUPPORTS = ("support", "entails")
SYMMETRIC = ("contrary", "contradictory")


def sniff(document: Any) -> bool:
    """True when a parsed JSON document looks like Argdown JSON."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("statements"), dict)
        and isinstance(document.get("arguments"), dict)
    )


def read(path: Path, ctx: Context) -> Fragment:
    """Read and convert one Argdown JSON file."""
    return convert(read_json(path), ctx)


def _plain(member: dict[str, Any]) -> str:
    """A statement's text with its ``#tag`` markers cut out."""
    text = member.get("text")
    if not isinstance(text, str):
        return ""
    ranges = member.get("ranges")
    cuts = sorted(
        (
            (r["start"], r["stop"])
            for r in (ranges if isinstance(ranges, list) else [])
            if isinstance(r, dict)
            and r.get("type") == "tag"
            and isinstance(r.get("start"), int)
            and isinstance(r.get("stop"), int)
        ),
        reverse=True,
    )
    for start, stop in cuts:
        text = text[:start] + text[stop + 1 :]
    return text_of(text)


def _members(entry: dict[str, Any]) -> list[dict[str, Any]]:
    members = entry.get("members")
    return [m for m in members if isinstance(m, dict)] if isinstance(members, list) else []


def _tags(entry: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for source in (entry, *_members(entry)):
        tags = source.get("tags")
        if isinstance(tags, list):
            found.extend(t for t in tags if isinstance(t, str) and t.strip())
    return list(dict.fromkeys(found))


def _speaker(entry: dict[str, Any]) -> str | None:
    for source in (entry, *_members(entry)):
        data = source.get("data")
        if (
            isinstance(data, dict)
            and isinstance(data.get("speaker"), str)
            and data["speaker"].strip()
        ):
            return text_of(data["speaker"])
    return None


def convert(document: Any, ctx: Context) -> Fragment:
    """One Argdown JSON document as a corpus fragment (pure: no file access)."""
    path = ctx.path
    src = ctx.source_id
    if not sniff(document):
        raise ImportFailed(
            path, "is not Argdown JSON: expected an object with 'statements' and 'arguments' maps"
        )
    fragment = Fragment(path, source_entry(ctx))
    pool = IdPool()
    statements: dict[str, dict[str, Any]] = document["statements"]
    arguments: dict[str, dict[str, Any]] = document["arguments"]
    fragment.read["statements (equivalence classes)"] = len(statements)
    fragment.read["arguments"] = len(arguments)
    sections = document.get("sections")
    speakers: list[str] = []
    fallback: Entity | None = None
    tag_ids: dict[str, str] = {}

    def speaker_for(entry: dict[str, Any]) -> str:
        nonlocal fallback
        name = _speaker(entry)
        if name is None:
            if fallback is None:
                fallback = fallback_speaker(ctx, "Argdown")
            speaker_id = fragment.person(fallback)
        else:
            speaker_id = fragment.person(person(name))
        if speaker_id not in speakers:
            speakers.append(speaker_id)
        return speaker_id

    def tags_for(entry: dict[str, Any]) -> list[str]:
        ids = []
        for tag in _tags(entry):
            if tag not in tag_ids:
                tag_ids[tag] = slug(tag, fallback="tag")
                if not any(t["id"] == tag_ids[tag] for t in fragment.tags):
                    fragment.tags.append({"id": tag_ids[tag], "description": f"Argdown tag #{tag}"})
            ids.append(tag_ids[tag])
        return list(dict.fromkeys(ids))

    def new_claim(wanted: str, entry: dict[str, Any], text: str, note: str | None = None) -> str:
        claim: Entity = {"id": pool.take(f"{src}-{slug(wanted)}"), "source": src}
        claim["speaker"] = speaker_for(entry)
        claim["text"] = text
        tags = tags_for(entry)
        if tags:
            claim["tags"] = tags
        if note:
            claim["note"] = note
        fragment.claims.append(claim)
        return str(claim["id"])

    claims: dict[str, str] = {}  # equivalence-class title -> claim id
    for title, entry in statements.items():
        if not isinstance(entry, dict):
            raise ImportFailed(path, "is not an object", f"statement {title!r}")
        wordings = [_plain(m) for m in _members(entry) if not m.get("isReference") and _plain(m)]
        wordings = list(dict.fromkeys(wordings))
        if not wordings:
            wordings = [text_of(title)]
        note = None
        if len(wordings) > 1:
            note = "Also worded (Argdown equivalence class): " + " | ".join(wordings[1:])
        claims[title] = new_claim(title, entry, wordings[0], note)

    stand_in: dict[str, str] = {}  # argument title -> the claim relations start from
    inference: dict[str, str] = {}  # argument title -> its main inference's argument id
    for title, entry in arguments.items():
        if not isinstance(entry, dict):
            raise ImportFailed(path, "is not an object", f"argument {title!r}")
        pcs = [m for m in entry.get("pcs") or [] if isinstance(m, dict)]
        description = next(
            (_plain(m) for m in _members(entry) if not m.get("isReference") and _plain(m)), None
        )
        if not pcs:
            stand_in[title] = new_claim(title, entry, description or text_of(title))
            continue
        premises: list[str] = []
        step = 0
        for member in pcs:
            statement = member.get("title")
            if statement not in claims:
                raise ImportFailed(
                    path,
                    f"names the statement {statement!r}, which is not in 'statements'",
                    f"argument {title!r}",
                )
            if not isinstance(member.get("inference"), dict):
                premises.append(claims[statement])
                continue
            step += 1
            rules = member["inference"].get("inferenceRules") or []
            rules = [r for r in rules if isinstance(r, str) and r.strip()]
            argument: Entity = {
                "id": pool.take(f"{src}-{slug(title)}" + ("" if step == 1 else f"-step-{step}")),
                "conclusion": claims[statement],
                "premises": list(dict.fromkeys(premises)) or [claims[statement]],
            }
            if rules and scheme_slug(rules[0]):
                argument["scheme"] = scheme_slug(rules[0])
            note = f"Argdown argument <{text_of(title)}>"
            note += f": {description}" if description else "."
            if len(rules) > 1:
                note += " Inference rules: " + "; ".join(rules) + "."
            argument["note"] = note
            if not premises:
                fragment.skip(title, "inference", "has no premise before it")
                continue
            fragment.arguments.append(argument)
            inference[title] = str(argument["id"])
            stand_in[title] = claims[statement]
            premises = [claims[statement]]
        if title not in stand_in:
            fragment.skip(title, "argument", "its premise-conclusion structure has no conclusion")

    relations = document.get("relations")
    if not isinstance(relations, list):
        relations = [
            r
            for entry in (*statements.values(), *arguments.values())
            if isinstance(entry, dict)
            for r in entry.get("relations") or []
        ]
    seen: set[tuple[Any, ...]] = set()
    for relation in relations:
        if not isinstance(relation, dict):
            continue
        key = tuple(relation.get(k) for k in ("relationType", "from", "fromType", "to", "toType"))
        if key in seen:
            continue
        seen.add(key)
        kind, tail, head = relation.get("relationType"), relation.get("from"), relation.get("to")
        fragment.read[f"{kind} relation"] += 1
        label = f"{text_of(str(tail))} → {text_of(str(head))}"
        tail_is_argument = relation.get("fromType") == "argument"
        head_is_argument = relation.get("toType") == "argument"
        start = (stand_in if tail_is_argument else claims).get(str(tail))
        end = (stand_in if head_is_argument else claims).get(str(head))
        if start is None or end is None:
            missing = tail if start is None else head
            if missing not in statements and missing not in arguments:
                raise ImportFailed(
                    path,
                    f"names {missing!r}, which is neither a statement nor an argument",
                    f"relation {label}",
                )
            fragment.skip(label, f"{kind} relation", f"{missing!r} has no claim to stand for it")
            continue
        if kind in SUPPORTS:
            if start == end:
                fragment.skip(
                    label, f"{kind} relation", "an argument's conclusion already is its target"
                )
                continue
            fragment.arguments.append(
                {
                    "id": pool.take(
                        f"{src}-{slug(str(tail), limit=40)}-supports-{slug(str(head), limit=40)}"
                    ),
                    "conclusion": end,
                    "premises": [start],
                }
            )
        elif kind in ("attack", "undercut", *SYMMETRIC):
            pairs: list[tuple[str, str, str]]
            if head_is_argument and head in inference:
                pairs = [(start, inference[str(head)], "undercut")]
            elif kind == "undercut":
                supported = [a["id"] for a in fragment.arguments if a["premises"] == [end]]
                if not supported:
                    fragment.skip(
                        label,
                        "undercut relation",
                        "the undercut argument only attacks; "
                        "argmap's undercuts attack arguments only",
                    )
                    continue
                pairs = [(start, a, "undercut") for a in supported]
            else:
                pairs = [(start, end, "rebut")]
                if kind in SYMMETRIC:
                    pairs.append((end, start, "rebut"))
            for n, (by, target, rebuttal_kind) in enumerate(pairs):
                if by == target:
                    fragment.skip(label, f"{kind} relation", "a claim cannot attack itself")
                    continue
                first, second = (head, tail) if n == 1 and kind in SYMMETRIC else (tail, head)
                wanted = f"{slug(str(first), limit=40)}-attacks-{slug(str(second), limit=40)}"
                rebuttal: Entity = {
                    "id": pool.take(f"{src}-{wanted}"),
                    "by": by,
                    "target": target,
                    "kind": rebuttal_kind,
                }
                if kind in SYMMETRIC:
                    rebuttal["note"] = f"Argdown {kind} relation (symmetric)."
                fragment.rebuttals.append(rebuttal)
        else:
            fragment.skip(label, f"{kind} relation", "argmap has no such relation")
    for title in _section_titles(sections if isinstance(sections, list) else []):
        fragment.read["sections"] += 1
        fragment.skip(title, "section", "argmap has no sections (its claims are kept)")
    fragment.source["authors"] = speakers or [
        fragment.person(fallback or fallback_speaker(ctx, "Argdown"))
    ]
    return fragment


def _section_titles(sections: list[Any]) -> list[str]:
    titles: list[str] = []
    for section in sections:
        if isinstance(section, dict):
            titles.append(text_of(section.get("title")) or str(section.get("id", "section")))
            titles.extend(_section_titles(section.get("children") or []))
    return titles
