"""``casetagger run``: a folder of PDFs into a tagged case inventory, resumable.

Documents already parsed (by sha256) are skipped; passages not yet tagged by the current model
are tagged; then every output is written again from the store, so the inventory always covers
everything the folder's store holds.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casetagger.errors import CasetaggerError, Errors
from casetagger.ingest.batch import BatchLimits, find_pdfs, ingest_paths, skipped_summary
from casetagger.ingest.document import DocumentResult, IngestOptions, file_sha256
from casetagger.inventory.case_store import reviewed_inventory, save_inventory
from casetagger.inventory.cases import build_inventory, tagger_scorer
from casetagger.inventory.privacy import mask, mask_document, mask_passage
from casetagger.inventory.export import write_cases_csv, write_passages, write_workbook
from casetagger.inventory.report import write_report
from casetagger.inventory.store import RunStore
from casetagger.jsonl import write_jsonl
from casetagger.model.tagger import Tagger

OUTPUTS = ("passages.jsonl", "cases.csv", "cases.jsonl", "inventory.xlsx", "report.html", "documents.jsonl")


@dataclass
class RunResult:
    out: Path
    parsed: list[DocumentResult] = field(default_factory=list)  # this run's parses, passages in the store
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
        result.retagged = _tag_pending(store, tagger, version)
        # absolute paths: the review app finds the PDFs to show their pages from any directory
        pdfs, result.skipped_not_pdf = find_pdfs([Path(p).resolve() for p in paths])
        if not pdfs:
            raise CasetaggerError(Errors.E019.format(paths=", ".join(map(str, paths))))
        todo = []
        for pdf in pdfs:
            try:
                done = store.done(file_sha256(pdf), ocr=bool(options and options.ocr))
            except OSError:
                done = False  # unreadable: the parser reports why
            (result.skipped_done if done else todo).append(pdf)
        if on_plan:
            on_plan(todo)
        # workers parse, mask and tag; a document and its tags are stored in one transaction
        for document in ingest_paths(todo, options, limits, finish=TagInWorker(tagger)):
            store.save_document(document, version)
            document.hand_off()  # they are in the store: a long batch must not hold them all
            result.parsed.append(document)
            if on_document:
                on_document(document)
        write_outputs(store, tagger, out, result)
    finally:
        store.close()
    return result


class TagInWorker:
    """Runs in each worker on its parsed document: masks the passages, then tags them.

    The tagger is loaded once, in the parent, before the workers fork: they share it.
    """

    def __init__(self, tagger: Tagger):
        self.tagger = tagger

    def __call__(self, document: DocumentResult) -> DocumentResult:
        document.passages = list(self.tagger.tag(mask_passage(p) for p in document.passages))
        return document


def _tag_pending(store: RunStore, tagger: Tagger, version: str) -> int:
    pending = store.untagged(version)
    if pending:
        store.save_tags(list(tagger.tag(pending)), version)
    return len(pending)


def write_outputs(store: RunStore, tagger: Tagger, out: Path, result: RunResult) -> None:
    taxonomy = tagger.taxonomy
    # text and headings were masked when stored; file names and error messages are masked here
    passages = [dict(p, file=mask(p["file"])) for p in store.tagged_passages(tagger.model_version)]
    documents = [mask_document(d) for d in store.documents()]
    documents += [mask_document(skipped_summary(p)) for p in result.skipped_not_pdf]
    built = build_inventory(passages, tagger_scorer(tagger), dict(zip(tagger.labels, map(float, tagger.thresholds))),
                            [taxonomy.name_da(label) for label in taxonomy.ids])
    # stored for the review app; the outputs show them with the analysts' edits applied
    save_inventory(store.db, built)
    inventory = reviewed_inventory(store.db)
    names = inventory.case_of_passages()
    for p in passages:
        p["case_names"] = names.get(p["id"], [])
        p["case"] = p["case_names"][0] if p["case_names"] else None
    cases = inventory.cases
    write_passages(out / "passages.jsonl", passages)
    write_jsonl(out / "documents.jsonl", documents)
    write_cases_csv(out / "cases.csv", cases, taxonomy)
    write_jsonl(out / "cases.jsonl", [c.to_dict() for c in cases])
    findings = [f for f in inventory.findings if not f.case]
    write_workbook(out / "inventory.xlsx", cases, passages, taxonomy, findings)
    write_report(out / "report.html", cases, passages, documents, taxonomy, tagger.card, findings)
    result.documents, result.passages, result.cases = len(documents), len(passages), len(cases)
