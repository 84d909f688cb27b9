"""The pipeline of `convert` and `build`: read -> encode -> link -> write -> validate -> render.

The CLI parses options and prints what comes back; everything between is here.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from pathlib import Path

from .config import Config
from .convert import Converted, Options, convert_many, output_path
from .errors import Diagnostic, EditionError, ExitCode, Report
from .link.catalogue import is_catalogue_file, link_file
from .link.registry import NAME as REGISTRY
from .link.registry import Registry
from .merge import merge
from .state import (
    BESIDE,
    CHECKED,
    RENDER_CACHE,
    RENDERED,
    Entry,
    Plan,
    State,
    check_key,
    digest,
    key_of,
    load_base,
    load_json,
    plan,
    save_base,
    save_json,
    stamp,
    toolchain_stamp,
)
from .tei import remove_leftovers, write_atomic

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
    targets: dict[Path, Path] | None = None,
) -> Converting:
    """Convert into `out_dir`, link persons to its registry and its catalogues to its documents; `targets`
    writes some sources elsewhere (beside a hand-edited TEI file)."""
    reg = Registry.load(out_dir / REGISTRY, options.conventions) if registry else None
    results = convert_many(files, out_dir, options, jobs=jobs, progress=progress, registry=reg, targets=targets)
    outcome = Converting(results)
    if reg is not None and reg.entries and any(r.output for r in results):
        write_atomic(out_dir / REGISTRY, reg.serialise())  # no persons, no registry (a listPerson is never empty)
    for r in results:
        if r.output and is_catalogue_file(Path(r.output)):
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
    unchanged: bool = False  # nothing it depends on changed since it was rendered: not rendered again
    kept: int = 0  # pages that were as they stand: not made again


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
    planned: Plan | None = None  # what the state of the edition made of each transcript

    @property
    def exit_code(self) -> int:
        return ExitCode.USAGE if self.converting.failed else self.report.return_code()

    def invalid_documents(self) -> list[Path]:
        """The documents (not the registry) that failed validation: left out of the rendering."""
        failed = {Path(p) for p in self.report.failed_paths()}
        return [d for d in documents_of(self.tei_dir) if d in failed]


def build(
    root: Path,
    config: Config,
    *,
    progress: Progress | None = None,
    stage: Callable[[str], None] | None = None,
    strict: bool = False,
    jobs: int | None = None,
) -> Built:
    """Convert `root/transcripts` into `root/tei` (with the persons registry and catalogue links) and
    validate every file written, each in `jobs` worker processes (default: one per core); `strict`: a
    transcript with a warning is not converted."""
    started = time.perf_counter()
    for folder in (root / "tei", root / ".edition", root / ".edition" / "converted"):
        remove_leftovers(folder)
    files = transcripts_of(root)
    if not files:
        raise EditionError(f"no transcripts in {root / 'transcripts'}")
    tei_dir = root / "tei"
    given, tei_of, state, now, planned = _survey(root, config, files)
    per_source = tuple((f, c) for f in files if (c := config.conventions_of(f, root)) is not config.conventions)
    options = Options(config.conventions, strict=strict, formats=given, per_source=per_source)
    report = Report()
    _remove(planned, state, report)
    _retell(planned, state, root, report, strict)
    converting = convert_edition(
        planned.convert, tei_dir, options, jobs=jobs, progress=progress, targets=planned.beside
    )
    report.extend(converting.diagnostics())
    _record(planned, converting, tei_of, state, root, report)
    state.stamp = now
    state.save(root)
    written = documents_of(tei_dir)
    if (tei_dir / REGISTRY).is_file():
        written.append(tei_dir / REGISTRY)
    if stage:
        stage("validating")
    for path, diagnostics in _check(root, written, progress, jobs):
        report.checked.append(path)
        report.extend(diagnostics)
    built = Built(root, files, tei_dir, converting, report, written, time.perf_counter() - started)
    built.planned = planned
    return built


def _check(
    root: Path, files: list[Path], progress: Progress | None, jobs: int | None = None
) -> list[tuple[str, list[Diagnostic]]]:
    """Validate the files, but those whose bytes, the sibling files their pointers name and the toolchain
    are as when they were last checked: their diagnostics are told again (`.edition/checked.json`)."""
    from .validate import validate_many

    now = toolchain_stamp()
    known = load_json(root, CHECKED)
    digests: dict[Path, str] = {}
    # a file's key is read again only when its time or size changed, or what its pointers name did
    stats = {f: [f.stat().st_mtime_ns, f.stat().st_size] for f in files}
    siblings = {f.name: s for f, s in stats.items()}
    keys: dict[Path, str] = {}
    named: dict[Path, list[str]] = {}
    for f in files:
        entry = known.get(f.name)
        same = isinstance(entry, dict) and entry.get("stat") == stats[f] and entry.get("stamp") == now
        if same and all(siblings.get(n) == s for n, s in entry.get("named", {}).items()):
            keys[f], named[f] = entry["key"], list(entry.get("named", {}))
        else:
            keys[f], named[f] = check_key(f, f.read_bytes(), now, digests)
    results: dict[str, list[Diagnostic]] = {}
    todo = []
    for f in files:
        entry = known.get(f.name)
        if isinstance(entry, dict) and entry.get("key") == keys[f]:
            results[str(f)] = [Diagnostic(*d) for d in entry.get("diagnostics", [])]
            if progress:
                progress(str(f), results[str(f)])
        else:
            todo.append(f)
    for path, diagnostics in validate_many(todo, jobs=jobs, progress=progress) if todo else ():
        results[path] = diagnostics
    save_json(
        root,
        CHECKED,
        {
            f.name: {
                "key": keys[f],
                "stat": stats[f],
                "stamp": now,
                "named": {n: siblings.get(n) for n in named[f]},
                "diagnostics": [list(astuple(d)) for d in results[str(f)]],
            }
            for f in files
        },
    )
    return [(str(f), results[str(f)]) for f in files]


def _survey(
    root: Path, config: Config, files: list[Path]
) -> tuple[tuple[tuple[Path, str], ...], dict[Path, Path], State, str, Plan]:
    """The readers [formats] gives, each transcript's TEI path, the edition's state, the stamp of this
    conversion and the plan of what to do with each transcript."""
    given = tuple((f, r) for f in files if (r := config.format_of(f, root)) is not None)
    tei_of = {f: output_path(f, root / "tei") for f in files}
    state = State.load(root)
    now = stamp(config.conventions, (given, tuple((s.glob, s.conventions) for s in config.sources)))
    return given, tei_of, state, now, plan(root, files, tei_of, state, now)


def status(root: Path, config: Config) -> tuple[Plan, list[Path]]:
    """What `build` would do now (nothing is written), and the conversions waiting beside hand edits."""
    planned = _survey(root, config, transcripts_of(root))[-1]
    return planned, sorted((root / "tei").glob("*" + BESIDE))


def transcripts_of(root: Path) -> list[Path]:
    """The edition's transcripts: the `*.txt` of `transcripts/` and of its folders (each with its TEI in
    `tei/`, by its name)."""
    return sorted(p for p in (root / "transcripts").rglob("*.txt") if p.is_file())


def documents_of(tei_dir: Path) -> list[Path]:
    """The edition's TEI documents: its `*.xml` but the registry and conversions beside hand edits."""
    return [p for p in sorted(tei_dir.glob("*.xml")) if p.name != REGISTRY and not p.name.endswith(BESIDE)]


