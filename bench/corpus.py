"""How well the readers read real input: the corpus of real files beside the project, against its gold answers.

    .venv/bin/python bench/corpus.py ../shared/corpus [--json OUT] [--keep DIR]

Converts every `.txt` file that DIR/gold.json lists, with the reader sniffed (one `edition convert --no-registry`
for all of them), and measures, per genre (the gold `genre`) and in all:

- converted: the TEI file was written;
- right reader: the reader inferred from the TEI (`reader_of`) is the gold genre;
- valid: against the official tei_all schema (jing) and `edition validate` (XSD and Schematron), both and each;
- title right, date right: the header's main title and creation date against the gold ones;
- listing records right: the number of records of a catalogue;
- turn count within 5 %: the number of `sp` of a transcript;
- named turns right: turns whose speaker label the gold resolves to a person, pointing (@who) to a person of
  the document's particDesc of that name;
- lossless: the words of the source come back, in order, from `edition export --to text` (coverage >= 0.999),
  the lines the converter said it dropped (page chrome) set aside.

A file that was not converted counts as wrong on every measure it is judged on. The CLI is run as a subprocess:
`edition` beside the interpreter, else .venv/bin/edition, else `python -m toolchain.cli`; the environment variable
EDITION_CLI (a command line) overrides it. Prints a table, the failures per file and the convert errors; exit 0.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
TEI_ALL = ROOT.parent / "shared" / "tei-p5" / "tei_all.rng"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

GENRES = ("document", "listing", "bilingual", "transcript")
# measure key -> row label of the table
MEASURES = {
    "converted": "converted",
    "reader": "right reader",
    "valid": "valid (both)",
    "tei_all": "  valid tei_all",
    "edition_valid": "  valid edition",
    "title": "title right",
    "date": "date right",
    "listing_records": "listing records right",
    "turns": "turn count within 5 %",
    "named_turns": "named turns right",
    "lossless": "lossless",
}
LOSSLESS = 0.999

DIAGNOSTIC = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<severity>error|warning|info|fatal): "
    r"(?P<message>.*?)(?: \[(?P<rule>[^\]\s]+)\])?$"
)
JING_LINE = re.compile(r"^(?P<path>.+?):(?:(?P<line>\d+):(?:\d+:)?)? ?(?P<severity>error|fatal): (?P<message>.*)$")
SUMMARY = re.compile(r"^\d+ converted, \d+ failed$")
WORD = re.compile(r"\w+")
QUOTES = "'’‘\"“”«»„‚‹›ʼ`"
DASHES = re.compile(r"[‐‑‒–—―−]")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "mme", "mlle", "gen", "comrade", "prof", "hon"}


@dataclass
class FileResult:
    """One source file: what was measured (measure -> (right, total)) and what was found, for the report."""

    path: str
    genre: str
    checks: dict[str, tuple[int, int]] = field(default_factory=dict)
    found: dict[str, object] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    diagnostics: list[dict] = field(default_factory=list)


# --- the CLI ------------------------------------------------------------------------------


def edition_command() -> list[str]:
    """How to run the edition CLI."""
    if override := os.environ.get("EDITION_CLI"):
        return shlex.split(override)
    for exe in (Path(sys.executable).parent / "edition", ROOT / ".venv" / "bin" / "edition"):
        if exe.is_file():
            return [str(exe)]
    return [sys.executable, "-m", "toolchain.cli"]


def parse_diagnostics(stderr: str) -> list[dict]:
    """The `path:line: severity: message [rule]` lines of a run."""
    out = []
    for line in stderr.splitlines():
        if m := DIAGNOSTIC.match(line):
            d = m.groupdict()
            out.append({**d, "line": int(d["line"]), "rule": d["rule"] or ""})
    return out


def batches(sources: list[str]) -> list[list[str]]:
    """Sources split so that no two of a batch write the same OUTDIR/<stem>.xml."""
    out: list[list[str]] = []
    for src in sources:
        stem = Path(src).stem
        for batch in out:
            if all(Path(s).stem != stem for s in batch):
                batch.append(src)
                break
        else:
            out.append([src])
    return out


def convert(corpus: Path, sources: list[str], out: Path) -> tuple[dict[str, Path], dict[str, list[dict]], list[str]]:
    """Convert the sources (paths relative to the corpus) into out/: the TEI written per source, the diagnostics
    per source, and what the runs said that is not a diagnostic (a crash)."""
    written: dict[str, Path] = {}
    diagnostics: dict[str, list[dict]] = {s: [] for s in sources}
    other: list[str] = []
    groups = batches(sources)
    for i, batch in enumerate(groups):
        folder = out if len(groups) == 1 else out / f"batch-{i}"
        folder.mkdir(parents=True, exist_ok=True)
        for src in batch:
            (folder / f"{Path(src).stem}.xml").unlink(missing_ok=True)
        cmd = [*edition_command(), "convert", *batch, "-o", str(folder.resolve()), "--no-registry"]
        proc = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
        for d in parse_diagnostics(proc.stderr):
            source = (corpus / d["path"]).resolve()  # the path as given (relative to the corpus) or absolute
            key = source.relative_to(corpus).as_posix() if source.is_relative_to(corpus) else d["path"]
            diagnostics.setdefault(key, []).append(d)
        rest = [line for line in proc.stderr.splitlines() if not DIAGNOSTIC.match(line) and not SUMMARY.match(line)]
        if rest:
            other.append(f"edition convert exited {proc.returncode}: " + " | ".join(rest[-3:]))
        for src in batch:
            if (folder / f"{Path(src).stem}.xml").is_file():
                written[src] = folder / f"{Path(src).stem}.xml"
    return written, diagnostics, other


def run_jing(files: list[Path], schema: Path) -> dict[Path, list[str]]:
    """tei_all errors per file, from one jing run over all of them."""
    exe = shutil.which("jing")
    if not exe:
        raise RuntimeError("jing is not installed (Debian package jing; ./run.sh installs it)")
    if not schema.is_file():
        raise RuntimeError(f"the official TEI schema is not at {schema}")
    errors: dict[Path, list[str]] = {f.resolve(): [] for f in files}
    if not files:
        return errors
    proc = subprocess.run([exe, str(schema), *map(str, files)], capture_output=True, text=True)
    for line in (proc.stdout + proc.stderr).splitlines():
        m = JING_LINE.match(line)
        if m and Path(m["path"]).resolve() in errors:
            errors[Path(m["path"]).resolve()].append(f"{m['line'] or '?'}: {m['message']}")
        elif proc.returncode and m:
            for e in errors.values():  # an error of the schema itself, or unattributable: every file fails
                e.append(line)
    return errors


def run_validate(files: list[Path]) -> dict[Path, list[str]]:
    """`edition validate` errors per file, from one run over all of them."""
    errors: dict[Path, list[str]] = {f.resolve(): [] for f in files}
    if not files:
        return errors
    proc = subprocess.run(
        [*edition_command(), "validate", "--format", "json", *map(str, files)], capture_output=True, text=True
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        why = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {f: [f"edition validate gave no JSON (exit {proc.returncode}): {why}"] for f in errors}
    valid = {Path(p).resolve() for p in report.get("valid", [])}
    for d in report.get("diagnostics", []):
        where = Path(d.get("path", "")).resolve()
        if d.get("severity") == "error" and where in errors:
            errors[where].append(f"{d.get('line')}: {d.get('message')} [{d.get('rule')}]")
    for f, errs in errors.items():
        if f not in valid and not errs:
            errs.append("not listed as valid")
    return errors


def export_text(tei: Path) -> tuple[str | None, str]:
    """The transcript text `edition export --to text` gives back (None when it fails), and why it failed."""
    proc = subprocess.run([*edition_command(), "export", "--to", "text", str(tei)], capture_output=True, text=True)
    if proc.returncode == 0:
        return proc.stdout, ""
    return None, (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]


# --- facts of a TEI file -------------------------------------------------------------------


def reader_of(tree: etree._ElementTree) -> str:
    """Which reader wrote this TEI: the converter's own record if it left one, else what the structure says."""
    named = tree.xpath("//tei:encodingDesc/tei:appInfo/tei:application[@ident='edition']/@n", namespaces=NS)
    if named and named[0].strip():
        return named[0].strip()
    if tree.xpath("/tei:TEI/tei:text[@type='catalogue']", namespaces=NS):
        return "listing"
    if tree.xpath("//tei:div[@type='transcript']", namespaces=NS):
        return "transcript"
    if tree.xpath("//tei:body[.//tei:div[@type='original'] and .//tei:div[@type='translation']]", namespaces=NS):
        return "bilingual"
    return "document"


