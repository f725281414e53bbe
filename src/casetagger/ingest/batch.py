"""Many PDFs parsed by a pool of worker processes, each document with a timeout and a memory cap.

A hostile PDF can make the parser loop or allocate without end; its worker dies, a new one takes
its place, the batch goes on. Workers live for the batch (no fork per document) and exit when
the parent dies. When no document is left to hand out, an idle worker helps one still being
parsed by reading its pages from the back (``shared_pages.py``), so that a batch's last long
document, or a batch of one, does not leave the other workers idle.
"""

import gc
import multiprocessing as mp
import os
import resource
import shutil
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait
from multiprocessing.reduction import recv_handle, send_handle
from pathlib import Path
from typing import Any, NamedTuple

from casetagger.errors import CasetaggerError, Errors, describe
from casetagger import schema
from casetagger.ingest.document import (DocumentResult, Hashed, IngestOptions, Status, help_read_pages,
                                        parse_document, warm_up)
from casetagger.ingest.shared_pages import remove_folder
from casetagger.ingest.spool import WindowSpool


# runs in the worker after parsing; one with a ``take(passages)`` method is handed the passages
# in windows while the document is parsed (``parse_document``'s sink), and then the result; one
# with a ``share(folder)`` method is first told the document's folder of ``SharedPages``
Finish = Callable[[DocumentResult], DocumentResult]


class SpoolPassages:
    """A batch's finish that puts each window of a document's passages (``prepare``d first, e.g.
    masked) in a ``WindowSpool``, whose file the worker hands to the parent: neither process holds
    a long document's passages. The parent reads them with ``DocumentResult.drain``."""

    def __init__(self, prepare: Callable[[schema.Passage], schema.Passage] | None = None):
        self.prepare = prepare
        self._spool: WindowSpool | None = None

    def take(self, passages: list[schema.Passage]) -> None:
        if self._spool is None:
            self._spool = WindowSpool(passages[0]["file"])
        self._spool.add("passages", [self.prepare(p) for p in passages] if self.prepare else passages)

    def __call__(self, result: DocumentResult) -> DocumentResult:
        if result.passages:  # not handed over while parsing (a caller that parsed on its own)
            self.take(result.hand_off())
        spool, self._spool = self._spool, None
        if result.status is not Status.FAILURE:
            result.spool = spool
        elif spool is not None:
            spool.close()  # what it had before the failure is not kept
        return result


@dataclass
class BatchLimits:
    jobs: int = os.cpu_count() or 1
    timeout: float = 300.0  # seconds per document
    max_memory_mb: int = 2048  # on top of what the worker starts with