def _remove(planned: Plan, state: State, report: Report) -> None:
    """A transcript that is gone takes its TEI along, unless that was edited by hand."""
    for tei in planned.removed:
        tei.unlink(missing_ok=True)
        report.add(Diagnostic("info", "source-removed", str(tei), 0, 0, "its transcript is gone: removed"))
    for tei in planned.orphans:
        message = "its transcript is gone; kept, since it was edited by hand (a document without a transcript)"
        report.add(Diagnostic("info", "source-removed", str(tei), 0, 0, message))
    for key in planned.gone:
        del state.entries[key]


def _retell(planned: Plan, state: State, root: Path, report: Report, strict: bool) -> None:
    """What the conversion of each unchanged transcript said, told again (its TEI is as it was written
    then); with `strict`, a transcript converted with a warning is converted again, to be refused."""
    for source in list(planned.unchanged):
        said = [Diagnostic(*d) for d in state.entries[key_of(root, source)].said]
        if strict and any(d.severity == "warning" for d in said):
            planned.unchanged.remove(source)
            planned.convert.append(source)
            planned.reasons[source] = "it was converted with warnings, and --strict refuses them"
        else:
            report.extend(said)


def _record(
    planned: Plan, converting: Converting, tei_of: dict[Path, Path], state: State, root: Path, report: Report
) -> None:
    """The state of each transcript converted: its hash and the TEI's as written. A conversion written
    beside a TEI file the state did not know is dropped when it is that file (nothing was edited)."""
    for result in converting.results:
        if result.output is None:
            continue
        source = Path(result.source)
        key = key_of(root, source)
        written = Path(result.output)
        new = written.read_bytes()
        ours = {result.source, result.output}
        said = [list(astuple(d)) for d in (*result.diagnostics, *converting.linking) if d.path in ours]
        if source not in planned.beside:
            state.entries[key] = Entry(planned.hashes[source], digest(new), said)
            save_base(root, written, new)
            continue
        tei = tei_of[source]
        entry = state.entries.get(key)
        if new == tei.read_bytes():
            written.unlink()
            state.entries[key] = Entry(planned.hashes[source], digest(new), said)
            save_base(root, tei, new)
            continue
        base = load_base(root, tei, entry.tei) if entry else None
        merged = merge(base, tei.read_bytes(), new) if base is not None else None
        if merged is not None and merged.data is not None:
            write_atomic(tei, merged.data)
            written.unlink()
            state.entries[key] = Entry(planned.hashes[source], digest(new), said)
            save_base(root, tei, new)
            said = (
                f"edited by hand, and its transcript changed: the hand edits ({len(merged.carried)} parts) are "
                "carried over into the new conversion"
            )
            report.add(Diagnostic("info", "hand-edited", str(tei), 0, 0, said))
            continue
        if merged is not None:
            for conflict in merged.conflicts:
                said = f"{conflict.key} {conflict.why}: not merged"
                report.add(Diagnostic("warning", "hand-edit-conflict", str(tei), conflict.line, 0, said))
        message = (
            f"{tei.name} was edited by hand and its transcript changed"
            + (", and the two cannot be merged" if merged is not None else "")
            + f": the new conversion is written beside it as {written.name}; carry over what is needed, then "
            "remove that file"
            if entry
            else f"{tei.name} is not what the transcript converts to now (edited by hand, or written before this "
            f"edition kept its state): it is kept, the new conversion is {written.name}"
        )
        report.add(Diagnostic("warning", "hand-edited", str(tei), 0, 0, message))
        state.entries[key] = Entry(planned.hashes[source], entry.tei if entry else digest(new), said)


