"""The `edition` command: convert | validate | render | build | export."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from . import __version__, workers
from . import config as config_mod
from .errors import FORMATTERS, ConfigError, EditionError, ExitCode, Report, summary
from .link.registry import NAME as REGISTRY

# The readers, the renderers and the pipeline import much (the language detector, Saxon, Typst): each
# command imports what it uses, so that `edition validate` in a pre-commit hook starts fast.


class _Names(click.Choice):
    """A choice of names looked up when first needed."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names
        super().__init__([])

    @property
    def choices(self) -> list[str]:  # type: ignore[override]
        return sorted(self._names())

    @choices.setter
    def choices(self, value: object) -> None:
        pass


def _readers() -> Iterable[str]:
    from .readers import READERS

    return READERS


def _renderers() -> Iterable[str]:
    from .render import RENDERERS

    return RENDERERS


def _config(root: Path = Path("."), conventions: Path | None = None, render: bool = True) -> config_mod.Config:
    """The edition's configuration; a bad edition.toml ends the command with its one-line error."""
    try:
        config = config_mod.load(root, conventions)
        if render:
            from .render import RENDERERS

            config.check_render(set().union(*(r.settable for r in RENDERERS.values())))
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(ExitCode.USAGE)
    return config


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


# The edition's folder, for the commands that work on a whole edition
_root_option = click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="The edition's folder (with transcripts/ and tei/).",
)


def _output_folder(help: str):
    """The `-o/--output` option of commands that write a folder."""
    return click.option(
        "-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False), help=help
    )


def _workers(help: str):
    """The options that say where a command's work runs: `-j` worker processes here, or `--dask` a Dask
    cluster (`workers.use_cluster`)."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        command = click.option(
            "--dask",
            metavar="ADDRESS",
            expose_value=False,
            callback=lambda _ctx, _param, value: workers.use_cluster(value),
            help=f"Run the work on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786; or "
            f"{workers.ENV}); its workers see this folder at the same path.",
        )(command)
        return click.option("-j", "--jobs", type=click.IntRange(1), help=help)(command)

    return decorate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
def main() -> None:
    """Turn plain-text transcripts of archival documents into validated TEI P5."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=True))
