"""The pdfium extractor: the records pdfplumber gives, on the pages pdfplumber's tests do not build.

Every PDF these tests build is also parsed by both extractors and compared (conftest.py).
"""

from pathlib import Path

import pytest
from pdfgen import Heading, Paragraph, build_pdf
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from casetagger.errors import CasetaggerError
from casetagger.ingest import IngestOptions, parse_document
from casetagger.ingest.extract import open_source

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def words(path: Path, extractor: str) -> list[list[str]]:
    source = open_source(path, extractor)
    try:
        return [[w.text for w in sorted(record.words, key=lambda w: (round(w.top), w.x0))]
                for record, _ in source.pages()]
    finally:
        source.close()


@pytest.mark.extractors_differ  # pdfminer does not turn a /Rotate page: its words come out vertical
def test_pdfium_rotated_page_reads_upright(tmp_path):
    """A landscape page stored as portrait with /Rotate 90, its text drawn turned: read as shown."""
    path = tmp_path / "rotated_landscape.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setPageRotation(90)
    canvas.setFont("Helvetica", 10)
    for row, text in enumerate(["Bilag 2: Budget for klimaplanen", "Solceller på rådhuset 1,2 mio. kr."]):
        canvas.saveState()
        canvas.translate(100 + 20 * row, 100)
        canvas.rotate(90)  # shown after the page's clockwise turn, this text reads left to right
        canvas.drawString(0, 0, text)
        canvas.restoreState()
    canvas.save()
    source = open_source(path, "pdfium")
    record, _ = next(source.pages())
    source.close()
    assert (round(record.width), round(record.height)) == (842, 595)
    rows = words(path, "pdfium")[0]
    assert " ".join(rows) == "Bilag 2: Budget for klimaplanen Solceller på rådhuset 1,2 mio. kr."
    assert all(0 <= w.x0 < w.x1 <= record.width and 0 <= w.top < w.bottom <= record.height for w in record.words)


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans not installed")
def test_pdfium_maps_ligatures_and_non_breaking_spaces_like_pdfplumber(tmp_path):
    path = tmp_path / "ligatures_nbsp.pdf"
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    canvas = Canvas(str(path))
    canvas.setFont("DejaVu", 11)
    canvas.drawString(72, 700, "Kommunens ﬁnansiering af ﬂere grønne tage: 2\u00a0500\u00a0000 kr.")
    canvas.save()
    assert words(path, "pdfium") == words(path, "pdfplumber")
    assert "finansiering" in words(path, "pdfium")[0] and "flere" in words(path, "pdfium")[0]


def test_pdfium_reads_bold_headings_and_fonts(tmp_path):
    path = tmp_path / "bold_headings.pdf"
    build_pdf(path, [Heading("Sundhedspolitik 2025", 1), Heading("Indsatser", 3),
                     Paragraph("Kommunen åbner et nyt sundhedshus i Bagsværd med rygestop og motion for ældre.")])
    source = open_source(path, "pdfium")
    record, _ = next(source.pages())
    source.close()
    by_text = {w.text: w for w in record.words}
    assert by_text["Sundhedspolitik"].bold and by_text["Sundhedspolitik"].size == 16
    assert by_text["Indsatser"].bold and not by_text["sundhedshus"].bold
    assert by_text["sundhedshus"].fontname == "Helvetica" and by_text["sundhedshus"].size == 10


def test_pdfium_encrypted_and_corrupt_files_get_coded_errors(bad_files):
    encrypted = parse_document(bad_files["encrypted"], IngestOptions(extractor="pdfium"))
    corrupt = parse_document(bad_files["corrupt"], IngestOptions(extractor="pdfium"))
    assert encrypted.errors[0].startswith("[E005]") and "encrypted.pdf" in encrypted.errors[0]
    assert corrupt.errors[0].startswith("[E006]") and "corrupt.pdf" in corrupt.errors[0]


def test_pdfium_unknown_extractor_is_a_coded_error(council_pdf):
    with pytest.raises(CasetaggerError, match=r"\[E017\].*'pdfminer'"):
        open_source(council_pdf, "pdfminer")


def _fixture_names() -> list[str]:
    from council import fixtures

    return list(fixtures())


@pytest.mark.parametrize("name", _fixture_names())
def test_pdfium_same_passages_on_every_generated_layout(tmp_path, name):
    """Agenda systems, contents pages, tables, annexes: built here, compared by conftest.py."""
    from council import fixtures

    elements, header, footer = fixtures()[name]
    build_pdf(tmp_path / "layout.pdf", elements, header=header, footer=footer)


def test_pdfium_two_documents_parsed_at_once_in_threads(council_pdf, tmp_path):
    """pdfium is not for threads: two threads of one process parsing a document each (a Dask
    worker with several threads) crashed the process with a segmentation fault."""
    from concurrent.futures import ThreadPoolExecutor

    other = tmp_path / "other.pdf"
    build_pdf(other, [Heading("Bilag", 1), Paragraph("Et bilag med tekst, der læses samtidig med dagsordenen. " * 40)]
              * 6)
    paths = [council_pdf, other] * 3
    alone = [parse_document(path, IngestOptions()).passages for path in paths]
    with ThreadPoolExecutor(2) as pool:
        assert [r.passages for r in pool.map(lambda path: parse_document(path, IngestOptions()), paths)] == alone


def test_pdfium_memory_cap_on_a_page_is_not_a_broken_page(monkeypatch, council_pdf):
    """A worker at its memory cap on a page reported the page as unreadable (E011) and went on
    with a heap the batch no longer trusts; a page helper's would have been handed to the owner."""
    from casetagger.ingest import pdfium

    def at_the_cap(page, number):
        raise MemoryError

    monkeypatch.setattr(pdfium, "read_page", at_the_cap)
    with pytest.raises(MemoryError):
        parse_document(council_pdf, IngestOptions(extractor="pdfium"))
