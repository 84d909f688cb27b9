"""The state of an edition, kept beside it in `.edition/state.json` (not in `tei/`): for every transcript,
the hash of its bytes and the hash of the TEI as it was converted, with a stamp of the toolchain and the
conventions that converted it.

From it `build` knows, for each transcript, what to do (`plan`):
- a TEI file whose content is not what was converted has been edited by hand: it is never overwritten.
  While its transcript is unchanged it is the edition's text as it stands; when the transcript changed
  too, the hand edits are carried over into the new conversion (`merge`: three-way, against the TEI as
  last converted, kept in `.edition/converted/`); what cannot be merged leaves the hand-edited file as
  it is, the new conversion beside it (`NAME.converted.xml`), and a warning names the conflicts;
- a transcript whose bytes, TEI and stamp are all as recorded is not converted again; what its
  conversion said (warnings) is told again, and `--strict` converts it again, to refuse it as a first
  strict build would;
- a transcript that is gone takes its TEI with it, unless the TEI was edited by hand (then it stays, a
  document without a transcript).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .tei import write_atomic

FILE = Path(".edition") / "state.json"
BASES = Path(".edition") / "converted"  # each TEI file as last converted: the base of a three-way merge
BESIDE = ".converted.xml"  # the suffix of a new conversion written beside a hand-edited TEI file


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp(conventions: object, formats: object) -> str:
    """What a conversion depends on besides the transcript: the toolchain's code and version, the
    conventions and the readers given in [formats]. A new stamp converts every transcript again."""
    code = _files_digest((_PACKAGE,), (".py",))
    return hashlib.sha256(f"{code}\n{conventions!r}\n{formats!r}".encode()).hexdigest()[:24]


_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def _files_digest(folders: tuple[Path, ...], suffixes: tuple[str, ...]) -> str:
    """The toolchain's version and the files of `folders` with these suffixes, names and bytes."""
    h = hashlib.sha256(__version__.encode())
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and path.suffix in suffixes:
                h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def save_base(root: Path, tei: Path, data: bytes) -> None:
    """Keep the TEI as converted, to merge hand edits into its next conversion."""
    write_atomic(root / BASES / tei.name, data)


def load_base(root: Path, tei: Path, expected: str) -> bytes | None:
    """The TEI as last converted, if it is the one the state records (its hash `expected`)."""
    try:
        data = (root / BASES / tei.name).read_bytes()
    except OSError:
        return None
    return data if digest(data) == expected else None


@dataclass
class Entry:
    source: str  # hash of the transcript's bytes
    tei: str  # hash of the TEI as converted
    # what its conversion said (Diagnostic fields): told again while the transcript stands unchanged
    said: list[list] = field(default_factory=list)


@dataclass
class State:
    stamp: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)  # transcript (relative to the root) -> entry

    @classmethod
    def load(cls, root: Path) -> State:
        try:
            data = json.loads((root / FILE).read_text(encoding="utf-8"))
            entries = {
                k: Entry(v["source"], v["tei"], [list(d) for d in v.get("said", [])])
                for k, v in data.get("sources", {}).items()
            }
            return cls(str(data.get("stamp", "")), entries)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, root: Path) -> None:
        data = {
            "version": 1,
            "stamp": self.stamp,
            "sources": {
                k: {"source": e.source, "tei": e.tei, **({"said": e.said} if e.said else {})}
                for k, e in sorted(self.entries.items())
            },
        }
        write_atomic(root / FILE, (json.dumps(data, indent=1) + "\n").encode("utf-8"))


@dataclass
class Plan:
    """What a build does with each transcript (paths relative to nothing: as given)."""

    convert: list[Path] = field(default_factory=list)  # new or changed, or converted with another stamp
    unchanged: list[Path] = field(default_factory=list)  # transcript, TEI and stamp as recorded
    kept: list[Path] = field(default_factory=list)  # TEI edited by hand, transcript unchanged: the TEI stands
    beside: dict[Path, Path] = field(default_factory=dict)  # hand-edited TEI, transcript changed -> where to write
    removed: list[Path] = field(default_factory=list)  # TEI files whose transcript is gone: removed
    orphans: list[Path] = field(default_factory=list)  # hand-edited TEI whose transcript is gone: kept
    gone: list[str] = field(default_factory=list)  # the transcripts the state knows that are gone
    hashes: dict[Path, str] = field(default_factory=dict)  # transcript -> hash of its bytes
    reasons: dict[Path, str] = field(default_factory=dict)  # transcript -> why it is converted


