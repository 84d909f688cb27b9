"""The read stage for one document and for many: bytes -> text -> reader -> TEI, in parallel over documents.

A document that cannot be read gives a diagnostic naming its file, never an exception that stops the
batch: bad input is an `InputError` with its line; anything else a reader raises is reported as an
internal error (`--debug` adds the traceback).
"""

from __future__ import annotations

import gc
import io
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import encode, readers, workers
from .errors import Diagnostic, EditionError, InputError
from .link.registry import NAME as REGISTRY_NAME
from .link.registry import Registry, header_of
from .readers.conventions import Conventions
from .source.decode import decode, decode_file
from .source.text import Text
from .tei import write_atomic


@dataclass
class Converted:
    source: str
    output: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tei: bytes | None = None  # the document, when it is not written yet (it goes to the registry first)


@dataclass(frozen=True)
class Options:
    """How the documents of one run are read."""

    conventions: Conventions
    format: str | None = None
    encoding: str | None = None
    debug: bool = False
    strict: bool = False  # a warning is an error: the document is not written
    formats: tuple[tuple[Path, str], ...] = ()  # the reader of some sources (an edition's [formats])
    per_source: tuple[tuple[Path, Conventions], ...] = ()  # the conventions of some sources ([[sources]])


def convert_text(
    data: bytes, source: Path, conventions: Conventions, *, format: str | None = None, encoding: str | None = None
) -> tuple[bytes, list[Diagnostic]]:
    """One transcript's bytes to canonical TEI bytes; raises InputError on bad input."""
    parts, diagnostics = convert_parts(data, source, conventions, format=format, encoding=encoding)
    return b"".join(parts), diagnostics


def convert_parts(
    data: bytes | str | Text,
    source: Path,
    conventions: Conventions,
    *,
    format: str | None = None,
    encoding: str | None = None,
    diagnostics: list[Diagnostic] | None = None,
) -> tuple[Iterator[bytes], list[Diagnostic]]:
    """`convert_text`, its TEI given in parts (`encode.parts`): a file is written part by part, a long
    transcript's model and tree never all in memory. `data` is the file's bytes, or its text decoded
    (`decode_file`, with its `diagnostics`). The text is read and encoded here (its TEI waits in a spool):
    InputError is raised here, and the diagnostics are complete, before the first part is given."""
    diagnostics = [] if diagnostics is None else diagnostics
    text = decode(data, source, diagnostics, encoding) if isinstance(data, bytes) else data
    del data  # a long file's bytes are not kept while its text is read, nor its text while it is written
    doc = readers.read(text, source=source, conventions=conventions, diagnostics=diagnostics, format=format)
    del text
    return encode.parts(doc), diagnostics


def output_path(source: Path, out_dir: Path) -> Path:
    """Where a source's TEI goes: its name with `.xml`; never a file the edition writes itself (a transcript
    named `persons.txt` becomes `persons-transcript.xml`, beside the registry `persons.xml`)."""
    name = source.stem + ".xml"
    return out_dir / (source.stem + "-transcript.xml" if name == REGISTRY_NAME else name)


def convert_file(
    source: Path, out_dir: Path, options: Options, write: bool = True, target: Path | None = None
) -> Converted:
    """Read one transcript; write its TEI into `out_dir`, or to `target` (or keep it in the result,
    `write=False`)."""
    target = target or output_path(source, out_dir)
    diagnostics: list[Diagnostic] = []
    try:
        reader = options.format or next((r for path, r in options.formats if path == source), None)
        conventions = next((c for path, c in options.per_source if path == source), options.conventions)
        with _uncollected():  # a long file's text waits in a file (`decode_file`), not in memory
            text = _read(source, diagnostics, options.encoding)
            parts, diagnostics = convert_parts(text, source, conventions, format=reader, diagnostics=diagnostics)
            del text
            if not write:
                tei = b"".join(parts)
            elif not _refused(options, diagnostics):
                write_atomic(target, parts)  # the encoder does no I/O: an OSError is the write's
    except _Unreadable as exc:
        return Converted(str(source), None, [Diagnostic("error", "io", str(source), 0, 0, str(exc))])
    except InputError as exc:
        return Converted(str(source), None, [exc.diagnostic])
    except EditionError as exc:
        return Converted(str(source), None, [Diagnostic("error", "input", str(source), 1, 0, str(exc))])
    except OSError as exc:  # a name too long for the file system, a full disk, a folder not writable
        said = f"cannot write {target}: {exc.strerror or exc}"
        return Converted(str(source), None, [*diagnostics, Diagnostic("error", "io", str(source), 0, 0, said)])
    except Exception as exc:  # a reader's bug must not stop the batch: report it against the file
        message = f"internal error while reading: {type(exc).__name__}: {exc}"
        if options.debug:
            message += "\n" + traceback.format_exc().rstrip()
        else:
            message += " (run with --debug for the traceback)"
        return Converted(str(source), None, [Diagnostic("error", "internal", str(source), 1, 0, message)])
    if _refused(options, diagnostics):
        strict = [replace(d, severity="error") if d.severity == "warning" else d for d in diagnostics]
        return Converted(str(source), None, strict)
    if target.name != source.stem + ".xml" and target == output_path(source, out_dir):
        message = f"written as {target.name}: {source.stem}.xml is a file of the edition's own"
        diagnostics.append(Diagnostic("warning", "output-name", str(source), 1, 0, message))
    if not write:
        return Converted(str(source), str(target), diagnostics, tei)
    return Converted(str(source), str(target), diagnostics)


