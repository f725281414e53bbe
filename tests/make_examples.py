"""Regenerate the example PDFs in examples/ from the texts in tests/ (needs the dev extra: reportlab)."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
sys.path[:0] = [str(HERE), str(HERE / "texts")]

from board_minutes import BOARD_MINUTES  # noqa: E402
from council import COUNCIL_AGENDA  # noqa: E402
from pdfgen import build_pdf  # noqa: E402
from strategy_followup import STRATEGY_FOLLOWUP  # noqa: E402

DOCUMENTS = {
    "okonomiudvalget_dagsorden_2025-03-12.pdf": (COUNCIL_AGENDA, ("Gladsaxe Kommune · Økonomiudvalget", "Dagsorden 12. marts 2025"), "Side {page}"),
    "opfolgning_kommunestrategi_2025-2.pdf": (STRATEGY_FOLLOWUP, ("Gladsaxe Kommune", "Opfølgning på kommunestrategien"), "- {page} -"),
    "boerne_undervisningsudvalget_referat_2025-11-04.pdf": (BOARD_MINUTES, ("Børne- og Undervisningsudvalget", "Referat 4. november 2025"), "Side {page}"),
}

if __name__ == "__main__":
    for name, (elements, header, footer) in DOCUMENTS.items():
        writer = build_pdf(EXAMPLES / name, elements, header=header, footer=footer)
        print(f"wrote {EXAMPLES / name} ({writer.page} pages)")