def find_pdfs(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Files and folders (recursively) into PDFs to parse and other files skipped.

    A file named on the command line is always tried, so a non-PDF there gets a clear error.
    """
    pdfs: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                (pdfs if child.suffix.lower() == ".pdf" else skipped).append(child)
        else:
            pdfs.append(path)
    return pdfs, skipped


def skipped_summary(path: Path | str) -> dict[str, Any]:
    """A ``documents.jsonl`` row for a file that was not parsed because it is not a PDF."""
    return {"file": str(path), "status": "SKIPPED", "reason": "not a PDF", "pages": 0, "errors": [],
            "warnings": [], "n_passages": 0}


def _virtual_memory() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process (a worker, or its tagging child) when its parent dies; elsewhere
    the pipe's EOF does it."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _worker(conn, options: IngestOptions, extra_bytes: int, finish: Finish | None, parent: int,
            inherited: list) -> None:
    """Parse (and finish) documents sent over ``conn`` until told to stop or the parent is gone."""
    die_with_parent(parent)
    for other in inherited:  # the parent's ends of the pipes: held here, they would hide its death
        other.close()
    try:
        limit = _virtual_memory() + extra_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass  # not on Linux: no cap, the timeout still holds
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent closed the pipe or died
        if task is None:
            return
        if task.helping:  # no result of its own: the owner reports on the document
            alive = _help(task, options)
            conn.send((task.index, None, alive))
            if not alive:
                return
            continue
        index, path = task.index, task.path
        out_of_memory, handle = False, None
        try:
            if task.shared is not None and hasattr(finish, "share"):
                finish.share(task.shared)
            result = parse_document(path, options, task.hashed, sink=getattr(finish, "take", None),
                                    shared=task.shared)
            if finish is not None:
                result = finish(result)
            if result.spool is not None:
                handle = result.spool.handle()
        except MemoryError:
            out_of_memory = True
            result = _failure(path, Errors.E009.format(path=path, limit_mb=extra_bytes // 2**20))
        except CasetaggerError as e:  # the finish's own (a full temporary folder): the document's failure
            result = _failure(path, str(e))
        except Exception as e:  # a bug after parsing must not pass for a crash of the worker
            result = _failure(path, Errors.E032.format(path=path, detail=describe(e)))
        conn.send((index, result, not out_of_memory))
        if result.spool is not None:  # the file itself goes to the parent, which reads it when it stores
            if handle is not None:
                send_handle(conn, handle, parent)
            result.spool.close()
        if out_of_memory:
            return  # a heap that hit its cap is not to be trusted with the next document


def _help(task: "_Task", options: IngestOptions) -> bool:
    """Read pages of the document another worker owns; says whether this worker's heap is fit to go on."""
    assert task.shared is not None
    try:
        help_read_pages(task.path, options, task.shared)
    except MemoryError:
        return False
    return True


def _failure(path: Path, message: str) -> DocumentResult:
    return DocumentResult(str(path), status=Status.FAILURE, errors=[message])


@contextmanager
def frozen_heap() -> Iterator[None]:
    """The garbage collector leaves alone what is loaded by now (model, word list, modules): in a
    batch's parent it walked all of that after every few results, a third of its CPU per document
    in `run`. The outermost use thaws it again, for long-lived callers (a Dask worker)."""
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if outermost:
            gc.unfreeze()


class _Task(NamedTuple):
    """What a worker is sent: a document to parse, or (``helping``) one whose pages to help read."""

    index: int
    path: Path
    hashed: Hashed | None
    shared: Path | None = None  # the document's folder of ``SharedPages``: helpers may read its pages
    helping: bool = False


@dataclass
class _Slot:
    """One worker of the pool and the document it is busy with."""

    process: mp.Process
    conn: object
    task: _Task | None = None
    started: float = 0.0


TAIL = 4  # times the jobs: how many of the last documents are sent largest first
WAITING = 64  # results at most waiting for an earlier one to leave in input order


def dispatch_order(paths: list[Path], jobs: int, ordered: bool = True) -> list[int]:
    """Indexes of ``paths`` in the order workers get them, so that the batch does not end with one
    worker parsing a large document alone: the largest first. An ``ordered`` batch reorders only its
    last few: its results leave in input order, and a whole batch reordered would keep most of its
    results waiting for the first one."""
    order = list(range(len(paths)))
    if jobs < 2:
        return order

    tail = max(0, len(order) - TAIL * jobs) if ordered else 0
    return order[:tail] + sorted(order[tail:], key=lambda i: _size(paths[i]), reverse=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker reports why


def _with_shared_folder(task: _Task, scratch: Path) -> _Task:
    shared = scratch / str(task.index)
    try:
        shared.mkdir()
    except OSError:
        return task  # parsed alone
    return task._replace(shared=shared)


def _scratch_folder() -> Path | None:
    """Where a batch's workers share pages they read; without one (no temporary space), none help."""
    try:
        return Path(tempfile.mkdtemp(prefix="casetagger-pages-"))
    except OSError:
        return None


def ingest_paths(
    paths: Iterable[Path],
    options: IngestOptions | None = None,
    limits: BatchLimits | None = None,
    on_done: Callable[[DocumentResult], None] | None = None,
    finish: Finish | None = None,
    hashed: Mapping[Path, Hashed] | None = None,
    ordered: bool = True,
) -> Iterator[DocumentResult]:
    """Parse every PDF in a pool of workers that live for the batch; yield results in input order,
    or with ``ordered=False`` as they finish (nothing waits behind a long document: a result may
    hold an open spool, and a thousand waiting ones would use up the process's file handles).

    ``finish`` runs in the worker on each result (``casetagger run`` tags there), so the parent
    only writes. ``hashed``: files the caller hashed already (``document.hash_file``); their
    workers do not hash them again. A worker that hangs past the timeout, runs out of memory or
    crashes takes only its own document down; a fresh worker takes its place.
    """
    options, limits = options or IngestOptions(), limits or BatchLimits()
    paths, hashed = list(paths), hashed or {}
    ctx = mp.get_context("fork")  # workers share the parent's loaded model, copy-on-write
    warm_up(options)
    pending = [_Task(i, paths[i], hashed.get(paths[i])) for i in dispatch_order(paths, limits.jobs, ordered)][::-1]
    scratch = _scratch_folder() if limits.jobs > 1 and options.extractor == "pdfium" else None
    helpers: Counter[int] = Counter()  # document -> helpers it has had: at most jobs - 1, so helping ends
    slots: list[_Slot] = []
    done: dict[int, DocumentResult] = {}
    next_out = 0

    def start() -> _Slot:
        parent_end, child_end = ctx.Pipe()
        process = ctx.Process(target=_worker, daemon=True,
                              args=(child_end, options, limits.max_memory_mb * 2**20, finish, os.getpid(),
                                    [parent_end] + [slot.conn for slot in slots]))
        process.start()
        child_end.close()
        return _Slot(process, parent_end)

    def idle() -> _Slot | None:
        for slot in slots:
            if slot.task is None:
                return slot
        if len(slots) < max(1, limits.jobs):
            slots.append(start())
            return slots[-1]
        return None

    def retire(slot: _Slot) -> None:
        slot.conn.close()
        slot.process.join(5)
        slots.remove(slot)

    # in input order, results behind a long document wait, each with its open spool: at most this
    # many, which is more than the reordered tail can hold, so the next one out is always dispatched
    most_waiting = max(WAITING, (TAIL + 1) * max(1, limits.jobs))

    def send(slot: _Slot, task: _Task) -> None:
        slot.task, slot.started = task, time.monotonic()
        slot.conn.send(task)

    def dispatch() -> None:
        while pending and len(done) < most_waiting and (slot := idle()) is not None:
            task = pending.pop()
            if scratch is not None:
                task = _with_shared_folder(task, scratch)
            send(slot, task)
        while scratch is not None and not pending:  # nothing left to hand out: help those in hand
            owned = [slot.task for slot in slots if slot.task and slot.task.shared and not slot.task.helping
                     and helpers[slot.task.index] < limits.jobs - 1]
            if not owned or (slot := idle()) is None:
                break
            # the least helped first, then the largest
            task = min(owned, key=lambda task: (helpers[task.index], -_size(task.path)))
            helpers[task.index] += 1
            send(slot, task._replace(helping=True))

    with frozen_heap():  # inherited by the workers: touching the heap copies pages they share
        try:
            # a helper still reading pages when every document is done is not waited for
            while pending or any(slot.task and not slot.task.helping for slot in slots):
                dispatch()
                busy = [slot for slot in slots if slot.task]
                ready = wait([slot.conn for slot in busy], timeout=0.2)
                now = time.monotonic()
                finished = []
                for slot in busy:
                    task = slot.task
                    assert task is not None
                    path = task.path
                    result: DocumentResult | None
                    if slot.conn in ready:
                        try:
                            _, result, alive = slot.conn.recv()
                            if not alive:
                                retire(slot)
                        except (EOFError, OSError):  # died without a word: killed for memory or crashed
                            slot.process.join(5)
                            code = slot.process.exitcode
                            result = _failure(path, Errors.E009.format(path=path, limit_mb=limits.max_memory_mb)
                                              if code in (-9, -6) else Errors.E010.format(path=path, code=code))
                            retire(slot)
                    elif now - slot.started > limits.timeout:
                        slot.process.kill()
                        result = _failure(path, Errors.E008.format(path=path, seconds=limits.timeout))
                        retire(slot)
                    else:
                        continue
                    if task.helping:  # the owner reads what its helper did not, and reports on the document
                        slot.task = None
                        continue
                    assert result is not None
                    if result.spool is not None:  # its file comes after it; a worker that cannot send it is stopped
                        try:
                            result.spool.attach(recv_handle(slot.conn))
                        except (EOFError, OSError, RuntimeError, ValueError) as e:
                            slot.process.kill()
                            retire(slot)
                            result = _failure(path, Errors.E031.format(path=path, detail=describe(e)))
                    slot.task = None
                    done[task.index] = result
                    finished.append(result)
                    if task.shared is not None:  # a helper still at it finds the folder gone and stops
                        remove_folder(task.shared)
                dispatch()  # the next documents go out before the parent stores or writes these results
                if on_done:
                    for result in finished:
                        on_done(result)
                while done and (not ordered or next_out in done):
                    yield done.pop(next_out if ordered else next(iter(done)))
                    next_out += 1
        finally:
            for slot in list(slots):
                try:
                    if slot.task and slot.task.helping:
                        slot.process.kill()  # its pages are of no use now, and it may be stuck on one
                    else:
                        slot.conn.send(None)
                except OSError:
                    pass
                retire(slot)
            for result in done.values():  # never handed out (the caller stopped early)
                result.release()
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)


def ingest_one(path: Path, options: IngestOptions | None = None, limits: BatchLimits | None = None) -> DocumentResult:
    """One PDF with the batch's isolation; for callers that want a single result."""
    return next(ingest_paths([path], options, limits))


__all__ = ["BatchLimits", "CasetaggerError", "find_pdfs", "ingest_one", "ingest_paths"]
