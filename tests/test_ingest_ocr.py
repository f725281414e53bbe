"""Scanned pages: OCR through ocrmypdf when installed, a clear message when not."""

from io import BytesIO
from pathlib import Path

import pytest

from casetagger.ingest import IngestOptions, Status, ocr, parse_document

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = ["Kommunen har plantet 300 nye træer i Værebro Park,", "og børnene på Søborg Skole har hjulpet med at",
         "så blomster til bierne langs åen."]


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory) -> Path:
    """One page that is only a picture of Danish text, as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    font = ImageFont.truetype(str(FONT), 34) if FONT.exists() else ImageFont.load_default(size=34)
    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES):
        draw.text((150, 300 + i * 48), line, font=font, fill=0)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    path = tmp_path_factory.mktemp("scan") / "scannet_bilag.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(ImageReader(buffer), 0, 0, *A4)
    canvas.save()
    return path


def test_ocr_scanned_document_without_ocr_fails_with_reason(scanned_pdf):
    result = parse_document(scanned_pdf)
    assert result.status is Status.FAILURE and result.scanned_pages == [1]
    assert "no text found; 1 of 1 pages are scanned images (use --ocr)" in result.errors[0]


def test_ocr_says_clearly_when_it_is_not_installed(scanned_pdf, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    result = parse_document(scanned_pdf, IngestOptions(ocr=True))
    assert result.status is Status.FAILURE
    assert any("OCR requested but not available: ocrmypdf not found" in w for w in result.warnings)


@pytest.mark.skipif(not ocr.available()[0], reason="needs Debian's ocrmypdf and tesseract-ocr-dan (.ci/run installs them)")
def test_ocr_reads_danish_text_from_a_scanned_page(scanned_pdf):
    result = parse_document(scanned_pdf, IngestOptions(ocr=True))
    assert result.status is Status.SUCCESS and result.scanned_pages == []
    text = " ".join(p["text"] for p in result.passages)
    for word in ("træer", "Værebro", "børnene", "Søborg", "åen"):
        assert word in text
    assert result.passages[0]["doc_id"] == result.doc_id  # provenance is the original file, not the OCR copy
