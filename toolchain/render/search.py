"""The website's search index, in shards that the search page loads as a query needs them.

`assets/search/` holds scripts (so that they load from file://), each calling the search page's
EDITION_SEARCH with its part:

  manifest.js      .manifest({"entries": N, "shard": E, "buckets": [B, ...]})
  entries-K.js     .entries(K, [[address, title, text, language], ...]): entries K·E to K·E + E - 1, a
                   paragraph-like block, catalogue record or person each, in the order of the pages (the
                   documents', then the edition's own)
  words-B.js       .words(B, {word: [entry, gap, gap, ...], ...}): every word whose first two letters are
                   B's (their code points in hex, `6b-68` for "kh"), with the entries it is in (the first,
                   then the gap to each next)

A word is a run of letters and digits of the text folded as the search page folds a query (lower case,
accents off, ё as е). A query finds the passages in which each of its words begins a word; it loads the
buckets of its words and the entries of the results it shows, never the whole index, so that a site of
100,000 documents searches as fast as one of a hundred.

The words are gathered a document at a time and, past SPILL of them, written to a sorted run on disk, the
runs merged at the end: the index never needs the edition's words in memory at once.
"""

from __future__ import annotations

import heapq
import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from operator import sub
from pathlib import Path

from ..tei import write_atomic

FOLDER = "assets/search"
MANIFEST = "manifest.js"
SHARD = 200  # entries a file of entries holds
SPILL = 1_000_000  # words of entries gathered before they are written to a run on disk
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """As search.js folds: lower case, the combining accents of the decomposed text dropped, ё as е."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text.lower())).replace("ё", "е")


def bucket(word: str) -> str:
    return "-".join(f"{ord(c):x}" for c in word[:2])


def _script(call: str, *args: object) -> bytes:
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"EDITION_SEARCH.{call}({body});\n".encode()


def standing(folder: Path) -> list[Path] | None:
    """The files of the index as it stands in `folder`, when every file its manifest names is there."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
        manifest = json.loads(text.removeprefix("EDITION_SEARCH.manifest(").rstrip().removesuffix(");"))
        files = [folder / MANIFEST, *_names(folder, manifest["entries"], manifest["shard"], manifest["buckets"])]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files if all(f.is_file() for f in files) else None


def _names(folder: Path, entries: int, shard: int, buckets: Iterable[str]) -> list[Path]:
    return [
        *(folder / f"entries-{k}.js" for k in range(-(-entries // shard))),
        *(folder / f"words-{b}.js" for b in buckets),
    ]


def write(folder: Path, parts: Iterable[Callable[[], bytes]]) -> list[Path]:
    """Write the index of the pages `parts` give (each a page's part of the index, or several a comma apart:
    h:search-page, h:search-own; JSON [address, title, [[anchor, text, language], ...]]) into `folder`, each
    file atomically, the manifest last; files of an earlier index left in it are removed. The files written,
    the manifest first."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="edition-search-") as tmp:
        runs: list[Path] = []
        gathered: defaultdict[str, list[int]] = defaultdict(list)
        count = 0
        shard: list[list[str]] = []
        entries = 0
        for part in parts:
            for address, title, items in json.loads(b"[" + part() + b"]"):
                for anchor, text, lang in items:
                    shard.append([address + anchor, title, text, lang])
                    words = set(_WORD.findall(fold(text)))
                    for word in words:
                        gathered[word].append(entries)
                    count += len(words)
                    entries += 1
                    if len(shard) == SHARD:
                        k = entries // SHARD - 1
                        write_atomic(folder / f"entries-{k}.js", _script("entries", k, shard))
                        shard = []
            if count >= SPILL:
                runs.append(_spill(gathered, Path(tmp) / f"run-{len(runs)}"))
                gathered, count = defaultdict(list), 0
        if shard:
            write_atomic(folder / f"entries-{entries // SHARD}.js", _script("entries", entries // SHARD, shard))
        buckets = []
        for name, words in _buckets([*(_read(r) for r in runs), _sorted(gathered)]):
            write_atomic(folder / f"words-{name}.js", _script("words", name, words))
            buckets.append(name)
    written = [folder / MANIFEST, *_names(folder, entries, SHARD, buckets)]
    write_atomic(folder / MANIFEST, _script("manifest", {"entries": entries, "shard": SHARD, "buckets": buckets}))
    keep = set(written)
    for old in folder.glob("*.js"):
        if old not in keep:
            old.unlink(missing_ok=True)
    return written


def _sorted(gathered: dict[str, list[int]]) -> Iterator[tuple[str, str, list[int]]]:
    """(bucket, word, entries) in the order of bucket, then word."""
    for word in sorted(gathered, key=lambda w: (bucket(w), w)):
        yield bucket(word), word, gathered[word]


def _spill(gathered: dict[str, list[int]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as run:
        for name, word, ids in _sorted(gathered):
            run.write(f"{name}\t{word}\t{','.join(map(str, ids))}\n")
    return path


def _read(path: Path) -> Iterator[tuple[str, str, list[int]]]:
    with path.open(encoding="utf-8") as run:
        for line in run:
            name, word, ids = line.rstrip("\n").split("\t")
            yield name, word, [int(i) for i in ids.split(",")]


def _buckets(runs: list[Iterator[tuple[str, str, list[int]]]]) -> Iterator[tuple[str, dict[str, list[int]]]]:
    """Each bucket with its words, each word with its entries as the first and the gaps to the next: the
    runs merged (a word's entries of an earlier run come first: the runs are in the order of the entries)."""
    current, words = None, {}
    for name, word, ids in heapq.merge(*runs, key=lambda item: (item[0], item[1])):
        if name != current:
            if current is not None:
                yield current, _gaps(words)
            current, words = name, {}
        words.setdefault(word, []).extend(ids)
    if current is not None:
        yield current, _gaps(words)


def _gaps(words: dict[str, list[int]]) -> dict[str, list[int]]:
    return {w: [ids[0], *map(sub, islice(ids, 1, None), ids)] for w, ids in words.items()}
