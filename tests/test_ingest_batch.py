"""Bad input fails with a clear reason naming the file, and the batch goes on."""

import os
import time

import pytest

from casetagger.ingest import BatchLimits, IngestOptions, Status, batch, ingest_paths, parse_document

REASONS = {"corrupt": "corrupt or unreadable", "encrypted": "encrypted", "empty": "empty file", "not_pdf": "not a PDF"}


@pytest.mark.parametrize("kind", sorted(REASONS))
def test_batch_bad_file_fails_with_named_reason(bad_files, kind):
    result = parse_document(bad_files[kind])
    assert result.status is Status.FAILURE
    assert len(result.errors) == 1
    assert str(bad_files[kind]) in result.errors[0] and REASONS[kind] in result.errors[0]


def test_batch_goes_on_after_bad_files(bad_files, council_pdf):
    paths = [bad_files["corrupt"], council_pdf, bad_files["encrypted"], bad_files["empty"], bad_files["not_pdf"]]
    results = list(ingest_paths(paths, limits=BatchLimits(jobs=2)))
    assert [r.file for r in results] == [str(p) for p in paths]  # input order, whatever finished first
    assert [r.status for r in results] == [Status.FAILURE, Status.PARTIAL, Status.FAILURE, Status.FAILURE, Status.FAILURE]
    assert len(results[1].passages) > 20


def test_batch_over_size_and_over_long(council_pdf):
    too_long = parse_document(council_pdf, IngestOptions(max_pages=3))
    assert too_long.status is Status.FAILURE and "6 pages, over the limit of 3" in too_long.errors[0]
    too_big = parse_document(council_pdf, IngestOptions(max_mb=0))
    assert too_big.status is Status.FAILURE and "over the limit of 0 MB" in too_big.errors[0]


def _hang(path, options):
    time.sleep(600)


def _allocate(path, options):
    hoard = []
    while True:
        hoard.append(bytearray(50 * 2**20))


def _crash(path, options):
    os._exit(3)


# The timeout covers the good document too: only the hang case needs a short one, and even that
# leaves the good document (parsed beside it) ample time on a loaded machine. With 3 s for every
# case, the good document once timed out under load in the memory case.
@pytest.mark.parametrize("behaviour, reason, timeout", [(_hang, "longer than 8.0 s", 8.0),
                                                        (_allocate, "more than 64 MB", 120.0),
                                                        (_crash, "worker crashed (exit code 3)", 120.0)])
def test_batch_isolates_hostile_documents(monkeypatch, council_pdf, behaviour, reason, timeout):
    """A document that hangs, eats memory or kills its worker fails alone; the next one is parsed."""
    real = batch.parse_document
    monkeypatch.setattr(batch, "parse_document", lambda path, options, hashed=None, **kw: (
        behaviour(path, options) if path.name == "hostile.pdf" else real(path, options, hashed, **kw)))
    hostile = council_pdf.with_name("hostile.pdf")
    hostile.write_bytes(council_pdf.read_bytes())
    results = list(ingest_paths([hostile, council_pdf], limits=BatchLimits(jobs=2, timeout=timeout, max_memory_mb=64)))
    assert results[0].status is Status.FAILURE
    assert reason in results[0].errors[0] and "hostile.pdf" in results[0].errors[0]
    assert results[1].status is Status.PARTIAL and results[1].passages


def test_batch_unexpected_layout_error_is_named_not_called_corrupt(monkeypatch, council_pdf):
    from casetagger.ingest import document

    def broken(lines):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(document, "build_blocks", broken)
    result = parse_document(council_pdf)
    assert result.status is Status.FAILURE
    assert "unexpected error while laying out the text (ZeroDivisionError" in result.errors[0]


@pytest.mark.parametrize("error, detail", [(KeyError("scores"), "KeyError: 'scores'"),
                                           (PermissionError(13, "Permission denied"), "PermissionError: [Errno 13] Permission denied"),
                                           (RuntimeError(), "RuntimeError")])
def test_batch_error_in_the_sink_is_named_as_tagging_not_layout_or_file(council_pdf, error, detail):
    """The tagger fails while it takes a window of passages: that was reported as a layout bug
    (E016), or for an OSError of its own as a PDF that cannot be read (E015). An error without a
    message is named by its type alone, not "RuntimeError: "."""

    def failing(passages):
        raise error

    result = parse_document(council_pdf, sink=failing)
    assert result.status is Status.FAILURE and result.handed_off == 0
    assert result.errors == [f"[E032] {council_pdf}: unexpected error while masking, tagging, analysing or writing the passages "
                             f"({detail}); please report it"]


