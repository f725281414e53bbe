"""Optional OCR of scanned pages through ocrmypdf and Tesseract's Danish model."""

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from casetagger.errors import CasetaggerError, Errors

INSTALL_HINT = "install the Debian packages ocrmypdf and tesseract-ocr-dan"


def available() -> tuple[bool, str]:
    """Whether ocrmypdf and Tesseract with Danish are installed, and if not, what is missing."""
    if not shutil.which("ocrmypdf"):
        return False, f"ocrmypdf not found ({INSTALL_HINT})"
    if not shutil.which("tesseract"):
        return False, f"tesseract not found ({INSTALL_HINT})"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if "dan" not in langs:
        return False, f"Tesseract has no Danish model ({INSTALL_HINT})"
    return True, ""


@contextmanager
def ocr_copy(path: Path, timeout: float = 600) -> Iterator[Path]:
    """A temporary copy of ``path`` with a text layer added to the pages that had none."""
    with tempfile.TemporaryDirectory(prefix="casetagger-ocr-") as tmp:
        out = Path(tmp) / "ocr.pdf"
        cmd = ["ocrmypdf", "--quiet", "-l", "dan", "--skip-text", "--output-type", "pdf", str(path), str(out)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise CasetaggerError(Errors.E013.format(path=path, detail=f"timed out after {timeout} s")) from None
        if done.returncode != 0 or not out.exists():
            detail = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
            raise CasetaggerError(Errors.E013.format(path=path, detail=detail))
        yield out
