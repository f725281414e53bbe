"""Many PDFs, each parsed in its own worker process with a wall-clock timeout and a memory cap.

A hostile PDF can make pdfminer loop or allocate without end; the worker dies, the batch goes on.
"""

import multiprocessing as mp
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path

from casetagger.errors import CasetaggerError, Errors
from casetagger.ingest.document import DocumentResult, IngestOptions, Status, parse_document
from casetagger.ingest.hyphenation import lexicon


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


def skipped_summary(path: Path) -> dict:
    """A ``documents.jsonl`` row for a file that was not parsed because it is not a PDF."""
    return {"file": str(path), "status": "SKIPPED", "reason": "not a PDF", "pages": 0, "errors": [],
            "warnings": [], "n_passages": 0}


def _virtual_memory() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _worker(path: Path, options: IngestOptions, extra_bytes: int, conn) -> None:
    try:
        limit = _virtual_memory() + extra_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass  # not on Linux: no cap, the timeout still holds
    try:
        result = parse_document(path, options)
    except MemoryError:
        result = DocumentResult(str(path), status=Status.FAILURE,
                                errors=[Errors.E009.format(path=path, limit_mb=extra_bytes // 2**20)])
    conn.send(result)
    conn.close()


def _failure(path: Path, message: str) -> DocumentResult:
    return DocumentResult(str(path), status=Status.FAILURE, errors=[message])


def ingest_paths(
    paths: Iterable[Path],
    options: IngestOptions | None = None,
    limits: BatchLimits | None = None,
    on_done: Callable[[DocumentResult], None] | None = None,
) -> Iterator[DocumentResult]:
    """Parse every PDF in isolation; yield results in input order, whatever fails."""
    options, limits = options or IngestOptions(), limits or BatchLimits()
    paths = list(paths)
    lexicon()  # loaded once here, shared by every forked worker instead of read again in each
    ctx = mp.get_context("fork")
    pending = list(enumerate(paths))[::-1]
    running: dict = {}  # conn -> (index, path, process, started)
    done: dict[int, DocumentResult] = {}
    next_out = 0
    while pending or running:
        while pending and len(running) < max(1, limits.jobs):
            index, path = pending.pop()
            receiver, sender = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_worker, args=(path, options, limits.max_memory_mb * 2**20, sender), daemon=True)
            proc.start()
            sender.close()
            running[receiver] = (index, path, proc, time.monotonic())
        ready = wait(list(running), timeout=0.2)
        now = time.monotonic()
        for conn, (index, path, proc, started) in list(running.items()):
            result = None
            if conn in ready:
                try:
                    result = conn.recv()
                except (EOFError, OSError):  # died without a word: killed for memory or crashed
                    proc.join(5)
                    code = proc.exitcode
                    result = _failure(path, Errors.E009.format(path=path, limit_mb=limits.max_memory_mb)
                                      if code in (-9, -6) else Errors.E010.format(path=path, code=code))
            elif now - started > limits.timeout:
                proc.kill()
                result = _failure(path, Errors.E008.format(path=path, seconds=limits.timeout))
            if result is None:
                continue
            proc.join(5)
            conn.close()
            del running[conn]
            done[index] = result
            if on_done:
                on_done(result)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def ingest_one(path: Path, options: IngestOptions | None = None, limits: BatchLimits | None = None) -> DocumentResult:
    """One PDF with the batch's isolation; for callers that want a single result."""
    return next(ingest_paths([path], options, limits))


__all__ = ["BatchLimits", "CasetaggerError", "find_pdfs", "ingest_one", "ingest_paths"]
