"""A PDF page as PNG with the passage's box drawn on it (pypdfium2, which pdfplumber brings).

Rendering runs in a child process with the caps ingest has (a timeout, a memory cap) and a cap
on pixels: a 14,400-point page once took the review server from 90 MB to 4.1 GB in its own
process. Rendered pages are cached, so the child's start-up is paid once per page.
"""

import io
import json
import math
import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

SCALE = 1.6  # pixels per PDF point: readable without being large
MAX_PIXELS = 6_000_000  # a larger page is drawn at a smaller scale (an A4 page at 1.6 is 1.2 MP)
TIMEOUT = 30.0  # seconds per page
MAX_MEMORY_MB = 1024  # on top of what the child starts with
OUT_OF_MEMORY = 3  # the child's exit code when the memory cap stopped it


class RenderError(Exception):
    """The page could not be drawn within the caps; the message says why, for the reviewer."""


@lru_cache(maxsize=64)
def page_png(pdf_path: str, page: int, boxes: tuple[tuple[float, float, float, float], ...],
             timeout: float = TIMEOUT, max_memory_mb: int = MAX_MEMORY_MB) -> bytes:
    src = str(Path(__file__).resolve().parents[2])  # the child imports this same casetagger
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "casetagger.review.pages", pdf_path, str(page), json.dumps(boxes),
               str(max_memory_mb)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise RenderError(f"drawing page {page} took longer than {timeout:g} s and was stopped") from None
    if done.returncode == OUT_OF_MEMORY:
        raise RenderError(f"drawing page {page} needed more than {max_memory_mb} MB and was stopped")
    if done.returncode != 0:
        reason = (done.stderr.decode(errors="replace").strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise RenderError(f"page {page} could not be drawn ({reason[:200]})")
    return done.stdout


def render(pdf_path: str, page: int, boxes: Sequence[Sequence[float]], max_pixels: int = MAX_PIXELS) -> bytes:
    """Draw the page (at a smaller scale if it is huge) with the boxes; in this process."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    document = pdfium.PdfDocument(Path(pdf_path))
    try:
        pdf_page = document[page - 1]
        width, height = pdf_page.get_size()
        scale = min(SCALE, 0.99 * math.sqrt(max_pixels / max(1.0, width * height)))  # 0.99: pixels round up
        image = pdf_page.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle([x0 * scale - 4, top * scale - 4, x1 * scale + 4, bottom * scale + 4], outline=(220, 40, 60), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _child(pdf_path: str, page: str, boxes: str, max_memory_mb: str) -> None:
    from casetagger.ingest.batch import _virtual_memory

    limit = _virtual_memory() + int(max_memory_mb) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        png = render(pdf_path, int(page), [tuple(b) for b in json.loads(boxes)])
    except MemoryError:
        sys.exit(OUT_OF_MEMORY)
    sys.stdout.buffer.write(png)


if __name__ == "__main__":
    _child(*sys.argv[1:5])