def text_of(node: etree._Element) -> str:
    """The text of an element without its notes, whitespace collapsed."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            if child.tag != f"{TEI}note":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return " ".join("".join(parts).split())


def title_of(tree: etree._ElementTree) -> str | None:
    stmt = "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt"
    titles = tree.xpath(f"{stmt}/tei:title[@type='main']", namespaces=NS) or tree.xpath(
        f"{stmt}/tei:title", namespaces=NS
    )
    return text_of(titles[0]) if titles else None


def creation_date(tree: etree._ElementTree) -> tuple[str | None, str | None]:
    """The creation date's @when, and its value (@when, else @from, else @notBefore)."""
    for date in tree.xpath("/tei:TEI/tei:teiHeader/tei:profileDesc/tei:creation/tei:date", namespaces=NS):
        value = date.get("when") or date.get("from") or date.get("notBefore")
        if value:
            return date.get("when"), value
    return None, None


def normalise_title(title: str) -> str:
    """A title compared as a reader would: case, quotation marks, dashes and outer punctuation aside."""
    s = unicodedata.normalize("NFKC", title).casefold()
    s = s.translate({ord(q): None for q in QUOTES})
    s = DASHES.sub("-", s)
    s = re.sub(r"(?<!\w)[^\w\s]+|[^\w\s]+(?!\w)", " ", s)
    return " ".join(s.split())


