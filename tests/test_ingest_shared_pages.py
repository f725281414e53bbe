"""A long document's pages read by its owner from the front and a helper from the back (shared_pages.py)."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from pdfgen import Heading, Paragraph, build_pdf

from casetagger.ingest import IngestOptions, parse_document
from casetagger.ingest import batch
from casetagger.ingest.batch import BatchLimits, ingest_paths
from casetagger.ingest.document import help_read_pages
from casetagger.ingest.pdfium import PdfiumSource
from casetagger.ingest.records import PageRecord, Rule, Word
from casetagger.ingest.shared_pages import CHUNK, HELPED, SharedPages

PAGES = 3 * CHUNK + 3  # three full chunks and a short last one


def page(index: int) -> tuple[PageRecord, int]:
    words = [Word(f"ord{index}", 10.0, 20.0, 40.0, 30.0, "Helvetica-Bold", 11.0, True)]
    return PageRecord(index + 1, 595.0, 842.0, words, 0.1, None, [Rule(1.0, 2.0, 3.0, 2.0)]), index % 3


class Reader:
    """A fake page reader that counts what it read."""

    def __init__(self):
        self.read: list[int] = []

    def __call__(self, index: int) -> tuple[PageRecord, int]:
        self.read.append(index)
        return page(index)


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    """A report of about thirty pages: enough chunks for a helper to meet its owner in the middle."""
    path = tmp_path_factory.mktemp("long") / "long_report.pdf"
    elements = []
    for item in range(1, 41):
        elements.append(Heading(f"{item}. Status for indsats nr. {item}", 2))
        for part in range(8):
            elements.append(Paragraph(
                f"Indsatsen for område {item} er i gang, og forvaltningen følger op på del {part}. "
                "Udvalget har bedt om en samlet status med økonomi, tidsplan og de næste skridt, "
                "så byrådet kan tage stilling til en eventuel udvidelse i næste budgetperiode."))
    build_pdf(path, elements)
    return path


def test_shared_pages_owner_takes_every_chunk_a_helper_read(tmp_path):
    helper, owner = Reader(), Reader()
    assert SharedPages(tmp_path, PAGES).help(helper) == PAGES
    assert list(SharedPages(tmp_path, PAGES).own(owner)) == [page(i) for i in range(PAGES)]
    assert owner.read == [] and sorted(helper.read) == list(range(PAGES))
    assert not list(tmp_path.glob("*.pages"))  # each chunk's file went once taken


def test_shared_pages_owner_reads_alone_when_the_folder_fails(tmp_path):
    """A scratch folder the owner cannot use (gone, full, no locks) once failed a good PDF as corrupt."""
    owner = Reader()
    assert list(SharedPages(tmp_path / "gone", PAGES).own(owner)) == [page(i) for i in range(PAGES)]
    assert owner.read == list(range(PAGES))


def test_shared_pages_owner_ignores_records_of_other_pages(tmp_path):
    SharedPages(tmp_path, PAGES).help(Reader())
    (tmp_path / "1.pages").replace(tmp_path / "2.pages")  # chunk 1's pages where chunk 2's belong
    owner = Reader()
    assert list(SharedPages(tmp_path, PAGES).own(owner)) == [page(i) for i in range(PAGES)]
    assert owner.read == list(range(CHUNK, 3 * CHUNK))


def test_shared_pages_helper_stops_where_the_owner_has_got_to(tmp_path):
    helper, owner = Reader(), Reader()
    pages = SharedPages(tmp_path, PAGES).own(owner)
    first = [next(pages) for _ in range(CHUNK + 1)]  # the owner is in its second chunk
    assert SharedPages(tmp_path, PAGES).help(helper) == PAGES - 2 * CHUNK
    assert first + list(pages) == [page(i) for i in range(PAGES)]
    assert owner.read == list(range(2 * CHUNK)) and not set(owner.read) & set(helper.read)
    assert (tmp_path / "done").exists()


def test_shared_pages_helper_that_failed_mid_chunk_leaves_it_to_the_owner(tmp_path):
    def breaks_in_its_second_chunk(index: int) -> tuple[PageRecord, int]:
        if index == 3 * CHUNK - 2:
            raise RuntimeError("the helper's pdfium gave up")
        return page(index)

    with pytest.raises(RuntimeError):
        SharedPages(tmp_path, PAGES).help(breaks_in_its_second_chunk)
    owner = Reader()
    assert list(SharedPages(tmp_path, PAGES).own(owner)) == [page(i) for i in range(PAGES)]
    assert owner.read == list(range(3 * CHUNK))  # the last chunk was the helper's


def test_shared_pages_owner_waits_for_a_helper_then_reads_what_a_killed_one_left(tmp_path):
    """A helper killed at its timeout holds a chunk's lock until it dies; the owner waits, then
    finds no records and reads the chunk itself."""
    lock = tmp_path / "0.lock"
    holder = subprocess.Popen([sys.executable, "-c", f"""
