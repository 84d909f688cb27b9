"""Where the work on many documents runs: worker processes of this machine, or a Dask cluster.

Converting, validating and making the website's document pages hand their documents out through `pool`:
a `ProcessPoolExecutor` of this machine, or, once `use_cluster` has been given a scheduler's address
(`--dask tcp://host:8786`, or the environment's `EDITION_DASK`), the workers of that Dask cluster. Either
way a pool's `map` gives the results in the order of its items, and each process (local or a cluster's
worker) runs the pool's initializer once before its first item. The results are the same bytes: the work
is the same functions on the same files, so a cluster's workers must see the edition's folder at the
same path (a shared file system) and have the same version of edition installed, each with one thread
(`dask worker ADDRESS --nthreads 1`; a process holds one Saxon).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from typing import Any

from .errors import EditionError

ENV = "EDITION_DASK"
_address: str | None = None


def use_cluster(address: str | None) -> None:
    """Run the work of this process on the Dask cluster whose scheduler is at `address` (None: this
    machine, unless the environment names one)."""
    global _address
    _address = address


def cluster() -> str | None:
    """The scheduler's address the work goes to, or None."""
    return _address or os.environ.get(ENV) or None


def count(jobs: int | None) -> int:
    """How many processes work at once: those of the cluster, else `jobs` (default: one per core)."""
    if cluster() is not None:
        return sum(_client().nthreads().values()) or 1
    return jobs or os.cpu_count() or 1


def pool(
    jobs: int,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    spawn: bool = False,
    tasks_per_process: int | None = None,
) -> Executor:
    """An executor of `jobs` processes (started fresh with `spawn`, else forked), or of the cluster's
    workers. With `tasks_per_process` (and `spawn`), each process of this machine is replaced by a fresh one
    after that many items, its memory given back (Saxon keeps what it made for as long as its process lives)."""
    if cluster() is not None:
        return _ClusterPool(_client(), initializer, initargs)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn") if spawn else None
    renew = tasks_per_process if spawn else None  # a forked process is never replaced
    return ProcessPoolExecutor(
        jobs, mp_context=context, initializer=initializer, initargs=initargs, max_tasks_per_child=renew
    )


_clients: dict[str, Any] = {}


def _client() -> Any:
    address = cluster()
    assert address is not None
    if address not in _clients:
        try:
            from distributed import Client
        except ImportError:
            raise EditionError(
                f"{address}: a Dask cluster needs the distributed package (pip install 'edition[dask]')"
            ) from None
        try:
            client = Client(address, timeout="10s", set_as_default=False)
        except OSError as exc:
            raise EditionError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        threads = client.nthreads()
        if not threads:
            client.close()
            raise EditionError(f"the Dask cluster at {address} has no workers")
        crowded = sorted(w for w, n in threads.items() if n != 1)
        if crowded:
            client.close()
            raise EditionError(
                f"the Dask workers {', '.join(crowded)} run several threads; start them with --nthreads 1 "
                "(each process holds one XSLT processor)"
            )
        _clients[address] = client
    return _clients[address]


class _ClusterPool(Executor):
    """`map` over a Dask cluster, in chunks, the results in order; the initializer runs once per worker."""

    def __init__(self, client: Any, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
        self.client = client
        self.start = (uuid.uuid4().hex, initializer, initargs)
        self.futures: list[Any] = []

    def map(  # type: ignore[override]
        self, fn: Callable[..., Any], *iterables: Iterable[Any], timeout: float | None = None, chunksize: int = 1
    ) -> Iterator[Any]:
        items = list(zip(*iterables, strict=True))
        chunks = [items[i : i + chunksize] for i in range(0, len(items), max(1, chunksize))]
        futures = self.client.map(_run, chunks, fn=fn, start=self.start, pure=False)
        self.futures.extend(futures)
        return (result for future in futures for result in future.result(timeout))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if cancel_futures or not wait:
            self.client.cancel(self.futures)
        self.futures = []


# The pools whose initializer has run in this process (a cluster's worker lives on from one run to the next).
_started: set[str] = set()


def _run(
    chunk: list[tuple[Any, ...]],
    *,
    fn: Callable[..., Any],
    start: tuple[str, Callable[..., None] | None, tuple[Any, ...]],
) -> list[Any]:
    """On a cluster's worker: the pool's initializer if this process has not run it yet, then `fn` on each
    item of the chunk."""
    token, initializer, initargs = start
    if token not in _started:
        if initializer is not None:
            initializer(*initargs)
        _started.add(token)
    return [fn(*item) for item in chunk]
