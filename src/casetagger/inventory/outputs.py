"""The inventory's files, written again from the store after every ``casetagger run`` (and by
``casetagger report``): passages.jsonl, documents.jsonl, cases.csv, cases.jsonl, inventory.xlsx
and report.html.

The store's passages are read afresh at every pass over them (``Reread``), a row at a time, so
the main process does not grow with the store: one pass merges the cases, one writes
passages.jsonl and counts them for the report, and one makes the workbook's last sheet. The
workbook is most of the outputs' time, so a forked child writes it beside the others (``Child``).
"""

import multiprocessing as mp
import pickle
import shutil
import sqlite3
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from casetagger.errors import CasetaggerError, Errors, describe
from casetagger.ingest.batch import frozen_heap, skipped_summary
from casetagger.inventory.case_store import apply_edits, edits, load_inventory, save_inventory
from casetagger.inventory.cases import build_inventory, case_rules
from casetagger.inventory.export import write_cases_csv, write_passages, write_workbook
from casetagger.inventory.privacy import mask, mask_document
from casetagger.inventory.report import PassageCounts, write_report
from casetagger.inventory.store import RunStore
from casetagger.jsonl import write_jsonl
from casetagger.model.tagger import Tagger


class Written(NamedTuple):
    documents: int
    passages: int
    cases: int


def load_writers() -> None:
    """Imports what writes the workbook and the report (0.03 s), for a main process that has that time
    to spare while its workers parse their last documents, rather than after they are done."""
    import jinja2  # noqa: F401
    import xlsxwriter  # noqa: F401


def write_outputs(store: RunStore, tagger: Tagger, out: Path, skipped: Sequence[Path | str] = (),
                  passages: list[dict[str, Any]] | None = None, partition: bool = False) -> Written:
    """Every output into ``out`` from the store; ``skipped``: files that were not PDFs, listed too;
    ``passages`` read from a Parquet store instead of SQLite. A ``partition``'s outputs cover only
    the documents its passages come from, and leave the stored inventory (the review app's) as it is."""
    with frozen_heap():  # the model and modules loaded by now are not garbage: not walked again
        return _write_outputs(store, tagger, out, skipped, passages, partition)


def _write_outputs(store: RunStore, tagger: Tagger, out: Path, skipped: Sequence[Path | str],
                   passages: list[dict[str, Any]] | None, partition: bool) -> Written:
    taxonomy = tagger.taxonomy
    version = tagger.model_version
    documents = store.documents()
    if partition:
        wanted = {p["doc_id"] for p in passages or ()}
        documents = [d for d in documents if d["doc_id"] in wanted]
    documents = [mask_document(d) for d in documents]
    documents += [mask_document(skipped_summary(p)) for p in skipped]
    # text and headings were masked when stored; file names are masked here
    read = Reread(lambda: masked_files(passages if passages is not None else store.iter_tagged_passages(version)))
    # the workers analysed the documents they parsed; documents re-tagged here are analysed now
    built = build_inventory(read, *case_rules(tagger), analyses=store.case_analyses(version))
    # stored for the review app; the outputs show them with the analysts' edits applied
    db = sqlite3.connect(":memory:") if partition else store.db
    save_inventory(db, built)
    del built  # the stored copy is the one read back, with the edits: not two inventories held at once
    inventory = apply_edits(load_inventory(db), edits(store.db))
    names = inventory.case_of_passages()
    cases = inventory.cases
    findings = [f for f in inventory.findings if not f.case]

    def with_cases() -> Iterator[dict[str, Any]]:
        for p in read:
            found = names.get(p["id"], [])
            p["case"], p["case_names"] = found[0] if found else None, found
            yield p

    with_names = Reread(with_cases)
    store.close()  # no SQLite connection crosses the fork: each side opens its own when it next reads
    workbook = Child(out / "inventory.xlsx",
                     lambda: write_workbook(out / "inventory.xlsx", cases, with_names, taxonomy, findings))
    try:
        counts = PassageCounts()  # the report's, counted as passages.jsonl is written
        count = write_passages(out / "passages.jsonl", counts.counting(with_names))
        write_jsonl(out / "documents.jsonl", documents)
        write_cases_csv(out / "cases.csv", cases, taxonomy)
        write_jsonl(out / "cases.jsonl", [c.to_dict() for c in cases])
        write_report(out / "report.html", cases, counts, documents, taxonomy, tagger.card, findings)
    except BaseException:
        workbook.stop()  # this process's own error is the one to report
        raise
    workbook.wait()
    return Written(len(documents), count, len(cases))


class Reread(Iterable[dict[str, Any]]):
    """Passages read afresh at every pass over them (from the store, or a list): the outputs take
    several passes without holding a large store's passages all at once."""

    def __init__(self, read: Callable[[], Iterable[dict[str, Any]]]):
        self.read = read

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.read())


def masked_files(passages: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each passage with its file name masked (copied, so a list read again is not masked twice)."""
    masked: dict[str, str] = {}  # a few files, thousands of passages
    for p in passages:
        file = masked.get(p["file"]) or masked.setdefault(p["file"], mask(p["file"]))
        yield dict(p, file=file)


class ChildTraceback(Exception):
    """Where a child's error was raised: the cause of the error the parent raises again."""


class Child:
    """``write`` (of the file ``path``) in a forked child process, beside this one's own writing."""

    def __init__(self, path: Path, write: Callable[[], None]):
        self.path = path
        context = mp.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(write, send), daemon=True)
        self._process.start()
        send.close()

    def wait(self) -> None:
        """Until it is done. Raises its error, or E033 if it died without one (killed, out of memory)."""
        try:
            error, trace = self._receive.recv()
        except EOFError:
            error, trace = CasetaggerError(Errors.E033.format(path=self.path, code=self._end())), None
        else:
            self._end()
        if error is not None:
            raise error from (ChildTraceback(trace) if trace else None)

    def stop(self) -> None:
        """Ends it without its result: this process has an error of its own to report."""
        self._process.terminate()
        self._end()

    def _end(self) -> int | None:
        self._process.join()
        self._receive.close()
        if self._process.exitcode:  # its temporary files were not removed: it never got the chance
            for left in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                if left.is_dir():  # the workbook's sheets while they are written
                    shutil.rmtree(left, ignore_errors=True)
                else:
                    left.unlink(missing_ok=True)
        return self._process.exitcode


def _child(write: Callable[[], None], send: Any) -> None:
    try:
        write()
    except BaseException as e:  # noqa: BLE001  sent to the parent, which raises it
        send.send((_portable(e), traceback.format_exc()))
    else:
        send.send((None, None))


def _portable(error: BaseException) -> BaseException:
    """``error`` if it crosses to the parent as it is (pickled and rebuilt), else its text."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001  an exception whose arguments do not rebuild it
        return RuntimeError(describe(error))
    return error