def plan(root: Path, files: list[Path], tei_of: dict[Path, Path], state: State, now: str) -> Plan:
    """Decide, for every transcript of `files` (each with its TEI path in `tei_of`), and for the
    transcripts the state knows that are gone."""
    out = Plan()
    for source in files:
        key = key_of(root, source)
        out.hashes[source] = digest(source.read_bytes())
        entry = state.entries.get(key)
        tei = tei_of[source]
        current = digest(tei.read_bytes()) if tei.is_file() else None
        edited = current is not None and (entry is None or current != entry.tei)
        same_source = entry is not None and entry.source == out.hashes[source]
        if edited and same_source:
            out.kept.append(source)
        elif edited:  # or a TEI file the state does not know: `build` compares the new conversion with it
            out.beside[source] = tei.with_name(tei.stem + BESIDE)
            out.convert.append(source)
            out.reasons[source] = (
                "its TEI was edited by hand and the transcript changed" if entry else "its TEI is not in the state"
            )
        elif same_source and current is not None and state.stamp == now:
            out.unchanged.append(source)
        else:
            out.convert.append(source)
            out.reasons[source] = (
                "new"
                if entry is None
                else "changed"
                if not same_source
                else "its TEI is missing"
                if current is None
                else "the toolchain or the conventions changed"
            )
    given = {key_of(root, f) for f in files}
    for key, entry in sorted(state.entries.items()):
        if key in given:
            continue
        out.gone.append(key)
        tei = _tei_path(root, key, tei_of)
        if tei is None or not tei.is_file():
            continue
        (out.removed if digest(tei.read_bytes()) == entry.tei else out.orphans).append(tei)
    return out


@functools.lru_cache(maxsize=1 << 16)
def key_of(root: Path, source: Path) -> str:
    """How the state names a transcript: its path under the edition's root."""
    try:
        return source.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return source.resolve().as_posix()


def _tei_path(root: Path, key: str, tei_of: dict[Path, Path]) -> Path | None:
    """The TEI path of a transcript that is gone: where it was written, in the folder of the others' TEI."""
    from .convert import output_path

    folder = next(iter(tei_of.values())).parent if tei_of else root / "tei"
    return output_path(Path(key), folder)


# --- what was checked and rendered ------------------------------------------------------------------

CHECKED = Path(".edition") / "checked.json"
RENDERED = Path(".edition") / "rendered.json"
RENDER_CACHE = Path(".edition") / "render"  # what renderers keep between builds (digests of documents)
POINTED = re.compile(rb"""["' ]([^"'\s/#<>:]+\.xml)#""")  # a sibling file a pointer names: persons.xml#id


def toolchain_stamp() -> str:
    """The toolchain's code, version, schemas and stylesheets: what checking and rendering depend on
    besides the TEI."""
    from .render.xslt import xslt_dir
    from .validate import schema_dir

    suffixes = (".py", ".xsd", ".sch", ".rng", ".xsl", ".css", ".js", ".typ")
    return _files_digest((_PACKAGE, schema_dir(), xslt_dir()), suffixes)[:24]


def check_key(path: Path, data: bytes, stamp_: str, digests: dict[Path, str]) -> tuple[str, list[str]]:
    """What a TEI file's check depends on (its bytes, the sibling files its pointers name, the
    toolchain), and the names of those sibling files."""
    h = hashlib.sha256(stamp_.encode() + data)
    names = sorted(set(POINTED.findall(data)))
    for name in names:
        sibling = path.parent / name.decode("utf-8", "replace")
        if sibling not in digests:
            try:
                digests[sibling] = digest(sibling.read_bytes())
            except OSError:
                digests[sibling] = "-"
        h.update(name + digests[sibling].encode())
    return h.hexdigest(), [n.decode("utf-8", "replace") for n in names]


def load_json(root: Path, name: Path) -> dict:
    try:
        data = json.loads((root / name).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_json(root: Path, name: Path, data: dict) -> None:
    write_atomic(root / name, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8"))