def _process_gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] in "ZX"  # a zombie has exited
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("stuck", ["time.sleep(60)", "while True: pass"])
def test_batch_workers_exit_when_the_parent_dies(tmp_path, council_pdf, stuck):
    """A killed `casetagger run` once left its workers parsing on (a looping PDF burning a core)."""
    import signal
    import subprocess
    import sys

    pid_file = tmp_path / "worker.pid"
    script = f"""
import os, sys, time
from pathlib import Path
from casetagger.ingest import batch
def stuck(path, options, hashed=None, **kw):
    Path({str(pid_file)!r}).write_text(str(os.getpid()))
    {stuck}
batch.parse_document = stuck
list(batch.ingest_paths([Path({str(council_pdf)!r})], limits=batch.BatchLimits(jobs=1, timeout=60)))
"""
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 20
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline, "the worker never started"
            time.sleep(0.05)
        worker = int(pid_file.read_text())
        assert not _process_gone(worker)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while not _process_gone(worker):
            assert time.monotonic() < deadline, "the worker outlived its parent"
            time.sleep(0.05)
    finally:
        parent.kill()


def test_batch_pool_reuses_workers_across_documents(tmp_path, council_pdf):
    """One fork per worker, not per document: the same process parses every document."""
    pids = []
    copies = []
    for i in range(4):
        copies.append(tmp_path / f"copy{i}.pdf")
        copies[-1].write_bytes(council_pdf.read_bytes())

    def finish(result):
        result.warnings.append(f"pid {os.getpid()}")
        return result

    results = list(ingest_paths(copies, limits=BatchLimits(jobs=1), finish=finish))
    pids = {r.warnings[-1] for r in results}
    assert len(results) == 4 and all(r.passages for r in results) and len(pids) == 1


def test_batch_sends_next_document_before_parent_handles_result(monkeypatch, tmp_path, council_pdf):
    """The parent once stored (or wrote) a result before giving its worker the next document: the
    worker idled for as long as the parent's own work took."""
    copies = [tmp_path / f"copy{i}.pdf" for i in range(2)]
    for copy in copies:
        copy.write_bytes(council_pdf.read_bytes())
    started = tmp_path / "started"
    real = batch.parse_document

    def recording(path, options, hashed=None, **kw):
        (started / path.name).touch()
        return real(path, options, hashed, **kw)

    started.mkdir()
    monkeypatch.setattr(batch, "parse_document", recording)
    results = ingest_paths(copies, limits=BatchLimits(jobs=1))
    first = next(results)
    # the parent's own work on the first result: the second document is being parsed meanwhile
    deadline = time.monotonic() + 30
    while not (started / "copy1.pdf").exists():
        assert time.monotonic() < deadline, "the worker waited for the parent to finish with the first result"
        time.sleep(0.05)
    second = next(results)
    assert [first.file, second.file] == [str(c) for c in copies] and first.passages and second.passages


def test_batch_dispatch_order_sends_the_tail_largest_first(tmp_path):
    sizes = [5, 1, 9, 2, 7, 3, 8, 4, 6, 10, 11, 12]
    paths = []
    for i, size in enumerate(sizes):
        paths.append(tmp_path / f"{i:02d}.pdf")
        paths[-1].write_bytes(b"x" * size)
    paths.append(tmp_path / "missing.pdf")  # unreadable: the worker reports it, the order does not fail
    assert batch.dispatch_order(paths, 1) == list(range(len(paths)))
    order = batch.dispatch_order(paths, 2)
    tail = len(paths) - batch.TAIL * 2
    assert order[:tail] == list(range(tail))  # the head keeps input order: results leave in input order
    assert [sizes[i] if i < len(sizes) else 0 for i in order[tail:]] == [12, 11, 10, 8, 6, 4, 3, 0]
    unordered = batch.dispatch_order(paths, 2, ordered=False)  # results leave as they finish: all largest first
    assert [sizes[i] if i < len(sizes) else 0 for i in unordered] == sorted(sizes, reverse=True) + [0]


def test_batch_summary_does_not_copy_passages(council_pdf):
    """Storing a document once spent most of its time deep-copying the passages for its summary,
    only to drop them: a passage holding something that cannot be copied shows whether it still does."""
    import threading

    result = parse_document(council_pdf)
    result.passages[0]["uncopyable"] = threading.Lock()
    summary = result.summary()
    assert "passages" not in summary and summary["n_passages"] == len(result.passages)
    assert summary["doc_id"] == result.doc_id and summary["status"] == result.status.value


def test_batch_known_hash_of_a_changed_file_is_not_trusted(tmp_path, council_pdf):
    """A file changed between the parent's hash and the worker's parse is hashed again."""
    from casetagger.ingest import document

    path = tmp_path / "changing.pdf"
    path.write_bytes(council_pdf.read_bytes())
    hashed = document.hash_file(path)
    assert parse_document(path, hashed=hashed).doc_id == hashed[0]
    path.write_bytes(council_pdf.read_bytes() + b"\n%changed\n")
    assert parse_document(path, hashed=hashed).doc_id == document.file_sha256(path) != hashed[0]