def date_right(gold: str | None, when: str | None, value: str | None) -> bool:
    """Gold null: no @when. Else the TEI value, cut to the gold's length, is the gold value."""
    if gold is None:
        return when is None
    return value is not None and len(value) >= len(gold) and value[: len(gold)] == gold


def listing_records(tree: etree._ElementTree) -> int:
    return len(tree.xpath("//tei:listBibl[@type='catalogue']/tei:bibl", namespaces=NS))


def turns_right(found: int, gold: int) -> bool:
    return abs(found - gold) <= 0.05 * gold


# --- named turns ---------------------------------------------------------------------------


def normalise_label(label: str) -> str:
    """A speaker label without its trailing colon or period and its surrounding quotation marks."""
    s, previous = " ".join(label.split()), None
    while s != previous:
        previous = s
        s = s.strip().strip(QUOTES).rstrip(":.").strip()
    return s


def name_key(word: str) -> str:
    """A name compared case- and accent-insensitively, letters only."""
    s = unicodedata.normalize("NFD", word)
    return "".join(c for c in s if unicodedata.category(c) != "Mn" and c.isalnum()).casefold()


def initials(forenames: Iterable[str]) -> str:
    parts = [p for f in forenames for p in re.split(r"[.\s]+", f) if name_key(p)]
    return "".join(name_key(p)[0] for p in parts if name_key(p) not in HONORIFICS)


def is_initials(word: str) -> bool:
    return bool(re.fullmatch(r"(?:\w\.)+|\w", word))


def split_name(text: str) -> tuple[str, list[str]]:
    """(surname, forenames) of a name written out: the last word that is not an initial is the surname."""
    words = [w for w in text.split() if name_key(w) and name_key(w) not in HONORIFICS]
    if not words:
        return "", []
    full = [i for i, w in enumerate(words) if not is_initials(w)]
    last = full[-1] if full else len(words) - 1
    return name_key(words[last]), words[:last] + words[last + 1 :]


def names_of(person: etree._Element) -> list[tuple[str, list[str]]]:
    """(surname, forenames) of each persName (or name) of a person or personGrp."""
    out = []
    for pn in person.xpath(".//tei:persName | ./tei:name", namespaces=NS):
        surnames = pn.xpath(".//tei:surname", namespaces=NS)
        if surnames:
            surname = name_key(" ".join(text_of(s) for s in surnames))
            out.append((surname, [text_of(f) for f in pn.xpath(".//tei:forename", namespaces=NS)]))
        else:
            out.append(split_name(text_of(pn)))
    return out


