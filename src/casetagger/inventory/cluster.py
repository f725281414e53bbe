"""``casetagger run --cluster``: one Dask task per document, for archives beyond one machine.

The driver asks the workers for each document's sha256 (the worker reads the bytes; the driver
reads none), submits a parse for those not yet in the store, and writes each result through the
same store code as a local run, as it completes. A task parses and tags with the very batch code
of a local run (``ingest_paths`` with ``TagInWorker``), so each document keeps its timeout and
memory cap; the model is loaded once per worker by a worker plugin. A task that fails anyway (its
worker lost more often than the scheduler allows) is that document's FAILURE.

Cluster settings map to Dask's own: ``local:N`` starts a LocalCluster of N single-threaded worker
processes with ``memory_limit`` from ``--max-memory``; against a running scheduler the workers'
own settings apply. Workers started with a nanny must be non-daemonic
(``DASK_DISTRIBUTED__WORKER__DAEMON=False``) for the per-document isolation; a daemonic worker
parses in its own process, bounded by its Dask memory limit only.
"""

import hashlib
import multiprocessing as mp
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import dask
from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from casetagger.errors import CasetaggerError, Errors, describe
from casetagger.ingest.batch import BatchLimits, ingest_paths
from casetagger.ingest.document import (
    DocumentResult,
    IngestOptions,
    Status,
    file_sha256,
    parse_document,
)
from casetagger.inventory.run import is_url
from casetagger.inventory.worker_tagging import worker_finish
from casetagger.model.tagger import Tagger

PLUGIN = "casetagger-tagger"
WINDOW_PER_THREAD = 4  # tasks in flight per worker thread: the scheduler never holds the whole archive


def connect(spec: str, limits: BatchLimits) -> Client:
    """A Dask client for ``tcp://HOST:PORT`` (a running scheduler) or ``local:N`` (a LocalCluster)."""
    if spec.startswith("local:"):
        workers = spec.split(":", 1)[1]
        if not workers.isdigit() or int(workers) < 1:
            raise CasetaggerError(Errors.E021.format(spec=spec))
        return Client(local_cluster(int(workers), limits))
    if "://" not in spec:
        raise CasetaggerError(Errors.E021.format(spec=spec))
    try:
        return Client(spec, timeout="30s")
    except OSError as e:
        raise CasetaggerError(Errors.E022.format(spec=spec, detail=e)) from None