class _Unreadable(Exception):
    """A source that cannot be read (not a file the convert writes): its reason."""


def _read(source: Path, diagnostics: list[Diagnostic], encoding: str | None) -> str | Text:
    """The decoded text of a source (a long one a piece at a time, `decode_file`)."""
    try:
        return decode_file(source, diagnostics, encoding)
    except OSError as exc:
        raise _Unreadable(exc.strerror or str(exc)) from exc


def _refused(options: Options, diagnostics: list[Diagnostic]) -> bool:
    """Whether `--strict` refuses the document: it has a warning."""
    return options.strict and any(d.severity == "warning" for d in diagnostics)


# The options of the run, given once to each worker process (its conventions compile once there).
_OPTIONS: Options | None = None


def _init_worker(options: Options) -> None:
    global _OPTIONS
    _OPTIONS = options


@contextmanager
def _uncollected() -> Iterator[None]:
    """The cyclic garbage collector off while one document is read, on again after: what a reader makes lives
    as long as the document (its blocks, spans, elements), and each full collection walks all of it again (a
    20 MB transcript spent 9 % of its time collecting, more the longer the text; its peak memory the same
    without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _job(args: tuple[Path, Path, bool, Path | None]) -> Converted:
    assert _OPTIONS is not None
    return convert_file(args[0], args[1], _OPTIONS, args[2], args[3])


def convert_many(
    sources: Iterable[Path],
    out_dir: Path,
    options: Options,
    *,
    jobs: int | None = None,
    progress: Callable[[Converted], None] | None = None,
    registry: Registry | None = None,
    targets: dict[Path, Path] | None = None,
) -> list[Converted]:
    """Convert every source; a bad one does not stop the others. Results keep the sources' order.

    With a `registry`, the documents' persons are linked to it once all are read (see `_link`), and each
    document is written then; the caller writes the registry. `targets` writes some sources elsewhere than
    their own name (beside a TEI file edited by hand)."""
    targets_given = targets or {}
    sources = list(sources)
    written_by: dict[Path, Path] = {}
    for s in sources:
        target = targets_given.get(s) or output_path(s, out_dir)
        if target in written_by:
            raise EditionError(f"{s} and {written_by[target]} would both be written to {target}")
        written_by[target] = s
    jobs = min(len(sources), workers.count(jobs))
    work = [(s, out_dir, registry is None, targets_given.get(s)) for s in sources]
    results: list[Converted] = []
    with tempfile.TemporaryDirectory(prefix="edition-convert-") as folder:
        held = _Held(registry, Path(folder)) if registry is not None else None

        def done(result: Converted) -> None:
            results.append(result)
            if held is not None:
                held.add(result)
            if progress:
                progress(result)

        if workers.cluster() is None and (jobs <= 1 or len(sources) < 8):
            _init_worker(options)
            for item in work:
                done(_job(item))
        elif work:
            # small chunks: the workers finish together (a chunk of 25 documents left one idle for its last 0.2 s)
            chunksize = max(1, min(4, len(work) // (jobs * 8)))
            if workers.cluster() is None:  # the cluster's workers load their own
                _warm()
            with workers.pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
                for result in pool.map(_job, work, chunksize=chunksize):
                    done(result)
        if held is not None:
            _link(held)
    return results


def _warm() -> None:
    """Import the readers once, here: the forked workers inherit them instead of each importing them."""
    from .readers import registry  # noqa: F401


class _Held:
    """The documents converted, until they are linked (`_link`): the persons each names with given names or
    initials entered in the registry as it comes, in the sources' order; its TEI kept in a file of a
    temporary folder, not in memory (the TEI of 100,000 documents is 2 GB)."""

    def __init__(self, registry: Registry, folder: Path) -> None:
        self.registry, self.folder = registry, folder
        self.documents: list[tuple[Converted, Path | None]] = []

    def add(self, result: Converted) -> None:
        if result.tei is None or result.output is None:
            return
        self.registry.enter_named(header_of(io.BytesIO(result.tei))[0])
        path: Path | None = self.folder / f"{len(self.documents)}.xml"
        try:
            path.write_bytes(result.tei)
            result.tei = None
        except OSError:  # no room in the temporary folder: it stays in memory
            path = None
        self.documents.append((result, path))


def _link(held: _Held) -> None:
    """Link the documents' persons to the registry and write the documents, in the sources' order (ids do
    not depend on timing). The persons a document names with given names or initials were entered first,
    for all documents (`_Held`); only now is a bare surname linked, to the one entry it can be: the registry
    after a batch is the same whether it began empty or held the same documents' persons (a rebuild adds
    nothing), and a bare "Kennedy" in an edition with two Kennedys stays unlinked, said, never guessed."""
    registry = held.registry
    for result, path in held.documents:  # each document's header read twice, its text once: memory stays flat
        assert result.output is not None
        try:
            with path.open("rb") if path is not None else io.BytesIO(result.tei or b"") as file:
                parts, said = registry.linked(file, result.output)
                result.diagnostics.extend(said)
                write_atomic(Path(result.output), parts)
        except OSError as exc:
            message = f"cannot write {result.output}: {exc.strerror or exc}"
            result.diagnostics.append(Diagnostic("error", "io", result.source, 0, 0, message))
            result.output = None
        result.tei = None  # written: let go
