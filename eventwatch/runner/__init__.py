"""Batch running: the per-article pipeline in this process, N local processes or on Dask,
results written to the store by one writer."""

from eventwatch.runner.executors import (
    DaskCluster,
    Executor,
    InProcess,
    LocalProcesses,
    RunnerError,
    make_executor,
)
from eventwatch.runner.ingest import DEFAULT_BATCH, Callbacks, IngestSummary, ingest

__all__ = [
    "DEFAULT_BATCH",
    "Callbacks",
    "DaskCluster",
    "Executor",
    "InProcess",
    "IngestSummary",
    "LocalProcesses",
    "RunnerError",
    "ingest",
    "make_executor",
]
