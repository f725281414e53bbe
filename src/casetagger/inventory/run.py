"""``casetagger run``: a folder of PDFs into a tagged case inventory, resumable.

Documents already parsed (by sha256) are skipped; passages not yet tagged by the current model
are tagged; then every output is written again from the store (``outputs.py``), so the
inventory always covers everything the folder's store holds. The same run goes to a Dask
cluster (``cluster.py``) and to a Parquet store (``parquet.py``) through ``worker_finish`` and
``RunStore``.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casetagger.errors import CasetaggerError, Errors
from casetagger.ingest.batch import BatchLimits, find_pdfs, ingest_paths
from casetagger.ingest.document import DocumentResult, Hashed, IngestOptions, hash_file
from casetagger.inventory.outputs import load_writers, write_outputs
from casetagger.inventory.parquet import has_parquet, read_passages
from casetagger.inventory.store import RunStore
from casetagger.inventory.worker_tagging import worker_finish
from casetagger.model.registry import resolve_model
from casetagger.model.tagger import Tagger

STORE_FORMATS = ("sqlite", "parquet")
OUTPUTS = ("passages.jsonl", "cases.csv", "cases.jsonl", "inventory.xlsx", "report.html", "documents.jsonl")


@dataclass
class RunResult:
    out: Path
    parsed: list[DocumentResult] = field(default_factory=list)  # this run's parses, passages in the store
    skipped_done: list[Path] = field(default_factory=list)  # parsed in an earlier run
    skipped_not_pdf: list[Path | str] = field(default_factory=list)  # a path, or a URL on a cluster
    retagged: int = 0
    documents: int = 0
    passages: int = 0
    cases: int = 0


def run_inventory(paths: Iterable[Path | str], out: Path, model: Path | None = None, options: IngestOptions | None = None,
                  limits: BatchLimits | None = None, on_document: Callable[[DocumentResult], None] | None = None,
                  on_plan: Callable[[Sequence[Path | str]], None] | None = None, cluster: Any = None,
                  store_format: str = "sqlite", outputs: bool = True) -> RunResult:
    """``cluster``: a Dask scheduler address, ``local:N`` or a ``distributed.Client`` to parse and tag
    there (``inventory/cluster.py``). ``store_format="parquet"``: the workers write passages and
    tags as partitioned Parquet (``inventory/parquet.py``); the SQLite store keeps the documents.
    ``outputs=False`` only fills the store (an archive's outputs come from ``report_inventory``, by partition)."""
    if store_format not in STORE_FORMATS:
        raise CasetaggerError(Errors.E026.format(name=store_format, known=", ".join(STORE_FORMATS)))
    parquet = out if store_format == "parquet" else None
    if parquet:
        try:
            import pyarrow  # noqa: F401  checked here, not found missing in every worker
        except ImportError as e:
            raise CasetaggerError(Errors.E029.format(detail=e)) from None
    model = resolve_model(model)  # cluster workers load the same model from this path
    tagger = Tagger.load(model)
    version = tagger.model_version
    store = RunStore(out)
    result = RunResult(out)
    try:
        # the review app reads which model tagged the store, with its thresholds
        store.set_meta("model", {"model_version": version, "card": tagger.card})
        # passages stored by an earlier run but not tagged by this model: a new model, or a kill
        # between parsing and tagging; no PDF is parsed again for them
        result.retagged = tag_pending(store, tagger, version)
        # workers parse, mask and tag; a document and its tags are stored in one transaction
        for document in _documents(list(paths), store, tagger, options, limits or BatchLimits(), result, on_plan,
                                   cluster, model, parquet, outputs):
            try:
                store.save_document(document, version)
            finally:
                document.release()  # in the store now (or not to be): a long batch must not hold them all
            result.parsed.append(document)
            if on_document:
                on_document(document)
        if outputs:
            written = write_outputs(store, tagger, out, result.skipped_not_pdf,
                                    read_passages(out, version) if parquet else None)
            result.documents, result.passages, result.cases = written
    finally:
        store.close()
    return result


def is_url(source: object) -> bool:
    return "://" in str(source)


def _documents(paths: list[Path | str], store: RunStore, tagger: Tagger, options: IngestOptions | None,
               limits: BatchLimits, result: RunResult, on_plan: Callable[[Sequence[Path | str]], None] | None, cluster: Any,
               model: Path, parquet: Path | None, outputs: bool) -> Iterator[DocumentResult]:
    """The documents not yet in the store, parsed and tagged by local workers or on a cluster;
    ``outputs``: the run writes them at the end (``load_writers`` while the last are parsed)."""
    ocr = bool(options and options.ocr)
    urls = [str(p) for p in paths if is_url(p)]
    # absolute paths: the review app finds the PDFs to show their pages from any directory
    pdfs, skipped_files = find_pdfs([Path(p).resolve() for p in paths if not is_url(p)])
    result.skipped_not_pdf = list(skipped_files)
    if urls and cluster is None:
        raise CasetaggerError(Errors.E025.format(url=urls[0]))
    if cluster is None:
        if not pdfs:
            raise CasetaggerError(Errors.E019.format(paths=", ".join(map(str, paths))))
        todo: list[Path] = []
        hashed: dict[Path, Hashed] = {}  # handed to the workers: each file is read for its hash once
        for pdf in pdfs:
            try:
                found = hash_file(pdf)
            except OSError:
                todo.append(pdf)  # unreadable: the parser reports why
                continue
            if store.done(found[0], ocr=ocr):
                result.skipped_done.append(pdf)
            else:
                todo.append(pdf)
                hashed[pdf] = found
        if on_plan:
            on_plan(todo)
        if todo:  # the tagger warms up (spaCy word lists) for workers only when there are any
            # a result is yielded after the next document is handed out: from this one on, every
            # document left is in a worker's hands
            last_handed_out = max(0, len(todo) - max(1, limits.jobs) - 1)
            for received, document in enumerate(ingest_paths(todo, options, limits, hashed=hashed,
                                                             finish=worker_finish(tagger, parquet, spool=True),
                                                             ordered=False)):  # the store takes them in any order
                if received == last_handed_out and outputs:
                    load_writers()
                yield document
        return
    try:
        from casetagger.inventory import cluster as dask_cluster
    except ImportError as e:
        raise CasetaggerError(Errors.E020.format(detail=e)) from None
    remote, skipped = dask_cluster.expand(urls)
    sources = [str(p) for p in pdfs] + remote
    result.skipped_not_pdf += skipped
    if not sources:
        raise CasetaggerError(Errors.E019.format(paths=", ".join(map(str, paths))))
    if on_plan:
        on_plan(sources)  # an upper bound: documents already stored are found by the workers' hashes
    own = isinstance(cluster, str)  # else a caller's Client, left open
    client = dask_cluster.connect(cluster, limits) if own else cluster
    try:
        yield from dask_cluster.cluster_documents(client, sources, options or IngestOptions(), limits,
                                                  model, lambda sha: store.done(sha, ocr=ocr),
                                                  result.skipped_done, parquet)
    finally:
        if own:
            dask_cluster.close(client)


def report_inventory(out: Path, model: Path | None = None, municipality: str | None = None,
                     year: str | None = None) -> RunResult:
    """The outputs of ``casetagger run`` again from what OUT's store holds (SQLite or Parquet),
    without parsing. With ``municipality`` / ``year``, only that partition of a Parquet store,
    written to ``OUT/reports/<municipality>-<year>`` (the store's own inventory is left as it is)."""
    if not (out / "casetagger.sqlite").is_file():
        raise CasetaggerError(Errors.E027.format(path=out))
    partition = bool(municipality or year)
    if partition and not has_parquet(out):
        raise CasetaggerError(Errors.E028.format(path=out))
    tagger = Tagger.load(resolve_model(model))
    target = out / "reports" / f"{municipality or 'alle'}-{year or 'alle'}" if partition else out
    target.mkdir(parents=True, exist_ok=True)
    store = RunStore(out)
    result = RunResult(target)
    try:
        passages = read_passages(out, tagger.model_version, municipality, year) if has_parquet(out) else None
        result.documents, result.passages, result.cases = write_outputs(store, tagger, target, (), passages,
                                                                        partition)
    finally:
        store.close()
    return result


def tag_pending(store: RunStore, tagger: Tagger, version: str) -> int:
    pending = store.untagged(version)
    if pending:
        store.save_tags(list(tagger.tag(pending)), version)
    return len(pending)
