"""A build on a Dask cluster (`--dask ADDRESS`): the same edition, byte for byte, as a build on this machine;
the work really runs in the cluster's workers; a cluster that cannot serve is refused in words."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from distributed import Client, LocalCluster

from toolchain import workers
from toolchain.cli import main

CASES = ROOT / "tests" / "cases"


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local.scheduler_address
    workers.use_cluster(None)


def _edition(root: Path) -> Path:
    """The sample transcripts and a dozen inputs of the test cases: documents, transcripts, listings, a
    bilingual cable."""
    shutil.copytree(ROOT / "transcripts", root / "transcripts")
    shutil.copy(ROOT / "edition.toml", root / "edition.toml")
    for kind in ("document", "transcript"):
        for case in sorted((CASES / kind).glob("*.case"))[:4]:
            text = case.read_text(encoding="utf-8").split("\n#### ")[0].removeprefix("#### input\n")
            (root / "transcripts" / f"{kind}-{case.stem}.txt").write_text(text, encoding="utf-8")
    for source in [*sorted((CASES / "listing").glob("*.txt"))[1:4], *(CASES / "bilingual").glob("*.txt")]:
        shutil.copy(source, root / "transcripts" / f"{source.parent.name}-{source.name}")
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(root: Path, *options: str) -> None:
    try:
        result = CliRunner().invoke(main, ["build", "--root", str(root), "--no-pdf", "--no-epub", *options])
    finally:
        workers.use_cluster(None)
    assert result.exit_code == 0, result.output


def test_a_build_on_a_cluster_is_the_build_on_this_machine(tmp_path, cluster):
    here, there = _edition(tmp_path / "here"), _edition(tmp_path / "there")
    _build(here, "-j", "2")
    _build(there, "--dask", cluster)
    with Client(cluster) as client:  # the documents were converted and their pages made in the workers
        assert all(client.run(_worked).values()), client.run(_worked)
    assert len(_files(here / "tei")) >= 15
    assert _files(there / "tei") == _files(here / "tei")
    assert _files(there / "build" / "html") == _files(here / "build" / "html")
    _build(there, "--dask", cluster)  # a rebuild on the cluster changes nothing
    assert _files(there / "tei") == _files(here / "tei")


def _worked() -> bool:
    from toolchain import convert
    from toolchain.render import html

    return convert._OPTIONS is not None and html._WORKER is not None


def _pid(_item: int) -> int:
    return os.getpid()


_SEEN: list[str] = []


def _note(word: str) -> None:
    _SEEN.append(word)


def _seen(_item: int) -> list[str]:
    return list(_SEEN)


def test_the_work_runs_in_the_workers_in_order_each_started_once(cluster):
    workers.use_cluster(cluster)
    try:
        assert workers.count(None) == 2
        with workers.pool(2) as pool:
            pids = list(pool.map(_pid, range(40), chunksize=2))
        assert os.getpid() not in pids and len(set(pids)) == 2
        with workers.pool(2, initializer=_note, initargs=("started",)) as pool:
            seen = list(pool.map(_seen, range(40), chunksize=1))
        assert all(s.count("started") == 1 for s in seen), "the initializer runs once in each worker"
        with workers.pool(2) as pool:
            assert list(pool.map(str, range(100), chunksize=7)) == [str(i) for i in range(100)]
    finally:
        workers.use_cluster(None)


def test_a_cluster_that_cannot_serve_is_refused_in_words(tmp_path):
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as crowded:
        result = CliRunner().invoke(main, ["validate", str(ROOT / "tei"), "--dask", crowded.scheduler_address])
    assert result.exit_code == 2
    assert "--nthreads 1" in result.output
    result = CliRunner().invoke(main, ["validate", str(ROOT / "tei"), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler" in result.output
    assert "Traceback" not in result.output