def same_person(gold_name: str, person: etree._Element) -> bool:
    """Same surname (last word of the gold name) and compatible initials of the given names."""
    words = [w for w in gold_name.split() if name_key(w) not in HONORIFICS]
    if not words:
        return False
    surname, given = name_key(words[-1]), initials(words[:-1])
    for tei_surname, tei_forenames in names_of(person):
        tei_given = initials(tei_forenames)
        if tei_surname == surname and (given.startswith(tei_given) or tei_given.startswith(given)):
            return True
    return False


def named_turns(tree: etree._ElementTree, labels: dict, counts: dict | None) -> tuple[int, int, list[str]]:
    """(right, total, what went wrong) over the turns whose label the gold resolves to a person."""
    gold = {normalise_label(k): (k, v) for k, v in labels.items() if v}
    persons = {
        p.get(XML_ID): p
        for p in tree.xpath("//tei:particDesc//tei:person | //tei:particDesc//tei:personGrp", namespaces=NS)
    }
    right = total = 0
    seen: set[str] = set()
    wrong: dict[str, str] = {}
    for sp in tree.xpath("//tei:sp", namespaces=NS):
        speaker = sp.find(f"{TEI}speaker")
        label = normalise_label(text_of(speaker)) if speaker is not None else ""
        if label not in gold:
            continue
        seen.add(label)
        total += 1
        refs = (sp.get("who") or "").split()
        targets = [persons.get(r.removeprefix("#")) for r in refs]
        if refs and all(t is not None and same_person(gold[label][1], t) for t in targets):
            right += 1
        else:
            wrong[label] = f"{label!r} -> {sp.get('who') or 'no @who'}"
    missed = []
    if counts is not None:
        for label, (key, _) in gold.items():
            if label not in seen and counts.get(key):
                total += counts[key]
                missed.append(f"{label!r} never a speaker")
    return right, total, [*wrong.values(), *missed]


def gold_labelled_turns(entry: dict, source: str) -> int:
    """How many turns the gold resolves to a person (for a file that was not converted)."""
    labels, counts = entry.get("labels") or {}, entry.get("label_counts")
    total = 0
    for key, name in labels.items():
        if not name:
            continue
        if counts is not None:
            total += counts.get(key) or 0
        else:
            label = re.escape(normalise_label(key))
            total += len(re.findall(rf"^\s*[{QUOTES}]?\s*{label}\s*[:.]", source, re.M))
    return total


# --- lossless ------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold()))


def dropped_lines(diagnostics: list[dict]) -> set[int]:
    """Lines the converter said it dropped (page chrome)."""
    return {
        d["line"]
        for d in diagnostics
        if d["severity"] == "warning" and ("chrome" in d["rule"] or "dropped" in d["message"])
    }