import fcntl, os, time
fd = os.open({str(lock)!r}, os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
open({str(tmp_path / 'locked')!r}, 'w').close()
time.sleep(60)
"""])
    try:
        deadline = time.monotonic() + 20
        while not (tmp_path / "locked").exists():
            assert time.monotonic() < deadline
            time.sleep(0.02)
        subprocess.Popen(["sh", "-c", f"sleep 0.5; kill -9 {holder.pid}"])
        owner = Reader()
        started = time.monotonic()
        assert list(SharedPages(tmp_path, PAGES).own(owner)) == [page(i) for i in range(PAGES)]
        assert time.monotonic() - started >= 0.3  # it waited for the lock
        assert owner.read == list(range(PAGES)) and holder.wait(10) == -9
    finally:
        holder.kill()


def test_shared_pages_helper_stops_when_the_folder_is_gone(tmp_path):
    assert SharedPages(tmp_path / "removed", PAGES).help(Reader()) == 0


def test_shared_pages_helper_leaves_word_it_came_even_when_the_owner_is_done(tmp_path):
    owner = Reader()
    list(SharedPages(tmp_path, PAGES).own(owner))
    assert not (tmp_path / HELPED).exists()
    assert SharedPages(tmp_path, PAGES).help(Reader()) == 0
    assert (tmp_path / HELPED).exists()


def test_shared_pages_parse_takes_the_helpers_pages_and_gives_the_same_passages(monkeypatch, tmp_path, long_pdf):
    options = IngestOptions()
    alone = parse_document(long_pdf, options)
    assert alone.pages > 2 * CHUNK
    assert help_read_pages(long_pdf, options, tmp_path) == alone.pages

    def read_here(source, index):
        raise AssertionError(f"the owner read page {index + 1} its helper had read")

    monkeypatch.setattr(PdfiumSource, "read", read_here)
    helped = parse_document(long_pdf, options, shared=tmp_path)
    assert (helped.status, helped.pages, helped.passages) == (alone.status, alone.pages, alone.passages)


def test_shared_pages_help_on_a_broken_file_reads_nothing(tmp_path, bad_files):
    for bad in bad_files.values():
        assert help_read_pages(bad, IngestOptions(), tmp_path) == 0


def test_batch_idle_worker_helps_the_last_document(monkeypatch, tmp_path, long_pdf):
    """A batch of one long report kept one worker busy and the other idle."""
    real_parse, real_help = batch.parse_document, batch.help_read_pages
    marks = tmp_path / "marks"
    marks.mkdir()

    def slow_owner(path, options, hashed=None, **kw):
        (marks / "owner").write_text(str(kw["shared"]))
        deadline = time.monotonic() + 20  # until the helper is done, so that it has read something
        while not (marks / "helper").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return real_parse(path, options, hashed, **kw)

    def recording_helper(path, options, shared):
        pages = real_help(path, options, shared)
        (marks / "helper").write_text(str(pages))
        return pages

    monkeypatch.setattr(batch, "parse_document", slow_owner)
    monkeypatch.setattr(batch, "help_read_pages", recording_helper)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    [helped] = ingest_paths([long_pdf], limits=BatchLimits(jobs=2))
    [alone] = ingest_paths([long_pdf], limits=BatchLimits(jobs=1))
    assert int((marks / "helper").read_text()) == alone.pages
    assert (helped.status, helped.passages) == (alone.status, alone.passages)
    assert list((tmp_path / "tmp").iterdir()) == []  # the shared pages are removed with the batch


def test_batch_document_gets_every_idle_worker_but_its_own(monkeypatch, tmp_path, long_pdf):
    """With three workers and one document, both idle workers help it, once each."""
    real_parse, real_help = batch.parse_document, batch.help_read_pages
    marks = tmp_path / "marks"
    marks.mkdir()

    def slow_owner(path, options, hashed=None, **kw):
        deadline = time.monotonic() + 20  # until both helpers are done
        while len(list(marks.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        return real_parse(path, options, hashed, **kw)

    def recording_helper(path, options, shared):
        pages = real_help(path, options, shared)
        (marks / str(os.getpid())).write_text(str(pages))
        return pages

    monkeypatch.setattr(batch, "parse_document", slow_owner)
    monkeypatch.setattr(batch, "help_read_pages", recording_helper)
    [helped] = ingest_paths([long_pdf], limits=BatchLimits(jobs=3))
    alone = parse_document(long_pdf)
    read = [int(mark.read_text()) for mark in marks.iterdir()]
    assert len(read) == 2 and sum(read) == alone.pages  # between them, every page once
    assert helped.passages == alone.passages


def test_batch_does_not_wait_for_a_stuck_helper(monkeypatch, long_pdf):
    """The batch waited for a helper stuck on a page after the document it helped was done."""
    monkeypatch.setattr(batch, "help_read_pages", lambda path, options, shared: time.sleep(60))
    started = time.monotonic()
    [result] = ingest_paths([long_pdf], limits=BatchLimits(jobs=2, timeout=60))
    assert result.status.value == "SUCCESS" and time.monotonic() - started < 30


def test_batch_helper_adds_no_result_for_a_broken_document(monkeypatch, tmp_path, bad_files):
    real_parse, real_help = batch.parse_document, batch.help_read_pages
    marks = tmp_path / "marks"
    marks.mkdir()

    def slow_owner(path, options, hashed=None, **kw):
        if path.name == "corrupt.pdf":
            time.sleep(1)  # still in hand when the other worker is idle
        return real_parse(path, options, hashed, **kw)

    def recording_helper(path, options, shared):
        pages = real_help(path, options, shared)
        (marks / path.name).write_text(str(pages))
        return pages

    monkeypatch.setattr(batch, "parse_document", slow_owner)
    monkeypatch.setattr(batch, "help_read_pages", recording_helper)
    files = [bad_files["corrupt"], bad_files["encrypted"]]
    results = list(ingest_paths(files, limits=BatchLimits(jobs=2)))
    assert (marks / "corrupt.pdf").read_text() == "0"
    assert [(r.file, r.status.value) for r in results] == [(str(f), "FAILURE") for f in files]
    assert [len(r.errors) for r in results] == [1, 1]


def test_batch_pdfplumber_documents_are_not_shared(monkeypatch, tmp_path, long_pdf):
    def recording_helper(path, options, shared):
        (tmp_path / "helped").touch()
        return 0

    monkeypatch.setattr(batch, "help_read_pages", recording_helper)
    [result] = ingest_paths([long_pdf], IngestOptions(extractor="pdfplumber"), BatchLimits(jobs=2))
    assert result.status.value == "SUCCESS" and not (tmp_path / "helped").exists()
    [result] = ingest_paths([long_pdf], IngestOptions(extractor="pdfium"), BatchLimits(jobs=2))
    assert result.status.value == "SUCCESS" and (tmp_path / "helped").exists()
