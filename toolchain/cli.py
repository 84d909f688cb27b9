"""The `edition` command: convert | validate | render | build | export."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import __version__, readers
from .convert import convert_many
from .errors import FORMATTERS, EditionError, ExitCode, Report
from .readers import conventions as conventions_mod
from .registry import NAME as REGISTRY
from .render import RENDERERS


def _conventions(path: Path | None, root: Path = Path(".")) -> conventions_mod.Conventions:
    """Conventions from `path`, else from the edition's edition.toml, else the defaults."""
    if path is None and (root / "edition.toml").is_file():
        path = root / "edition.toml"
    return conventions_mod.load(path)


def _render_params(root: Path) -> dict[str, str]:
    """The `[render]` table of the edition's edition.toml: stylesheet parameters for `build` (a list is
    written as comma-separated values, as --param takes it)."""
    path = root / "edition.toml"
    if not path.is_file():
        return {}
    import tomllib

    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("render", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EditionError(f"{path}: cannot read: {exc}") from exc
    known = set().union(*(r.settable for r in RENDERERS.values()))
    unknown = sorted(set(table) - known)
    if unknown:
        names = ", ".join(unknown)
        raise EditionError(f"{path}: [render]: unknown parameters {names}; known: {', '.join(sorted(known))}")
    out = {}
    for name, value in table.items():
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = str(value).lower()
        out[name] = str(value)
    return out


def _progress(total: int, label: str):
    """A rich progress bar on a terminal; nothing otherwise."""
    if not sys.stderr.isatty() or total < 2:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True
    )
    progress.start()
    progress.add_task(label, total=total)
    return progress


