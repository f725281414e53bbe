"""``casetagger run``: a folder of PDFs into a tagged case inventory, resumable.

Documents already parsed (by sha256) are skipped; passages not yet tagged by the current model
are tagged; then every output is written again from the store, so the inventory always covers
everything the folder's store holds.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casetagger.ingest.batch import BatchLimits, find_pdfs, ingest_paths
from casetagger.ingest.document import DocumentResult, IngestOptions, file_sha256
from casetagger.inventory.cases import build_cases
from casetagger.inventory.privacy import mask, mask_document
from casetagger.inventory.export import write_cases_csv, write_passages, write_workbook
from casetagger.inventory.report import write_report
from casetagger.inventory.store import RunStore
from casetagger.jsonl import write_jsonl
from casetagger.model.tagger import Tagger

OUTPUTS = ("passages.jsonl", "cases.csv", "inventory.xlsx", "report.html", "documents.jsonl")


@dataclass
class RunResult:
    out: Path
    parsed: list[DocumentResult] = field(default_factory=list)  # this run's parses
    skipped_done: list[Path] = field(default_factory=list)  # parsed in an earlier run
    skipped_not_pdf: list[Path] = field(default_factory=list)
    retagged: int = 0
    documents: int = 0
    passages: int = 0
    cases: int = 0


def run_inventory(paths: Iterable[Path], out: Path, model: Path | None = None, options: IngestOptions | None = None,
                  limits: BatchLimits | None = None, on_document: Callable[[DocumentResult], None] | None = None,
                  on_plan: Callable[[list[Path]], None] | None = None) -> RunResult:
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
        # absolute paths: the review app finds the PDFs to show their pages from any directory
        pdfs, result.skipped_not_pdf = find_pdfs([Path(p).resolve() for p in paths])
        todo = []
        for pdf in pdfs:
            try:
                done = store.done(file_sha256(pdf), ocr=bool(options and options.ocr))
            except OSError:
                done = False  # unreadable: the parser reports why
            (result.skipped_done if done else todo).append(pdf)
        if on_plan:
            on_plan(todo)
        for document in ingest_paths(todo, options, limits):
            store.save_document(document)
            tag_pending(store, tagger, version)  # per document: a kill loses at most this one's tags
            result.parsed.append(document)
            if on_document:
                on_document(document)
        write_outputs(store, tagger, out, result)
    finally:
        store.close()
    return result


def tag_pending(store: RunStore, tagger: Tagger, version: str) -> int:
    pending = store.untagged(version)
    if pending:
        store.save_tags(list(tagger.tag(pending)), version)
    return len(pending)


def write_outputs(store: RunStore, tagger: Tagger, out: Path, result: RunResult) -> None:
    taxonomy = tagger.taxonomy
    # text and headings were masked when stored; file names and error messages are masked here
    passages = [dict(p, file=mask(p["file"])) for p in store.tagged_passages(tagger.model_version)]
    documents = [mask_document(d) for d in store.documents()]
    cases = build_cases(passages)
    write_passages(out / "passages.jsonl", passages)
    write_jsonl(out / "documents.jsonl", documents)
    write_cases_csv(out / "cases.csv", cases, taxonomy)
    write_workbook(out / "inventory.xlsx", cases, passages, taxonomy)
    write_report(out / "report.html", cases, passages, documents, taxonomy, tagger.card)
    result.documents, result.passages, result.cases = len(documents), len(passages), len(cases)
