"""``casetagger run``: a folder of PDFs into a tagged case inventory, resumable.

Documents already parsed (by sha256) are skipped; passages not yet tagged by the current model
are tagged; then every output is written again from the store (``outputs.py``), so the
inventory always covers everything the folder's store holds. The same run goes to a Dask
cluster (``cluster.py``) and to a Parquet store (``parquet.py``) through ``worker_finish`` and
``RunStore``.
"""

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from casetagger.errors import CasetaggerError, Errors
from casetagger.ingest.batch import BatchLimits, find_pdfs, ingest_paths
from casetagger.ingest.document import WINDOW, DocumentResult, Hashed, IngestOptions, Status, hash_file
from casetagger.ingest.spool import WindowSpool
from casetagger.schema import Passage
from casetagger.inventory.cases import CASE_FIELDS, analyse_passages, case_rules, rules_version
from casetagger.inventory.names import DocumentWords
from casetagger.inventory.outputs import load_writers, write_outputs
from casetagger.inventory.parquet import WriteParquet, has_parquet, read_passages
from casetagger.inventory.privacy import mask_passage
from casetagger.inventory.store import PARTS, ROWS, Encoded, Row, RunStore, encode_rows
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


@dataclass
class _Tagging:
    """What a worker keeps of the document it is tagging, until its last window."""

    spool: WindowSpool | None = None
    rows: list[Row] = field(default_factory=list)
    read: list[dict[str, Any]] = field(default_factory=list)  # what the case analysis reads, when not spooled
    words: DocumentWords = field(default_factory=DocumentWords)  # what names are checked against
    headings: set[str] = field(default_factory=set)


class TagInWorker:
    """Runs in each worker on its parsed document: masks the passages, tags them, finds their
    cases (``cases.analyse_passages``) and encodes all of it as the store keeps it, so that the
    parent, which all workers wait for, only writes.

    A batch hands it the passages in windows while the document is parsed (``take``). With
    ``spool``, each window's encoded rows go to a ``WindowSpool`` that the parent is handed; the
    case analysis reads them back from there after the last window and adds its own windows, so
    memory holds a window, the document's words and its headings, not all its passages. Without
    (a Dask worker, whose spool the driver could not open), rows and analysis stay in memory.
    What it keeps of a document is per thread: a Dask worker may tag several at once.
    The tagger is loaded once, in the parent, before the workers fork: they share it.
    """

    def __init__(self, tagger: Tagger, encode: bool = True, spool: bool = False):
        """``encode=False``: the passages stay records (a Parquet store writes them in the worker)
        and come in the result, not in windows."""
        self.tagger = tagger
        self.encode = encode
        self.spool = spool and encode
        self.rules = case_rules(tagger)  # the same for every document
        self._local = threading.local()
        tagger.warm_up()  # here, in the parent before the fork, not once in every worker

    @property
    def _doc(self) -> _Tagging:
        if not hasattr(self._local, "doc"):
            self._local.doc = _Tagging()
        return cast(_Tagging, self._local.doc)

    def take(self, passages: list[Passage]) -> None:
        """A window of the document's passages, while it is parsed: masked, tagged and encoded."""
        if not self.encode:
            raise ValueError("a TagInWorker that keeps records takes the whole document, not windows")
        doc = self._doc
        rows = encode_rows(self._tag(passages), self.tagger.model_version, masked=True)
        if self.spool:
            if doc.spool is None:
                doc.spool = WindowSpool(passages[0]["file"])
            doc.spool.add(ROWS, rows)
        else:
            doc.rows += rows

    def _tag(self, passages: list[Passage]) -> list[dict[str, Any]]:
        doc = self._doc
        tagged = cast(list[dict[str, Any]], list(self.tagger.tag(mask_passage(p) for p in passages)))
        for p in tagged:
            doc.words.add(p["text"])
            doc.headings.update(p["headings"])
        if not self.spool:
            doc.read += [{k: p[k] for k in CASE_FIELDS} for p in tagged]
        return tagged

    def __call__(self, document: DocumentResult) -> DocumentResult:
        doc = self._doc
        try:
            # passages still in the result were not handed over while parsing (a caller parsed on its own)
            passages, document.passages = document.passages, []
            if self.encode:
                if passages:
                    self.take(passages)
                document.handed_off += len(passages)
            else:
                document.passages = cast(list[Passage], self._tag(passages))
            if document.status is Status.FAILURE:
                return document
            version = self.tagger.model_version
            parts = self._analyse(doc)
            if doc.spool is not None:
                for window in iter(lambda: list(islice(parts, WINDOW)), []):
                    doc.spool.add(PARTS, window)
                document.encoded, document.spool, doc.spool = Encoded(version, rules_version()), doc.spool, None
            else:
                document.encoded = Encoded(version, rules_version(), doc.rows if self.encode else None, list(parts))
            return document
        finally:
            if doc.spool is not None:  # a failure: what was spooled before it is not kept
                doc.spool.close()
            del self._local.doc  # the next document starts afresh

    def _analyse(self, doc: _Tagging) -> Iterator[tuple[str, str]]:
        """(passage id, case analysis JSON) of the document's passages, from the spool or memory."""
        read: Iterable[dict[str, Any]] = doc.read
        if doc.spool is not None:
            read = ({**json.loads(record), **json.loads(tags or "{}")}
                    for kind, rows in doc.spool if kind == ROWS for _, record, tags in cast(list[Row], rows))
        for pid, part in analyse_passages(read, doc.words, doc.headings, *self.rules):
            yield pid, json.dumps(part, ensure_ascii=False)


def worker_finish(tagger: Tagger, parquet: Path | None = None,
                  spool: bool = False) -> Callable[[DocumentResult], DocumentResult]:
    """What a worker does after parsing: mask and tag, and with a Parquet store write the passages.
    ``spool``: a local batch's worker, whose parent can be handed a spool (``TagInWorker``)."""
    finish = TagInWorker(tagger, encode=not parquet, spool=spool)
    return WriteParquet(parquet, tagger.model_version, finish) if parquet else finish


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
