"""Lines spooled to disk and laid out as they stream back: the same passages as the whole document
held in memory, on every generated layout (agenda systems, contents pages, tables, headings and
paragraphs across page breaks, running headers)."""

import os
from pathlib import Path

import pytest
from pdfgen import build_pdf

from casetagger.ingest.blocks import build_blocks
from casetagger.ingest.extract import open_source
from casetagger.ingest.layout import reading_order
from casetagger.ingest.passages import build_passages
from casetagger.ingest.spool import LineSpool, WindowSpool
from casetagger.ingest.styles import Styles


def _fixture_names() -> list[str]:
    from council import fixtures

    return list(fixtures())


def _lines(tmp_path: Path, name: str) -> list:
    from council import fixtures

    elements, header, footer = fixtures()[name]
    path = tmp_path / "layout.pdf"
    build_pdf(path, elements, header=header, footer=footer)
    source = open_source(path, "pdfium")
    try:
        return list(reading_order(record for record, _ in source.pages()))
    finally:
        source.close()


def _spooled(lines: list) -> LineSpool:
    spool = LineSpool()
    for line in lines:
        spool.add(line)
    return spool.settle()


@pytest.mark.parametrize("name", _fixture_names())
def test_spool_streamed_passages_match_the_whole_document_build(tmp_path, name):
    """Recorded as they stream out, a passage or block must already be final: a case number line
    or a fragment that reaches back into its section, a heading wrapped to the next line."""
    lines = _lines(tmp_path, name)
    held = list(build_passages(list(build_blocks(lines))))  # everything built, then recorded
    whole = [p.record("d" * 64, "f.pdf", i) for i, p in enumerate(held)]
    with _spooled(lines) as spool:
        streamed = [p.record("d" * 64, "f.pdf", i) for i, p in enumerate(build_passages(build_blocks(spool)))]
    assert whole and streamed == whole


@pytest.mark.parametrize("name", _fixture_names())
def test_spool_gives_back_every_line_and_the_whole_documents_styles(tmp_path, name):
    lines = _lines(tmp_path, name)
    with _spooled(lines) as spool:
        assert list(spool) == lines
        assert spool.lines == len(lines)
        whole = Styles.of(lines)
        assert (spool.styles.size, spool.styles.bold, spool.styles.pitch, spool.styles.levels) == \
               (whole.size, whole.bold, whole.pitch, whole.levels)


@pytest.mark.parametrize("name", _fixture_names())
def test_spool_margins_learned_per_page_match_the_whole_documents(tmp_path, name):
    """Margins were once learned from every line of the document at once; a page's own lines give
    the same margin for each of them."""
    lines = _lines(tmp_path, name)
    whole = Styles.of(lines)
    whole.learn_margins(lines)
    everywhere = dict(whole.margins)
    per_page = Styles.of(lines)
    for number in sorted({line.page for line in lines}):
        page = [line for line in lines if line.page == number]
        per_page.learn_margins(page)
        assert [per_page.indented(line) for line in page] == [whole.indented(line) for line in page]
        assert {k: v for k, v in everywhere.items() if k[0] == number} == per_page.margins


@pytest.mark.parametrize("fails", ["create", "write"])
def test_spool_full_temporary_folder_is_not_blamed_on_the_pdf(monkeypatch, council_pdf, fails):
    """A full temporary folder was reported as '[E006] corrupt or unreadable PDF' for every file."""
    import errno
    import tempfile

    from casetagger.ingest import spool
    from casetagger.ingest.document import Status, parse_document

    real = tempfile.TemporaryFile

    class FullDisk:
        def __init__(self):
            self.file = real()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.file, name)

    def temporary_file():
        if fails == "create":
            raise OSError(errno.EROFS, "Read-only file system")
        return FullDisk()

    monkeypatch.setattr(spool.tempfile, "TemporaryFile", temporary_file)
    result = parse_document(council_pdf)
    assert result.status is Status.FAILURE
    [error] = result.errors
    assert error.startswith(f"[E030] {council_pdf}: the temporary folder") and "E006" not in error
    assert ("Read-only" if fails == "create" else "No space left") in error


def test_spool_window_spool_crosses_to_another_process_as_a_file():
    """A worker's spool reaches its parent as the file itself (pickled, it carries no data): the
    parent reads the same frames, in order, and may read while frames are still added. The last
    frame once waited in the worker's write buffer until the worker closed its copy, and a parent
    that read first lost it."""
    import multiprocessing as mp
    import pickle
    from multiprocessing.reduction import recv_handle, send_handle

    ctx = mp.get_context("fork")
    read = ctx.Event()

    def worker(conn):
        made = WindowSpool("a.pdf")
        for i in range(3):
            made.add("rows", [(f"p{i}-{j}", "x" * 1000) for j in range(50)])
        made.add("parts", [])  # an empty window is no frame
        made.add("parts", [("p0-0", "{}")])  # small: it fits in the write buffer
        handle = made.handle()
        conn.send(made)
        send_handle(conn, handle, os.getppid())
        read.wait(10)  # the parent reads before this copy is closed
        made.close()

    parent_end, child_end = ctx.Pipe()
    process = ctx.Process(target=worker, args=(child_end,))
    process.start()
    child_end.close()  # a worker that dies is then an EOF here, not a wait
    received = parent_end.recv()
    assert len(pickle.dumps(received)) < 1000 and received.frames == 4
    received.attach(recv_handle(parent_end))
    frames = []
    for kind, window in received:
        frames.append((kind, window[0][0], len(window)))
        if len(frames) == 1:
            received.add("parts", [("p1-0", "{}")])  # added while reading: read too
    read.set()
    process.join(5)
    assert frames == [("rows", "p0-0", 50), ("rows", "p1-0", 50), ("rows", "p2-0", 50), ("parts", "p0-0", 1),
                      ("parts", "p1-0", 1)]
    received.close()


def test_spool_window_spool_not_attached_fails_instead_of_reading_empty():
    import pickle

    from casetagger.ingest.spool import WindowSpool

    made = WindowSpool("a.pdf")
    made.add("rows", [("p0", "{}")])
    copy = pickle.loads(pickle.dumps(made))
    with pytest.raises(EOFError):
        list(copy)
    made.close()


def test_spool_reader_reads_what_was_written_out_while_the_writer_adds_more():
    """A worker's tagging child reads a document's rows from the spool while the worker adds the
    case analysis after them: each has a file offset of its own."""
    spool = WindowSpool("rapport.pdf")
    spool.add("rows", [1, 2])
    spool.add("rows", [3])
    spool.handle()
    reader = spool.reader(spool.end)
    frames = iter(reader)
    assert next(frames) == ("rows", [1, 2])
    spool.add("parts", ["a"])  # the writer moves its own offset to the end
    assert list(frames) == [("rows", [3])]  # the reader goes on where it was, and stops at its end
    assert list(spool) == [("rows", [1, 2]), ("rows", [3]), ("parts", ["a"])]
    reader.close()
    spool.close()