@_output_folder("Folder for the TEI files (one per transcript).")
@click.option("--format", "fmt", type=_Names(_readers), help="Reader; sniffed when absent.")
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
@_workers("Worker processes (default: one per core).")
@click.option("--debug", is_flag=True, help="Add the traceback to an internal error of a reader.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: a transcript with any is not written.")
def convert(
    inputs: tuple[Path, ...],
    out_dir: Path,
    fmt: str | None,
    conventions: Path | None,
    encoding: str | None,
    registry: bool,
    jobs: int | None,
    debug: bool,
    strict: bool,
) -> None:
    """Convert transcripts (files or folders of *.txt) into TEI files in OUTPUT."""
    from . import app
    from .convert import Options

    config = _config(Path("."), conventions)
    options = Options(config.conventions, fmt, encoding, debug, strict)
    try:
        outcome = app.convert_edition(app.sources(list(inputs)), out_dir, options, registry=registry, jobs=jobs)
    except EditionError as exc:
        raise click.UsageError(str(exc)) from exc
    for r in outcome.results:
        for d in r.diagnostics:
            click.echo(d.text(), err=True)
    for d in outcome.linking:
        click.echo(d.text(), err=True)
    click.echo(f"{len(outcome.results) - outcome.failed} converted, {outcome.failed} failed", err=True)
    sys.exit(ExitCode.USAGE if outcome.failed else ExitCode.OK)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--schema",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="The project's schema: RELAX NG (.rng, .rnc) or XSD; default: [validate] schema in edition.toml, "
    "else the edition's own.",
)
@click.option(
    "--schematron",
    "schematron",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="An ISO Schematron file to run too (XPath 2/3); may be given more than once.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="How diagnostics are printed (github: workflow annotations; sarif: GitHub code scanning).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Which diagnostics make the exit status 1.",
)
@click.option(
    "--sarif",
    "sarif_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write a SARIF report to this file (GitHub code scanning).",
)
@click.option("--changed-since", metavar="REF", help="Only the files that differ from this git revision.")
@click.option("--tei-only", is_flag=True, help="Skip XML files whose document element is not TEI (pre-commit).")
@_workers("Worker processes (default: one per core).")
def validate(
    paths: tuple[Path, ...],
    schema: Path | None,
    schematron: tuple[Path, ...],
    fmt: str,
    fail_on: str,
    sarif_file: Path | None,
    changed_since: str | None,
    tei_only: bool,
    jobs: int | None,
) -> None:
    """Check TEI files (or folders of them; - for standard input) against a schema and its rules.

    Exit status: 0 valid, 1 some invalid (see --fail-on), 2 usage or I/O error."""
    from .validate import SchemaError, expand, is_tei, validate_many, validator
    from .validate import changed_since as changed

    config = _config(render=False)
    schema = schema or config.schema
    schematron = schematron or config.schematron
    if schematron and schema is None:
        click.echo("error: --schematron goes with --schema (the edition's own rules are its own)", err=True)
        sys.exit(ExitCode.USAGE)
    try:
        checker = validator(str(schema) if schema else None, tuple(map(str, schematron)))  # compiled once, here
    except (SchemaError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    report = Report(fail_on=fail_on)
    if Path("-") in paths:
        report.checked.append("-")
        report.extend(checker.check_bytes(sys.stdin.buffer.read(), "-"))
    files = expand(p for p in paths if p != Path("-"))
    missing = [p for p in files if not p.is_file()]
    for p in missing:
        click.echo(f"{p}: error: no such file", err=True)
        report.io_error = True
    files = [p for p in files if p.is_file()]
    if not files and not missing and Path("-") not in paths:
        click.echo("error: no TEI files found", err=True)
        sys.exit(ExitCode.USAGE)
    if changed_since:
        try:
            files = changed(changed_since, files)
        except SchemaError as exc:
            click.echo(f"error: --changed-since: {exc}", err=True)
            sys.exit(ExitCode.USAGE)
    if tei_only:
        files = [p for p in files if is_tei(p)]
    try:
        checked = validate_many(files, jobs=jobs, schema=schema, schematron=schematron)
    except EditionError as exc:  # a Dask cluster that cannot be reached
        click.echo(f"error: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    for path, diagnostics in checked:
        report.checked.append(path)
        report.extend(diagnostics)
        if any(d.rule == "io" for d in diagnostics):
            report.io_error = True
    if checker.schema is not None:
        checker.schema.keep_warm()
    click.echo(FORMATTERS[fmt](report), nl=False)
    if sarif_file is not None:
        from .tei import write_atomic

        write_atomic(sarif_file, FORMATTERS["sarif"](report).encode("utf-8"))
    click.echo(summary(report), err=True)
    sys.exit(report.return_code())


@main.command()
@_root_option
@click.option(
    "--html/--no-html", default=True, show_default=True, help="Also render the HTML edition into build/html/."
)
@click.option(
    "--pdf/--no-pdf", default=True, show_default=True, help="Also typeset the book into build/pdf/edition.pdf."
)
@click.option(
    "--epub/--no-epub", default=True, show_default=True, help="Also package the EPUB into build/epub/edition.epub."
)
@click.option("--strict", is_flag=True, help="Treat warnings of conversion as errors (nothing is rendered then).")
@click.option("--render-invalid", is_flag=True, help="Render documents that fail validation too (left out otherwise).")
@_workers("Worker processes to convert, validate and make the website's pages (default: one per core).")
def build(root: Path, html: bool, pdf: bool, epub: bool, strict: bool, render_invalid: bool, jobs: int | None) -> None:
    """Convert transcripts/ into tei/, validate the result and render the HTML edition into build/html/,
    the book into build/pdf/ and the EPUB into build/epub/.

    The `[render]` table of edition.toml sets stylesheet parameters (edition-title, editors, paper, ...;
    see `render --param`), each for the formats that have it.

    The outputs are dated SOURCE_DATE_EPOCH when it is set, else by the newest transcript (or
    edition.toml), so that the same transcripts give the same files."""
    from . import app

    config = _config(root)
    progress = _progress(len(app.transcripts_of(root)) * 2 + 1, "converting")
    step = (lambda *_: progress.advance(progress.task_ids[0])) if progress else None
    stage = (lambda name: progress.update(progress.task_ids[0], description=name)) if progress else None
    outputs = [name for name, wanted in (("html", html), ("pdf", pdf), ("epub", epub)) if wanted]

    def summary(built: app.Built) -> None:
        if progress:
            progress.stop()
        report = built.report
        click.echo(FORMATTERS["text"](report), nl=False, err=True)
        converted = len(built.converting.results) - built.converting.failed
        invalid = len(report.failed_paths() & set(report.checked))
        warnings = sum(d.severity == "warning" for d in report.diagnostics)
        planned = built.planned
        others = [
            f"{n} {what}"
            for n, what in (
                (len(planned.unchanged), "unchanged"),
                (len(planned.kept), "edited by hand, kept"),
                (len(planned.removed), "removed with their transcripts"),
            )
            if n
        ]
        click.echo(
            f"edition: {converted} of {len(built.sources)} transcripts converted into {built.tei_dir}/"
            f"{f' (with {REGISTRY})' if (built.tei_dir / REGISTRY).is_file() else ''}"
            f"{''.join(', ' + o for o in others)}; {len(built.written) - invalid} files valid, "
            f"{invalid} invalid, {warnings} warnings ({built.seconds:.2f} s)",
            err=True,
        )
        why = Counter(planned.reasons[p] for p in planned.convert)
        if why:  # what was converted, and why
            plain = ("new", "changed")
            told = ", ".join(f"{n} {why_}" if why_ in plain else f"{n} ({why_})" for why_, n in why.most_common())
            click.echo(f"edition: converted: {told}", err=True)

    # while a format is made (the book takes a minute for a few hundred documents), a line that says so,
    # on a terminal
    spinner: list = []

    def starting(target: str) -> None:
        if sys.stderr.isatty():
            from rich.console import Console

            status = Console(stderr=True).status(f"making {app.OUTPUTS[target].split(' of ', 1)[1]} …")
            status.start()
            spinner.append(status)

    def rendered(done: app.Rendered) -> None:
        while spinner:
            spinner.pop().stop()
        for warning in done.warnings:
            click.echo(f"edition: warning: {warning}", err=True)
        if done.unchanged:
            click.echo(f"edition: {done.out_dir}/ is up to date: nothing it is made from changed", err=True)
            return
        kept = f", {done.kept} pages unchanged" if done.kept else ""
        click.echo(
            f"edition: {done.written} {app.OUTPUTS[done.target]} written into {done.out_dir}/{kept} "
            f"({done.seconds:.2f} s)",
            err=True,
        )

    try:
        built = app.build(root, config, progress=step, stage=stage, strict=strict, jobs=jobs)
    except EditionError as exc:
        if progress:
            progress.stop()
        raise click.UsageError(str(exc)) from exc
    summary(built)
    if outputs and built.converting.failed:
        click.echo(f"edition: {built.converting.failed} transcripts could not be converted (above)", err=True)
    leave_out = set() if render_invalid else set(built.invalid_documents())
    if outputs and leave_out:
        names = ", ".join(sorted(p.name for p in leave_out))
        click.echo(
            f"edition: left out of the rendering, invalid TEI: {names} (--render-invalid renders them)", err=True
        )
    if not (strict and built.converting.failed):  # a failure is contained: the rest of the edition is rendered
        try:
            app.render_outputs(
                built, config, outputs, rendered=rendered, leave_out=leave_out, starting=starting, jobs=jobs
            )
        except EditionError as exc:
            click.echo(f"edition: error: {exc}", err=True)
            sys.exit(ExitCode.USAGE)
    sys.exit(built.exit_code)


@main.command()
@_root_option
def status(root: Path) -> None:
    """What `build` would do: the transcripts new, changed or gone, the TEI files edited by hand, and the
    conversions waiting beside them. Nothing is written."""
    from . import app

    planned, waiting = app.status(root, _config(root))
    lines = [f"convert   {p}  ({planned.reasons[p]})" for p in planned.convert]
    lines += [f"kept      {p}  (its TEI was edited by hand; the transcript is unchanged)" for p in planned.kept]
    lines += [f"remove    {t}  (its transcript is gone)" for t in planned.removed]
    lines += [f"keep      {t}  (edited by hand; its transcript is gone)" for t in planned.orphans]
    lines += [f"waiting   {w}  (a new conversion beside a hand-edited file: merge, then remove it)" for w in waiting]
    for line in lines:
        click.echo(line)
    click.echo(
        f"{len(planned.convert)} to convert, {len(planned.unchanged)} unchanged, {len(planned.kept)} edited by hand, "
        f"{len(planned.removed)} to remove, {len(waiting)} waiting",
        err=True,
    )


def _render(
    target: str,
    sources: list[Path],
    out_dir: Path,
    params: dict[str, str],
    dated_by: list[Path] | None = None,
    jobs: int | None = None,
):
    import tempfile

    from . import render

    renderer = render.get(target)(params, dated_by)
    if hasattr(renderer, "jobs"):
        renderer.jobs = jobs
    if not hasattr(renderer, "cache"):
        return renderer.render(render.expand(sources), out_dir)
    # the website's digests kept on disk for this run, as a build keeps them: its memory stays flat
    with tempfile.TemporaryDirectory(prefix="edition-render-") as cache:
        renderer.cache = Path(cache)
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
@click.option("--to", "target", type=_Names(_renderers), default="html", show_default=True, help="Output format.")
@_output_folder("Folder for the rendered edition.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A stylesheet parameter, checked against its declared type (xslt/README.md): for every format "
    "edition-title, editors, default-view, supplied-open, supplied-close; for pdf also paper, line-numbers, "
    "bilingual-layout, edition-date, pdfa, volume-pages; for epub also edition-date. Repeatable.",
)
@_workers("Worker processes for the website's pages (default: one per core).")
def render(sources: tuple[Path, ...], target: str, out_dir: Path, params: tuple[str, ...], jobs: int | None) -> None:
    """Render TEI files (or folders of them) as an edition: html (pages, persons, catalogue, search), pdf
    (a book, OUTPUT/edition.pdf) or epub (an EPUB 3, OUTPUT/edition.epub).

    Give every file of the edition (documents, the catalogue, persons.xml) so that links resolve."""
    try:
        result = _render(target, list(sources), out_dir, _parse_params(params), jobs=jobs)
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

    from .export import to_text
    from .tei import parse, write_atomic

    try:
        tree = parse(source)
    except etree.XMLSyntaxError as exc:
        click.echo(f"{source}:{exc.lineno}: error: {exc.msg}", err=True)
        sys.exit(ExitCode.USAGE)
    text = to_text(tree, _config().conventions)
    if output:
        write_atomic(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":
    main()
