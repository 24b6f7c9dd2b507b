"""``argmap diagram``: draw the corpus, or part of it, as SVG, PNG, PDF, DOT or Mermaid."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import filters, selection
from argmap.cli.common import FileOption, corpus_path, fail, load_index, write_output
from argmap.formats import (
    DIAGRAM_SUFFIXES,
    ClusterBy,
    DiagramFormat,
    RankDir,
    Relations,
    RendererChoice,
    Semantics,
)

if TYPE_CHECKING:
    from argmap.export.diagram import Diagram, DiagramOptions
    from argmap.index import Index
    from argmap.subset import Selection, Subset

OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write here (atomically; - is stdout) instead of stdout. The suffix picks the "
        "format: .svg .png .pdf .dot/.gv .mmd/.mermaid.",
        show_default=False,
    ),
]


@dataclass(frozen=True)
class DiagramRequest:
    """``argmap diagram``'s options, parsed."""

    file: Path | None
    output: str | None
    format: DiagramFormat
    options: DiagramOptions
    renderer: RendererChoice
    force: bool
    timeout: float
    status: Semantics | None = None
    """``--status``: mark each claim's status under these semantics."""


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (PNG and PDF bytes must not go there)."""
    return sys.stdout.isatty()


def _format(output: str | None, given: DiagramFormat | None) -> DiagramFormat:
    suffix = Path(output).suffix.lower() if output else ""
    implied = DIAGRAM_SUFFIXES.get(suffix)
    if given is not None:
        if implied is not None and implied is not given:
            fail(
                f"--format {given.value} does not match {output} "
                f"({suffix} is {implied.value}); drop one of them"
            )
        return given
    if output is None or output == "-":
        return DiagramFormat.SVG
    if implied is None:
        known = " ".join(DIAGRAM_SUFFIXES)
        fail(f"cannot tell the format of {output}: use --format, or one of {known}")
    return implied


def diagram(
    file: FileOption = None,
    authors: filters.AuthorOption = None,
    sources: filters.SourceOption = None,
    tags: filters.TagOption = None,
    focus: selection.FocusOption = None,
    depth: selection.DepthOption = None,
    relations: selection.RelationsOption = Relations.ALL,
    context: selection.ContextOption = False,
    output: OutputOption = None,
    output_format: Annotated[
        DiagramFormat | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="svg, png, pdf (pictures), dot or mermaid (source text). "
            "Default: from the -o suffix, else svg.",
            show_default=False,
        ),
    ] = None,
    wrap: Annotated[
        int,
        typer.Option("--wrap", min=0, metavar="N", help="Wrap claim text at N characters."),
    ] = 36,
    cluster: Annotated[
        ClusterBy,
        typer.Option(
            "--cluster",
            case_sensitive=False,
            help="Box claims by source or by speaker. auto: by speaker for a debate "
            "(several -a, or one source with several speakers), else by source when "
            "there are several.",
        ),
    ] = ClusterBy.AUTO,
    rankdir: Annotated[
        RankDir,
        typer.Option(
            "--rankdir",
            case_sensitive=False,
            help="BT: conclusions above their premises. TB the reverse; LR and RL sideways "
            "(LR suits the whole corpus: sources become bands).",
        ),
    ] = RankDir.BT,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="Title at the top. Default: made from the filters; '' for none.",
            show_default=False,
        ),
    ] = None,
    legend: Annotated[
        bool, typer.Option("--legend/--no-legend", help="Draw the legend (speakers and key).")
    ] = True,
    ids: Annotated[bool, typer.Option("--ids", help="Print each claim's id in its box.")] = False,
    renderer: Annotated[
        RendererChoice,
        typer.Option(
            "--renderer",
            case_sensitive=False,
            help="Which Graphviz lays it out: auto (dot on PATH, else the bundled "
            "WebAssembly one, SVG only), dot or wasm.",
        ),
    ] = RendererChoice.AUTO,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Lay out a diagram above the size limit anyway, with Graphviz's layout "
            "limits (rougher, but bounded).",
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=1, metavar="SECONDS", help="Stop a layout that runs longer."),
    ] = 120.0,
    status: Annotated[
        Semantics | None,
        typer.Option(
            "--status",
            case_sensitive=False,
            help="Mark what stands under these semantics (grounded or preferred; complete and "
            "stable too), as argmap evaluate computes it: ✓ accepted, ? or ~ undecided, "
            "✗ rejected, by outline colour and a mark; speaker colours stay.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Draw claims, arguments and rebuttals as a diagram a reader can follow.

    Each claim is a box in its speaker's colour, with the speaker and source;
    linked premises meet at a small argument node; supports are green arrows,
    attacks vermillion lines ending in a bar; an undercut hits the argument node;
    dashed means inferred by the annotator. docs/diagrams.md explains the legend.

    Filters (-a, -s, -t, --focus) are the same as for argmap export. Without -o
    text formats go to stdout; PNG and PDF are never written to a terminal. SVG
    works anywhere; PNG and PDF need Graphviz installed (dot on PATH).
    """
    from argmap.export.diagram import DiagramOptions

    index = load_index(file)
    chosen = selection.build(
        index,
        authors=authors,
        sources=sources,
        tags=tags,
        focus=focus,
        depth=depth,
        relations=relations,
        context=context,
    )
    request = DiagramRequest(
        file=file,
        output=output,
        format=_format(output, output_format),
        options=DiagramOptions(
            wrap=wrap, cluster=cluster, rankdir=rankdir, title=title, legend=legend, ids=ids
        ),
        renderer=renderer,
        force=force,
        timeout=timeout,
        status=status,
    )
    run(index, chosen, request)


