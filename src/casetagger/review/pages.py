"""A PDF page as PNG with the passage's box drawn on it (pypdfium2, which pdfplumber brings)."""

import io
import threading
from functools import lru_cache
from pathlib import Path

SCALE = 1.6  # pixels per PDF point: readable without being large
# PDFium must never run in two threads at once, and the app serves images from a thread pool
PDFIUM = threading.Lock()


@lru_cache(maxsize=64)
def page_png(pdf_path: str, page: int, boxes: tuple[tuple[float, float, float, float], ...]) -> bytes:
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    with PDFIUM:
        document = pdfium.PdfDocument(Path(pdf_path))
        try:
            image = document[page - 1].render(scale=SCALE).to_pil().convert("RGB")
        finally:
            document.close()
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle([x0 * SCALE - 4, top * SCALE - 4, x1 * SCALE + 4, bottom * SCALE + 4], outline=(220, 40, 60), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
