"""``argmap tree CLAIM``: the pros and cons below a claim, as Kialo shows a debate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import complete
from argmap.cli.common import FileOption
from argmap.cli.show import ViewFormatOption
from argmap.formats import ViewFormat

if TYPE_CHECKING:
    from argmap.queries import TreeNode


def tree(
    claim: Annotated[
        str,
        typer.Argument(
            metavar="CLAIM",
            autocompletion=complete.claims,
            help="The claim id at the root ('argmap claims' lists them).",
            show_default=False,
        ),
    ],
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth",
            "-d",
            min=0,
            metavar="N",
            help="Claim levels below the root to show (0: the root alone). Default: all. "
            "What is cut is counted.",
            show_default=False,
        ),
    ] = None,
    file: FileOption = None,
    output_format: ViewFormatOption = ViewFormat.TEXT,
) -> None:
    """Print the pro and con tree below a claim: its arguments, and what attacks them.

    PRO is an argument for the claim above (a lone premise, or an argument whose
    premises work together, marked '+'); CON is a rebuttal of the claim above,
    or an undercut of the argument above; AGREE is a claim that says the same
    thing as the claim above (an agreement). A claim's stances on questions
    follow its speaker in brackets. The tree recurses down to --depth. A
    claim already expanded is shown again but not expanded ('shown above'), and
    a cycle is cut where it closes, so the tree stays finite.

    Examples:

    \b
        argmap tree csis-trenin-no-russia-card --depth 2
        argmap tree csis-hyodo-room-vis-a-vis-china --format markdown
    """
    from argmap.cli.common import fail, load_index
    from argmap.cli.output import color_wanted, text_width
    from argmap.errors import LookupFailed
    from argmap.queries import pro_con_tree
    from argmap.resolve import claim as resolve_claim

    index = load_index(file)
    try:
        root = pro_con_tree(index, resolve_claim(index, claim).id, depth)
    except LookupFailed as err:
        fail(str(err))
    if output_format is ViewFormat.JSON:
        import json

        typer.echo(json.dumps(root.as_dict(), indent=2, ensure_ascii=False))
    elif output_format is ViewFormat.YAML:
        import yaml

        text = yaml.safe_dump(root.as_dict(), sort_keys=False, allow_unicode=True, width=100)
        typer.echo(text, nl=False)
    elif output_format is ViewFormat.MARKDOWN:
        typer.echo(tree_markdown(root), nl=False)
    else:
        typer.echo(tree_text(root, text_width(), color=color_wanted()), nl=False)
    summary = _summary(root)
    if summary:
        typer.echo(summary, err=True)


def _label(node: TreeNode) -> str:
    if node.relation == "root":
        return ""
    if node.relation == "premise":
        return "+"
    return node.relation.upper()


def _head(node: TreeNode) -> str:
    """The node's first line, after its PRO/CON label."""
    if node.type == "argument":
        return f"argument {node.id} ({node.basis}){_linked(node)}:"
    link = []
    if node.kind is not None:
        link.append(node.kind.value)
    if node.basis is not None:
        link.append(node.basis.value)
    head = f"{node.id} · {node.speaker_name or '?'}"
    if link:
        head += f" ({', '.join(link)})"
    if node.stances:
        head += " [" + "; ".join(f"{side} on {q}" for q, side in node.stances) + "]"
    return head


def _linked(node: TreeNode) -> str:
    premises = sum(child.relation == "premise" for child in node.children)
    return ", linked premises" if premises > 1 else ""


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _tail(node: TreeNode) -> str | None:
    if node.stop == "cycle":
        return "↺ cycle: this claim is above; not expanded again"
    if node.stop == "repeat":
        return "(shown above; not expanded again)"
    if node.hidden:
        return f"… {node.hidden} more below (raise --depth)"
    return None


def tree_text(root: TreeNode, width: int, *, color: bool = False) -> str:
    """The tree with box-drawing branches; each claim's text wraps under its head."""
    import textwrap

    def paint(label: str) -> str:
        colours = {"PRO": "green", "CON": "red", "AGREE": "blue"}
        if not color or label not in colours:
            return label
        return typer.style(label, fg=colours[label], bold=True)

    lines: list[str] = []

    def emit(node: TreeNode, lead: str, branch: str, stem: str) -> None:
        label = _label(node)
        body_lead = lead + stem + ("│ " if node.children else "  ")
        # The head wraps like the body: continuation lines sit under the text.
        head = textwrap.wrap(
            f"{label}{' ' if label else ''}{_head(node)}",
            width=max(width - len(lead + branch), 30),
            subsequent_indent="    ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        if label and color:  # colour after wrapping: escape codes have no width
            head[0] = paint(label) + head[0][len(label) :]
        lines.append(lead + branch + head[0])
        lines.extend(body_lead + "  " + line[4:] for line in head[1:])
        paragraphs = [node.text] if node.text else []
        tail = _tail(node)
        if tail:
            paragraphs.append(tail)
        for paragraph in paragraphs:
            lines.extend(
                textwrap.wrap(
                    paragraph,
                    width=max(width, len(body_lead) + 30),
                    initial_indent=body_lead + "  ",
                    subsequent_indent=body_lead + "  ",
                    break_on_hyphens=False,
                )
            )
        for i, child in enumerate(node.children):
            last = i == len(node.children) - 1
            emit(child, lead + stem, "└─ " if last else "├─ ", "   " if last else "│  ")

    emit(root, "", "", "")
    return "\n".join(lines) + "\n"


def tree_markdown(root: TreeNode) -> str:
    """The tree as nested Markdown lists: **PRO**/**CON** labels, ids in backticks."""
    lines: list[str] = []

    def emit(node: TreeNode, indent: str) -> None:
        label = _label(node)
        tag = f"**{label}** " if label else ""
        if node.type == "argument":
            text = f"argument `{node.id}` ({node.basis}){_linked(node)}:"
        else:
            link = ", ".join(x.value for x in (node.kind, node.basis) if x is not None)
            extra = f" ({link})" if link else ""
            text = f"{node.speaker_name or '?'}: {node.text or ''} `{node.id}`{extra}"
            if node.stances:
                text += " [" + "; ".join(f"{side} on {q}" for q, side in node.stances) + "]"
        tail = _tail(node)
        if tail:
            text += f" _{tail}_"
        lines.append(f"{indent}- {tag}{text}")
        for child in node.children:
            emit(child, indent + "  ")

    emit(root, "")
    return "\n".join(lines) + "\n"


def _summary(root: TreeNode) -> str:
    """What was cut, on stderr: depth-hidden children and repeated claims."""
    nodes = list(root.walk())
    hidden = sum(n.hidden for n in nodes)
    repeats = sum(n.stop == "repeat" for n in nodes)
    cycles = sum(n.stop == "cycle" for n in nodes)
    parts = []
    if hidden:
        parts.append(f"{_plural(hidden, 'branch', 'branches')} below the depth limit not shown")
    if repeats:
        parts.append(f"{_plural(repeats, 'claim')} already shown and not expanded again")
    if cycles:
        parts.append(f"{_plural(cycles, 'cycle')} cut")
    return ("note: " + "; ".join(parts)) if parts else ""