def coverage(source: str, exported: str, dropped: set[int]) -> float:
    """Share of the source's words found, in order, in the exported text."""
    lines = re.split(r"\r\n|\r|\n", source)
    kept = "\n".join(line for n, line in enumerate(lines, 1) if n not in dropped)
    src, back = tokens(kept), tokens(exported)
    if not src:
        return 1.0
    matcher = difflib.SequenceMatcher(None, src, back, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / len(src)


def read_source(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("windows-1251")


# --- one file ------------------------------------------------------------------------------


def short(text: str | None, n: int = 70) -> str:
    if text is None:
        return "None"
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def judge_unconverted(entry: dict, result: FileResult, source: str) -> None:
    """A file with no TEI is wrong on every measure it is judged on."""
    errors = [d["message"] for d in result.diagnostics if d["severity"] in ("error", "fatal")]
    result.failures.append("not converted" + (f" ({errors[0]})" if errors else ""))
    judged = ["converted", "reader", "valid", "tei_all", "edition_valid", "lossless"]
    judged += [key for key in ("title", "listing_records", "turns") if entry.get(key) is not None]
    judged += ["date"] if "date" in entry else []
    result.checks.update({key: (0, 1) for key in judged})
    if entry.get("labels"):
        result.checks["named_turns"] = (0, gold_labelled_turns(entry, source))


def judge_header(entry: dict, tree: etree._ElementTree) -> dict[str, tuple[bool, str]]:
    """Reader, title and date: measure -> (right, what is wrong)."""
    out = {}
    reader = reader_of(tree)
    out["reader"] = (reader == entry["genre"], f"reader={reader} (want {entry['genre']})")
    if entry.get("title") is not None:
        title = title_of(tree)
        ok = title is not None and normalise_title(title) == normalise_title(entry["title"])
        out["title"] = (ok, f"title wrong ({short(title)} vs {short(entry['title'])})")
    if "date" in entry:
        when, value = creation_date(tree)
        out["date"] = (date_right(entry["date"], when, value), f"date wrong ({value!r} vs {entry['date']!r})")
    return out


def judge_structure(entry: dict, tree: etree._ElementTree) -> dict[str, tuple[bool, str]]:
    """Listing records and turns: measure -> (right, what is wrong)."""
    out = {}
    if entry.get("listing_records") is not None:
        n, want = listing_records(tree), entry["listing_records"]
        out["listing_records"] = (n == want, f"records {n} (want {want})")
    if entry.get("turns") is not None:
        n, want = len(tree.xpath("//tei:sp", namespaces=NS)), entry["turns"]
        out["turns"] = (turns_right(n, want), f"turns {n} (want {want})")
    return out


def judge_validity(jing_errors: list[str], edition_errors: list[str]) -> dict[str, tuple[bool, str]]:
    """tei_all, edition validate, both: measure -> (right, what is wrong); only `valid` is reported."""
    first = (jing_errors or edition_errors or [""])[0][:100]
    wrong = f"invalid (tei_all {len(jing_errors)} errors, edition {len(edition_errors)}: {first})"
    return {
        "tei_all": (not jing_errors, wrong),
        "edition_valid": (not edition_errors, wrong),
        "valid": (not jing_errors and not edition_errors, wrong),
    }


def judge(
    entry: dict,
    result: FileResult,
    tree: etree._ElementTree,
    source: str,
    jing_errors: list[str],
    edition_errors: list[str],
    exported: tuple[str | None, str],
) -> None:
    """Fill in the checks of one converted file, and its failures."""
    result.checks["converted"] = (1, 1)
    verdicts = {**judge_header(entry, tree), **judge_validity(jing_errors, edition_errors)}
    verdicts.update(judge_structure(entry, tree))
    for key, (ok, wrong) in verdicts.items():
        result.checks[key] = (int(ok), 1)
        if not ok and key not in ("tei_all", "edition_valid"):
            result.failures.append(wrong)
    if entry.get("labels"):
        right, total, wrong = named_turns(tree, entry["labels"], entry.get("label_counts"))
        result.checks["named_turns"] = (right, total)
        if right < total:
            result.failures.append(f"named turns {right}/{total} ({'; '.join(wrong[:4])})")
    text, why = exported
    cov = coverage(source, text, dropped_lines(result.diagnostics)) if text is not None else 0.0
    result.found["coverage"] = round(cov, 4)
    result.checks["lossless"] = (int(cov >= LOSSLESS), 1)
    if cov < LOSSLESS:
        result.failures.append(f"export failed ({why[:100]})" if text is None else f"not lossless ({cov:.3f})")
    result.found.update(facts(tree))


def facts(tree: etree._ElementTree) -> dict[str, object]:
    """What the TEI says, for the JSON report."""
    _, value = creation_date(tree)
    return {
        "reader": reader_of(tree),
        "title": title_of(tree),
        "date": value,
        "listing_records": listing_records(tree),
        "turns": len(tree.xpath("//tei:sp", namespaces=NS)),
    }


# --- the corpus ----------------------------------------------------------------------------


def load_gold(corpus: Path) -> list[dict]:
    gold_file = corpus / "gold.json"
    if not gold_file.is_file():
        raise FileNotFoundError(f"no gold answers at {gold_file}")
    entries = json.loads(gold_file.read_text(encoding="utf-8"))
    return [e for e in entries if e["path"].endswith(".txt")]


def evaluate(corpus: Path, out: Path, schema: Path = TEI_ALL) -> tuple[list[FileResult], list[str]]:
    """Convert, validate, export and judge every file of the corpus; TEI written into out/.
    Returns the results per file and what the convert runs said beyond diagnostics."""
    corpus = corpus.resolve()
    entries = load_gold(corpus)
    sources = [e["path"] for e in entries]
    written, diagnostics, other = convert(corpus, sources, out)
    files = list(written.values())
    jing_errors = run_jing(files, schema)
    edition_errors = run_validate(files)
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        exported = dict(zip(files, pool.map(export_text, files), strict=True))
    results = []
    for entry in entries:
        src = entry["path"]
        result = FileResult(src, entry["genre"], diagnostics=diagnostics.get(src, []))
        source, tei = read_source(corpus / src), written.get(src)
        if tei is None:
            judge_unconverted(entry, result, source)
        else:
            key = tei.resolve()
            tree = etree.parse(str(tei))
            judge(entry, result, tree, source, jing_errors[key], edition_errors[key], exported[tei])
        results.append(result)
    return results, other


def totals(results: list[FileResult]) -> dict[str, dict[str, tuple[int, int]]]:
    """(right, total) of each measure, per genre and in all."""
    out = {g: {m: (0, 0) for m in MEASURES} for g in (*GENRES, "all")}
    for r in results:
        for group in {r.genre, "all"}:
            cells = out.setdefault(group, {m: (0, 0) for m in MEASURES})
            for m, (right, total) in r.checks.items():
                cells[m] = (cells[m][0] + right, cells[m][1] + total)
    return out


def measure(corpus: Path, schema: Path = TEI_ALL) -> dict[str, dict[str, tuple[int, int]]]:
    """Totals per genre and in all: for each measure (right, total)."""
    with tempfile.TemporaryDirectory(prefix="edition-corpus-") as tmp:
        results, _ = evaluate(corpus, Path(tmp), schema)
    return totals(results)


# --- the report ----------------------------------------------------------------------------


def cell(right: int, total: int) -> str:
    return "—" if total == 0 else f"{right}/{total} {100 * right / total:3.0f}%"


def table(sums: dict[str, dict[str, tuple[int, int]]]) -> str:
    columns = [*GENRES, "all"]
    width = max(12, *(len(cell(*sums[c][m])) for c in columns for m in MEASURES))
    lines = [f"{'':<24}" + "".join(f"{c:>{width + 2}}" for c in columns)]
    for m, label in MEASURES.items():
        lines.append(f"{label:<24}" + "".join(f"{cell(*sums[c][m]):>{width + 2}}" for c in columns))
    return "\n".join(lines)


def report(results: list[FileResult], other: list[str], seconds: float) -> str:
    parts = [table(totals(results)), "", "Failures per file:"]
    failing = [r for r in results if r.failures]
    parts += [f"  {r.path}: {', '.join(r.failures)}" for r in failing] or ["  none"]
    parts += ["", "Convert errors:"]
    errors = [
        f"  {r.path}:{d['line']}: {d['message']} [{d['rule']}]"
        for r in results
        for d in r.diagnostics
        if d["severity"] in ("error", "fatal")
    ]
    parts += errors + [f"  {o}" for o in other] or ["  none"]
    parts += ["", f"{len(results)} files, {len(failing)} with failures, {seconds:.1f} s"]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with gold.json and the files it lists")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the per-file results and totals as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the TEI written in DIR")
    parser.add_argument("--tei-all", type=Path, default=TEI_ALL, help=f"tei_all.rng (default {TEI_ALL})")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results, other = evaluate(args.corpus, args.keep, args.tei_all)
    else:
        with tempfile.TemporaryDirectory(prefix="edition-corpus-") as tmp:
            results, other = evaluate(args.corpus, Path(tmp), args.tei_all)
    seconds = time.perf_counter() - start
    print(report(results, other, seconds))
    if args.json:
        data = {
            "corpus": str(args.corpus.resolve()),
            "seconds": round(seconds, 2),
            "totals": totals(results),
            "files": [asdict(r) for r in results],
            "convert_messages": other,
        }
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