def _render_key(target: str, params: dict[str, str], documents: str, dated_by: list[Path]) -> str:
    """What a rendering depends on: the toolchain, its parameters, the TEI files (`documents`: their
    names and digests), the date it states (a format that states one)."""
    from .render import get
    from .render.base import source_epoch

    epoch = source_epoch(dated_by) if get(target).dated else 0
    return hashlib.sha256(
        f"{target}\n{toolchain_stamp()}\n{sorted(params.items())!r}\n{epoch}\n{documents}".encode()
    ).hexdigest()


def _under(folder: Path, path: Path) -> str:
    """The name of a file written into `folder`, relative to it."""
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.resolve().relative_to(folder.resolve()).as_posix()


def _render_cache(root: Path, target: str, base: str) -> Path:
    """The folder of what a renderer keeps between builds of `target` with this toolchain, these parameters
    and this date (`base`); those of other bases are removed."""
    folder = root / RENDER_CACHE / target
    for old in folder.iterdir() if folder.is_dir() else ():
        if old.name != base[:24]:
            shutil.rmtree(old, ignore_errors=True)
    return folder / base[:24]


def render_outputs(
    built: Built,
    config: Config,
    outputs: list[str],
    *,
    rendered: Callable[[Rendered], None] | None = None,
    leave_out: set[Path] | None = None,
    starting: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> None:
    """Render the edition's TEI as each of `outputs` (html, pdf, epub) into `build/<output>`, with the
    [render] parameters each format has, without the documents of `leave_out`; the outputs are dated by
    the sources and edition.toml; `jobs`: worker processes for the website's pages (default: one per core)."""
    from . import render

    if not outputs:
        return
    dated_by = [*built.sources, *([config.path] if config.path else [])]
    kept = [d for d in documents_of(built.tei_dir) if d not in (leave_out or set())]
    documents = render.expand([*kept, *sorted(built.tei_dir.glob(REGISTRY))])
    known = load_json(built.root, RENDERED)
    contents = "\n".join(f"{doc.name}\0{digest(doc.read_bytes())}" for doc in documents)  # once for every format
    for target in outputs:
        renderer_class = render.get(target)
        params = {k: v for k, v in config.render.items() if k in renderer_class.settable}
        out_dir = built.root / "build" / target
        for folder in (out_dir, out_dir / "assets", out_dir / "assets" / "search"):  # the website's search shards
            remove_leftovers(folder)
        key = _render_key(target, params, contents, dated_by)
        base = _render_key(target, params, "", dated_by)  # the toolchain, the parameters, the date
        last = known.get(target)
        if (
            isinstance(last, dict)
            and last.get("key") == key
            and all((out_dir / name).is_file() for name in last.get("files", []))
        ):
            done = Rendered(target, out_dir, 0, 0.0, [], unchanged=True)
            built.rendered.append(done)
            if rendered:
                rendered(done)
            continue
        if starting:
            starting(target)
        renderer = renderer_class(params, dated_by)
        if isinstance(last, dict) and last.get("base") == base:
            renderer.made = dict(last.get("pages", {}))
        if hasattr(renderer, "cache"):  # what the renderer keeps between builds: a folder for this base
            renderer.cache = _render_cache(built.root, target, base)
            renderer.jobs = jobs
        result = renderer.render(documents, out_dir)
        files = sorted(_under(out_dir, Path(p)) for p in result.written)
        if target == "html":  # build/ is the edition's own: pages of documents no longer in it are removed
            written = set(files)
            for page in out_dir.glob("*.html"):
                if _under(out_dir, page) not in written:
                    page.unlink()
        done = Rendered(
            target,
            out_dir,
            len(result.written) - result.unchanged,
            result.seconds,
            list(result.warnings),
            kept=result.unchanged,
        )
        known[target] = {"key": key, "base": base, "files": files, "pages": result.keys}
        save_json(built.root, RENDERED, known)
        built.rendered.append(done)
        if rendered:
            rendered(done)
