"""Regenerate the example PDFs from the texts in tests/ (needs the dev extra: reportlab)."""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "tests"))

from council import COUNCIL_AGENDA  # noqa: E402
from pdfgen import build_pdf  # noqa: E402

if __name__ == "__main__":
    build_pdf(HERE / "council_agenda_2025-03-12.pdf", COUNCIL_AGENDA)
    print("wrote", HERE / "council_agenda_2025-03-12.pdf")
