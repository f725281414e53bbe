import os
import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent / "texts")]  # pdfgen and the texts

from council import COUNCIL_AGENDA  # noqa: E402
from pdfgen import build_pdf  # noqa: E402


@pytest.fixture(scope="session")
def council_pdf(tmp_path_factory) -> Path:
    """A six-page council agenda: running lines, headings, hyphens, bullets, columns, a scan."""
    path = tmp_path_factory.mktemp("pdfs") / "council_agenda.pdf"
    build_pdf(path, COUNCIL_AGENDA)
    return path


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    """Files a batch meets in the wild: corrupt, encrypted, empty, not a PDF."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    folder = tmp_path_factory.mktemp("bad")
    files = {
        "corrupt": folder / "corrupt.pdf",
        "encrypted": folder / "encrypted.pdf",
        "empty": folder / "empty.pdf",
        "not_pdf": folder / "notes.pdf",
    }
    files["corrupt"].write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer garbage\x00\xff" * 3)
    canvas = Canvas(str(files["encrypted"]), encrypt=StandardEncryption("hemmelig", "ejer", canPrint=0))
    canvas.drawString(72, 720, "Fortroligt bilag til punkt 7")
    canvas.save()
    files["empty"].write_bytes(b"")
    files["not_pdf"].write_text("Referat fra mødet, skrevet i Word og gemt med forkert endelse.", encoding="utf-8")
    return files


@pytest.fixture(scope="session", autouse=True)
def isolated_registry(tmp_path_factory):
    """No test sees or changes a model registry outside the suite's own temporary folder."""
    previous = os.environ.get("CASETAGGER_REGISTRY")
    os.environ["CASETAGGER_REGISTRY"] = str(tmp_path_factory.mktemp("registry"))
    yield
    if previous is None:
        os.environ.pop("CASETAGGER_REGISTRY", None)
    else:
        os.environ["CASETAGGER_REGISTRY"] = previous