def test_batch_freezes_the_loaded_heap_for_the_batch_only(tmp_path, council_pdf):
    """The parent's collector walked the loaded model and word list after every few results (a
    third of its CPU per document in `run`); the workers' walked the pages they share with it."""
    import gc

    def finish(result):
        result.warnings.append(f"frozen {gc.get_freeze_count()}")
        return result

    assert gc.get_freeze_count() == 0
    result, = ingest_paths([council_pdf], limits=BatchLimits(jobs=1), finish=finish)
    assert int(result.warnings[-1].split()[1]) > 1000  # the worker inherited the frozen heap
    assert gc.get_freeze_count() == 0  # thawed after the batch, for long-lived callers
    with batch.frozen_heap():
        outer = gc.get_freeze_count()
        list(ingest_paths([council_pdf], limits=BatchLimits(jobs=1)))
        assert gc.get_freeze_count() >= outer  # an inner batch leaves the outer freeze alone
    assert gc.get_freeze_count() == 0


def test_batch_finish_takes_passages_in_windows_while_parsing(monkeypatch, council_pdf):
    """A long document's records were all held in the worker, then masked, tagged and encoded copies
    beside them; a finish with ``take`` now gets them a window at a time, as the parse makes them."""
    from casetagger.ingest import document

    monkeypatch.setattr(document, "WINDOW", 5)
    whole = parse_document(council_pdf, IngestOptions())
    windows: list[list[dict]] = []
    streamed = parse_document(council_pdf, IngestOptions(), sink=windows.append)
    assert streamed.passages == [] and streamed.n_passages == whole.n_passages > 10
    assert max(map(len, windows)) == 5 and [p for w in windows for p in w] == whole.passages

    class Taking:
        def __init__(self):
            self.taken = 0

        def take(self, passages):
            self.taken += len(passages)

        def __call__(self, result):
            result.warnings.append(f"took {self.taken}")
            return result

    result = next(ingest_paths([council_pdf], finish=Taking(), limits=BatchLimits(jobs=1)))
    assert result.passages == [] and result.warnings[-1] == f"took {whole.n_passages}"


def test_batch_unordered_results_leave_as_they_finish(monkeypatch, tmp_path, council_pdf):
    """Results waited behind a slow first document, each holding its passages (or an open spool):
    behind one long report, a folder of a thousand minutes ran out of file handles."""
    copies = [tmp_path / f"{name}.pdf" for name in ("slow", "fast")]
    for copy in copies:
        copy.write_bytes(council_pdf.read_bytes())
    real = batch.parse_document

    def slow_first(path, options, hashed=None, **kw):
        if path.name == "slow.pdf":
            time.sleep(3)
        return real(path, options, hashed, **kw)

    monkeypatch.setattr(batch, "parse_document", slow_first)
    results = ingest_paths(copies, limits=BatchLimits(jobs=2), ordered=False)
    assert [r.file for r in results] == [str(copies[1]), str(copies[0])]
    ordered = ingest_paths(copies, limits=BatchLimits(jobs=2))
    assert [r.file for r in ordered] == [str(c) for c in copies]


def test_batch_ordered_results_waiting_behind_a_long_document_are_bounded(monkeypatch, tmp_path, council_pdf):
    """In input order, every result finished behind a long first document waited, each with its
    spool's open file: a thousand short documents behind one long report used up the handles.
    Now the workers stop taking documents while too many results wait."""
    copies = [tmp_path / f"{i}.pdf" for i in range(7)]
    for copy in copies:
        copy.write_bytes(council_pdf.read_bytes())
    real = batch.parse_document
    marks = tmp_path / "marks"
    marks.mkdir()

    def slow_first(path, options, hashed=None, **kw):
        if path.name == "0.pdf":
            time.sleep(4)
            (marks / "done").touch()
        else:
            (marks / f"{path.stem}.{'late' if (marks / 'done').exists() else 'early'}").touch()
        return real(path, options, hashed, **kw)

    monkeypatch.setattr(batch, "parse_document", slow_first)
    monkeypatch.setattr(batch, "WAITING", 2)
    monkeypatch.setattr(batch, "TAIL", 0)
    results = list(ingest_paths(copies, limits=BatchLimits(jobs=2)))
    assert [r.file for r in results] == [str(c) for c in copies] and all(r.passages for r in results)
    early = sorted(int(p.stem) for p in marks.glob("*.early"))
    assert len(early) <= 2 and len(list(marks.glob("*.late"))) >= 4