def _output_folder(help: str):
    """The `-o/--output` option of commands that write a folder."""
    return click.option(
        "-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False), help=help
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
def main() -> None:
    """Turn plain-text transcripts of archival documents into validated TEI P5."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=True))
@_output_folder("Folder for the TEI files (one per transcript).")
@click.option("--format", "fmt", type=click.Choice(sorted(readers.READERS)), help="Reader; sniffed when absent.")
@click.option(
    "--conventions",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="TOML file overriding the transcript conventions (default: ./edition.toml if present).",
)
@click.option("--encoding", help="Encoding of the transcripts (default: UTF-8, windows-1251 recognised).")
@click.option(
    "--registry/--no-registry",
    default=True,
    show_default=True,
    help=f"Link persons to OUTPUT/{REGISTRY} (created or extended); without it each document keeps its own.",
)
@click.option("-j", "--jobs", type=click.IntRange(1), help="Worker processes (default: one per core).")
def convert(
    inputs: tuple[Path, ...],
    out_dir: Path,
    fmt: str | None,
    conventions: Path | None,
    encoding: str | None,
    registry: bool,
    jobs: int | None,
) -> None:
    """Convert transcripts (files or folders of *.txt) into TEI files in OUTPUT."""
    try:
        conv = _conventions(conventions)
        sources = _sources(inputs)
        results, extra = _convert_edition(
            sources, out_dir, conv, format=fmt, encoding=encoding, jobs=jobs, registry=registry
        )
    except EditionError as exc:
        raise click.UsageError(str(exc)) from exc
    failed = 0
    for d in extra:
        click.echo(d.text(), err=True)
    for r in results:
        for d in r.diagnostics:
            click.echo(d.text(), err=True)
        failed += r.output is None
    click.echo(f"{len(results) - failed} converted, {failed} failed", err=True)
    sys.exit(ExitCode.USAGE if failed else ExitCode.OK)


def _convert_edition(
    sources: list[Path],
    out_dir: Path,
    conv: conventions_mod.Conventions,
    *,
    registry: bool = True,
    progress=None,
    **options,
) -> tuple[list, list]:
    """Convert into `out_dir`, link persons to its registry and its catalogues to its documents.

    Returns the conversion results and the diagnostics of linking."""
    from .catalogue import is_catalogue, link_file
    from .convert import write_atomic
    from .registry import Registry
    from .tei import parse

    reg = Registry.load(out_dir / REGISTRY) if registry else None
    results = convert_many(sources, out_dir, conv, progress=progress, registry=reg, **options)
    extra = []
    if reg is not None and any(r.output for r in results):
        write_atomic(out_dir / REGISTRY, reg.serialise())
    for r in results:
        if r.output and is_catalogue(parse(Path(r.output))):
            extra.extend(link_file(Path(r.output), out_dir))
    return results, extra


def _sources(inputs: tuple[Path, ...]) -> list[Path]:
    out = []
    for p in inputs:
        if p.is_dir():
            out.extend(sorted(p.glob("*.txt")))
        else:
            out.append(p)
    if not out:
        raise EditionError("no transcripts given (folders are searched for *.txt)")
    return out


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="How diagnostics are printed (github: workflow annotations).",
)
@click.option("-j", "--jobs", type=click.IntRange(1), help="Worker processes (default: one per core).")
def validate(paths: tuple[Path, ...], fmt: str, jobs: int | None) -> None:
    """Check TEI files (or folders of them) against the edition's XSD and Schematron rules.

    Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error."""
    from .validate import expand, validate_many

    report = Report()
    files = expand(paths)
    missing = [p for p in files if not p.is_file()]
    for p in missing:
        click.echo(f"{p}: error: no such file", err=True)
        report.io_error = True
    files = [p for p in files if p.is_file()]
    if not files and not missing:
        click.echo("error: no TEI files found", err=True)
        sys.exit(ExitCode.USAGE)
    for path, diagnostics in validate_many(files, jobs=jobs):
        report.checked.append(path)
        report.extend(diagnostics)
        if any(d.rule == "io" for d in diagnostics):
            report.io_error = True
    click.echo(FORMATTERS[fmt](report), nl=False)
    invalid = len(report.failed_paths())
    click.echo(f"{len(report.checked)} checked, {len(report.checked) - invalid} valid, {invalid} invalid", err=True)
    sys.exit(report.return_code())


@main.command()
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="The edition's folder (with transcripts/ and tei/).",
)
@click.option(
    "--html/--no-html", default=True, show_default=True, help="Also render the HTML edition into build/html/."
)
@click.option(
    "--pdf/--no-pdf", default=True, show_default=True, help="Also typeset the book into build/pdf/edition.pdf."
)
@click.option(
    "--epub/--no-epub", default=True, show_default=True, help="Also package the EPUB into build/epub/edition.epub."
)
def build(root: Path, html: bool, pdf: bool, epub: bool) -> None:
    """Convert transcripts/ into tei/, validate the result and render the HTML edition into build/html/,
    the book into build/pdf/ and the EPUB into build/epub/.

    The `[render]` table of edition.toml sets stylesheet parameters (edition-title, editors, paper, ...;
    see `render --param`), each for the formats that have it.

    The outputs are dated SOURCE_DATE_EPOCH when it is set, else by the newest transcript (or
    edition.toml), so that the same transcripts give the same files."""
    from .validate import validate_many

    started = time.perf_counter()
    try:
        conv = _conventions(None, root)
        render_params = _render_params(root)
    except EditionError as exc:
        raise click.UsageError(str(exc)) from exc
    sources = sorted((root / "transcripts").glob("*.txt"))
    if not sources:
        raise click.UsageError(f"no transcripts in {root / 'transcripts'}")
    tei_dir = root / "tei"
    progress = _progress(len(sources) * 2 + 1, "converting")
    step = (lambda *_: progress.advance(progress.task_ids[0])) if progress else None
    results, extra = _convert_edition(sources, tei_dir, conv, progress=step)
    report = Report()
    for r in results:
        report.extend(r.diagnostics)
    report.extend(extra)
    written = [Path(r.output) for r in results if r.output]
    if (tei_dir / REGISTRY).is_file():
        written.append(tei_dir / REGISTRY)
    if progress:
        progress.update(progress.task_ids[0], description="validating")
    for path, diagnostics in validate_many(written, progress=step):
        report.checked.append(path)
        report.extend(diagnostics)
    if progress:
        progress.stop()
    click.echo(FORMATTERS["text"](report), nl=False, err=True)
    converted = len([r for r in results if r.output])
    failed = len(sources) - converted
    invalid = len(report.failed_paths() & set(report.checked))
    warnings = sum(d.severity == "warning" for d in report.diagnostics)
    click.echo(
        f"edition: {converted} of {len(sources)} transcripts converted into {tei_dir}/ (with {REGISTRY}), "
        f"{len(written) - invalid} files valid, {invalid} invalid, {warnings} warnings "
        f"({time.perf_counter() - started:.2f} s)",
        err=True,
    )
    code = ExitCode.USAGE if failed else report.return_code()
    outputs = [("html", "files of the HTML edition")] if html else []
    outputs += [("pdf", "file of the book")] if pdf else []
    outputs += [("epub", "file of the EPUB")] if epub else []
    dated_by = [*sources, *[p for p in [root / "edition.toml"] if p.is_file()]]
    for target, what in outputs if code != ExitCode.USAGE else []:
        out_dir = root / "build" / target
        try:
            params = {k: v for k, v in render_params.items() if k in RENDERERS[target].settable}
            rendered = _render(target, sorted(tei_dir.glob("*.xml")), out_dir, params, dated_by)
        except EditionError as exc:
            click.echo(f"edition: error: {exc}", err=True)
            sys.exit(ExitCode.USAGE)
        for warning in rendered.warnings:
            click.echo(f"edition: warning: {warning}", err=True)
        click.echo(
            f"edition: {len(rendered.written)} {what} written into {out_dir}/ ({rendered.seconds:.2f} s)", err=True
        )
    sys.exit(code)


def _render(
    target: str, sources: list[Path], out_dir: Path, params: dict[str, str], dated_by: list[Path] | None = None
):
    from . import render

    renderer = render.get(target)(params, dated_by)
    return renderer.render(render.expand(sources), out_dir)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        name, sep, value = v.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{v!r}: expected NAME=VALUE", param_hint="--param")
        out[name.strip()] = value
    return out


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--to", "target", type=click.Choice(sorted(RENDERERS)), default="html", show_default=True, help="Output format."
)
@_output_folder("Folder for the rendered edition.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A stylesheet parameter, checked against its declared type (xslt/README.md): for every format "
    "edition-title, editors, default-view, supplied-open, supplied-close; for pdf also paper, line-numbers, "
    "bilingual-layout, edition-date, pdfa; for epub also edition-date. Repeatable.",
)
def render(sources: tuple[Path, ...], target: str, out_dir: Path, params: tuple[str, ...]) -> None:
    """Render TEI files (or folders of them) as an edition: html (pages, persons, catalogue, search), pdf
    (a book, OUTPUT/edition.pdf) or epub (an EPUB 3, OUTPUT/edition.epub).

    Give every file of the edition (documents, the catalogue, persons.xml) so that links resolve."""
    try:
        result = _render(target, list(sources), out_dir, _parse_params(params))
    except EditionError as exc:
        raise click.UsageError(str(exc)) from exc
    for warning in result.warnings:
        click.echo(f"edition: warning: {warning}", err=True)
    click.echo(f"{len(result.written)} files written into {out_dir}/ ({result.seconds:.2f} s)", err=True)


@main.command()
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--to", "target", type=click.Choice(["text"]), default="text", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write (default: stdout)."
)
def export(source: Path, target: str, output: Path | None) -> None:
    """Export a TEI file: `--to text` gives the transcript text back."""
    from lxml import etree

    from .convert import write_atomic
    from .export import to_text
    from .tei import parse

    try:
        tree = parse(source)
    except etree.XMLSyntaxError as exc:
        click.echo(f"{source}:{exc.lineno}: error: {exc.msg}", err=True)
        sys.exit(ExitCode.USAGE)
    text = to_text(tree, _conventions(None))
    if output:
        write_atomic(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":
    main()