def local_cluster(workers: int, limits: BatchLimits) -> LocalCluster:
    """N single-threaded worker processes on this machine, each with the batch's memory limit."""
    # non-daemonic: a worker forks each document's parser, as a local batch does; a worker lost
    # twice on one document gives that document up, so a poison document does not take them all
    with dask.config.set({"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 1}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            memory_limit=f"{limits.max_memory_mb}MB", dashboard_address="127.0.0.1:0")


def close(client: Client) -> None:
    cluster = client.cluster
    client.close()
    if cluster is not None:  # started for this run
        cluster.close()


class TaggerPlugin(WorkerPlugin):
    """Loads the model once in each worker (and in each worker that replaces a lost one)."""

    name = PLUGIN

    def __init__(self, model: Path, parquet: Path | None = None):
        self.model = str(model)
        self.parquet = parquet
        self.finish = None

    def setup(self, worker) -> None:
        self.finish = worker_finish(Tagger.load(Path(self.model)), self.parquet)


def expand(sources: Iterable[str]) -> tuple[list[str], list[str]]:
    """fsspec URLs (files, or folders searched recursively) into PDFs to parse and others skipped."""
    import fsspec

    pdfs: list[str] = []
    skipped: list[str] = []
    for url in sources:
        try:
            fs, root = fsspec.core.url_to_fs(url)
        except (ImportError, ValueError) as e:  # no filesystem package for the protocol
            raise CasetaggerError(Errors.E023.format(url=url, detail=e)) from None
        if fs.isdir(root):
            for child in sorted(fs.find(root)):
                (pdfs if child.lower().endswith(".pdf") else skipped).append(fs.unstrip_protocol(child))
        else:
            pdfs.append(url)
    return pdfs, skipped


@contextmanager
def _local_copy(source: str) -> Iterator[Path]:
    """A URL's bytes in a temporary file on the worker; a path as it is (shared file system)."""
    if not is_url(source):
        yield Path(source)
        return
    import fsspec

    with tempfile.TemporaryDirectory(prefix="casetagger-") as tmp:
        path = Path(tmp) / "document.pdf"
        with fsspec.open(source, "rb") as remote, path.open("wb") as local:
            shutil.copyfileobj(remote, local, 1 << 20)
        yield path


def digest(source: str) -> str:
    """sha256 of a document, read on the worker; '' when it cannot be read (the parse says why)."""
    try:
        if not is_url(source):
            return file_sha256(Path(source))
        import fsspec

        sha = hashlib.sha256()
        with fsspec.open(source, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                sha.update(chunk)
        return sha.hexdigest()
    except (OSError, ValueError):
        return ""


def process(source: str, options: IngestOptions, limits: BatchLimits) -> DocumentResult:
    """The Dask task: parse, mask and tag one document, as a local worker does."""
    finish = get_worker().plugins[PLUGIN].finish
    try:
        copy = _local_copy(source)
        path = copy.__enter__()
    except (OSError, ValueError) as e:
        return DocumentResult(source, status=Status.FAILURE, errors=[Errors.E015.format(path=source, detail=e)])
    named = (lambda result: finish(_named(result, str(path), source))) if str(path) != source else finish
    try:
        if mp.current_process().daemon:  # a nanny's daemonic worker may not fork: parse here
            result = named(parse_document(path, options))
        else:
            result = next(ingest_paths([path], options, BatchLimits(1, limits.timeout, limits.max_memory_mb),
                                       finish=named))
    finally:
        copy.__exit__(None, None, None)
    return _named(result, str(path), source)


def _named(result: DocumentResult, path: str, source: str) -> DocumentResult:
    """Results of a temporary copy name the URL it came from (before tagging and writing, and
    again for what the batch itself reports, such as a timeout)."""
    if path == source:
        return result
    result.file = source
    result.errors = [e.replace(path, source) for e in result.errors]
    result.warnings = [w.replace(path, source) for w in result.warnings]
    for passage in result.passages:
        passage["file"] = source
    return result


def cluster_documents(client, sources: list[str], options: IngestOptions, limits: BatchLimits, model: Path,
                      done: Callable[[str], bool], skipped_done: list,
                      parquet: Path | None = None) -> Iterator[DocumentResult]:
    """Every source not ``done`` (by sha256) parsed and tagged on the cluster, yielded as completed;
    with ``parquet``, the workers write the passages there (``inventory/parquet.py``)."""
    client.register_plugin(TaggerPlugin(model, parquet), name=PLUGIN)
    window = max(1, sum(client.nthreads().values())) * WINDOW_PER_THREAD
    queue = list(reversed(sources))
    futures = as_completed()
    kinds: dict = {}  # future -> ("digest" | "parse", source)

    def submit(kind: str, source: str) -> None:
        future = (client.submit(digest, source, pure=False, priority=1) if kind == "digest"
                  else client.submit(process, source, options, limits, pure=False, priority=2))
        kinds[future] = (kind, source)
        futures.add(future)

    def refill() -> None:
        while queue and len(kinds) < window:
            submit("digest", queue.pop())

    refill()
    for future in futures:
        kind, source = kinds.pop(future)
        if kind == "digest":
            sha = _value(future)
            if sha and done(sha):
                skipped_done.append(source)
            else:
                submit("parse", source)
        else:
            try:
                result = future.result()
            except Exception as e:  # the task's worker was lost too often, or the task could not run
                result = DocumentResult(source, status=Status.FAILURE,
                                        errors=[Errors.E024.format(path=source, detail=describe(e))])
            yield result
        future.release()
        refill()


def _value(future) -> str:
    try:
        return future.result()
    except Exception:
        return ""  # not hashed: parse it, and the parse reports what went wrong

