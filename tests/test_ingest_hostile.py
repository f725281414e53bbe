"""Hostile PDFs in a batch: the batch ends within a bound the worker timeout sets, the good
documents are read, and every bad one ends in its coded error."""

import logging
import time

import pytest
from hostile import EXPECTED, write_hostile
from typer.testing import CliRunner

from casetagger.cli import app
from casetagger.ingest import BatchLimits, IngestOptions, Status, batch, ingest_paths, parse_document

TIMEOUT = 15.0  # ample for the good documents on a loaded machine; the looping one costs this much


def _loop(path, options):
    while True:  # a parser stuck on a cyclic structure: it burns a core until killed
        pass


def test_ingest_hostile_batch_ends_within_the_timeout_bound(monkeypatch, tmp_path, council_pdf):
    hostile = write_hostile(tmp_path / "in")
    good = [tmp_path / "in" / f"good{i}.pdf" for i in range(2)]
    for path in good:
        path.write_bytes(council_pdf.read_bytes())
    looping = tmp_path / "in" / "looping.pdf"
    looping.write_bytes(council_pdf.read_bytes())
    real = batch.parse_document
    monkeypatch.setattr(batch, "parse_document", lambda path, options, hashed=None, **kw: (
        _loop(path, options) if path.name == "looping.pdf" else real(path, options, hashed, **kw)))
    paths = sorted((tmp_path / "in").iterdir())
    started = time.monotonic()
    results = {r.file: r for r in ingest_paths(paths, limits=BatchLimits(jobs=2, timeout=TIMEOUT, max_memory_mb=256))}
    elapsed = time.monotonic() - started
    # every document taking its whole timeout one after the other is the most a batch may take
    assert elapsed < TIMEOUT * len(paths)
    for path in good:
        assert results[str(path)].status is Status.PARTIAL and results[str(path)].passages
    assert "[E008]" in results[str(looping)].errors[0]
    for name, code in EXPECTED.items():
        result = results[str(hostile[name])]
        if code is None:
            assert result.status is not Status.FAILURE, (name, result.errors)
        else:
            assert result.status is Status.FAILURE and f"[{code}]" in result.errors[0] and name in result.errors[0]


def test_ingest_corrupt_page_box_is_a_corrupt_pdf_not_our_bug(tmp_path):
    """pdfminer failing on a page box came out as E016 ("please report it") instead of E006."""
    path = write_hostile(tmp_path)["corrupt_page_box.pdf"]
    result = parse_document(path, IngestOptions(extractor="pdfplumber"))
    assert result.status is Status.FAILURE and "[E006]" in result.errors[0], result.errors


def test_ingest_close_failing_after_an_error_keeps_the_error(monkeypatch, tmp_path, council_pdf):
    """A close() in a finally that raised replaced the reason reading failed."""
    from casetagger.ingest import pdfium

    def broken_pages(self):
        raise ValueError("bad page tree")
        yield

    def broken_close(self):
        raise RuntimeError("close failed too")

    monkeypatch.setattr(pdfium.PdfiumSource, "pages", broken_pages)
    monkeypatch.setattr(pdfium.PdfiumSource, "close", broken_close)
    result = parse_document(council_pdf)
    assert result.status is Status.FAILURE and "[E006]" in result.errors[0] and "bad page tree" in result.errors[0]


@pytest.mark.parametrize("extractor", ["pdfium", "pdfplumber"])
def test_ingest_decompression_bomb_is_a_memory_error_not_a_bad_page(tmp_path, extractor):
    """pdfplumber reported a bomb that hit the cap as 'page 1 could not be read' (zlib's error)."""
    path = write_hostile(tmp_path)["decompression_bomb.pdf"]
    result, = ingest_paths([path], IngestOptions(extractor=extractor),
                           BatchLimits(jobs=1, timeout=60, max_memory_mb=256))
    assert result.status is Status.FAILURE and "[E009]" in result.errors[0], result.errors


def test_ingest_parser_log_lines_are_warnings_not_raw_console_text(monkeypatch, council_pdf, capfd):
    """pdfminer's log lines reached the console as they were, unrelated to any file."""
    from casetagger.ingest import document

    real = document.reading_order

    def chatty(pages):
        logging.getLogger("pdfminer.pdfpage").warning("CropBox missing from /Page, defaulting to MediaBox")
        return real(pages)

    monkeypatch.setattr(document, "reading_order", chatty)
    result = parse_document(council_pdf)
    assert any("[W007]" in w and "CropBox missing" in w and "(1x)" in w for w in result.warnings)
    assert "CropBox" not in capfd.readouterr().err


def test_ingest_masking_runs_in_the_worker_under_its_timeout(monkeypatch, tmp_path, council_pdf):
    """Masking ran in the parent, outside the timeout: one PDF held the whole batch."""
    from casetagger.inventory import privacy

    monkeypatch.setattr(privacy, "mask_passage", lambda passage: time.sleep(120))
    result = CliRunner().invoke(app, ["ingest", str(council_pdf), "--out", str(tmp_path / "p.jsonl"), "--timeout", "3"])
    assert result.exit_code == 1 and "[E008]" in result.stderr


def test_ingest_console_table_masks_personal_data_in_file_names(tmp_path, council_pdf):
    named = tmp_path / "klage fra 120384-1234 tlf 39 57 50 00.pdf"
    named.write_bytes(council_pdf.read_bytes())
    result = CliRunner().invoke(app, ["ingest", str(named), "--out", str(tmp_path / "p.jsonl")])
    assert result.exit_code == 0, result.stderr
    assert "120384" not in result.stderr and "39 57 50 00" not in result.stderr and "[CPR-nr.]" in result.stderr
