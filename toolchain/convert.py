"""Transcripts to TEI files: decode, read, check, write atomically; in parallel over documents."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import readers
from .errors import Diagnostic, EditionError, InputError
from .readers.conventions import Conventions
from .registry import Registry
from .source.decode import decode
from .tei import parse, serialise


@dataclass
class Converted:
    source: str
    output: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tei: bytes | None = None  # the document, when it is not written yet (it goes to the registry first)


def convert_text(
    data: bytes, source: Path, conventions: Conventions, *, format: str | None = None, encoding: str | None = None
) -> tuple[bytes, list[Diagnostic]]:
    """One transcript's bytes to canonical TEI bytes; raises InputError on bad input."""
    diagnostics: list[Diagnostic] = []
    text = decode(data, source, diagnostics, encoding)
    tree = readers.read(text, source=source, conventions=conventions, diagnostics=diagnostics, format=format)
    return serialise(tree.getroot()), diagnostics


def output_path(source: Path, out_dir: Path) -> Path:
    return out_dir / (source.stem + ".xml")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder: a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # as an ordinary new file would be (mkstemp makes it private)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def convert_file(
    source: Path,
    out_dir: Path,
    conventions: Conventions,
    format: str | None = None,
    encoding: str | None = None,
    write: bool = True,
) -> Converted:
    target = output_path(source, out_dir)
    try:
        data = source.read_bytes()
    except OSError as exc:
        return Converted(str(source), None, [Diagnostic("error", "io", str(source), 0, 0, exc.strerror or str(exc))])
    try:
        tei, diagnostics = convert_text(data, source, conventions, format=format, encoding=encoding)
    except InputError as exc:
        return Converted(str(source), None, [exc.diagnostic])
    except EditionError as exc:
        return Converted(str(source), None, [Diagnostic("error", "input", str(source), 1, 0, str(exc))])
    if not write:
        return Converted(str(source), str(target), diagnostics, tei)
    write_atomic(target, tei)
    return Converted(str(source), str(target), diagnostics)


def _job(args: tuple) -> Converted:
    return convert_file(*args)


def convert_many(
    sources: Iterable[Path],
    out_dir: Path,
    conventions: Conventions,
    *,
    format: str | None = None,
    encoding: str | None = None,
    jobs: int | None = None,
    progress: Callable[[Converted], None] | None = None,
    registry: Registry | None = None,
) -> list[Converted]:
    """Convert every source; a bad one does not stop the others. Results keep the sources' order.

    With a `registry`, each document's persons are linked to it (in the sources' order, so ids do not
    depend on timing) before the document is written; the caller writes the registry."""
    sources = list(sources)
    stems: dict[str, Path] = {}
    for s in sources:
        if s.stem in stems:
            raise EditionError(f"{s} and {stems[s.stem]} would both be written to {output_path(s, out_dir)}")
        stems[s.stem] = s
    jobs = jobs or min(len(sources), os.cpu_count() or 1)
    work = [(s, out_dir, conventions, format, encoding, registry is None) for s in sources]
    results: list[Converted] = []

    def done(result: Converted) -> None:
        if registry is not None and result.tei is not None:
            doc = parse(result.tei)
            registry.link(doc)
            write_atomic(Path(result.output), serialise(doc.getroot()))
            result.tei = None
        results.append(result)
        if progress:
            progress(result)

    if jobs <= 1 or len(sources) < 8:
        for item in work:
            done(_job(item))
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(_job, work, chunksize=max(1, len(work) // (jobs * 8))):
            done(result)
    return results