def run(index: Index, chosen: Selection, request: DiagramRequest) -> None:
    """Build, render and write the diagram for parsed options."""
    from argmap.export.diagram import MAX_LAYOUT_NODES, plan
    from argmap.export.dot import polish_svg, to_dot
    from argmap.export.mermaid import to_mermaid, too_long
    from argmap.export.render import RenderFailed, RenderUnavailable, render

    fmt = request.format
    to_stdout = request.output is None or request.output == "-"
    if fmt.binary and to_stdout and stdout_is_terminal():
        fail(f"refusing to write {fmt.value.upper()} to a terminal: use -o FILE or redirect")
    subset = selection.select_or_fail(index, chosen)
    drawing = plan(subset, request.options, index)
    if request.status is not None:
        drawing = _with_status(subset, drawing, request.status)
    if fmt is DiagramFormat.MERMAID:
        text = to_mermaid(drawing)
        warning = too_long(text)
        if warning is not None:
            typer.echo(f"warning: {warning}", err=True)
        data = text.encode("utf-8")
    else:
        too_big = drawing.nodes > MAX_LAYOUT_NODES
        if too_big and fmt.rendered and not request.force:
            fail(
                f"the diagram has {drawing.nodes} nodes, above the {MAX_LAYOUT_NODES} that "
                "Graphviz lays out in seconds; narrow it with -s SOURCE, -a PERSON, -t TAG "
                "or --focus CLAIM --depth N, or pass --force to lay it out anyway with "
                "bounded (rougher) layout passes"
            )
        source = to_dot(drawing, layout_limits=too_big)
        if fmt is DiagramFormat.DOT:
            data = source.encode("utf-8")
        else:
            try:
                rendered = render(source, fmt.value, request.renderer, timeout=request.timeout)
            except RenderUnavailable as err:
                fail(str(err))
            except RenderFailed as err:
                hint = ""
                if "did not finish" in str(err):
                    hint = "; narrow the diagram with -s, -a, -t or --focus, or raise --timeout"
                fail(f"{err}{hint}")
            for warning in rendered.warnings:
                typer.echo(f"warning: graphviz: {warning}", err=True)
            data = rendered.data
            if fmt is DiagramFormat.SVG:
                data = polish_svg(data)
    if request.output is None:
        if fmt.binary:
            stream = typer.get_binary_stream("stdout")
            stream.write(data)
            stream.flush()
        else:
            typer.echo(data.decode("utf-8"), nl=False)
        return
    write_output(request.output, data, reads=[corpus_path(request.file)])
    if request.output != "-":
        typer.echo(f"wrote {request.output} ({fmt.value}): {drawing.stats}", err=True)


def _with_status(subset: Subset, drawing: Diagram, semantics: Semantics) -> Diagram:
    """The status overlay (argmap.export.status), or exit 2 when the solver gives up."""
    from argmap.evaluate.solvers import SolverError
    from argmap.export.status import overlay, statuses

    try:
        found = statuses(subset, semantics)
    except SolverError as err:
        fail(f"{err}; narrow the diagram with -s, -a, -t or --focus")
    return overlay(drawing, found, semantics)
