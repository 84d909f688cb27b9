"""The pipeline of `convert` and `build`: read -> encode -> link -> write -> validate -> render.

The CLI parses options and prints what comes back; everything between is here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .convert import Converted, Options, convert_many
from .errors import Diagnostic, EditionError, ExitCode, Report
from .link.catalogue import is_catalogue, link_file
from .link.registry import NAME as REGISTRY
from .link.registry import Registry
from .tei import parse, write_atomic

Progress = Callable[..., None]


@dataclass
class Converting:
    """What converting a batch gave: each document's result, and what linking them reported."""

    results: list[Converted]
    linking: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(r.output is None for r in self.results)

    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics] + self.linking


def sources(inputs: list[Path]) -> list[Path]:
    """Transcript files: the files given, and the `*.txt` of the folders given."""
    out: list[Path] = []
    for p in inputs:
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    if not out:
        raise EditionError("no transcripts given (folders are searched for *.txt)")
    return out


def convert_edition(
    files: list[Path],
    out_dir: Path,
    options: Options,
    *,
    registry: bool = True,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Converting:
    """Convert into `out_dir`, link persons to its registry and its catalogues to its documents."""
    reg = Registry.load(out_dir / REGISTRY, options.conventions) if registry else None
    results = convert_many(files, out_dir, options, jobs=jobs, progress=progress, registry=reg)
    outcome = Converting(results)
    if reg is not None and reg.entries and any(r.output for r in results):
        write_atomic(out_dir / REGISTRY, reg.serialise())  # no persons, no registry (a listPerson is never empty)
    for r in results:
        if r.output and is_catalogue(parse(Path(r.output))):
            outcome.linking.extend(link_file(Path(r.output), out_dir))
    return outcome


# --- build --------------------------------------------------------------------------------

OUTPUTS = {"html": "files of the HTML edition", "pdf": "file of the book", "epub": "file of the EPUB"}


@dataclass
class Rendered:
    target: str
    out_dir: Path
    written: int
    seconds: float
    warnings: list[str]


@dataclass
class Built:
    """What `build` did: the conversion, the validation report, the renderings."""

    root: Path
    sources: list[Path]
    tei_dir: Path
    converting: Converting
    report: Report
    written: list[Path]
    seconds: float = 0.0
    rendered: list[Rendered] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return ExitCode.USAGE if self.converting.failed else self.report.return_code()


def build(
    root: Path,
    config: Config,
    *,
    progress: Progress | None = None,
    stage: Callable[[str], None] | None = None,
    strict: bool = False,
) -> Built:
    """Convert `root/transcripts` into `root/tei` (with the persons registry and catalogue links) and
    validate every file written; `strict`: a transcript with a warning is not converted."""
    from .validate import validate_many

    started = time.perf_counter()
    files = sorted((root / "transcripts").glob("*.txt"))
    if not files:
        raise EditionError(f"no transcripts in {root / 'transcripts'}")
    tei_dir = root / "tei"
    given = tuple((f, r) for f in files if (r := config.format_of(f, root)) is not None)
    options = Options(config.conventions, strict=strict, formats=given)
    converting = convert_edition(files, tei_dir, options, progress=progress)
    report = Report()
    report.extend(converting.diagnostics())
    written = [Path(r.output) for r in converting.results if r.output]
    if (tei_dir / REGISTRY).is_file():
        written.append(tei_dir / REGISTRY)
    if stage:
        stage("validating")
    for path, diagnostics in validate_many(written, progress=progress):
        report.checked.append(path)
        report.extend(diagnostics)
    return Built(root, files, tei_dir, converting, report, written, time.perf_counter() - started)


def render_outputs(
    built: Built, config: Config, outputs: list[str], *, rendered: Callable[[Rendered], None] | None = None
) -> None:
    """Render the edition's TEI as each of `outputs` (html, pdf, epub) into `build/<output>`, with the
    [render] parameters each format has; the outputs are dated by the sources and edition.toml."""
    from . import render

    if not outputs:
        return
    dated_by = [*built.sources, *([config.path] if config.path else [])]
    documents = render.expand(sorted(built.tei_dir.glob("*.xml")))
    for target in outputs:
        renderer_class = render.get(target)
        params = {k: v for k, v in config.render.items() if k in renderer_class.settable}
        out_dir = built.root / "build" / target
        result = renderer_class(params, dated_by).render(documents, out_dir)
        done = Rendered(target, out_dir, len(result.written), result.seconds, list(result.warnings))
        built.rendered.append(done)
        if rendered:
            rendered(done)
