"""Where batches run: in this process, in N local processes, or on a Dask cluster.

Every executor maps `analyse_batch` over batches lazily and yields the results in
input order, with a bounded number of batches in flight, so memory stays flat however
long the corpus and the single writer sees the same sequence whatever runs the work.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from eventwatch.records import Article
from eventwatch.runner.work import Outcome, analyse_batch, warm_up

Batch = list[Article]


class RunnerError(Exception):
    """The work could not be run (a worker died, the scheduler is unreachable); one line."""


class Executor(Protocol):
    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]: ...

    def close(self) -> None: ...


class InProcess:
    """The model in this process; batches one after the other."""

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        return map(analyse_batch, batches)

    def close(self) -> None:
        pass


def _ordered(submit: Callable[[Batch], Any], batches: Iterable[Batch], window: int) -> Iterator[list[Outcome]]:
    """Results of submitted futures in submission order, at most `window` in flight."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield _result(pending.popleft())
    while pending:
        yield _result(pending.popleft())


def _result(future: Any) -> list[Outcome]:
    try:
        return future.result()
    except Exception as err:
        raise RunnerError(_failure(err)) from err


def _failure(err: Exception) -> str:
    """One line for why a batch came back without results."""
    if type(err).__name__ == "KilledWorker":  # distributed's, without importing it here
        allowed = err.args[2]
        died = "a Dask worker died" if not allowed else f"Dask workers died {allowed + 1} times"
        return f"{died} running a batch and the scheduler gave up on it (distributed.scheduler.allowed-failures is {allowed})"
    if type(err).__name__ == "BrokenProcessPool":
        return "a worker process died (killed, or out of memory)"
    return f"a worker failed: {err!r}"


class LocalProcesses:
    """N worker processes on this machine, each with its own model.

    Started with 'spawn': a fork would copy the open store and the progress thread.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up
        )

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        return _ordered(self._submit, batches, 2 * self.workers)

    def _submit(self, batch: Batch) -> Any:
        return self.pool.submit(analyse_batch, batch)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """The workers of a running Dask distributed scheduler at `address`."""

    def __init__(self, address: str, timeout: float = 10.0) -> None:
        from distributed import Client

        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise RunnerError(f"cannot reach the Dask scheduler at {address} ({err})") from None
        self.client.run(warm_up)
        self.threads = max(1, sum(self.client.nthreads().values()))

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        return _ordered(self._submit, batches, 2 * self.threads)

    def _submit(self, batch: Batch) -> Any:
        return self.client.submit(analyse_batch, batch, pure=False)

    def close(self) -> None:
        self.client.close()


def make_executor(workers: int = 1, dask: str | None = None) -> Executor:
    """Dask when an address is given, else N local processes, else this process."""
    if dask:
        return DaskCluster(dask)
    if workers > 1:
        return LocalProcesses(workers)
    return InProcess()
